/** Rules of the tensions subgraph, per request (batched reads): declarations, lists, repertoire. */
import DataLoader from 'dataloader';
import type { Identity } from '../../platform/auth/identity.js';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../platform/pagination.js';
import { HubError } from '../../platform/errors.js';
import type { DeclarationQuery, TensionStore } from './store.js';
import type { DeclarationRow, TimelineRow } from './tables.js';
import type { OfferEstablishments } from './offer-establishments.js';
import { createReferenceReader } from './reference-reader.js';
import { establishmentsWith, requireSignedIn, requireSomeTensionRight, requireTensionRead, DECLARE, REPERTOIRE_READ, TENSION_READ } from './access.js';
import { createTensionWrites } from './writes.js';
import { computeIndicators } from './indicators.js';

export { TENSION_READ } from './access.js';

export type TensionStatus = 'IN_PROGRESS' | 'CLOSED';
export type TensionWindow = 'D7' | 'D15' | 'D30' | 'ALL';

export interface TensionFilter {
  establishmentId?: string | null;
  departmentCode?: string | null;
  levelCodes?: string[] | null;
  disciplineGroupCode?: string | null;
  status?: TensionStatus | null;
}

export interface PageArgs {
  window?: TensionWindow | null;
  first?: number | null;
  after?: string | null;
}

const WINDOW_DAYS: Record<TensionWindow, number | null> = { D7: 7, D15: 15, D30: 30, ALL: null };
const DAY_MS = 86_400_000;

export interface TensionDeps {
  store: TensionStore;
  offer: OfferEstablishments;
}

export function createTensionService(deps: TensionDeps, identity: Identity) {
  const { store, offer } = deps;
  const reference = createReferenceReader(store);
  const byId = new DataLoader(async (ids: readonly string[]) => {
    const rows = new Map((await store.byIds(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  });
  const ofEstablishment = new DataLoader(async (ids: readonly string[]) => {
    const rows = await store.ofEstablishments(ids);
    return ids.map((id) => rows.filter((r) => r.establishmentId === id));
  });
  const timeline = new DataLoader(async (ids: readonly string[]) => {
    const rows = await store.timelines(ids);
    return ids.map((id) => rows.filter((r) => r.declarationId === id));
  });

  /** Intersects what the caller may see with the filter's establishment and département. */
  async function scope(visible: 'ALL' | Set<string>, filter: TensionFilter): Promise<readonly string[] | null> {
    let ids: Set<string> | null = visible === 'ALL' ? null : visible;
    const narrow = (other: Set<string>) => (ids = ids ? new Set([...ids].filter((id) => other.has(id))) : other);
    if (filter.establishmentId) narrow(new Set([filter.establishmentId]));
    if (filter.departmentCode) narrow(await offer.inDepartment(filter.departmentCode));
    return ids ? [...ids] : null;
  }

  async function list(visible: 'ALL' | Set<string>, filter: TensionFilter, args: PageArgs): Promise<Connection<DeclarationRow>> {
    const size = pageSize(args.first);
    const cursor = args.after ? decodeCursor(args.after) : null;
    const after = cursor && typeof cursor[0] === 'string' && typeof cursor[1] === 'string' ? { startedAt: new Date(cursor[0]), id: cursor[1] } : null;
    if (cursor && !after) throw new HubError('BAD_USER_INPUT', 'The cursor given in `after` is not one this server issued.', { argumentName: 'after' });
    const days = WINDOW_DAYS[args.window ?? 'ALL'];
    const query: DeclarationQuery = {
      establishmentIds: await scope(visible, filter),
      levelCodes: filter.levelCodes,
      disciplineGroupCode: filter.disciplineGroupCode,
      status: filter.status,
      activeSince: days === null ? null : new Date(Date.now() - days * DAY_MS),
    };
    const rows = await store.page(query, size + 1, after);
    rows.forEach((r) => byId.prime(r.id, r));
    return toConnection(rows, size, Boolean(after), (r) => [r.startedAt.toISOString(), r.id], () => store.count(query));
  }

  return {
    reference,
    tension: async (id: string): Promise<DeclarationRow | null> => {
      const row = await byId.load(id);
      if (row) requireTensionRead(identity, row.establishmentId);
      return row;
    },
    /** Newest first; all statuses unless one is asked. */
    tensionsOf: async (establishmentId: string, status: TensionStatus | null | undefined): Promise<DeclarationRow[]> => {
      requireTensionRead(identity, establishmentId);
      const rows = await ofEstablishment.load(establishmentId);
      return status ? rows.filter((r) => r.status === status) : rows;
    },
    /** A declaration's timeline, oldest first (the declaration was read under its rules). */
    timeline: (declarationId: string): Promise<TimelineRow[]> => timeline.load(declarationId),
    entries: (ids: readonly number[]): Promise<TimelineRow[]> => (ids.length ? store.entriesByIds(ids) : Promise.resolve([])),

    /** Every declaration the caller may read that matches. */
    tensions: (filter: TensionFilter, args: PageArgs) => {
      requireSignedIn(identity, 'read tension declarations');
      return list(establishmentsWith(identity, TENSION_READ.rights, TENSION_READ.scope), filter, args);
    },
    /** "My HET plans": the declarations of the establishments where the caller may declare. */
    myHetPlans: (status: TensionStatus | null | undefined, args: PageArgs) => {
      requireSignedIn(identity, 'read your HET plans');
      return list(establishmentsWith(identity, [DECLARE], null), { status }, args);
    },
    repertoire: async (includeRetired: boolean) => {
      requireSomeTensionRight(identity, REPERTOIRE_READ, 'read the HET action repertoire');
      const [categories, actions] = await Promise.all([reference.categories(), reference.actions()]);
      const all = [...actions.values()].filter((a) => includeRetired || a.active);
      return categories.map((c) => ({ ...c, actions: all.filter((a) => a.categoryCode === c.code) }));
    },
    indicators: (from: Date, to: Date, departmentCode: string | null | undefined) =>
      computeIndicators({ store, offer, reference, identity }, from, to, departmentCode ?? null),
    ...createTensionWrites({ store, offer, reference, byId }, identity),
  };
}

export type TensionService = ReturnType<typeof createTensionService>;
