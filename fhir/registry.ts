/**
 * The resource handlers: one entry per FHIR resource type, naming its IG profile and the
 * interactions it implements. The router dispatches through this registry and the
 * CapabilityStatement is generated from it, so the statement cannot claim an interaction the
 * server does not serve (or hide one it does).
 *
 * Handlers are small named functions returning `[outcome, resource?]`; throws (GraphQL errors,
 * broken records) are turned into outcomes in one place, the plugin's error handler.
 */
import { PROFILES } from './codes.js';
import { establishmentToOrganization, legalEntityToOrganization } from './mappers/organization.js';
import { unitToHealthcareService } from './mappers/healthcare-service.js';
import { unitToLocation } from './mappers/location.js';
import { allOk, notFound } from './outcomes.js';
import {
  ESTABLISHMENT_QUERY,
  HEALTHCARE_SERVICE_QUERY,
  LOCATION_QUERY,
  ORGANIZATION_QUERY,
  type EstablishmentData,
  type HealthcareServiceData,
  type LocationData,
  type OrganizationData,
} from './queries.js';
import { fetchRecord, type HandlerContext } from './records.js';
import { CAPACITY_PATCH_DOCUMENTATION, patchLocation } from './capacity-patch/handler.js';
import type { HealthcareService, Location, OperationOutcome, Organization, TypeInteraction } from './types.js';

export type { HandlerContext } from './records.js';

export type HandlerResult<R> = [OperationOutcome, R?];

export type ReadOperation<R> = (id: string, ctx: HandlerContext) => Promise<HandlerResult<R>>;

/** A patch of `[type]/[id]` (id given) or a conditional patch `[type]?criteria` (id undefined, criteria in ctx.request). */
export type PatchOperation<R> = (id: string | undefined, ctx: HandlerContext) => Promise<HandlerResult<R>>;

/** The interactions a handler may implement; add a key here when a new one is built. */
export interface ResourceInteractions<R> {
  read?: ReadOperation<R>;
  patch?: PatchOperation<R>;
}

export interface ResourceHandler<R = Organization | HealthcareService | Location> {
  resourceType: R extends { resourceType: infer T } ? T : string;
  profile: string;
  interactions: ResourceInteractions<R>;
  /** What the CapabilityStatement says of an interaction (e.g. which conditional forms a patch takes). */
  documentation?: Partial<Record<TypeInteraction, string>>;
}

/** Organization/{FINESS}: an EG (FINESS ET) first, then an EJ (FINESS EJ). */
async function readOrganization(id: string, ctx: HandlerContext): Promise<HandlerResult<Organization>> {
  const establishment = await fetchRecord<EstablishmentData, 'establishment'>(ctx, ESTABLISHMENT_QUERY, 'establishment', id);
  if (establishment) return [allOk, establishmentToOrganization(establishment)];
  const legalEntity = await fetchRecord<OrganizationData, 'organization'>(ctx, ORGANIZATION_QUERY, 'organization', id);
  if (legalEntity) return [allOk, legalEntityToOrganization(legalEntity)];
  return [notFound('Organization', id)];
}

/** HealthcareService/{unit id}. */
async function readHealthcareService(id: string, ctx: HandlerContext): Promise<HandlerResult<HealthcareService>> {
  const unit = await fetchRecord<HealthcareServiceData, 'unit'>(ctx, HEALTHCARE_SERVICE_QUERY, 'unit', id);
  return unit ? [allOk, unitToHealthcareService(unit)] : [notFound('HealthcareService', id)];
}

/**
 * Location/{unit id}. A caller without capacity read access (e.g. a directory application
 * without `capacity.read`) gets the place without its capacity records; sensitive units stay
 * hidden below access profile 1 because the gateway does not return them at all.
 */
async function readLocation(id: string, ctx: HandlerContext): Promise<HandlerResult<Location>> {
  const unit = await fetchRecord<LocationData, 'unit'>(ctx, LOCATION_QUERY, 'unit', id, [['unit', 'capacity']]);
  return unit ? [allOk, unitToLocation(unit)] : [notFound('Location', id)];
}

const organizationHandler: ResourceHandler<Organization> = {
  resourceType: 'Organization',
  profile: PROFILES.organization,
  interactions: { read: readOrganization },
};

const healthcareServiceHandler: ResourceHandler<HealthcareService> = {
  resourceType: 'HealthcareService',
  profile: PROFILES.healthcareService,
  interactions: { read: readHealthcareService },
};

const locationHandler: ResourceHandler<Location> = {
  resourceType: 'Location',
  profile: PROFILES.location,
  interactions: { read: readLocation, patch: patchLocation },
  documentation: { patch: CAPACITY_PATCH_DOCUMENTATION },
};

export type AnyResourceHandler = ResourceHandler<Organization> | ResourceHandler<HealthcareService> | ResourceHandler<Location>;

export const RESOURCE_HANDLERS: readonly AnyResourceHandler[] = [organizationHandler, healthcareServiceHandler, locationHandler];

export function findHandler(resourceType: string): AnyResourceHandler | undefined {
  return RESOURCE_HANDLERS.find((h) => h.resourceType === resourceType);
}

/** The interaction codes a handler implements, in the registry's (stable) key order. */
export function implementedInteractions(handler: AnyResourceHandler): TypeInteraction[] {
  const interactions: ResourceInteractions<unknown> = handler.interactions;
  return (Object.keys(interactions) as (keyof ResourceInteractions<unknown>)[]).filter(
    (code) => interactions[code] !== undefined,
  );
}
