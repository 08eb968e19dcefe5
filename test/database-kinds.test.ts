/**
 * Which database kinds a file runs on (D206, docs/testing.md § Which files run on both
 * kinds): `databaseKinds()` for the files whose behaviour depends on the database, and
 * `endToEndKinds(kind)` for end-to-end files, half of them naming each kind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { databaseKinds, endToEndKinds } from './helpers/hub.js';

const POSTGRES = { TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' };

/** The kinds each test file of test/ names in `endToEndKinds(…)`, by file name. */
function namedKinds(): Map<string, Set<string>> {
  const dir = new URL('./', import.meta.url);
  const named = new Map<string, Set<string>>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts'))) {
    const kinds = [...readFileSync(new URL(file, dir), 'utf8').matchAll(/endToEndKinds\('(\w+)'\)/g)].map((m) => m[1]!);
    if (kinds.length > 0) named.set(file, new Set(kinds));
  }
  return named;
}

describe('database kinds of a test file', () => {
  it('runs the database-dependent files on PGlite, and on PostgreSQL when it is set', () => {
    expect(databaseKinds({})).toEqual(['pglite']);
    expect(databaseKinds(POSTGRES)).toEqual(['pglite', 'postgres']);
  });

  it('runs an end-to-end file on its kind alone when both are there, on both with ROR_TEST_ALL_KINDS=1', () => {
    expect(endToEndKinds('postgres', POSTGRES)).toEqual(['postgres']);
    expect(endToEndKinds('pglite', POSTGRES)).toEqual(['pglite']);
    expect(endToEndKinds('postgres', { ...POSTGRES, ROR_TEST_ALL_KINDS: '1' })).toEqual(['pglite', 'postgres']);
    expect(endToEndKinds('pglite', { ...POSTGRES, ROR_TEST_ALL_KINDS: '1' })).toEqual(['pglite', 'postgres']);
  });

  it('runs every end-to-end file on PGlite when PostgreSQL is not set, so none is skipped', () => {
    expect(endToEndKinds('postgres', {})).toEqual(['pglite']);
    expect(endToEndKinds('pglite', {})).toEqual(['pglite']);
    expect(endToEndKinds('postgres', { ROR_TEST_ALL_KINDS: '1' })).toEqual(['pglite']);
  });

  it('splits the end-to-end files between the kinds: one kind per file, half of the files each', () => {
    const named = namedKinds();
    const byKind = { pglite: 0, postgres: 0 };
    for (const [file, kinds] of named) {
      expect([...kinds], `${file} names one kind`).toHaveLength(1);
      const [kind] = kinds;
      expect(['pglite', 'postgres'], file).toContain(kind);
      byKind[kind as keyof typeof byKind]++;
    }
    expect(named.size).toBeGreaterThan(10);
    expect(Math.abs(byKind.pglite - byKind.postgres), JSON.stringify(byKind)).toBeLessThanOrEqual(1);
  });
});
