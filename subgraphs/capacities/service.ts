/** Rules of the capacities subgraph, per request: rights, then the store (reads batched per request). */
import DataLoader from 'dataloader';
import type { Identity } from '../../platform/auth/identity.js';
import { HubError } from '../../platform/errors.js';
import { requireRightSomewhere } from '../../platform/auth/authorize.js';
import { decodeCursor, encodeCursor, pageSize } from '../../platform/pagination.js';
import type { SubgraphClient } from '../../platform/subgraph-client.js';
import { actorName as actorOf } from '../../platform/auth/identity.js';
import { CAPACITY_ENTRY, CAPACITY_READ, CLOSURE_EDIT, CLOSURE_READ, requireAccess } from './access.js';
import { addDays, checkClosure, forecast, MAX_FORECAST_DAYS, parisDay, parseDay, type ClosureInput, type ClosureStore } from './closures.js';
import type { CapacityFigures, CapacityNature } from './rules.js';
import type { CapacityStore } from './store.js';
import type { UnitCapacityRow } from './tables.js';
import { writeEntries, type Entry } from './writes.js';
import { capacityView } from './record.js';

// Kept importable from here: the subscription (subscription.ts) checks reads with it.
export { CAPACITY_READ } from './access.js';

/** GraphQL CapacityInput. */
export interface CapacityInput extends Omit<CapacityFigures, 'nature' | 'notes' | 'temporaryAssignment'> {
  nature?: CapacityNature | null;
  notes?: string | null;
  temporaryAssignment?: string | null;
}

/** Figures of an input; crisisType and temporaryAssignment left out (or assignment null) keep the record's. */
export function figuresFrom(input: CapacityInput): CapacityFigures {
  const { temporaryAssignment, ...rest } = input;
  const figures: CapacityFigures = { ...rest, nature: input.nature ?? 'BED', notes: input.notes ?? null };
  if (temporaryAssignment !== undefined && temporaryAssignment !== null) figures.temporaryAssignment = temporaryAssignment;
  return figures;
}

export interface CapacityServiceDeps {
  store: CapacityStore;
  closures: ClosureStore;
  client: SubgraphClient;
  now?: () => Date;
}

export interface OfferUnitRef {
  id: string;
  archived: boolean;
  sseCapacity: number | null;
  establishment: { id: string };
  /** Asked by the equipment limits only (`withEquipment`). */
  equipment?: Array<{ code: string }>;
}

/** The units as the offer subgraph knows them now (their current establishment, D30); throws NOT_FOUND for an unknown one. */
async function offerUnits(client: SubgraphClient, unitIds: readonly string[], withEquipment = false): Promise<Map<string, OfferUnitRef>> {
  const selection = `id archived sseCapacity establishment { id }${withEquipment ? ' equipment { code }' : ''}`;
  const found = await client.entities<OfferUnitRef>('offer', 'Unit', [...new Set(unitIds)], selection);
  const byId = new Map(found.filter((u) => u !== null).map((u) => [u!.id, u!]));
  for (const id of unitIds) if (!byId.has(id)) throw new HubError('NOT_FOUND', `Unit ${id} does not exist.`, { unitId: id });
  return byId;
}

/**
 * The units must exist in the offer subgraph and be active: capacities of unknown units are
 * refused. Returns them: SSE capacity (for remainingToMobilise) and current establishment.
 */
export async function requireActiveUnits(client: SubgraphClient, unitIds: readonly string[], withEquipment = false): Promise<Map<string, OfferUnitRef>> {
  const byId = await offerUnits(client, unitIds, withEquipment);
  for (const id of unitIds) {
    if (byId.get(id)!.archived) throw new HubError('BAD_USER_INPUT', `Unit ${id} is archived: its capacity can no longer change.`, { field: 'unitId', unitId: id });
  }
  return byId;
}

/**
 * An application's write reaches only its perimeter's establishments: checked once the units'
 * establishments are known (users' grants already reach unit ids, checked before any lookup).
 */
export function requireWritePerimeter(identity: Identity, access: typeof CAPACITY_ENTRY, units: Map<string, OfferUnitRef>, unitIds: readonly string[]): void {
  if (identity.kind !== 'client') return;
  for (const id of unitIds) requireAccess(identity, access, { kind: 'UNIT', id, establishmentId: units.get(id)!.establishment.id });
}

export function createCapacityService(deps: CapacityServiceDeps, identity: Identity) {
  const { store, closures, client } = deps;
  const now = deps.now ?? (() => new Date());
  const ofUnit = new DataLoader(async (unitIds: readonly string[]) => {
    const rows = new Map((await store.byUnitIds(unitIds)).map((r) => [r.unitId, r]));
    return unitIds.map((id) => rows.get(id) ?? null);
  });
  const closuresOf = new DataLoader(async (unitIds: readonly string[]) => {
    const rows = await closures.upcoming(unitIds, parisDay(now()));
    return unitIds.map((id) => rows.filter((r) => r.unitId === id));
  });
  // An application writing through the API is a hospital system's automatic feed (FHIR PATCH of
  // a bed manager, docs/capacities.md); a person entering is a manual entry.
  const stamp = () => ({ source: identity.kind === 'client' ? ('AUTOMATIC_FEED' as const) : ('MANUAL' as const), updatedBy: actorOf(identity), at: now() });

  async function enter(entries: Entry[], batch: boolean) {
    if (entries.length === 0) throw new HubError('BAD_USER_INPUT', 'entries must not be empty.', { field: 'entries' });
    for (const e of entries) requireAccess(identity, CAPACITY_ENTRY, { kind: 'UNIT', id: e.unitId }, true);
    const units = await requireActiveUnits(client, entries.map((e) => e.unitId));
    requireWritePerimeter(identity, CAPACITY_ENTRY, units, entries.map((e) => e.unitId));
    const rows = await writeEntries(store, entries, stamp(), batch);
    return rows.map((row) => capacityView(row, units.get(row.unitId)?.sseCapacity));
  }

  return {
    capacityOf: (unitId: string): Promise<UnitCapacityRow | null> => {
      requireAccess(identity, CAPACITY_READ, { kind: 'UNIT', id: unitId });
      return ofUnit.load(unitId);
    },

    history: async (unitId: string, args: { from?: Date | null; to?: Date | null; first?: number | null; after?: string | null }) => {
      requireAccess(identity, CAPACITY_READ, { kind: 'UNIT', id: unitId });
      const size = pageSize(args.first);
      const beforeId = args.after ? Number(decodeCursor(args.after)[0]) : null;
      const rows = await store.history(unitId, { from: args.from, to: args.to, beforeId }, size + 1);
      const edges = rows.slice(0, size).map((node) => ({ cursor: encodeCursor([node.id]), node }));
      return {
        edges,
        pageInfo: { hasNextPage: rows.length > size, hasPreviousPage: !!args.after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },

    /** `ifChanged`: figures equal to the current record write nothing (no version, history row nor event). */
    updateUnitCapacity: async (unitId: string, input: CapacityInput, expectedVersion: number, ifChanged = false) => {
      const [row] = await enter([{ unitId, figures: figuresFrom(input), expectedVersion, ifChanged }], false);
      return row!;
    },

    updateCapacities: (entries: Array<{ unitId: string; input: CapacityInput; expectedVersion: number }>) =>
      enter(entries.map((e) => ({ unitId: e.unitId, figures: figuresFrom(e.input), expectedVersion: e.expectedVersion })), true),

    plannedClosures: (unitId: string) => {
      requireAccess(identity, CLOSURE_READ, { kind: 'UNIT', id: unitId });
      return closuresOf.load(unitId);
    },

    forecast: async (unitId: string, from: string, to: string) => {
      requireAccess(identity, CLOSURE_READ, { kind: 'UNIT', id: unitId });
      parseDay(from, 'from');
      parseDay(to, 'to');
      if (to < from || addDays(from, MAX_FORECAST_DAYS - 1) < to) {
        throw new HubError('BAD_USER_INPUT', `to must be on or after from, and at most ${MAX_FORECAST_DAYS} days are forecast.`, { field: 'to' });
      }
      const current = await ofUnit.load(unitId);
      return forecast(current?.installedBeds ?? 0, await closures.overlapping(unitId, from, to), from, to);
    },

    addPlannedClosure: async (unitId: string, input: ClosureInput) => {
      requireAccess(identity, CLOSURE_EDIT, { kind: 'UNIT', id: unitId }, true);
      requireWritePerimeter(identity, CLOSURE_EDIT, await requireActiveUnits(client, [unitId]), [unitId]);
      checkClosure(input, (await ofUnit.load(unitId))?.installedBeds ?? null);
      return closures.insert({ unitId, ...input, notes: input.notes ?? null, createdBy: actorOf(identity) });
    },

    removePlannedClosure: async (id: string): Promise<boolean> => {
      requireRightSomewhere(identity, CLOSURE_EDIT); // before the lookup: a refusal says nothing of which ids exist
      const closure = /^[0-9a-f-]{36}$/i.test(id) ? await closures.byId(id) : null;
      if (!closure) throw new HubError('NOT_FOUND', `Planned closure ${id} does not exist.`);
      requireAccess(identity, CLOSURE_EDIT, { kind: 'UNIT', id: closure.unitId }, true);
      if (identity.kind === 'client') requireWritePerimeter(identity, CLOSURE_EDIT, await offerUnits(client, [closure.unitId]), [closure.unitId]);
      return closures.remove(id);
    },
  };
}

export type CapacityService = ReturnType<typeof createCapacityService>;
