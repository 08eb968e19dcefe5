/**
 * A new in-memory PGlite database, as a new cluster is (initdb's output and the extensions that
 * `openDatabase` creates, nothing else), for the files that test stores and SQL on an empty
 * database. It opens from a dump of such a cluster, made once per process (a worker keeps it from
 * one file to the next): creating a cluster runs initdb in WebAssembly, about 3–4 s, where opening
 * a dump takes under 1 s (docs/testing.md § Speed). Each database is its own copy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../platform/db/client.js';

let dump: Promise<string> | undefined;

/** The dump of an empty cluster, made at the first call of the process. */
export function emptyClusterDump(): Promise<string> {
  dump ??= (async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ror-empty-cluster-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    const file = join(folder, 'empty.tar');
    const cluster = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      await cluster.dump!(file);
    } finally {
      await cluster.close();
    }
    return file;
  })();
  return dump;
}

/** A new, empty in-memory PGlite database (a copy of the empty cluster's dump). */
export async function emptyPglite(): Promise<Database> {
  return openDatabase({ kind: 'pglite', dataDir: null, loadFrom: await emptyClusterDump() });
}
