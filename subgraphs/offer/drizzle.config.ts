import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './subgraphs/offer/tables.ts',
  out: './subgraphs/offer/migrations',
  schemaFilter: ['offer'],
  migrations: { schema: 'drizzle', table: 'offer_migrations' },
});
