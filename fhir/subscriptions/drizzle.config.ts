import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './fhir/subscriptions/tables.ts',
  out: './fhir/subscriptions/migrations',
  schemaFilter: ['fhir_subscriptions'],
  migrations: { schema: 'drizzle', table: 'fhir_subscriptions_migrations' },
});
