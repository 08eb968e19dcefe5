/**
 * The FHIR adapter's own tables (subscriptions, export jobs, …): one Postgres schema and one
 * drizzle-kit migrations folder per feature, applied at start-up like a subgraph's. `owner` names
 * the journal table (`drizzle.<owner>_migrations`).
 */
import { BULK_MIGRATIONS } from './bulk/migrations.js';

export interface MigrationSet {
  owner: string;
  folder: string;
}

export const FHIR_MIGRATIONS: readonly MigrationSet[] = [{ owner: 'fhir_bulk', folder: BULK_MIGRATIONS }];
