/** Guards on the repository itself: self-contained data, documented configuration. */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENV_SCHEMA } from '../platform/config.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CODE_FOLDERS = ['platform', 'subgraphs', 'gateway', 'fhir', 'scripts', 'test', 'bench', 'web'];

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|sh)$/.test(name) ? [path] : [];
  });
}

describe('repository hygiene', () => {
  it('never reads ../shared: the data the project needs is copied into it', () => {
    const offenders = CODE_FOLDERS.flatMap((f) => sourceFiles(join(ROOT, f)))
      .filter((file) => !file.endsWith('repo-hygiene.test.ts') && !file.endsWith('cut.sh'))
      .filter((file) => /\.\.\/(\.\.\/)*shared\//.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('documents every configuration variable in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const missing = Object.keys(ENV_SCHEMA.properties).filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
