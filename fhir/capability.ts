/**
 * The server's CapabilityStatement, generated from the handler registry (the same one the router
 * dispatches through), so `GET /metadata` lists exactly what is served.
 */
import { implementedInteractions, type AnyResourceHandler } from './registry.js';
import type { CapabilityStatement, CapabilityStatementResource } from './types.js';

export interface CapabilityOptions {
  /** Base URL of this FHIR endpoint (implementation.url). */
  baseUrl: string;
  /** When this statement's content was last set: the plugin's start-up. */
  date: string;
}

function resourceCapability(handler: AnyResourceHandler): CapabilityStatementResource {
  return {
    type: handler.resourceType,
    profile: handler.profile,
    supportedProfile: [handler.profile],
    interaction: implementedInteractions(handler).map((code) => ({ code })),
    // Said outright so clients do not probe: meta.versionId and ETag on reads, If-None-Match
    // (304), but no vread, no history and no conditional writes.
    versioning: 'versioned',
    readHistory: false,
    updateCreate: false,
    conditionalCreate: false,
    conditionalRead: 'not-match',
    conditionalUpdate: false,
    conditionalDelete: 'not-supported',
  };
}

export function buildCapabilityStatement(
  handlers: readonly AnyResourceHandler[],
  options: CapabilityOptions,
): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date,
    publisher: 'ROR Hub',
    kind: 'instance',
    software: { name: 'ROR Hub' },
    implementation: {
      description: 'ROR Hub FHIR R4 facade over the regional ROR GraphQL API (ROR IG ans.fhir.fr.ror profiles)',
      url: options.baseUrl,
    },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Read-only access to the regional offer of care and bed capacity, as ROR IG profiles.',
        security: {
          cors: false,
          description:
            'Send your bearer token in the Authorization header: it is forwarded to the hub, which authorises every read.',
        },
        resource: handlers.map(resourceCapability),
      },
    ],
  };
}
