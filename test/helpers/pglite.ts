/**
 * A new in-memory PGlite database, as a new cluster is (initdb's output and the extensions that
 * `openDatabase` creates, nothing else), for the files that test stores and SQL on an empty
 * database. It opens from a dump of such a cluster: creating a cluster runs initdb in WebAssembly,
 * about 3–4 s, where opening a dump takes under 1 s (docs/testing.md § Speed). Each database is its
 * own copy. The dump is kept across runs beside the run's migrated one (the system temporary
 * folder's ror-test-cache), named by the PGlite version and the extensions, the only things it
 * depends on; the first process that needs it makes it (again a day later: the global setup's
 * clean-up of that folder removes files of other names older than a day).
 */
import { createHash } from 'node:crypto';
import { EXTENSIONS, openDatabase, type Database } from '../../platform/db/client.js';
import { cachedFile, packageVersion, writeOnce } from './dump-cache.js';

/** As the test hubs' (testEnv's ROR_PGLITE_SHARED_BUFFERS, D251). */
export const TEST_SHARED_BUFFERS = '16MB';

let dump: Promise<string> | undefined;

function dumpPath(): string {
  const hash = createHash('sha256').update(`@electric-sql/pglite@${packageVersion('@electric-sql/pglite')}\nextensions ${EXTENSIONS.join(',')}\n`).digest('hex').slice(0, 16);
  return cachedFile(`pglite-empty-${hash}.tar`);
}

/** The dump of an empty cluster, made at the first call when the cache does not hold it yet. */
export function emptyClusterDump(): Promise<string> {
  dump ??= writeOnce(dumpPath(), async (partial) => {
    const cluster = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      await cluster.dump!(partial);
    } finally {
      await cluster.close();
    }
  });
  return dump;
}

/** A new, empty in-memory PGlite database (a copy of the empty cluster's dump). */
export async function emptyPglite(): Promise<Database> {
  return openDatabase({ kind: 'pglite', dataDir: null, loadFrom: await emptyClusterDump(), sharedBuffers: TEST_SHARED_BUFFERS });
}
