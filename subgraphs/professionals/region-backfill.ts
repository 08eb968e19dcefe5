/**
 * Placements written before migration 0010 have no region: the column came empty, since the
 * professionals subgraph cannot read the offer's tables to fill it in SQL. Without a region a
 * placement matches no Practitioner or PractitionerRole `_tag` search (D196), so this periodic job
 * asks the offer for the regions of those placements' establishments (through federation, as a
 * placement write does) and stores them. Once every placement has one, a run is one indexed
 * query. An establishment the offer does not know keeps its placements without a region (as a
 * write would leave them), and is asked again at the next run.
 */
import type { RegionStore } from './region-store.js';
import type { UnitDirectory } from './offer-units.js';

/** Establishments asked of the offer per batch: one `_entities` request each. */
const BATCH = 500;

/** Fills the missing regions, batch after batch; returns the placement rows given a region. */
export async function backfillRegions(store: RegionStore, directory: Pick<UnitDirectory, 'establishmentRegions'>): Promise<number> {
  let filled = 0;
  const asked = new Set<string>();
  for (;;) {
    const ids = (await store.establishmentsWithoutRegion(asked.size + BATCH)).filter((id) => !asked.has(id));
    if (ids.length === 0) return filled;
    ids.forEach((id) => asked.add(id));
    filled += await store.fillRegions(await directory.establishmentRegions(ids));
  }
}
