/**
 * The admissions place search over the national-size data: `placeSearch` through the gateway
 * (GraphQL, real HTTP, as the GP `medecin.ville.orleans`), "free beds for an 82-year-old woman
 * within 30 km", against the raw SQL of the same query on the same database client: the same
 * true radius, active units whose age range holds 82, free women's plus undifferentiated beds
 * above zero, ordered by distance, free beds descending, id, the first page and the total count.
 * Each case also checks that both give the same ids in the same order and the same total.
 */
import { sql } from 'drizzle-orm';
import type { BenchHub } from './lib/hub.js';
import { graphql, graphqlRequests } from './lib/graphql.js';
import { now, summarize, type Summary } from './lib/stats.js';
import { PLACES as FHIR_PLACES, type SearchPlace } from './fhir-search.js';
import { postAsSystem } from '../platform/subgraph-client.js';

/** The FHIR search's places (a metropolis, a big city, the demo region, a rural département), all at 30 km. */
export const PLACES: readonly SearchPlace[] = FHIR_PLACES.map((p) => ({ ...p, radiusKm: 30 }));

const PATIENT_AGE = 82;

export interface PlaceSearchOptions {
  warmup: number;
  runs: number;
  first: number;
}

export interface PlaceSearchCase {
  place: SearchPlace;
  graphql: Summary;
  sql: Summary;
  /** totalCount (GraphQL) and count(*) over () (SQL). */
  graphqlTotal: number;
  sqlTotal: number;
  /** Edges on the page, SQL rows. */
  graphqlRows: number;
  sqlRows: number;
  agree: boolean;
  disagreement: string | null;
  /** The two internal calls of a search alone, straight to their subgraph as the system identity (after the GraphQL runs). */
  candidates: Summary;
  figures: Summary;
  /** Candidates the offer returned (every unit in the radius holding the age), figures asked. */
  candidateCount: number;
  /** Subgraph POST /graphql requests per search. */
  requests: { offer: number; capacities: number; admissions: number };
}

export const PLACE_SEARCH = `query($criteria: PlaceSearchInput!, $first: Int) {
  placeSearch(criteria: $criteria, first: $first) {
    totalCount
    edges { node { distanceKm freeBeds stale unit { id name } } }
  }
}`;

/** The admissions subgraph's two internal queries (subgraphs/admissions/place-search/candidates.ts, figures.ts). */
const CANDIDATES = `query($criteria: PlaceCandidateCriteria!) { placeCandidates(criteria: $criteria) { unitIds distancesKm sensitiveUnitIds } }`;
const FIGURES = `query($ids: [ID!]!) { unitFigures(unitIds: $ids) { unitIds availableMen availableWomen availableUndifferentiated installedBeds updatedAt } }`;

interface Answer {
  placeSearch: { totalCount: number; edges: Array<{ node: { distanceKm: number; freeBeds: number; unit: { id: string; name: string } } }> };
}

/**
 * The hand-written SQL: the position rule and the true radius of the FHIR bench's raw query, the
 * age range and the free beds of a woman (women's + undifferentiated), the place search's order.
 * The GP is a hub user: sensitive units are kept, as the place search keeps them for users.
 */
export function rawPlaceQuery(place: SearchPlace, first: number): string {
  const centre = `ll_to_earth(${place.latitude}::float8, ${place.longitude}::float8)`;
  const metres = place.radiusKm * 1000;
  const box = `earth_box(${centre}, ${metres}::float8)`;
  const own = '(u.address_line is not null or u.postal_code is not null or u.city is not null)';
  return `
    with place as (
      select u.id, earth_distance(ll_to_earth(u.latitude, u.longitude), ${centre}) as metres
        from offer.unit u
       where ${own} and u.latitude is not null and ${box} @> ll_to_earth(u.latitude, u.longitude) and not u.archived
         and coalesce(u.patient_age_min <= ${PATIENT_AGE}, true) and coalesce(u.patient_age_max >= ${PATIENT_AGE}, true)
      union all
      select u.id, earth_distance(ll_to_earth(e.latitude, e.longitude), ${centre})
        from offer.establishment e join offer.unit u on u.establishment_id = e.id
       where not ${own} and ${box} @> ll_to_earth(e.latitude, e.longitude) and not u.archived
         and coalesce(u.patient_age_min <= ${PATIENT_AGE}, true) and coalesce(u.patient_age_max >= ${PATIENT_AGE}, true)
    )
    select p.id, u.name, round((p.metres / 1000)::numeric, 3) as km, c.available_women + c.available_undifferentiated as free, count(*) over () as total
      from place p
      join capacities.unit_capacity c on c.unit_id = p.id
      join offer.unit u on u.id = p.id
     where p.metres <= ${metres}::float8 and c.available_women + c.available_undifferentiated > 0
     order by km, free desc, p.id
     limit ${first}`;
}

interface Row {
  id: string;
  total: number | string;
}

function compare(answer: Answer, rows: Row[]): string | null {
  const ids = answer.placeSearch.edges.map((e) => e.node.unit.id);
  const sqlIds = rows.map((r) => r.id);
  const first = ids.findIndex((id, i) => id !== sqlIds[i]);
  if (first >= 0 || ids.length !== sqlIds.length) {
    return `ids differ at position ${first >= 0 ? first : Math.min(ids.length, sqlIds.length)} (GraphQL ${ids.length}, SQL ${sqlIds.length})`;
  }
  const total = Number(rows[0]?.total ?? 0);
  return answer.placeSearch.totalCount === total ? null : `totals differ: GraphQL ${answer.placeSearch.totalCount}, SQL ${total}`;
}

async function measureCase(bench: BenchHub, authorization: string, place: SearchPlace, options: PlaceSearchOptions): Promise<PlaceSearchCase> {
  const variables = {
    criteria: { near: { latitude: place.latitude, longitude: place.longitude, radiusKm: place.radiusKm }, patientAge: PATIENT_AGE, patientSex: 'FEMALE', freeBedsOnly: true },
    first: options.first,
  };
  const ask = () => graphql<Answer>(bench.hub.urls.graphql, authorization, PLACE_SEARCH, variables);
  const raw = sql.raw(rawPlaceQuery(place, options.first));
  const rowsOf = () => bench.hub.db.rows<Row>(raw);
  for (let i = 0; i < options.warmup; i++) {
    await ask();
    await rowsOf();
  }
  const counters = () => Promise.all((['offer', 'capacities', 'admissions'] as const).map((name) => graphqlRequests(bench.hub.urls.subgraphs[name])));
  const before = await counters();
  const timesGraphql: number[] = [];
  const timesSql: number[] = [];
  let answer: Answer = { placeSearch: { totalCount: 0, edges: [] } };
  let rows: Row[] = [];
  // Interleaved, so that both see the same load on the machine.
  for (let i = 0; i < options.runs; i++) {
    let started = now();
    answer = await ask();
    timesGraphql.push(now() - started);
    started = now();
    rows = await rowsOf();
    timesSql.push(now() - started);
  }
  const after = await counters();
  // The internal calls alone, as the admissions subgraph makes them (same criteria, same ids).
  const system = <T>(name: 'capacities' | 'offer', query: string, vars: Record<string, unknown>) => postAsSystem<T>(fetch, { name, url: bench.hub.urls.subgraphs[name]! }, bench.internalSecret, query, vars, 60_000);
  const candidateCriteria = { near: variables.criteria.near, patientAge: PATIENT_AGE };
  const timesCandidates: number[] = [];
  const timesFigures: number[] = [];
  let ids: string[] = [];
  for (let i = 0; i < options.runs; i++) {
    let started = now();
    const { placeCandidates } = await system<{ placeCandidates: { unitIds: string[] } }>('offer', CANDIDATES, { criteria: candidateCriteria });
    timesCandidates.push(now() - started);
    ids = placeCandidates.unitIds;
    started = now();
    await system('capacities', FIGURES, { ids });
    timesFigures.push(now() - started);
  }
  const per = (i: number) => (after[i]! - before[i]!) / options.runs;
  const disagreement = compare(answer, rows);
  return {
    place,
    graphql: summarize(timesGraphql),
    sql: summarize(timesSql),
    graphqlTotal: answer.placeSearch.totalCount,
    sqlTotal: Number(rows[0]?.total ?? 0),
    graphqlRows: answer.placeSearch.edges.length,
    sqlRows: rows.length,
    agree: disagreement === null,
    disagreement,
    candidates: summarize(timesCandidates),
    figures: summarize(timesFigures),
    candidateCount: ids.length,
    requests: { offer: per(0), capacities: per(1), admissions: per(2) },
  };
}

/** Every place, as `authorization` (a user holding ORU_ADMISSION_DEMANDE). */
export async function runPlaceSearchBench(bench: BenchHub, authorization: string, options: PlaceSearchOptions, log: (line: string) => void): Promise<PlaceSearchCase[]> {
  const cases: PlaceSearchCase[] = [];
  for (const place of PLACES) {
    const result = await measureCase(bench, authorization, place, options);
    log(`  place search: ${place.name} ${place.radiusKm} km: GraphQL p50 ${result.graphql.p50.toFixed(1)} ms, SQL p50 ${result.sql.p50.toFixed(1)} ms, ${result.graphqlTotal}/${result.sqlTotal} places${result.agree ? '' : ` — DISAGREE: ${result.disagreement}`}`);
    cases.push(result);
  }
  return cases;
}
