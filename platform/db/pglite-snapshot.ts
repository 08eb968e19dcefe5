/**
 * An in-memory PGlite started from a data-directory dump (`Database.dump`, a tar) without
 * PGlite's `loadDataDir`: that reads the whole file, copies it into a Blob and out again, parses
 * the tar and looks up every parent folder of every file, at every start. Here the tar is parsed
 * once per process and file (kept while the file is unchanged), and each start only writes its
 * files into the new instance's memory file system (each instance gets its own copy: PostgreSQL
 * writes to them). Tests start about a hundred in-memory hubs from two dumps (issue 16,
 * D215).
 */
import { MemoryFS } from '@electric-sql/pglite';
import { readFileSync, statSync } from 'node:fs';

/** PGlite's data directory inside its file system (PGDATA in @electric-sql/pglite's initdb.ts). */
const PGDATA = '/pglite/data';

interface TarEntry {
  /** Relative to the data directory, without leading or trailing slashes. */
  path: string;
  kind: 'file' | 'dir';
  /** Milliseconds since the epoch (PostgreSQL does not read it; kept as loadDataDir does). */
  mtimeMs: number;
  data: Uint8Array;
}

const BLOCK = 512;
const decoder = new TextDecoder();

/** A NUL-terminated ASCII field of a tar header. */
function field(bytes: Uint8Array, offset: number, length: number): string {
  let end = offset;
  while (end < offset + length && bytes[end] !== 0) end++;
  return decoder.decode(bytes.subarray(offset, end));
}

function octal(bytes: Uint8Array, offset: number, length: number, file: string): number {
  const text = field(bytes, offset, length).trim();
  if (!/^[0-7]*$/.test(text)) throw new Error(`${file} is not a data-directory dump: bad number in a tar header`);
  return text ? parseInt(text, 8) : 0;
}

/**
 * The entries of a ustar archive as PGlite's `dumpDataDir` writes it: folders and regular files
 * only. Anything else (another format, a link, a truncated file) is refused with the file's name.
 */
export function parseDump(bytes: Uint8Array, file: string): TarEntry[] {
  const entries: TarEntry[] = [];
  for (let offset = 0; offset + BLOCK <= bytes.length; ) {
    if (bytes[offset] === 0) return entries; // the end-of-archive blocks
    if (field(bytes, offset + 257, 5) !== 'ustar') throw new Error(`${file} is not a data-directory dump: not a ustar archive`);
    const name = field(bytes, offset, 100);
    const prefix = field(bytes, offset + 345, 155);
    const size = octal(bytes, offset + 124, 12, file);
    const type = String.fromCharCode(bytes[offset + 156]!);
    const path = (prefix ? `${prefix}/${name}` : name).replace(/^\/+|\/+$/g, '');
    offset += BLOCK;
    if (offset + size > bytes.length) throw new Error(`${file} is not a data-directory dump: truncated at ${path}`);
    if (type === '5') entries.push({ path, kind: 'dir', mtimeMs: 0, data: new Uint8Array(0) });
    else if (type === '0' || type === '\0') entries.push({ path, kind: 'file', mtimeMs: octal(bytes, offset - BLOCK + 136, 12, file) * 1000, data: bytes.subarray(offset, offset + size) });
    else throw new Error(`${file} is not a data-directory dump: unsupported tar entry type '${type}' at ${path}`);
    offset += Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new Error(`${file} is not a data-directory dump: no end-of-archive block`);
}

/** Parsed dumps of this process by file, while the file's size and time are unchanged. */
const parsed = new Map<string, { stamp: string; entries: TarEntry[] }>();
/** Tests use two dumps (migrated, seeded); more would only hold memory. */
const KEPT = 2;

function entriesOf(file: string): TarEntry[] {
  const { size, mtimeMs, ino } = statSync(file);
  const stamp = `${ino}:${size}:${mtimeMs}`;
  const kept = parsed.get(file);
  if (kept?.stamp === stamp) return kept.entries;
  const entries = parseDump(new Uint8Array(readFileSync(file)), file);
  parsed.delete(file);
  parsed.set(file, { stamp, entries });
  for (const old of parsed.keys()) if (parsed.size > KEPT) parsed.delete(old);
  return entries;
}

/**
 * PGlite's memory file system, holding the dump's data directory before PostgreSQL starts: PGlite
 * then finds a database and resumes it, as from a persisted directory. Parsed when constructed,
 * so a bad file fails before any WebAssembly is instantiated.
 */
export class DumpMemoryFS extends MemoryFS {
  readonly #entries: TarEntry[];

  constructor(file: string) {
    super();
    this.#entries = entriesOf(file);
  }

  override async initialSyncFs(): Promise<void> {
    const fs = this.pg!.Module.FS;
    const made = new Set<string>();
    const folder = (path: string) => {
      if (!made.has(path)) fs.mkdirTree(path); // no lookup per file: a dump lists a folder before its files
      made.add(path);
    };
    folder(PGDATA);
    for (const entry of this.#entries) {
      const path = `${PGDATA}/${entry.path}`;
      if (entry.kind === 'dir') {
        folder(path);
        continue;
      }
      folder(path.slice(0, path.lastIndexOf('/')));
      fs.writeFile(path, entry.data); // copied: the parsed bytes are shared by every start
      fs.utime(path, entry.mtimeMs, entry.mtimeMs);
    }
  }
}
