import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './fhir/bulk/tables.ts',
  out: './fhir/bulk/migrations',
  schemaFilter: ['fhir_bulk'],
  migrations: { schema: 'drizzle', table: 'fhir_bulk_migrations' },
});
