/**
 * Bed availability of an establishment for some disciplines (schemas/capacities.beds.graphql,
 * docs/tension-plans.md § Solidarity): available = Σ availableBeds, total = Σ totalOperational over
 * the establishment's active units of those disciplines (the offer subgraph says which). A tension
 * declaration shows these counts for its establishment and its solidarity establishments ("7/34").
 */
import DataLoader from 'dataloader';
import type { ResolverMap } from '../../platform/resolver-maps.js';
import { hasRightSomewhere, seesConfidential } from '../../platform/auth/authorize.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { RightCode } from '../../platform/auth/rights.js';
import { HubError } from '../../platform/errors.js';
import type { SubgraphClient } from '../../platform/subgraph-client.js';
import { CAPACITY_READ, hasAccess } from './access.js';
import { fetchUnits, type OfferUnit } from './offer-units.js';
import { totalOperational } from './rules.js';
import type { CapacityStore } from './store.js';

/** The offer's `Discipline` values (schemas/offer.graphql); an unknown one is a caller's mistake. */
const DISCIPLINES = new Set([
  'MEDICINE', 'SURGERY', 'OBSTETRICS', 'PAEDIATRICS', 'ADULT_ICU', 'PAEDIATRIC_ICU', 'INTENSIVE_CARE',
  'CONTINUOUS_CARE', 'SMR', 'PSYCHIATRY', 'LONG_STAY', 'HAD', 'ED_SHORT_STAY', 'BURNS',
]);

/**
 * Rights that let a user read tensions (the tensions subgraph's TENSION_READ, repeated here since
 * subgraphs do not import each other). Aggregated counts are part of a declaration's view, and a
 * declaration shows its solidarity establishments', which lie outside the declarant's perimeter:
 * so a holder of one of these rights anywhere reads the counts of any establishment. Unit-level
 * capacity stays under CAPACITY_READ.
 */
const TENSION_RIGHTS: RightCode[] = ['OruTension_tension_creation', 'OruTension_tension_pageNouvelleDeclaration', 'OruTension_alerte_cloture', 'ORU_ALERTE', 'ORU_ALERTE_NEW'];

export interface BedAvailability {
  id: string;
  establishmentId: string;
  disciplines: string[];
  available: number;
  total: number;
  units: number;
  unitsWithoutCapacity: number;
  oldestUpdate: Date | null;
}

/** `<establishment>:<disciplines sorted, comma-separated>`: one key for one count, whichever subgraph names it. */
export function bedAvailabilityId(establishmentId: string, disciplines: readonly string[]): string {
  return `${establishmentId}:${[...new Set(disciplines)].sort().join(',')}`;
}

function parseId(id: string): { establishmentId: string; disciplines: string[] } {
  const at = id.lastIndexOf(':');
  if (at <= 0) throw new HubError('BAD_USER_INPUT', `Malformed bed availability id ${id}.`, { field: 'id' });
  return { establishmentId: id.slice(0, at), disciplines: id.slice(at + 1).split(',').filter(Boolean) };
}

function requireBedCountAccess(identity: Identity, establishmentId: string): void {
  if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
  if (identity.kind === 'client' && (identity.scopes.includes('capacity.read') || identity.scopes.includes('tension.read'))) return;
  if (hasAccess(identity, CAPACITY_READ, { kind: 'ESTABLISHMENT', id: establishmentId })) return;
  if (identity.kind !== 'client' && hasRightSomewhere(identity, TENSION_RIGHTS)) return;
  throw new HubError(
    'FORBIDDEN',
    `Missing a capacity read right on establishment ${establishmentId} or a tension right (${TENSION_RIGHTS.join(', ')}); applications: scope capacity.read or tension.read.`,
    { rights: [...CAPACITY_READ.rights, ...TENSION_RIGHTS], perimeter: { kind: 'ESTABLISHMENT', id: establishmentId } },
  );
}

export function createBedService(deps: { store: CapacityStore; client: SubgraphClient }, identity: Identity) {
  // One offer query per establishment per request, whatever the number of discipline sets asked.
  const unitsOf = new DataLoader(async (ids: readonly string[]) =>
    Promise.all(ids.map((establishmentId) => fetchUnits(deps.client, { establishmentId }))),
  );
  return {
    availability: async (establishmentId: string, disciplines: readonly string[]): Promise<BedAvailability> => {
      requireBedCountAccess(identity, establishmentId);
      const unknown = disciplines.find((d) => !DISCIPLINES.has(d));
      if (unknown) throw new HubError('BAD_USER_INPUT', `Unknown discipline ${unknown}.`, { field: 'disciplines' });
      const wanted = new Set(disciplines);
      const confidential = seesConfidential(identity);
      const units = (await unitsOf.load(establishmentId)).filter((u: OfferUnit) => wanted.has(u.discipline) && (confidential || !u.sensitive));
      const rows = await deps.store.byUnitIds(units.map((u) => u.id));
      const oldest = rows.reduce<Date | null>((min, r) => (min && min <= r.updatedAt ? min : r.updatedAt), null);
      return {
        id: bedAvailabilityId(establishmentId, disciplines),
        establishmentId,
        disciplines: [...wanted].sort(),
        available: rows.reduce((sum, r) => sum + r.availableBeds, 0),
        total: rows.reduce((sum, r) => sum + totalOperational(r), 0),
        units: units.length,
        unitsWithoutCapacity: units.length - rows.length,
        oldestUpdate: oldest,
      };
    },
  };
}

export type BedService = ReturnType<typeof createBedService>;

export interface BedContext {
  beds: BedService;
}

export const bedResolvers: ResolverMap<BedContext> = {
  Establishment: {
    // The establishment belongs to the offer subgraph: we only add its bed counts.
    __resolveReference: (ref: { id: string }) => ref,
    bedAvailability: (e: { id: string }, args: { disciplines: string[] }, ctx: BedContext) => ctx.beds.availability(e.id, args.disciplines),
  },
  BedAvailability: {
    // Referenced by the tensions subgraph (a declaration's solidarity view) with its id only.
    __resolveReference: (ref: { id: string }, ctx: BedContext) => {
      const { establishmentId, disciplines } = parseId(ref.id);
      return ctx.beds.availability(establishmentId, disciplines);
    },
    establishment: (b: BedAvailability) => ({ id: b.establishmentId }),
  },
};
