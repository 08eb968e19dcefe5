/** Folder of the change feed's committed drizzle-kit migrations (schema `feed`). */
import { fileURLToPath } from 'node:url';

export const CHANGE_FEED_MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));
