/**
 * The server's CapabilityStatement, generated from the handler registry (the same one the router
 * dispatches through), so `GET /metadata` lists exactly what is served.
 */
import { HUB_SYSTEM_NAME } from './codes.js';
import { implementedInteractions, type AnyResourceHandler } from './registry.js';
import type { CapabilityStatement, CapabilityStatementResource, Extension } from './types.js';

/** What a feature (fhir/features.ts) adds to the statement. */
export interface CapabilityContribution {
  /** Canonical URLs of CapabilityStatements this server instantiates (Bulk Data, Subscriptions backport). */
  instantiates?: string[];
  /** Resource entries served by the feature itself (e.g. Subscription). */
  resources?: CapabilityStatementResource[];
  /** System-level operations (e.g. export). */
  operations?: { name: string; definition: string }[];
  /** Extensions of `rest.security` (e.g. SMART's oauth-uris). */
  securityExtensions?: Extension[];
}

export interface CapabilityOptions {
  /** Base URL of this FHIR endpoint (implementation.url). */
  baseUrl: string;
  /** When this statement's content was last set: the plugin's start-up. */
  date: string;
  contributions?: readonly CapabilityContribution[];
}

/** searchParam, searchInclude and searchRevInclude from the type's search registry (what the parser accepts). */
function searchCapability(handler: AnyResourceHandler): Partial<CapabilityStatementResource> {
  const search = handler.search;
  if (!search) return {};
  return {
    searchInclude: search.includes.map((i) => i.code),
    searchRevInclude: search.revincludes.map((i) => i.code),
    searchParam: search.params.map((p) => ({ name: p.code, definition: p.definition, type: p.type, documentation: p.description })),
  };
}

function resourceCapability(handler: AnyResourceHandler): CapabilityStatementResource {
  return {
    type: handler.resourceType,
    profile: handler.profile,
    supportedProfile: [handler.profile, ...(handler.otherProfiles ?? [])],
    interaction: implementedInteractions(handler).map((code) => {
      const documentation = handler.documentation?.[code];
      return documentation ? { code, documentation } : { code };
    }),
    // Said outright so clients do not probe: meta.versionId and ETag on reads, If-None-Match
    // (304), vread of past versions (history/). R4 has no conditionalPatch element: the patch
    // interaction's documentation says it takes Location?identifier= (and If-Match).
    versioning: 'versioned',
    readHistory: implementedInteractions(handler).includes('vread'),
    updateCreate: false,
    // If-None-Exist: identifier=… (fhir/write/interactions.ts)
    conditionalCreate: handler.conditionalCreate ?? false,
    conditionalRead: 'not-match',
    conditionalUpdate: false,
    conditionalDelete: 'not-supported',
    ...searchCapability(handler),
  };
}

export function buildCapabilityStatement(
  handlers: readonly AnyResourceHandler[],
  options: CapabilityOptions,
): CapabilityStatement {
  const contributions = options.contributions ?? [];
  const instantiates = contributions.flatMap((c) => c.instantiates ?? []);
  const operations = contributions.flatMap((c) => c.operations ?? []);
  const securityExtensions = contributions.flatMap((c) => c.securityExtensions ?? []);
  return {
    resourceType: 'CapabilityStatement',
    ...(instantiates.length ? { instantiates } : {}),
    status: 'active',
    date: options.date,
    publisher: HUB_SYSTEM_NAME,
    kind: 'instance',
    software: { name: HUB_SYSTEM_NAME },
    implementation: {
      description: 'ROR Hub FHIR R4 facade over the regional ROR GraphQL API (ROR IG ans.fhir.fr.ror profiles)',
      url: options.baseUrl,
    },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Read and search access to the regional offer of care and bed capacity, as ROR IG profiles (docs/fhir-search.md); bed capacity write-back by PATCH on Location (national ROR protocol); ' +
          'create, update and first-level patch of the offer (HealthcareService, an EG\'s Organization) through the same GraphQL mutations as the console (docs/fhir-write.md).',
        security: {
          ...(securityExtensions.length ? { extension: securityExtensions } : {}),
          cors: false,
          description:
            'Send your bearer token in the Authorization header: it is forwarded to the hub, which authorises every read and write.',
        },
        resource: [...handlers.map(resourceCapability), ...contributions.flatMap((c) => c.resources ?? [])],
        ...(operations.length ? { operation: operations } : {}),
      },
    ],
  };
}
