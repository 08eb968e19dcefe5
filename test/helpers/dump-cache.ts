/**
 * The run-to-run cache of PGlite dumps in the system temporary folder (`ror-test-cache`): a dump
 * is named by a hash of all it depends on, and written once, by whichever process first needs it.
 * Imports nothing heavy: test/helpers/hub.ts loads the hub's modules only when it makes a hub.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DUMP_CACHE = join(tmpdir(), 'ror-test-cache');

/** The installed version of `pkg`, for a dump's name. */
export function packageVersion(pkg: string): string {
  return (JSON.parse(readFileSync(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;
}

/** `name` in the cache folder, which is created if missing. */
export function cachedFile(name: string): string {
  mkdirSync(DUMP_CACHE, { recursive: true });
  return join(DUMP_CACHE, name);
}

/** `file`, written by `write` first if missing: into a partial file renamed when complete, since two workers or runs may write it at once. */
export async function writeOnce(file: string, write: (partial: string) => Promise<void>): Promise<string> {
  if (existsSync(file)) return file;
  const partial = `${file}.${process.pid}`;
  await write(partial);
  renameSync(partial, file);
  return file;
}
