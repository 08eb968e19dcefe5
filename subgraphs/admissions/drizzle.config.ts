import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './subgraphs/admissions/tables.ts',
  out: './subgraphs/admissions/migrations',
  schemaFilter: ['admissions'],
  migrations: { schema: 'drizzle', table: 'admissions_migrations' },
});
