/**
 * The FHIR adapter's own tables (subscriptions, export jobs, …): one Postgres schema and one
 * drizzle-kit migrations folder per feature, applied at start-up like a subgraph's. `owner` names
 * the journal table (`drizzle.<owner>_migrations`).
 */
import { FHIR_HISTORY_MIGRATIONS } from './history/migrations.js';
import { SUBSCRIPTION_MIGRATIONS } from './subscriptions/migrations.js';
import { BULK_MIGRATIONS } from './bulk/migrations.js';

export interface MigrationSet {
  owner: string;
  folder: string;
}

export const FHIR_MIGRATIONS: readonly MigrationSet[] = [
  { owner: 'fhir_history', folder: FHIR_HISTORY_MIGRATIONS }, // version store (history/)
  { owner: 'fhir_subscriptions', folder: SUBSCRIPTION_MIGRATIONS },
  { owner: 'fhir_bulk', folder: BULK_MIGRATIONS },
];
