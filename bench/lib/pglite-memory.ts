/**
 * What an in-process PGlite holds outside V8's heap: its WebAssembly memory (PostgreSQL's heap,
 * shared buffers and stack; it never shrinks) and the files of its in-memory file system
 * (emscripten's MEMFS: one typed array per file, grown by 1.125× past 1 MiB), with the WAL apart.
 * The export bench prints them at idle and at the job's end, to tell the database's growth from
 * the hub's.
 */

export interface PgliteMemory {
  /** WebAssembly memory, MiB (committed; RSS counts the pages PostgreSQL touched). */
  wasm: number;
  /** Bytes held by the data directory's files (their arrays' capacity), MiB; null on disk. */
  files: number | null;
  /** Of which pg_wal, MiB. */
  wal: number | null;
}

interface FsNode {
  contents?: Uint8Array | Record<string, FsNode> | null;
  mode: number;
}
interface EmscriptenModule {
  HEAPU8: Uint8Array;
  FS: { lookupPath: (path: string) => { node: FsNode }; isDir: (mode: number) => boolean };
}

const mib = (bytes: number) => bytes / 2 ** 20;

/** The PGlite instance behind a Drizzle client, or null on PostgreSQL. */
export function pgliteModule(orm: unknown): EmscriptenModule | null {
  const client = (orm as { $client?: { Module?: EmscriptenModule } }).$client;
  return client?.Module ?? null;
}

function sizeOf(fs: EmscriptenModule['FS'], node: FsNode, path: string, sums: { files: number; wal: number }): void {
  if (fs.isDir(node.mode)) {
    for (const [name, child] of Object.entries((node.contents ?? {}) as Record<string, FsNode>)) sizeOf(fs, child, `${path}/${name}`, sums);
    return;
  }
  const bytes = node.contents instanceof Uint8Array ? node.contents.byteLength : 0;
  sums.files += bytes;
  if (path.includes('/pg_wal/')) sums.wal += bytes;
}

export function pgliteMemory(module: EmscriptenModule): PgliteMemory {
  const root = module.FS.lookupPath('/pglite/data').node;
  // A data directory on disk (NODEFS) keeps no contents in its nodes: nothing of it is in memory.
  if (!root.contents) return { wasm: mib(module.HEAPU8.byteLength), files: null, wal: null };
  const sums = { files: 0, wal: 0 };
  sizeOf(module.FS, root, '/pglite/data', sums);
  return { wasm: mib(module.HEAPU8.byteLength), files: mib(sums.files), wal: mib(sums.wal) };
}

export const showPglite = (m: PgliteMemory) =>
  `WASM memory ${m.wasm.toFixed(0)} MiB, ${m.files === null ? 'files on disk' : `files ${m.files.toFixed(0)} MiB (WAL ${(m.wal ?? 0).toFixed(0)})`}`;
