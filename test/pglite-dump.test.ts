/**
 * In-memory PGlite databases started from a dump (platform/db/pglite-snapshot.ts, D215):
 * the dump is parsed once per process, so copies must not share what PostgreSQL writes, a
 * rewritten dump must be read again, and a file that is not a dump must be refused clearly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../platform/db/client.js';
import { parseDump } from '../platform/db/pglite-snapshot.js';
import { emptyClusterDump } from './helpers/pglite.js';

const folder = mkdtempSync(join(tmpdir(), 'ror-pglite-dump-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A dump holding table `kept` with `values`; its source starts from the empty cluster's dump, whose copies must not share writes either (a second `create table kept` would fail). */
async function dumpWith(file: string, values: number[]): Promise<void> {
  const source = await openDatabase({ kind: 'pglite', dataDir: null, loadFrom: await emptyClusterDump() });
  try {
    await source.rows(sql`create table kept (n int)`);
    await source.rows(sql.raw(`insert into kept values ${values.map((n) => `(${n})`).join(', ')}`));
    await source.dump!(file);
  } finally {
    await source.close();
  }
}

const total = async (db: Database) => (await db.rows<{ total: number }>(sql`select sum(n)::int as total from kept`))[0]!.total;

describe('in-memory databases from a dump', { timeout: 120_000 }, () => {
  it('each copy holds the dump rows and its own writes only; a rewritten dump is read again', async () => {
    const file = join(folder, 'kept.tar');
    await dumpWith(file, [1, 2]);
    const first = await openDatabase({ kind: 'pglite', dataDir: null, loadFrom: file });
    const second = await openDatabase({ kind: 'pglite', dataDir: null, loadFrom: file });
    try {
      await first.rows(sql`insert into kept values (10)`);
      await second.rows(sql`insert into kept values (100)`);
      expect([await total(first), await total(second)]).toEqual([13, 103]);
    } finally {
      await first.close();
      await second.close();
    }
    const third = await openDatabase({ kind: 'pglite', dataDir: null, loadFrom: file });
    try {
      expect(await total(third)).toBe(3); // the parsed dump kept no write of the copies before
    } finally {
      await third.close();
    }
    await dumpWith(file, [5]);
    const fourth = await openDatabase({ kind: 'pglite', dataDir: null, loadFrom: file });
    try {
      expect(await total(fourth)).toBe(5);
    } finally {
      await fourth.close();
    }
  });

  it('a file that is not a dump is refused with its name, before PostgreSQL starts', async () => {
    const file = join(folder, 'not-a-dump.tar');
    writeFileSync(file, Buffer.alloc(2048, 'x'));
    await expect(openDatabase({ kind: 'pglite', dataDir: null, loadFrom: file })).rejects.toThrow(`${file} is not a data-directory dump: not a ustar archive`);
  });
});

describe('parseDump', () => {
  /** One ustar header block for `name`, of `type` and `size`, with a valid magic. */
  function header(name: string, type: string, size: number): Uint8Array {
    const block = new Uint8Array(512);
    block.set(new TextEncoder().encode(name), 0);
    block.set(new TextEncoder().encode(size.toString(8).padStart(11, '0')), 124);
    block.set(new TextEncoder().encode('00000000000'), 136);
    block[156] = type.charCodeAt(0);
    block.set(new TextEncoder().encode('ustar'), 257);
    return block;
  }
  const archive = (...blocks: Uint8Array[]) => Buffer.concat([...blocks, new Uint8Array(1024)]);

  it('reads folders and files, paths without their leading slash', () => {
    const data = new Uint8Array(512).fill(7);
    const entries = parseDump(archive(header('/base/', '5', 0), header('/base/1', '0', 3), data), 'x.tar');
    expect(entries.map(({ path, kind, data }) => [path, kind, data.length])).toEqual([
      ['base', 'dir', 0],
      ['base/1', 'file', 3],
    ]);
  });

  it('refuses links, truncated files and archives without an end', () => {
    expect(() => parseDump(archive(header('/base/l', '2', 0)), 'x.tar')).toThrow("x.tar is not a data-directory dump: unsupported tar entry type '2' at base/l");
    expect(() => parseDump(header('/base/1', '0', 4096), 'x.tar')).toThrow('x.tar is not a data-directory dump: truncated at base/1');
    expect(() => parseDump(Buffer.concat([header('/base/', '5', 0)]), 'x.tar')).toThrow('x.tar is not a data-directory dump: no end-of-archive block');
  });

  it('reads the dumps PGlite writes as the tar format says (checked against the bytes of a real one)', async () => {
    const file = join(folder, 'real.tar');
    await dumpWith(file, [1]);
    const entries = parseDump(new Uint8Array(readFileSync(file)), file);
    const version = entries.find((e) => e.path === 'PG_VERSION');
    expect(version?.kind).toBe('file');
    expect(new TextDecoder().decode(version!.data).trim()).toMatch(/^\d+$/);
    expect(entries.filter((e) => e.kind === 'dir').map((e) => e.path)).toContain('base');
  });
});
