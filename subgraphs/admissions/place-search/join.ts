/**
 * Candidates joined with their figures: free beds for the patient, freshness, the filters on
 * figures, the order (distance, then free beds descending, then unit id) and Relay pages whose
 * cursors carry the criteria's hash and the last row's sort key.
 */
import { decodeCursor, encodeCursor } from '../../../platform/pagination.js';
import { badInput, type PlaceCriteria } from './criteria.js';
import type { Candidate } from './candidates.js';
import type { Figures } from './figures.js';

export interface Place {
  distanceKm: number;
  unitId: string;
  freeBeds: number;
  installedBeds: number | null;
  updatedAt: Date | null;
  stale: boolean;
}

/** Free beds for the patient: beds of their sex plus undifferentiated ones; every free bed without a sex. */
export function freeBedsFor(figures: Figures | undefined, sex: PlaceCriteria['patientSex']): number {
  if (!figures) return 0;
  const ofSex = sex === 'FEMALE' ? figures.availableWomen : sex === 'MALE' ? figures.availableMen : figures.availableMen + figures.availableWomen;
  return ofSex + figures.availableUndifferentiated;
}

const MINUTE_MS = 60_000;

/** The places meeting the figure criteria, in the search's order. */
export function joinPlaces(candidates: readonly Candidate[], figures: ReadonlyMap<string, Figures>, criteria: PlaceCriteria, staleMinutes: number, now: Date): Place[] {
  const age = (f: Figures) => (now.getTime() - f.updatedAt.getTime()) / MINUTE_MS;
  const places: Place[] = [];
  for (const candidate of candidates) {
    const f = figures.get(candidate.unitId);
    const freeBeds = freeBedsFor(f, criteria.patientSex);
    if (criteria.freeBedsOnly && freeBeds === 0) continue;
    if (criteria.maxFiguresAgeMinutes !== null && (!f || age(f) > criteria.maxFiguresAgeMinutes)) continue;
    places.push({
      distanceKm: candidate.distanceKm,
      unitId: candidate.unitId,
      freeBeds,
      installedBeds: f ? f.installedBeds : null,
      updatedAt: f ? f.updatedAt : null,
      stale: !f || age(f) > staleMinutes,
    });
  }
  return places.sort(compare);
}

function compare(a: Pick<Place, 'distanceKm' | 'freeBeds' | 'unitId'>, b: Pick<Place, 'distanceKm' | 'freeBeds' | 'unitId'>): number {
  if (a.distanceKm !== b.distanceKm) return a.distanceKm - b.distanceKm;
  if (a.freeBeds !== b.freeBeds) return b.freeBeds - a.freeBeds;
  return a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;
}

type Key = Pick<Place, 'distanceKm' | 'freeBeds' | 'unitId'>;

function cursorOf(hash: string, place: Place): string {
  return encodeCursor([hash, place.distanceKm, place.freeBeds, place.unitId]);
}

/**
 * The key after which a page starts. A cursor is bound to its criteria: reused with others it is
 * refused rather than silently paging another list.
 */
function readCursor(after: string, hash: string): Key {
  const [cursorHash, distanceKm, freeBeds, unitId] = decodeCursor(after);
  if (typeof distanceKm !== 'number' || typeof freeBeds !== 'number' || typeof unitId !== 'string') {
    throw badInput('after', 'The cursor given in `after` is not one this search issued.');
  }
  if (cursorHash !== hash) throw badInput('after', 'The cursor given in `after` was issued for other criteria; start again without `after`.');
  return { distanceKm, freeBeds, unitId };
}

export interface PlacePage {
  edges: Array<{ cursor: string; node: Place }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/**
 * One page, after the cursor's key: a keyset over the sorted list, so that a unit whose free beds
 * changed between two pages is neither repeated nor skipped because of an offset.
 */
export function pageOf(places: readonly Place[], size: number, after: string | null | undefined, hash: string): PlacePage {
  const start = after ? readCursor(after, hash) : null;
  const rest = start ? places.filter((p) => compare(p, start) > 0) : places;
  const edges = rest.slice(0, size).map((node) => ({ cursor: cursorOf(hash, node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rest.length > size, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: places.length,
  };
}
