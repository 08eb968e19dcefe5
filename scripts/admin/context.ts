/**
 * What every admin command shares: the database (DATABASE_URL, or the embedded one in
 * ROR_DATA_DIR) brought to the professionals subgraph's latest migration, and its services acting
 * as the hub's system identity. The CLI writes only through those services, so their rules,
 * validation and change-feed events apply as they do to the API.
 */
import { fileURLToPath } from 'node:url';
import type { Identity } from '../../platform/auth/identity.js';
import type { HubConfig } from '../../platform/config.js';
import { openDatabase, type Database } from '../../platform/db/client.js';
import { DatabaseBusyError } from '../../platform/db/dir-lock.js';
import { applyMigrations } from '../../platform/db/migrate.js';
import { CHANGE_FEED_MIGRATIONS } from '../../platform/changes/migrations.js';
import { HubError } from '../../platform/errors.js';
import { createApplicationService } from '../../subgraphs/professionals/applications.js';
import type { UnitDirectory } from '../../subgraphs/professionals/offer-units.js';
import { createProfessionalService } from '../../subgraphs/professionals/service.js';
import { createProfessionalStore } from '../../subgraphs/professionals/store.js';

const PROFESSIONALS_MIGRATIONS = fileURLToPath(new URL('../../subgraphs/professionals/migrations', import.meta.url));

/** The CLI acts as the system identity: whoever holds the database credentials holds every right. */
export const CLI_IDENTITY: Identity = { kind: 'system', subject: 'gateway' };

/**
 * Units are resolved by the offer subgraph through federation, which a command working on the
 * database does not reach: unit placements and UNIT perimeters are set from the console instead.
 */
const NO_UNITS: UnitDirectory = {
  units: async (ids) => {
    if (ids.length) throw new HubError('BAD_USER_INPUT', 'Units are not resolved by the admin CLI: give an establishment or legal entity here, and units from the console.', { argumentName: 'perimeter' });
    return new Map();
  },
  // Regions stay unknown (null) on what the CLI writes, until the record's next placement write.
  establishmentRegions: async () => new Map(),
};

export interface AdminContext {
  db: Database;
  config: HubConfig;
  professionals: ReturnType<typeof createProfessionalService>;
  applications: ReturnType<typeof createApplicationService>;
  store: ReturnType<typeof createProfessionalStore>;
}

/** A usage or environment problem: printed as is, exit code 2. */
export class CommandError extends Error {}

export async function openAdminContext(config: HubConfig): Promise<AdminContext> {
  let db: Database;
  try {
    db = await openDatabase(config.database);
  } catch (error) {
    if (error instanceof DatabaseBusyError) {
      throw new CommandError(`${error.message} The embedded database serves one process: stop the hub (Ctrl-C), run the command, start the hub again — or run the hub on PostgreSQL (DATABASE_URL), where the CLI works next to it.`);
    }
    throw new CommandError(`cannot open the database (${config.database.kind === 'postgres' ? 'DATABASE_URL' : `ROR_DATA_DIR ${config.database.dataDir}`}): ${(error as Error).message}`);
  }
  try {
    // An empty database (a first deployment) is brought to the schemas the commands write.
    await applyMigrations(db, 'feed', CHANGE_FEED_MIGRATIONS);
    await applyMigrations(db, 'professionals', PROFESSIONALS_MIGRATIONS);
  } catch (error) {
    await db.close();
    throw error;
  }
  const store = createProfessionalStore(db.orm);
  return {
    db,
    config,
    store,
    professionals: createProfessionalService(store, NO_UNITS, config.passwordScryptLog2N),
    applications: createApplicationService(db.orm),
  };
}
