import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './platform/changes/tables.ts',
  out: './platform/changes/migrations',
  schemaFilter: ['feed'],
  migrations: { schema: 'drizzle', table: 'feed_migrations' },
});
