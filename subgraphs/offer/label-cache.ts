/**
 * Code labels kept in the process (D249). Every read that shows a coded field (a unit's kind,
 * discipline, an establishment's category…) asks `offer.code` for its label: one statement per
 * request, on every entity fetch of every live event and every FHIR page (issue 16's traces:
 * two per capacity update on PGlite, where each statement holds the one connection).
 *
 * The labels are the national nomenclatures the subgraph loads from its own terminology files at
 * start-up (terminology/load.ts): nothing else writes them, and a label only changes when a
 * process of a newer release loads its files. A label is kept at most `ttlMs`, so a process that
 * outlives such a release (a rolling upgrade) shows the new label within that time; codes unknown
 * at a read are kept as unknown for the same time.
 */
import { LRUCache } from 'lru-cache';
import type { OfferStore } from './store.js';

type Pair = readonly [system: string, code: string];
type Label = { system: string; code: string; display: string };

export interface LabelCacheOptions {
  /** Entries kept (about 1,000 codes are in use; far fewer than the bound). */
  max: number;
  ttlMs: number;
}

export const LABEL_CACHE_DEFAULTS: LabelCacheOptions = { max: 20_000, ttlMs: 10 * 60_000 };

/** `store` whose `labelsOf` answers from the process's labels and reads only the pairs it lacks. */
export function withLabelCache(store: OfferStore, options: LabelCacheOptions = LABEL_CACHE_DEFAULTS): OfferStore {
  // A pair the table lacks is kept as `{ display: null }` (lru-cache keeps no bare null).
  const cache = new LRUCache<string, { display: string | null }>({ max: options.max, ttl: options.ttlMs });
  const keyOf = (system: string, code: string) => `${system}\u0000${code}`;

  const labelsOf = async (pairs: readonly Pair[]): Promise<Label[]> => {
    const known: Label[] = [];
    const missing: Pair[] = [];
    for (const [system, code] of pairs) {
      const kept = cache.get(keyOf(system, code));
      if (!kept) missing.push([system, code]);
      else if (kept.display !== null) known.push({ system, code, display: kept.display });
    }
    if (missing.length === 0) return known;
    const rows = await store.labelsOf(missing);
    const found = new Map(rows.map((r) => [keyOf(r.system, r.code), r.display]));
    for (const [system, code] of missing) cache.set(keyOf(system, code), { display: found.get(keyOf(system, code)) ?? null });
    return [...known, ...rows];
  };
  return { ...store, labelsOf };
}
