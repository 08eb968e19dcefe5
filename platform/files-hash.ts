/**
 * A hash of build inputs (paths and contents, in a stable order), the stamp of a build kept
 * beside its output: the console's (web/build/build.ts) and the hub's (scripts/runtime/hub-build.ts)
 * are rebuilt only when it changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `path` (or `path` itself when it is a file); none when it does not exist. */
export function filesUnder(path: string, keep: (name: string) => boolean = () => true): string[] {
  if (!existsSync(path)) return [];
  try {
    return readdirSync(path, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(path, entry.name), keep) : keep(entry.name) ? [join(path, entry.name)] : []));
  } catch {
    return [path]; // not a directory
  }
}

/** The hash of `inputs` (files or folders, those `keep` accepts by name), paths taken relative to `root`. */
export function hashFiles(root: string, inputs: readonly string[], keep?: (name: string) => boolean): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => filesUnder(input, keep)).sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
