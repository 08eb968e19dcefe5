/** Folder of the FHIR subscriptions' committed drizzle-kit migrations (schema `fhir_subscriptions`). */
import { fileURLToPath } from 'node:url';

export const SUBSCRIPTION_MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));
