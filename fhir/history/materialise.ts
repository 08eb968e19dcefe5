/**
 * Materialising a resource for the version store: the same read handler clients get, run through
 * the gateway's executor as the internal application `ror-fhir-history` (access profile 1, every
 * read scope; registered without keys by professionals migration 0004, so only the in-process
 * executor can act as it, D40). The gateway re-reads its registration on every execution.
 */
import type { Principal } from '../../platform/executor.js';
import { getStatus, OperationOutcomeError } from '../outcomes.js';
import { ESTABLISHMENT_UNITS_QUERY, UNIT_CLASS_QUERY, type EstablishmentUnitsData, type UnitClassData } from '../queries.js';
import { fetchRecord, type HandlerContext } from '../records.js';
import type { DomainResource, OperationOutcome } from '../types.js';

export const INTERNAL_APPLICATION = 'ror-fhir-history';

export const INTERNAL_PRINCIPAL: Principal = {
  kind: 'client',
  clientId: INTERNAL_APPLICATION,
  scopes: ['offer.read', 'capacity.read', 'professional.read'],
};

export type ReadFn = (id: string, ctx: HandlerContext) => Promise<[OperationOutcome, DomainResource?]>;

/** A full view with the metadata the store keys on. */
export type VersionedResource = DomainResource & { id: string; meta: { versionId: string; lastUpdated: string } };

export interface Materialised {
  body: VersionedResource;
  unitClass: string | null;
}

/** The unit a resource is about: HealthcareService and Location are units; a PractitionerRole is `<professional>.<unit>`. */
export function unitIdOf(resourceType: string, id: string): string | null {
  if (resourceType === 'HealthcareService' || resourceType === 'Location') return id;
  if (resourceType === 'PractitionerRole') return id.slice(id.indexOf('.') + 1) || null;
  return null;
}

async function unitClassOf(ctx: HandlerContext, unitId: string): Promise<string | null> {
  const unit = await fetchRecord<UnitClassData, 'unit'>(ctx, UNIT_CLASS_QUERY, 'unit', unitId);
  return unit ? `${unit.sensitive ? 'S' : 'N'}:${unit.activityField.code}` : null;
}

/**
 * The full current view of a resource and its unit class; null when it does not exist (any other
 * failure throws: a version store that silently missed versions would be worse than an error).
 */
export async function materialise(read: ReadFn, resourceType: string, id: string, execute: HandlerContext['execute']): Promise<Materialised | null> {
  const ctx: HandlerContext = { execute, caller: { principal: INTERNAL_PRINCIPAL } };
  const [outcome, resource] = await read(id, ctx);
  if (getStatus(outcome) === 404) return null;
  if (getStatus(outcome) >= 400 || !resource) throw new OperationOutcomeError(outcome);
  const { meta } = resource;
  if (!resource.id || !meta?.versionId || !meta.lastUpdated) throw new Error(`${resourceType}/${id} has no versionId or lastUpdated`);
  const unitId = unitIdOf(resourceType, id);
  return { body: resource as VersionedResource, unitClass: unitId ? await unitClassOf(ctx, unitId) : null };
}

/**
 * Resources whose version moves with this one without an event of their own: the Locations of an
 * establishment's units that take its address (their versionId holds the establishment's time).
 */
export async function dependentsOf(resourceType: string, id: string, execute: HandlerContext['execute']): Promise<[string, string][]> {
  if (resourceType !== 'Organization') return [];
  const ctx: HandlerContext = { execute, caller: { principal: INTERNAL_PRINCIPAL } };
  const establishment = await fetchRecord<EstablishmentUnitsData, 'establishment'>(ctx, ESTABLISHMENT_UNITS_QUERY, 'establishment', id);
  return (establishment?.units ?? []).filter((u) => !u.hasOwnAddress).map((u): [string, string] => ['Location', u.id]);
}
