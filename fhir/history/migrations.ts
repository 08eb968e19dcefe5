/** Folder of the version store's committed drizzle-kit migrations (schema `fhir_history`). */
import { fileURLToPath } from 'node:url';

export const FHIR_HISTORY_MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));
