import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './subgraphs/capacities/tables.ts',
  out: './subgraphs/capacities/migrations',
  schemaFilter: ['capacities'],
  migrations: { schema: 'drizzle', table: 'capacities_migrations' },
});
