/**
 * Bulk Data 2.0 system-level export for the national aggregation (docs/fhir-bulk.md), as a FHIR
 * feature: its routes, its CapabilityStatement contribution and its own Postgres schema.
 */
import type { FhirFeature } from '../features.js';
import { bulkRoutes } from './routes.js';
import { oauthUris } from './smart.js';

export const BULK_DATA_CAPABILITY = 'http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data';
export const EXPORT_OPERATION = 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export';

export const bulkExportFeature: FhirFeature = {
  name: 'bulk-export',
  routes: bulkRoutes,
  capability: (config) => ({
    instantiates: [BULK_DATA_CAPABILITY],
    operations: [{ name: 'export', definition: EXPORT_OPERATION }],
    securityExtensions: oauthUris(config),
  }),
};
