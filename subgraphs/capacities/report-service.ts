/** Syntheses, saved filters and snapshots, per request (docs/capacities.md § Syntheses, § Snapshot). */
import { hasRight, hasRightSomewhere, hasScope } from '../../platform/auth/authorize.js';
import type { Identity } from '../../platform/auth/identity.js';
import { HubError } from '../../platform/errors.js';
import type { Database } from '../../platform/db/client.js';
import type { SubgraphClient } from '../../platform/subgraph-client.js';
import { EXPORT, isTransversal, requireAccess, SYNTHESIS } from './access.js';
import { parisDay, parseDay, type ClosureStore } from './closures.js';
import { fetchUnits, type OfferUnit } from './offer-units.js';
import { checkGroupBy, type SavedFilterInput, type SavedFilterStore, type SynthesisFilter } from './saved-filters.js';
import { createSnapshotStore, takeSnapshot } from './snapshot.js';
import type { CapacityStore } from './store.js';
import { synthesise, VIEW_KINDS, type Grouping, type Synthesis } from './synthesis.js';
import type { SnapshotRow } from './tables.js';

export interface ReportDeps {
  db: Database;
  store: CapacityStore;
  /** Planned closures, for the synthesis's forecast column. */
  closures?: ClosureStore;
  filters: SavedFilterStore;
  client: SubgraphClient;
  now?: () => Date;
}

/** The units of a synthesis the caller may see: transversal holders all, others their reach, applications the non-sensitive ones. */
export function visibleUnits(identity: Identity, units: readonly OfferUnit[]): OfferUnit[] {
  if (identity.kind === 'client') return units.filter((u) => !u.sensitive);
  if (isTransversal(identity, SYNTHESIS)) return [...units];
  return units.filter((u) =>
    SYNTHESIS.rights.some((r) => hasRight(identity, r, { kind: 'UNIT', id: u.id, establishmentId: u.establishment.id, organizationId: u.establishment.organization.id })),
  );
}

function requireUser(identity: Identity): string {
  if (identity.kind === 'user') return identity.subject;
  if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
  throw new HubError('FORBIDDEN', 'Saved filters belong to hub users, not to applications.');
}

export function snapshotView(row: SnapshotRow) {
  return { date: row.day, takenAt: row.takenAt, units: row.units, csvPath: `/exports/capacities/${row.day}.csv`, ndjsonPath: `/exports/capacities/${row.day}.ndjson` };
}

export function createReportService(deps: ReportDeps, identity: Identity) {
  const now = deps.now ?? (() => new Date());
  const snapshots = createSnapshotStore(deps.db.orm);
  const mayUseSynthesis = () => (identity.kind === 'client' ? hasScope(identity, 'capacity.read') : hasRightSomewhere(identity, SYNTHESIS.rights));
  const requireSynthesis = () => {
    // The perimeter check is per unit (visibleUnits): here, only whether the caller holds the right at all.
    if (!mayUseSynthesis()) requireAccess(identity, SYNTHESIS, { kind: 'TRANSVERSAL' });
  };
  /** Beds planned closed on `day`, by unit (the closures covering it, summed). */
  const plannedClosedOn = async (unitIds: string[], day: string): Promise<Map<string, number>> => {
    const planned = new Map<string, number>();
    if (!deps.closures || unitIds.length === 0) return planned;
    for (const c of await deps.closures.upcoming(unitIds, day)) if (c.startDate <= day) planned.set(c.unitId, (planned.get(c.unitId) ?? 0) + c.beds);
    return planned;
  };
  return {
    synthesis: async (groupBy: Grouping[], filter: SynthesisFilter | null, forecastDate: string | null = null): Promise<Synthesis> => {
      requireSynthesis();
      checkGroupBy(groupBy);
      if (forecastDate !== null) parseDay(forecastDate, 'forecastDate');
      const f = filter ?? {};
      const kinds = VIEW_KINDS[f.view ?? 'SANITARY'];
      // One fetch of the units per request, narrowed by the offer where its filter can.
      const units = (await fetchUnits(deps.client, { regionCode: f.regionCode, departmentCode: f.departmentCode, establishmentId: f.establishmentId })).filter(
        (u) => kinds.includes(u.kind) && (!f.disciplines?.length || f.disciplines.includes(u.discipline)),
      );
      const visible = visibleUnits(identity, units);
      const capacities = new Map((await deps.store.byUnitIds(visible.map((u) => u.id))).map((r) => [r.unitId, r]));
      return synthesise(visible, capacities, groupBy, forecastDate !== null ? await plannedClosedOn(visible.map((u) => u.id), forecastDate) : undefined);
    },

    savedFilters: () => {
      const subject = requireUser(identity);
      return deps.filters.list(subject);
    },

    saveFilter: (input: SavedFilterInput) => {
      const subject = requireUser(identity);
      requireSynthesis();
      return deps.filters.save(subject, input);
    },

    deleteFilter: async (id: string): Promise<boolean> => {
      const subject = requireUser(identity);
      if (!(await deps.filters.remove(subject, id))) throw new HubError('NOT_FOUND', `You have no saved filter ${id}.`);
      return true;
    },

    snapshots: async (first: number | null) => {
      if (!(identity.kind === 'client' ? hasScope(identity, 'bulk.export') : hasRightSomewhere(identity, EXPORT.rights))) {
        requireAccess(identity, EXPORT, { kind: 'TRANSVERSAL' });
      }
      const size = first ?? 30;
      if (!Number.isInteger(size) || size < 0 || size > 366) throw new HubError('BAD_USER_INPUT', 'first must be between 0 and 366.', { field: 'first' });
      return (await snapshots.list(size)).map(snapshotView);
    },

    takeSnapshot: async () => {
      requireAccess(identity, EXPORT, { kind: 'TRANSVERSAL' });
      const at = now();
      return snapshotView((await takeSnapshot(deps.db.orm, deps.client, parisDay(at), at)).snapshot);
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
