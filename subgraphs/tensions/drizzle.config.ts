import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './subgraphs/tensions/**/tables.ts', // tables.ts, plans/tables.ts, emergency/tables.ts
  out: './subgraphs/tensions/migrations',
  schemaFilter: ['tensions'],
  migrations: { schema: 'drizzle', table: 'tensions_migrations' },
});
