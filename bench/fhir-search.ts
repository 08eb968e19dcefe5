/**
 * FHIR search over the national-size data: `Location?near=…&capacity-status=…|02&nb-capacity=gt0
 * &_include=Location:organization` (a place with a free bed around a point, and its
 * establishment) through real HTTP, against the raw SQL of the same query on the same database
 * client: the same true radius around the same point, the same capacity predicate (one
 * "available" figure above zero), ordered by distance then id, the same limit, the establishments
 * joined. Each case also checks that both give the same ids in the same order.
 */
import { sql } from 'drizzle-orm';
import { CODE_SYSTEMS } from '../fhir/codes.js';
import type { BenchHub } from './lib/hub.js';
import { now, summarize, type Summary } from './lib/stats.js';
import { graphqlRequests } from './lib/graphql.js';

export interface SearchPlace {
  name: string;
  latitude: number;
  longitude: number;
  radiusKm: number;
}

/** A dense metropolis, a big city in a sparser region, the demo region's main city, a rural département. */
export const PLACES: readonly SearchPlace[] = [
  { name: 'Paris', latitude: 48.8566, longitude: 2.3522, radiusKm: 20 },
  { name: 'Lyon', latitude: 45.764, longitude: 4.8357, radiusKm: 50 },
  { name: 'Tours', latitude: 47.3941, longitude: 0.6848, radiusKm: 50 },
  { name: 'Mende (Lozère)', latitude: 44.5181, longitude: 3.5001, radiusKm: 30 },
];

export interface SearchOptions {
  warmup: number;
  runs: number;
  counts: number[];
}

export interface SearchCase {
  place: SearchPlace;
  count: number;
  fhir: Summary;
  sql: Summary;
  /** Locations on the first page (FHIR), rows (SQL). */
  fhirMatches: number;
  sqlRows: number;
  /** Organizations included on the first page, establishments the SQL joined. */
  fhirIncluded: number;
  sqlEstablishments: number;
  /** Whether the FHIR page had a `next` link. */
  hasNext: boolean;
  /** Same ids in the same order (FHIR matches = SQL rows), and the same included establishments. */
  agree: boolean;
  disagreement: string | null;
  /** Subgraph POST /graphql requests per FHIR search. */
  requests: { offer: number; capacities: number };
}

export interface SearchFigures {
  cases: SearchCase[];
  /** Units within reach of the capacity predicate in the whole data set (context for selectivity). */
  unitsWithFreeBed: number;
}

const AVAILABLE = `${CODE_SYSTEMS.typeStatutCapacite}|02`;

export function fhirQuery(place: SearchPlace, count: number): string {
  const query = new URLSearchParams({
    near: `${place.latitude}|${place.longitude}|${place.radiusKm}|km`,
    'capacity-status': AVAILABLE,
    'nb-capacity': 'gt0',
    _include: 'Location:organization',
    _count: String(count),
  });
  return `Location?${query.toString()}`;
}

/**
 * The hand-written SQL: a unit's position is its own when it has an address of its own, else its
 * establishment's (fhir/mappers/location.ts); each branch uses its GiST index through `earth_box`,
 * then the exact great-circle distance. The distance is rounded to the metre as the offer rounds
 * it, so that ties fall back to the id in both.
 */
export function rawQuery(place: SearchPlace, count: number, includeSensitive: boolean): string {
  const centre = `ll_to_earth(${place.latitude}::float8, ${place.longitude}::float8)`;
  const metres = place.radiusKm * 1000;
  const box = `earth_box(${centre}, ${metres}::float8)`;
  const own = '(u.address_line is not null or u.postal_code is not null or u.city is not null)';
  const sensitive = includeSensitive ? '' : 'and not u.sensitive';
  return `
    with place as (
      select u.id, u.establishment_id, earth_distance(ll_to_earth(u.latitude, u.longitude), ${centre}) as metres
        from offer.unit u
       where ${own} and u.latitude is not null and ${box} @> ll_to_earth(u.latitude, u.longitude) ${sensitive}
      union all
      select u.id, u.establishment_id, earth_distance(ll_to_earth(e.latitude, e.longitude), ${centre})
        from offer.establishment e join offer.unit u on u.establishment_id = e.id
       where not ${own} and ${box} @> ll_to_earth(e.latitude, e.longitude) ${sensitive}
    )
    select p.id as match_id, p.establishment_id as match_establishment, round((p.metres / 1000)::numeric, 3) as km, u.*, e.*
      from place p
      join capacities.unit_capacity c on c.unit_id = p.id
      join offer.unit u on u.id = p.id
      join offer.establishment e on e.id = p.establishment_id
     where p.metres <= ${metres}::float8
       and (c.available_men > 0 or c.available_women > 0 or c.available_undifferentiated > 0)
     order by km, p.id
     limit ${count}`;
}

interface BundleEntry {
  resource?: { resourceType: string; id?: string };
  search?: { mode?: string };
}
interface Bundle {
  resourceType: string;
  entry?: BundleEntry[];
  link?: Array<{ relation: string; url: string }>;
}

/** What the comparison reads of a raw SQL row (the row also carries every unit and establishment column). */
interface Row {
  match_id: string;
  match_establishment: string;
}

async function search(url: string, authorization: string): Promise<Bundle> {
  const response = await fetch(url, { headers: { authorization, accept: 'application/fhir+json' } });
  const body = (await response.json()) as Bundle;
  if (response.status !== 200 || body.resourceType !== 'Bundle') throw new Error(`FHIR search ${url} answered ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

const idsOf = (bundle: Bundle, mode: string) => (bundle.entry ?? []).filter((e) => e.search?.mode === mode).map((e) => e.resource?.id ?? '');

/** Same ids in the same order, same included establishments; null when they agree, else what differs. */
function compare(bundle: Bundle, rows: Row[]): string | null {
  const matches = idsOf(bundle, 'match');
  const sqlIds = rows.map((r) => r.match_id);
  const first = matches.findIndex((id, i) => id !== sqlIds[i]);
  if (first >= 0 || matches.length !== sqlIds.length) {
    return `matches differ at position ${first >= 0 ? first : Math.min(matches.length, sqlIds.length)} (FHIR ${matches.length}, SQL ${sqlIds.length}): FHIR ${matches[first] ?? '–'} vs SQL ${sqlIds[first] ?? '–'}`;
  }
  const included = new Set(idsOf(bundle, 'include'));
  const establishments = new Set(rows.map((r) => r.match_establishment));
  const missing = [...establishments].filter((id) => !included.has(id));
  const extra = [...included].filter((id) => !establishments.has(id));
  if (missing.length || extra.length) return `included Organizations differ: ${missing.length} missing, ${extra.length} extra`;
  return null;
}

async function measureCase(bench: BenchHub, authorization: string, place: SearchPlace, count: number, options: SearchOptions, includeSensitive: boolean): Promise<SearchCase> {
  const url = `${bench.hub.urls.fhir}/${fhirQuery(place, count)}`;
  const raw = sql.raw(rawQuery(place, count, includeSensitive));
  const rowsOf = () => bench.hub.db.rows<Row>(raw);
  for (let i = 0; i < options.warmup; i++) {
    await search(url, authorization);
    await rowsOf();
  }
  const fhir: number[] = [];
  const plain: number[] = [];
  const offerBefore = await graphqlRequests(bench.hub.urls.subgraphs.offer);
  const capacitiesBefore = await graphqlRequests(bench.hub.urls.subgraphs.capacities);
  let bundle: Bundle | null = null;
  let rows: Row[] = [];
  // Interleaved, so that both see the same load on the machine.
  for (let i = 0; i < options.runs; i++) {
    let started = now();
    bundle = await search(url, authorization);
    fhir.push(now() - started);
    started = now();
    rows = await rowsOf();
    plain.push(now() - started);
  }
  const requests = {
    offer: ((await graphqlRequests(bench.hub.urls.subgraphs.offer)) - offerBefore) / options.runs,
    capacities: ((await graphqlRequests(bench.hub.urls.subgraphs.capacities)) - capacitiesBefore) / options.runs,
  };
  const last = bundle ?? { resourceType: 'Bundle' };
  const disagreement = compare(last, rows);
  return {
    place,
    count,
    fhir: summarize(fhir),
    sql: summarize(plain),
    fhirMatches: idsOf(last, 'match').length,
    sqlRows: rows.length,
    fhirIncluded: idsOf(last, 'include').length,
    sqlEstablishments: new Set(rows.map((r) => r.match_establishment)).size,
    hasNext: (last.link ?? []).some((l) => l.relation === 'next'),
    agree: disagreement === null,
    disagreement,
    requests,
  };
}

/**
 * Every place × `_count`, as `authorization` (an application with capacity.read; `includeSensitive`
 * says whether its access profile sees sensitive units, which the raw SQL must then keep too).
 */
export async function runFhirSearchBench(bench: BenchHub, authorization: string, includeSensitive: boolean, options: SearchOptions, log: (line: string) => void): Promise<SearchFigures> {
  const [free] = await bench.hub.db.rows<{ n: number }>(sql`
    select count(*)::int as n from capacities.unit_capacity c where c.available_men > 0 or c.available_women > 0 or c.available_undifferentiated > 0`);
  const cases: SearchCase[] = [];
  for (const place of PLACES) {
    for (const count of options.counts) {
      const result = await measureCase(bench, authorization, place, count, options, includeSensitive);
      log(`  fhir search: ${place.name} ${place.radiusKm} km, _count=${count}: FHIR p50 ${result.fhir.p50.toFixed(1)} ms, SQL p50 ${result.sql.p50.toFixed(1)} ms, ${result.fhirMatches}/${result.sqlRows} matches${result.agree ? '' : ` — DISAGREE: ${result.disagreement}`}`);
      cases.push(result);
    }
  }
  return { cases, unitsWithFreeBed: free?.n ?? 0 };
}
