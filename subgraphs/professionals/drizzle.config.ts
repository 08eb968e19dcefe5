import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './subgraphs/professionals/tables.ts',
  out: './subgraphs/professionals/migrations',
  schemaFilter: ['professionals'],
  migrations: { schema: 'drizzle', table: 'professionals_migrations' },
});
