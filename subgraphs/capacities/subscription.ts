/**
 * `Subscription.capacityChanged`: capacity events of the change feed, filtered by unit,
 * establishment, département or discipline and by what the subscriber may read. Units and
 * their attributes belong to the offer subgraph: the filter is turned into a set of unit ids
 * through its API, and recomputed when the offer reports a unit change (transfer, creation).
 */
import { hasReadAccess, requireReadAccessSomewhere } from '../../platform/auth/authorize.js';
import type { Identity } from '../../platform/auth/identity.js';
import type { ChangeEvent, ChangeFeed } from '../../platform/changes/feed.js';
import { feedStream, resumePosition } from '../../platform/changes/stream.js';
import type { SubgraphClient } from '../../platform/subgraph-client.js';
import { CAPACITY_READ } from './service.js';

export interface CapacityChangeFilter {
  unitIds?: string[] | null;
  establishmentId?: string | null;
  departmentCode?: string | null;
  discipline?: string | null;
}

/** What a capacity event carries (written by the capacities service with each change). */
export interface CapacityEventPayload {
  unitId: string;
  capacity: Record<string, unknown>;
  /** The unit's history row written with the change (CapacityChange.id). */
  historyId: number;
  at: string;
}

const UNITS = /* GraphQL */ `
  query CapacityFilterUnits($filter: UnitFilter!, $after: String) {
    units(filter: $filter, first: 200, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }
  }
`;

interface UnitsPage {
  units: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Ids of the units matching the offer-side criteria, every page. */
async function unitIdsMatching(client: SubgraphClient, filter: CapacityChangeFilter): Promise<Set<string>> {
  const offerFilter = {
    establishmentId: filter.establishmentId ?? undefined,
    departmentCode: filter.departmentCode ?? undefined,
    discipline: filter.discipline ?? undefined,
    includeArchived: true,
  };
  const ids = new Set<string>();
  let after: string | null = null;
  do {
    const page: UnitsPage = await client.query<UnitsPage>('offer', UNITS, { filter: offerFilter, after });
    page.units.edges.forEach((e) => ids.add(e.node.id));
    after = page.units.pageInfo.hasNextPage ? page.units.pageInfo.endCursor : null;
  } while (after);
  return ids;
}

const mayRead = (identity: Identity, unitId: string) => hasReadAccess(identity, CAPACITY_READ, { kind: 'UNIT', id: unitId });

export function createCapacityChanges(feed: ChangeFeed, client: SubgraphClient) {
  /** `after`: resume after this feed position (a `position` delivered before), replaying what followed it. */
  return async (identity: Identity, filter: CapacityChangeFilter, after?: string | null): Promise<AsyncIterableIterator<ChangeEvent>> => {
    requireReadAccessSomewhere(identity, CAPACITY_READ, 'follow capacity changes');
    const afterId = resumePosition(feed, after);
    const byOffer = Boolean(filter.establishmentId || filter.departmentCode || filter.discipline);
    const listed = filter.unitIds?.length ? new Set(filter.unitIds) : null;
    let matching: Promise<Set<string>> | null = byOffer ? unitIdsMatching(client, filter) : null;
    await matching; // a bad filter (unknown discipline…) fails the subscription, not its first event
    return feedStream(feed, {
      ...(afterId !== undefined ? { afterId } : {}),
      topics: byOffer ? ['capacity', 'offer'] : ['capacity'],
      accept: async (event) => {
        if (event.topic === 'offer') {
          if (event.recordType === 'UNIT') {
            matching = unitIdsMatching(client, filter);
            // Read by the next capacity event (whose acceptance then fails the stream); handled now,
            // so a failure with no such event is no unhandled rejection.
            matching.catch(() => undefined);
          }
          return false;
        }
        const { unitId } = event.payload as unknown as CapacityEventPayload;
        if (listed && !listed.has(unitId)) return false;
        if (matching && !(await matching).has(unitId)) return false;
        return mayRead(identity, unitId);
      },
    });
  };
}

export type CapacityChanges = ReturnType<typeof createCapacityChanges>;

/** The `CapacityChange` of an event, as the history row written with it (resolvers.ts reads both alike). */
export function capacityChangeOf(event: ChangeEvent) {
  const payload = event.payload as unknown as CapacityEventPayload;
  return { id: payload.historyId, unitId: payload.unitId, record: payload.capacity, at: new Date(payload.at), position: String(event.id) };
}

interface SubscriptionContext {
  identity: Identity;
  capacityChanges: CapacityChanges;
}

export const subscriptionResolvers = {
  Subscription: {
    capacityChanged: {
      subscribe: (_: unknown, args: { filter?: CapacityChangeFilter | null; after?: string | null }, ctx: SubscriptionContext) =>
        ctx.capacityChanges(ctx.identity, args.filter ?? {}, args.after),
      resolve: (event: ChangeEvent) => capacityChangeOf(event),
    },
  },
};
