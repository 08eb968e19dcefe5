/** Folder of the bulk export's committed drizzle-kit migrations (schema `fhir_bulk`). */
import { fileURLToPath } from 'node:url';

export const BULK_MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));
