import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './fhir/history/tables.ts',
  out: './fhir/history/migrations',
  schemaFilter: ['fhir_history'],
  migrations: { schema: 'drizzle', table: 'fhir_history_migrations' },
});
