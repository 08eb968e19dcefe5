/**
 * The hub's database, opened apart from the hub's modules: `npm start` starts opening it (PGlite
 * reads and compiles its WebAssembly, partly off the main thread) while the subgraphs, the gateway
 * and FHIR load, so this module imports only the database client.
 */
import { openDatabase, type Database } from '../../platform/db/client.js';
import type { HubConfig } from '../../platform/config.js';
import type { Logger } from '../../platform/logger.js';

/** Opens the hub's database, warning when it takes over the stale lock of an embedded one. */
export function openHubDatabase(config: HubConfig, logger: Logger): Promise<Database> {
  return openDatabase(config.database, ({ file, holder, reason }) =>
    logger.warn({ lock: file, pid: holder.pid, reason }, `took over the stale lock of the embedded database (process ${holder.pid} ${reason === 'dead' ? 'no longer runs' : 'is not a ROR Hub: its PID was reused'})`),
  );
}
