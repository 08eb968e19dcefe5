/**
 * `Subscription.territoryDashboardChanged`: the dashboard row of an establishment of the
 * territory each time one of its units' capacity, a bed blocker or its contact changes. Capacity
 * events name a unit only: the territory's units are asked of the offer subgraph once, and again
 * when it reports a unit change (creation, transfer), as capacityChanged does.
 */
import type { Identity } from '../../../platform/auth/identity.js';
import type { ChangeEvent, ChangeFeed } from '../../../platform/changes/feed.js';
import { feedStream } from '../../../platform/changes/stream.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { requireTerritory, territoryUnits } from './service.js';

export interface TerritoryEvent {
  code: string;
  cause: 'CAPACITY' | 'BED_BLOCKER' | 'CONTACT' | 'MATURITY';
  at: Date;
  establishmentId: string;
}

/** Establishment of each unit of the territory (active units). */
async function unitEstablishments(client: SubgraphClient, code: string, identity: Identity): Promise<Map<string, string>> {
  const units = await territoryUnits(client, requireTerritory(identity, code));
  return new Map(units.map((u) => [u.id, u.establishment.id]));
}

export function createTerritoryChanges(feed: ChangeFeed, client: SubgraphClient) {
  return async (identity: Identity, code: string): Promise<AsyncIterableIterator<TerritoryEvent>> => {
    const territory = requireTerritory(identity, code); // refused at once, before any event
    // Fetched while the stream already listens (events of the meantime wait for it in accept):
    // a département's units take a while, and a change made then must not be lost.
    let establishments = unitEstablishments(client, code, identity);
    establishments.catch(() => undefined); // read by accept, whose failure ends the stream
    const establishmentOf = new Map<number, string>(); // feed id → establishment, set by accept for the mapping below
    const stream = await feedStream(feed, {
      topics: ['capacity', 'territory', 'offer'],
      accept: async (event) => {
        if (event.topic === 'offer') {
          if (event.recordType === 'UNIT') {
            establishments = unitEstablishments(client, code, identity);
            establishments.catch(() => undefined);
          }
          return false;
        }
        const payload = event.payload as { unitId?: string; establishmentId?: string | null; departmentCode?: string | null };
        const establishmentId =
          event.topic === 'capacity'
            ? (await establishments).get(payload.unitId ?? '')
            : payload.departmentCode && territory.departmentCodes.includes(payload.departmentCode)
              ? (payload.establishmentId ?? undefined)
              : undefined;
        if (!establishmentId) return false;
        establishmentOf.set(event.id, establishmentId);
        return true;
      },
    });
    const causeOf = (event: ChangeEvent): TerritoryEvent['cause'] =>
      event.topic === 'capacity' ? 'CAPACITY' : event.recordType === 'BED_BLOCKER' ? 'BED_BLOCKER' : event.recordType === 'BED_MANAGEMENT_MATURITY' ? 'MATURITY' : 'CONTACT';
    return mapStream(stream, (event) => {
      const establishmentId = establishmentOf.get(event.id)!;
      establishmentOf.delete(event.id);
      return { code, cause: causeOf(event), at: event.occurredAt, establishmentId };
    });
  };
}

/** The same iterator, each value mapped; return() and throw() reach the source (unsubscribe). */
function mapStream<T, U>(source: AsyncIterableIterator<T>, map: (value: T) => U): AsyncIterableIterator<U> {
  const mapped: AsyncIterableIterator<U> = {
    next: async () => {
      const r = await source.next();
      return r.done ? { done: true, value: undefined } : { done: false, value: map(r.value) };
    },
    return: async () => {
      await source.return?.();
      return { done: true, value: undefined };
    },
    throw: async (error?: unknown) => {
      if (source.throw) await source.throw(error);
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => mapped,
  };
  return mapped;
}

export type TerritoryChanges = ReturnType<typeof createTerritoryChanges>;
