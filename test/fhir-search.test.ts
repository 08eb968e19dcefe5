/**
 * FHIR search against the shared demo hubs (read-only), with fhir-kit-client, every answer checked
 * against an independent GraphQL read of the same data and validated offline (R4 + ROR rules).
 */
import { describe, it, expect, inject, beforeAll } from 'vitest';
import { Client } from 'fhir-kit-client';
import { endToEndKinds } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { loadR4Definitions, r4Issues, searchBundleIssues } from './helpers/fhir/validate.js';
import { CODE_SYSTEMS, IDENTIFIER_SYSTEMS } from '../fhir/codes.js';
import { buildDemoRegion } from '../scripts/demo/region.js';
import { readFileSync } from 'node:fs';
import { MAX_COUNT } from '../fhir/search/parse.js';
import { SEARCH_TYPES, renderSearchParameters } from '../fhir/search/registry.js';
import { capacityExtensions } from '../fhir/mappers/capacity.js';
import { FIGURES, type CapacityFigure } from '../fhir/search/capacity.js';
import type { CapacityRecord } from '../fhir/queries.js';

const hubs = inject('hubs');

interface Coding {
  code: string;
}
interface GqlUnit {
  id: string;
  name: string;
  psychiatricSectors: string[];
  category: Coding | null;
  annualOpening: Coding | null;
  patientTypes: Coding[];
  interventionZones: Array<{ type: Coding; code: string }>;
  archived: boolean;
  sensitive: boolean;
  operationalActivities: Coding[];
  careMode: Coding;
  specificActs: Coding[];
  activityField: Coding;
  patientAge: { min: number | null; max: number | null };
  address: { city: string | null; postalCode: string | null; inseeCode: string | null };
  position: { latitude: number; longitude: number } | null;
  establishment: { id: string; updatedAt: string; organization: { id: string; updatedAt: string } };
  updatedAt: string;
}

type Entry = { fullUrl: string; resource: Resource; search: { mode: string; extension?: Array<{ valueDistance: { value: number } }> } };
type Resource = { resourceType: string; id: string; meta: { lastUpdated: string; tag?: Array<{ code: string }> }; [key: string]: unknown };
interface Bundle {
  resourceType: 'Bundle';
  total?: number;
  link: Array<{ relation: string; url: string }>;
  entry?: Entry[];
}

const UNIT_FIELDS = `id name psychiatricSectors category { code } annualOpening { code } patientTypes { code } interventionZones { type { code } code } archived sensitive operationalActivities { code } careMode { code } specificActs { code } activityField { code }
  patientAge { min max } address { city postalCode inseeCode } position { latitude longitude } establishment { id updatedAt organization { id updatedAt } } updatedAt`;

/** Accent- and case-folded, as the server compares strings. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/**
 * The Bundle (its shell, then every resource it holds) is valid R4 and follows the ROR profiles;
 * the demo-data gaps fhir/README.md documents (no INSEE code, no age bound) are tolerated.
 */
function expectValid(bundle: Bundle): void {
  expect(searchBundleIssues(bundle as never)).toEqual([]);
}

/** Haversine distance in km (mean Earth radius, as earthdistance uses). */
function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6378.168 * Math.asin(Math.sqrt(h));
}

const ids = (bundle: Bundle, mode = 'match') => (bundle.entry ?? []).filter((e) => e.search.mode === mode).map((e) => e.resource.id);

beforeAll(() => loadR4Definitions());

describe('docs/fhir-search.md', () => {
  it('holds the parameter tables generated from the search registry', () => {
    const page = readFileSync(new URL('../docs/fhir-search.md', import.meta.url), 'utf8');
    const table = /<!-- search-parameters:start -->\n([\s\S]*?)<!-- search-parameters:end -->/.exec(page)?.[1];
    expect(table, 'regenerate with node --import ./scripts/runtime/ts-resolve.ts scripts/fhir-search-params.ts').toBe(`${renderSearchParameters()}\n`);
  });
});

describe('capacity figures of the search', () => {
  it('are the records the Location mapper emits, in the same order', () => {
    // Distinct counts identify each record: 10 installed, 1/2/3 available, 4 reactivable, 5 not, 6 mobilised.
    const record: CapacityRecord = {
      nature: 'BED',
      installedBeds: 10,
      available: { men: 1, women: 2, undifferentiated: 3 },
      closedBeds: 9,
      reopenedBeds: 0,
      reopenableBeds: 4,
      mobilisedBeds: 6,
      notes: null,
      crisisType: null,
      temporaryAssignment: { code: '01', display: 'Aucune' },
      source: 'MANUAL',
      updatedAt: '2026-11-23T08:00:00Z',
      version: 1,
    };
    const code = (e: { extension?: Array<{ url: string; valueCodeableConcept?: { coding?: Array<{ code?: string }> } }> }, url: string) =>
      e.extension?.find((s) => s.url === url)?.valueCodeableConcept?.coding?.[0]?.code;
    const emitted = capacityExtensions(record).map((e) => [code(e, 'capacityStatus'), code(e, 'genderCapacityAvailable') ?? code(e, 'capacityClosingType') ?? code(e, 'additionalBedType') ?? null]);
    const declared = (Object.keys(FIGURES) as CapacityFigure[]).map((f) => [FIGURES[f].status.code, (FIGURES[f].gender ?? FIGURES[f].closing ?? FIGURES[f].additional)?.code ?? null]);
    expect(declared).toEqual(emitted);
  });
});

describe.each(endToEndKinds('postgres'))('FHIR search on %s', (kind) => {
  const hub = () => hubs[kind]!;
  let bearer = '';
  let client: Client;
  let units: GqlUnit[] = [];

  /** Every page of a search, following the `next` links only; each page validated. */
  async function all(resourceType: string, searchParams: Record<string, string | string[]>, using = client): Promise<{ pages: Bundle[]; matches: Resource[] }> {
    const pages: Bundle[] = [];
    let bundle = (await using.search({ resourceType, searchParams })) as unknown as Bundle;
    for (;;) {
      expectValid(bundle);
      pages.push(bundle);
      const next = (await using.nextPage({ bundle: bundle as never })) as unknown as unknown as Bundle | undefined;
      if (!next) break;
      bundle = next;
    }
    return { pages, matches: pages.flatMap((p) => (p.entry ?? []).filter((e) => e.search.mode === 'match').map((e) => e.resource)) };
  }

  async function matchIds(resourceType: string, searchParams: Record<string, string | string[]>): Promise<string[]> {
    return (await all(resourceType, { ...searchParams, _count: '200' })).matches.map((r) => r.id).sort();
  }

  /**
   * What a search matches, cheaply: its `_summary=count` total, and its first page sorted by id,
   * checked against the ids expected (sorted).
   */
  async function expectMatches(resourceType: string, searchParams: Record<string, string | string[]>, expected: string[]): Promise<void> {
    const counted = (await client.search({ resourceType, searchParams: { ...searchParams, _summary: 'count' } as never })) as unknown as Bundle;
    expectValid(counted);
    const head = (await client.search({ resourceType, searchParams: { ...searchParams, _sort: '_id', _count: '20' } as never })) as unknown as Bundle;
    expectValid(head);
    expect({ searchParams, total: counted.total, head: ids(head) }).toEqual({ searchParams, total: expected.length, head: expected.slice(0, 20) });
  }

  const unitIds = (keep: (u: GqlUnit) => boolean) => units.filter(keep).map((u) => u.id).sort();

  beforeAll(async () => {
    bearer = await asApp(hub().graphql, 'national-aggregator');
    client = new Client({ baseUrl: hub().fhir, bearerToken: bearer.replace(/^Bearer /, '') });
    let after: string | null = null;
    do {
      const page: { data?: null | { units: { edges: Array<{ node: GqlUnit }>; pageInfo: { hasNextPage: boolean; endCursor: string } } } } = await gql(
        hub().graphql,
        `query($after: String) { units(filter: { includeArchived: true }, first: 200, after: $after) { edges { node { ${UNIT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        { authorization: bearer },
      );
      units.push(...page.data!.units.edges.map((e) => e.node));
      after = page.data!.units.pageInfo.hasNextPage ? page.data!.units.pageInfo.endCursor : null;
    } while (after);
    expect(units.length).toBeGreaterThan(600);
  });

  it('pages every Location to the end through next links, without duplicates, as many as GraphQL counts', async () => {
    // _elements keeps the pages light to validate; full resources are checked by every other test.
    const { pages, matches } = await all('Location', { _count: '150', _elements: 'name' });
    const seen = matches.map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(units.map((u) => u.id).sort());
    expect(pages.length).toBe(Math.ceil(units.length / 150));
    // Bundle.total on every page, the last included (the IG's RG_RECH_52).
    expect(pages.map((p) => p.total)).toEqual(pages.map(() => units.length));
    // Links are opaque: the next page is only reachable through the link the server gave.
    const next = pages[0]!.link.find((l) => l.relation === 'next')!.url;
    const tampered = next.replace('_count=150', '_count=149');
    expect((await fetch(tampered, { headers: { authorization: bearer } })).status).toBe(400);
  });

  it('Bundle.total on every page of a search filtered by capacity, equal to what the pages hold', async () => {
    const searchParams = { 'capacity-status': '02', 'nb-capacity': 'gt0', _count: '25', _elements: 'name' };
    const { pages, matches } = await all('Location', searchParams);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.total)).toEqual(pages.map(() => matches.length));
    const counted = (await client.search({ resourceType: 'Location', searchParams: { ...searchParams, _summary: 'count' } as never })) as unknown as Bundle;
    expect(counted.total).toBe(matches.length);
    // Counted again on every page: later pages count the qualifying units among the offer's matches by chunks.
    const accurate = await all('Location', { ...searchParams, _total: 'accurate' });
    expect(accurate.pages.map((p) => p.total)).toEqual(pages.map(() => matches.length));
  });

  it('near + capacity + _include=Location:organization: the included Organizations are those Organization?_id answers; total as the pages hold', async () => {
    const searchParams = { near: '47.3941|0.6848|50|km', 'capacity-status': `${CODE_SYSTEMS.typeStatutCapacite}|02`, 'nb-capacity': 'gt0', _include: 'Location:organization', _count: '20' };
    const { pages, matches } = await all('Location', searchParams);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.total)).toEqual(pages.map(() => matches.length));
    const organizations = new Map<string, Resource>();
    for (const page of pages) {
      const expected = [...new Set((page.entry ?? []).filter((e) => e.search.mode === 'match').map((e) => (e.resource.managingOrganization as { reference: string }).reference))].sort();
      const included = (page.entry ?? []).filter((e) => e.search.mode === 'include').map((e) => e.resource);
      expect(included.map((r) => `${r.resourceType}/${r.id}`).sort()).toEqual(expected);
      for (const r of included) organizations.set(r.id, r);
    }
    const [first] = [...organizations.keys()];
    const searched = (await client.search({ resourceType: 'Organization', searchParams: { _id: first! } })) as unknown as Bundle;
    expect(searched.entry?.find((e) => e.search.mode === 'match')?.resource).toEqual(organizations.get(first!));
    // The same search without the capacity filter or the include: the capacity-filtered matches are a subset, in the same order.
    const near = (await all('Location', { near: searchParams.near, _count: '200', _elements: 'name' })).matches.map((r) => r.id);
    const kept = matches.map((r) => r.id);
    expect(near.filter((id) => kept.includes(id))).toEqual(kept);
  });

  it('unitSearch matchingIds (GraphQL): every match of every page, null above max, bounded', async () => {
    const query = `query($criteria: UnitCriteria!, $max: Int!, $after: String) {
      unitSearch(criteria: $criteria, first: 40, after: $after) { totalCount matchingIds(max: $max) edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const fullQuery = `query($criteria: UnitCriteria!) { unitSearch(criteria: $criteria, first: 40) { matchingIds edges { cursor distanceKm node { id name } } } }`;
    const criteria = { near: { latitude: 47.3941, longitude: 0.6848, radiusKm: 50 } };
    type Page = { unitSearch: { totalCount: number; matchingIds: string[] | null; edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const seen: string[] = [];
    const listed: Array<string[] | null> = [];
    let after: string | null = null;
    do {
      const page: { data?: Page | null; errors?: unknown } = await gql<Page>(hub().graphql, query, { criteria, max: 10000, after }, { authorization: bearer });
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.unitSearch.edges.map((e) => e.node.id));
      listed.push(page.data!.unitSearch.matchingIds);
      expect(page.data!.unitSearch.totalCount).toBe(listed[0]!.length);
      after = page.data!.unitSearch.pageInfo.hasNextPage ? page.data!.unitSearch.pageInfo.endCursor : null;
    } while (after);
    expect(listed.length).toBeGreaterThan(1);
    for (const ids of listed) expect([...ids!].sort()).toEqual([...seen].sort());
    // Full nodes and the list from one scan: the same first page as the lean candidates.
    const full = await gql<{ unitSearch: { matchingIds: string[]; edges: Array<{ node: { id: string; name: string } }> } }>(hub().graphql, fullQuery, { criteria }, { authorization: bearer });
    expect(full.data!.unitSearch.edges.map((e) => e.node.id)).toEqual(seen.slice(0, 40));
    expect(full.data!.unitSearch.edges.every((e) => e.node.name.length > 0)).toBe(true);
    expect([...full.data!.unitSearch.matchingIds].sort()).toEqual([...seen].sort());
    const few = await gql<Page>(hub().graphql, query, { criteria, max: 1 }, { authorization: bearer });
    expect(few.data!.unitSearch.matchingIds).toBeNull();
    for (const max of [0, 10001]) {
      const refused = await gql<Page>(hub().graphql, query, { criteria, max }, { authorization: bearer });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('capacityMatches (GraphQL): the first kept of the given units, in their order, with their record; within the caller\'s capacity rights, sensitive units hidden below profile 1', async () => {
    const query = `query($filter: CapacityFigureFilter!, $unitIds: [ID!]!, $first: Int!) {
      capacityMatches(filter: $filter, unitIds: $unitIds, first: $first) { unit { id name } capacity { installedBeds available { men women undifferentiated } source updatedAt remainingToMobilise } } }`;
    const qualifying = `query($filter: CapacityFigureFilter!, $unitIds: [ID!]) { unitsWithCapacity(filter: $filter, unitIds: $unitIds) }`;
    type Matches = { capacityMatches: Array<{ unit: { id: string; name: string }; capacity: { installedBeds: number; remainingToMobilise: number | null } & Record<string, unknown> }> };
    const matches = (auth: Record<string, string>, filter: unknown, unitIds: string[], first: number) => gql<Matches>(hub().graphql, query, { filter, unitIds, first }, auth);
    const aggregator = { authorization: bearer };
    const filter = { figures: ['INSTALLED'], count: [[{ comparison: 'GE', value: 10 }]] };
    // Allowed: in the order given (not sorted), the first `first` of those unitsWithCapacity keeps.
    const given = units.filter((u) => !u.archived).map((u) => u.id).slice(0, 200).reverse();
    const kept = new Set((await gql<{ unitsWithCapacity: string[] }>(hub().graphql, qualifying, { filter, unitIds: given }, aggregator)).data!.unitsWithCapacity);
    const expected = given.filter((id) => kept.has(id)).slice(0, 7);
    expect(expected.length).toBe(7);
    const answer = await matches(aggregator, filter, given, 7);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.capacityMatches.map((m) => m.unit.id)).toEqual(expected);
    // The unit's own fields come from the offer; the record is Unit.capacity's, less remainingToMobilise.
    expect(answer.data!.capacityMatches.map((m) => m.unit.name)).toEqual(expected.map((id) => units.find((u) => u.id === id)!.name));
    const [firstMatch] = answer.data!.capacityMatches;
    const read = await gql<{ unit: { capacity: Record<string, unknown> } }>(hub().graphql, `query($id: ID!) { unit(id: $id) { capacity { installedBeds available { men women undifferentiated } source updatedAt } } }`, { id: firstMatch!.unit.id }, aggregator);
    expect({ ...firstMatch!.capacity, remainingToMobilise: undefined }).toEqual({ ...read.data!.unit.capacity, remainingToMobilise: undefined });
    expect(firstMatch!.capacity.installedBeds).toBeGreaterThanOrEqual(10);
    expect(firstMatch!.capacity.remainingToMobilise).toBeNull();
    for (const [ids, first] of [[[...given, 'x'], 1], [given, 201]] as const) expect((await matches(aggregator, filter, [...ids], first)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Denied: an application without capacity.read, and anonymous callers.
    const directory = await asApp(hub().graphql, 'sante-fr-directory');
    expect((await matches({ authorization: directory }, filter, given, 7)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await matches({}, filter, given, 7);
    expect(anonymous.data?.capacityMatches).toBeUndefined();
    expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
    // Perimeter: a unit referent gets their own unit only.
    const any = { figures: ['INSTALLED'] };
    const referent = await asUser(hub().graphql, 'ref.uo.tours');
    const others = units.filter((u) => !u.archived && u.id !== '370004467-4557').map((u) => u.id).slice(0, 20);
    const own = await matches({ authorization: referent }, any, [...others, '370004467-4557'], 50);
    expect(own.errors).toBeUndefined();
    expect(own.data!.capacityMatches.map((m) => m.unit.id)).toEqual(['370004467-4557']);
    // Sensitive units: an application of access profile 2 does not get them; profile 1 does.
    const sensitive = units.filter((u) => u.sensitive && !u.archived).map((u) => u.id);
    const plain = units.filter((u) => !u.sensitive && !u.archived).map((u) => u.id).slice(0, 5);
    expect(sensitive.length).toBeGreaterThan(0);
    const mixed = [...sensitive, ...plain].slice(0, 200);
    const withRecord = (await gql<{ unitsWithCapacity: string[] }>(hub().graphql, qualifying, { filter: any, unitIds: mixed }, aggregator)).data!.unitsWithCapacity;
    expect(withRecord.some((id) => sensitive.includes(id))).toBe(true);
    const profile1 = await matches(aggregator, any, mixed, 200);
    expect(profile1.data!.capacityMatches.map((m) => m.unit.id).sort()).toEqual([...withRecord].sort());
    const profile2 = await matches({ authorization: await asApp(hub().graphql, 'place-search') }, any, mixed, 200);
    expect(profile2.errors).toBeUndefined();
    expect(profile2.data!.capacityMatches.map((m) => m.unit.id).sort()).toEqual(withRecord.filter((id) => !sensitive.includes(id)).sort());
  });

  it('unitSearch and structureSearch anyOf (GraphQL): alternatives of whole criteria, bounded; near at the top only', async () => {
    const count = `query($criteria: UnitCriteria!) { unitSearch(criteria: $criteria, first: 0) { totalCount } }`;
    const byId = (id: string) => ({ codes: [{ anyOf: [{ field: 'ID', code: id }] }] });
    const [a, b] = [units[0]!, units.find((u) => u.activityField.code !== units[0]!.activityField.code)!];
    const total = async (criteria: unknown) => {
      const result = await gql<{ unitSearch: { totalCount: number } }>(hub().graphql, count, { criteria }, { authorization: bearer });
      expect(result.errors).toBeUndefined();
      return result.data!.unitSearch.totalCount;
    };
    expect(await total({ anyOf: [byId(a.id), byId(b.id)] })).toBe(2);
    // Own criteria AND the alternatives.
    expect(await total({ ...byId(a.id), anyOf: [byId(a.id), byId(b.id)] })).toBe(1);
    expect(await total({ codes: [{ anyOf: [{ field: 'ACTIVITY_FIELD', code: b.activityField.code }] }], anyOf: [byId(a.id), byId(b.id)] })).toBe(1);
    expect(await total({ anyOf: [] })).toBe(0);
    expect(await total({ anyOf: [{}] })).toBe(units.length);
    const refused = async (criteria: unknown, says: string) => {
      const result = await gql(hub().graphql, count, { criteria }, { authorization: bearer });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(says);
    };
    await refused({ anyOf: [{ near: { latitude: 47.39, longitude: 0.68, radiusKm: 5 } }] }, 'top-level');
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 9; i++) deep = { anyOf: [deep] };
    await refused(deep, 'nested more than 8 levels');
    await refused({ anyOf: Array.from({ length: 201 }, () => ({})) }, 'more than 200');
    // Structures: the same alternatives; a legal-entity range applies to units only.
    const structures = `query($criteria: StructureCriteria!) { structureSearch(criteria: $criteria, first: 0) { totalCount } }`;
    const eg = a.establishment;
    const both = await gql<{ structureSearch: { totalCount: number } }>(hub().graphql, structures, { criteria: { anyOf: [{ codes: [{ anyOf: [{ field: 'ID', code: eg.id }] }] }, { codes: [{ anyOf: [{ field: 'ID', code: eg.organization.id }] }] }] } }, { authorization: bearer });
    expect(both.data!.structureSearch.totalCount).toBe(2);
    const legal = await gql(hub().graphql, structures, { criteria: { updated: [[{ from: '2020-01-01T00:00:00Z', legalEntity: true }]] } }, { authorization: bearer });
    expect(legal.errors?.[0]?.message).toContain('apply to units only');
  });

  it('declares in the CapabilityStatement exactly what the parser accepts', async () => {
    const statement = (await client.capabilityStatement()) as unknown as { rest: Array<{ resource: Array<{ type: string; interaction: Array<{ code: string }>; searchParam?: Array<{ name: string; definition: string }>; searchInclude?: string[]; searchRevInclude?: string[] }> }> };
    for (const type of SEARCH_TYPES) {
      const resource = statement.rest[0]!.resource.find((r) => r.type === type.resourceType)!;
      expect(resource.interaction.map((i) => i.code)).toContain('search-type');
      expect(resource.searchParam?.map((p) => p.name)).toEqual(type.params.map((p) => p.code));
      expect(resource.searchInclude).toEqual(type.includes.map((i) => i.code));
      expect(resource.searchRevInclude).toEqual(type.revincludes.map((i) => i.code));
    }
    const location = statement.rest[0]!.resource.find((r) => r.type === 'Location')!;
    expect(location.searchParam?.find((p) => p.name === 'capacity-status')?.definition).toBe('https://interop.esante.gouv.fr/ig/fhir/ror/SearchParameter/ror-sp-capacity-status');
    expect(location.searchRevInclude).toEqual(['HealthcareService:location']);
  });

  it('string: accent- and case-insensitive prefix, :exact, :contains', async () => {
    const prefix = await matchIds('HealthcareService', { name: 'Réa' });
    expect(prefix).toEqual(unitIds((u) => fold(u.name).startsWith('rea')));
    expect(prefix.length).toBeGreaterThan(0);
    const contains = await matchIds('HealthcareService', { 'name:contains': 'CHIRURG' });
    expect(contains).toEqual(unitIds((u) => fold(u.name).includes('chirurg')));
    const sample = units.find((u) => /[A-Z]/.test(u.name))!;
    await expectMatches('HealthcareService', { 'name:exact': sample.name }, unitIds((u) => u.name === sample.name));
    await expectMatches('HealthcareService', { 'name:exact': sample.name.toLowerCase() }, unitIds((u) => u.name === sample.name.toLowerCase()));
    // Comma = OR, repeated = AND.
    await expectMatches('HealthcareService', { name: 'rea,chirurgie' }, unitIds((u) => fold(u.name).startsWith('rea') || fold(u.name).startsWith('chirurgie')));
    const city = units.find((u) => u.address.city)!.address.city!;
    await expectMatches('Location', { 'address-city': city.slice(0, 4).toLowerCase(), 'name:contains': 'a' }, 
      unitIds((u) => fold(u.address.city ?? '').startsWith(fold(city.slice(0, 4))) && fold(u.name).includes('a')),
    );
  });

  it('token: system|code, code, |code, system|, :not and codes across two systems', async () => {
    const activity = units.find((u) => u.operationalActivities.length)!.operationalActivities[0]!.code;
    const expected = unitIds((u) => u.operationalActivities.some((a) => a.code === activity));
    await expectMatches('HealthcareService', { specialty: `${CODE_SYSTEMS.activiteOperationnelle}|${activity}` }, expected);
    await expectMatches('HealthcareService', { specialty: activity }, expected);
    await expectMatches('HealthcareService', { specialty: `|${activity}` }, []);
    await expectMatches('HealthcareService', { specialty: `${CODE_SYSTEMS.modePriseEnCharge}|${activity}` }, []);
    await expectMatches('HealthcareService', { specialty: `${CODE_SYSTEMS.activiteOperationnelle}|` }, unitIds((u) => u.operationalActivities.length > 0));
    await expectMatches('HealthcareService', { 'specialty:not': activity }, unitIds((u) => !u.operationalActivities.some((a) => a.code === activity)));
    const careMode = units[0]!.careMode.code;
    await expectMatches('HealthcareService', { characteristic: `${CODE_SYSTEMS.modePriseEnCharge}|${careMode}` }, unitIds((u) => u.careMode.code === careMode));
    const act = units.find((u) => u.specificActs.length)?.specificActs[0]?.code;
    if (act) {
      await expectMatches('HealthcareService', { characteristic: `${CODE_SYSTEMS.acteSpecifique}|${act}` }, unitIds((u) => u.specificActs.some((a) => a.code === act)));
    }
    await expectMatches('HealthcareService', { 'service-type': `${CODE_SYSTEMS.champActivite}|01`, active: 'true' }, unitIds((u) => u.activityField.code === '01' && !u.archived));
    const commune = units.find((u) => u.address.inseeCode)!.address.inseeCode!;
    await expectMatches('Location', { 'commune-cog': `${CODE_SYSTEMS.communeOM}|${commune}` }, unitIds((u) => u.address.inseeCode === commune));
    await expectMatches('Location', { status: 'inactive' }, unitIds((u) => u.archived));
    // Location.type (TRE_R343) is told by the field of activity: 002 (PSY hosting) is field 03 (D136).
    await expectMatches('Location', { type: `${CODE_SYSTEMS.fonctionLieu}|002` }, unitIds((u) => u.activityField.code === '03'));
    await expectMatches('Location', { type: '001,004' }, unitIds((u) => u.activityField.code === '01' || u.activityField.code === '02'));
    await expectMatches('Location', { type: `${CODE_SYSTEMS.champActivite}|01` }, []); // a TRE_R227 code is not a place function
    await expectMatches('Location', { 'type:not': '001' }, unitIds((u) => u.activityField.code !== '01'));
    const sample = units[3]!;
    const region = (await client.read({ resourceType: 'Location', id: sample.id })) as unknown as Resource & { identifier: Array<{ value: string }> };
    await expectMatches('Location', { identifier: region.identifier[0]!.value }, [sample.id]);
    await expectMatches('Location', { _id: `${sample.id},${units[4]!.id}` }, [sample.id, units[4]!.id].sort());
    await expectMatches('Location', { _tag: `${CODE_SYSTEMS.regionOM}|24`, _id: sample.id }, [sample.id]);
  });

  it('reference and quantity: organization, location, age ranges', async () => {
    const eg = units[0]!.establishment.id;
    const expected = unitIds((u) => u.establishment.id === eg);
    await expectMatches('HealthcareService', { organization: `Organization/${eg}` }, expected);
    await expectMatches('Location', { organization: eg }, expected);
    await expectMatches('HealthcareService', { organization: `Location/${eg}` }, []);
    await expectMatches('HealthcareService', { location: `Location/${units[0]!.id}` }, [units[0]!.id]);
    await expectMatches('HealthcareService', { 'age-range-low': 'ge18' }, unitIds((u) => u.patientAge.min !== null && u.patientAge.min >= 18));
    await expectMatches('HealthcareService', { 'age-range-high': 'lt18|http://unitsofmeasure.org|a' }, unitIds((u) => u.patientAge.max !== null && u.patientAge.max < 18));
  });

  it('service-category, characteristic (TRE_R238), patient-type, intervention-zone: the demo\'s derived values, as GraphQL has them', async () => {
    const demo = new Map(buildDemoRegion().units.map((u) => [u.id, u]));
    // What the seed derived (scripts/demo/region/offer-characteristics.ts) is what GraphQL serves.
    for (const u of units.filter((x) => demo.has(x.id))) {
      const d = demo.get(u.id)!;
      expect([u.id, u.category?.code ?? null, u.patientTypes.map((t) => t.code), u.interventionZones.map((z) => `${z.type.code}:${z.code}`)]).toEqual([u.id, d.categoryCode, d.patientTypeCodes, d.interventionZones]);
    }
    const category = (code: string) => unitIds((u) => u.category?.code === code);
    expect(category('16').length, 'psychiatric full-time units are category 16').toBeGreaterThan(20);
    await expectMatches('HealthcareService', { 'service-category': `${CODE_SYSTEMS.categorieOrganisation}|16` }, category('16'));
    await expectMatches('HealthcareService', { 'service-category': '15,16' }, unitIds((u) => ['15', '16'].includes(u.category?.code ?? '')));
    await expectMatches('HealthcareService', { 'service-category': `${CODE_SYSTEMS.categorieEtablissement}|16` }, []);
    await expectMatches('HealthcareService', { characteristic: `${CODE_SYSTEMS.ouvertureAnnuelle}|03` }, unitIds((u) => u.annualOpening?.code === '03'));
    await expectMatches('HealthcareService', { 'patient-type': `${CODE_SYSTEMS.publicPrisEnCharge}|04` }, unitIds((u) => u.patientTypes.some((t) => t.code === '04')));
    await expectMatches('HealthcareService', { 'patient-type:not': '01' }, unitIds((u) => !u.patientTypes.some((t) => t.code === '01')));
    const inLoiret = unitIds((u) => u.interventionZones.some((z) => z.type.code === '2' && z.code === '45'));
    expect(inLoiret.length, 'the Loiret HAD units').toBeGreaterThan(0);
    await expectMatches('HealthcareService', { 'intervention-zone': `${CODE_SYSTEMS.departementOM}|45` }, inLoiret);
    await expectMatches('HealthcareService', { 'intervention-zone': '45' }, inLoiret);
    await expectMatches('HealthcareService', { 'intervention-zone': `${CODE_SYSTEMS.communeOM}|45` }, []);
    // In _filter, and on Location through _has (the same unit).
    await expectMatches('HealthcareService', { _filter: `patient-type eq 04 or (service-category eq 15 and intervention-zone eq 45)` }, unitIds((u) => u.patientTypes.some((t) => t.code === '04')));
    await expectMatches('Location', { '_has:HealthcareService:location:patient-type': '01' }, unitIds((u) => u.patientTypes.some((t) => t.code === '01')));
    // The resource carries what the search matched.
    const had = units.find((u) => u.id === inLoiret[0])!;
    const service = (await client.read({ resourceType: 'HealthcareService', id: had.id })) as unknown as Resource & { extension: Array<{ url: string; extension?: Array<{ url: string; valueCodeableConcept?: { coding: Array<{ system: string; code: string }> } }> }> };
    const zone = service.extension.find((e) => e.url.endsWith('/ror-territorial-division'))!;
    expect(zone.extension!.map((e) => e.valueCodeableConcept!.coding[0]!.code)).toEqual(['2', '45']);
    const noCode = await fetch(`${hub().fhir}/HealthcareService?intervention-zone=${encodeURIComponent(`${CODE_SYSTEMS.departementOM}|`)}`, { headers: { authorization: bearer } });
    expect(noCode.status).toBe(400);
  });

  it('notavailable-closing-reopeningdate: no demo offer is closed; every prefix parses, `ap` only there', async () => {
    for (const prefix of ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'sa', 'eb', 'ap']) {
      await expectMatches('HealthcareService', { 'notavailable-closing-reopeningdate': `${prefix}2026-12-01` }, []);
    }
    const refused = await fetch(`${hub().fhir}/HealthcareService?_lastUpdated=ap2026-12-01`, { headers: { authorization: bearer } });
    expect(refused.status).toBe(400);
  });

  it('psychiatric-sector: whole sector codes, case-insensitive, any of several; the extension carries them; anything else 400', async () => {
    const sectors = [...new Set(units.flatMap((u) => u.psychiatricSectors))].sort();
    expect(sectors.length, 'the demo psychiatry units have sectors').toBeGreaterThan(5);
    const [first, second] = [sectors[0]!, sectors[1]!];
    await expectMatches('HealthcareService', { 'psychiatric-sector': first.toLowerCase() }, unitIds((u) => u.psychiatricSectors.includes(first)));
    await expectMatches('HealthcareService', { 'psychiatric-sector:exact': `${first},${second}` }, unitIds((u) => u.psychiatricSectors.includes(first) || u.psychiatricSectors.includes(second)));
    const unit = units.find((u) => u.psychiatricSectors.includes(first) && !u.sensitive)!;
    const service = (await client.read({ resourceType: 'HealthcareService', id: unit.id })) as unknown as Resource & { extension: Array<{ url: string; valueString?: string }> };
    expect(service.extension.filter((e) => e.url.endsWith('/ror-healthcareservice-psychiatric-sector')).map((e) => e.valueString)).toEqual(unit.psychiatricSectors);
    const bad = await fetch(`${hub().fhir}/HealthcareService?psychiatric-sector=45G`, { headers: { authorization: bearer } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('not a psychiatric sector code');
  });

  it('date: _lastUpdated with every prefix, at day and second precision', async () => {
    const instants = units.map((u) => new Date(u.updatedAt).getTime());
    const pivot = new Date(instants.sort((a, b) => a - b)[Math.floor(instants.length / 2)]!);
    const day = pivot.toISOString().slice(0, 10);
    const start = Date.parse(`${day}T00:00:00Z`);
    const end = start + 86_400_000;
    const count = async (value: string) => ((await client.search({ resourceType: 'HealthcareService', searchParams: { _lastUpdated: value, _summary: 'count' } })) as unknown as Bundle).total;
    const n = (keep: (t: number) => boolean) => units.filter((u) => keep(new Date(u.updatedAt).getTime())).length;
    expect(await count(`eq${day}`)).toBe(n((t) => t >= start && t < end));
    expect(await count(`ne${day}`)).toBe(n((t) => t < start || t >= end));
    expect(await count(`gt${day}`)).toBe(n((t) => t >= end));
    expect(await count(`sa${day}`)).toBe(n((t) => t >= end));
    expect(await count(`lt${day}`)).toBe(n((t) => t < start));
    expect(await count(`eb${day}`)).toBe(n((t) => t < start));
    expect(await count(`ge${day}`)).toBe(n((t) => t >= start));
    expect(await count(`le${day}`)).toBe(n((t) => t < end));
    const second = pivot.toISOString().slice(0, 19);
    const s0 = Date.parse(`${second}Z`);
    expect(await count(`ge${second}Z`)).toBe(n((t) => t >= s0));
    const both = (await client.search({ resourceType: 'HealthcareService', searchParams: { _lastUpdated: [`ge${day}`, `lt${day}T12:00Z`], _summary: 'count' } as never })) as unknown as Bundle;
    expect(both.total).toBe(n((t) => t >= start && t < start + 43_200_000));
    const bad = await fetch(`${hub().fhir}/HealthcareService?_lastUpdated=ge2026-13-01`, { headers: { authorization: bearer } });
    expect(bad.status).toBe(400);
  });

  it('near: a true radius ordered by distance, checked against haversine', async () => {
    const centre = { latitude: 47.9029, longitude: 1.9093 }; // Orléans
    const radius = 40;
    const { matches, pages } = await all('Location', { near: `${centre.latitude}|${centre.longitude}|${radius}|km`, _count: '100' });
    const distances = pages.flatMap((p) => (p.entry ?? []).filter((e) => e.search.mode === 'match').map((e) => e.search.extension![0]!.valueDistance.value));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const expected = units.filter((u) => u.position && haversineKm(centre, u.position) <= radius);
    // The boundary is fuzzy by the metre rounding only: compare away from it.
    const inside = expected.filter((u) => haversineKm(centre, u.position!) < radius - 0.01).map((u) => u.id);
    const got = new Set(matches.map((r) => r.id));
    for (const id of inside) expect(got.has(id), id).toBe(true);
    for (const r of matches) {
      const position = r.position as { latitude: number; longitude: number };
      expect(haversineKm(centre, position)).toBeLessThanOrEqual(radius + 0.01);
    }
    // A square box would take the corners: some unit lies in the box but outside the radius.
    const cornerOnly = units.filter((u) => u.position && Math.abs(u.position.latitude - centre.latitude) < radius / 111 && haversineKm(centre, u.position) > radius + 1);
    for (const u of cornerOnly) expect(got.has(u.id)).toBe(false);
  });

  it('near-insee-code: near around the mean position of the commune\'s Locations, ordered by distance; unknown communes 400', async () => {
    // The commune with the most positioned units: its point is their mean.
    const byCommune = new Map<string, GqlUnit[]>();
    for (const u of units) if (u.address.inseeCode && u.position) byCommune.set(u.address.inseeCode, [...(byCommune.get(u.address.inseeCode) ?? []), u]);
    const [commune, inCommune] = [...byCommune.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    const mean = (pick: (p: { latitude: number; longitude: number }) => number) => inCommune.reduce((sum, u) => sum + pick(u.position!), 0) / inCommune.length;
    const centre = { latitude: mean((p) => p.latitude), longitude: mean((p) => p.longitude) };
    const radius = 15;
    const { matches, pages } = await all('Location', { 'near-insee-code': `${commune}|${radius}|km`, _count: '200', _elements: 'position' });
    const got = matches.map((r) => r.id);
    const inside = units.filter((u) => u.position && haversineKm(centre, u.position) < radius - 0.01).map((u) => u.id);
    expect(inside.length).toBeGreaterThan(inCommune.length - 1);
    for (const id of inside) expect(got, id).toContain(id);
    for (const r of matches) expect(haversineKm(centre, r.position as { latitude: number; longitude: number })).toBeLessThanOrEqual(radius + 0.01);
    const distances = pages.flatMap((p) => (p.entry ?? []).filter((e) => e.search.mode === 'match').map((e) => e.search.extension![0]!.valueDistance.value));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const [value, says] of [
      ['99999|10|km', 'no position in the commune 99999'],
      ['4523|10|km', 'Invalid near-insee-code'],
      [`${commune}|900|km`, 'at most 500'],
    ] as const) {
      const response = await fetch(`${hub().fhir}/Location?${new URLSearchParams({ 'near-insee-code': value })}`, { headers: { authorization: bearer } });
      expect(response.status, value).toBe(400);
      expect(JSON.stringify(await response.json()), value).toContain(says);
    }
    const both = await fetch(`${hub().fhir}/Location?${new URLSearchParams({ 'near-insee-code': commune, near: '47.39|0.68|10|km' })}`, { headers: { authorization: bearer } });
    expect(both.status).toBe(400);
  });

  it('_content: every word in the name (and the address of Locations and Organizations), accent- and case-insensitive', async () => {
    const sample = units.find((u) => u.name.split(/\s+/).length >= 3 && u.address.city)!;
    const [first, , third] = sample.name.split(/\s+/);
    const words = [first!.slice(0, 4), third!.slice(1, 4)].map((w) => w.toLowerCase());
    await expectMatches('HealthcareService', { _content: words.join(' ') }, unitIds((u) => words.every((w) => fold(u.name).includes(fold(w)))));
    const city = sample.address.city!;
    const texts = (u: GqlUnit) => [u.name, u.address.city ?? '', u.address.postalCode ?? ''].map(fold);
    const located = unitIds((u) => [words[0]!, city].every((w) => texts(u).some((t) => t.includes(fold(w)))));
    expect(located).toContain(sample.id);
    await expectMatches('Location', { _content: `${words[0]} ${city.toLowerCase()}` }, located);
    // Comma-separated values are alternatives.
    await expectMatches('Location', { _content: `${words[0]} ${city},${sample.address.postalCode}` }, unitIds((u) => located.includes(u.id) || texts(u).some((t) => t.includes(fold(sample.address.postalCode ?? '')))));
    const organizations = (await all('Organization', { _content: city, _count: '200' })).matches;
    expect(organizations.map((r) => r.id)).toContain(sample.establishment.id);
    for (const r of organizations) {
      const address = (r.address as Array<{ city?: string; postalCode?: string }> | undefined) ?? [];
      expect([r.name as string, ...address.flatMap((a) => [a.city ?? '', a.postalCode ?? ''])].some((t) => fold(t).includes(fold(city))), r.id).toBe(true);
    }
  });

  it('capacity parameters hold within one capacity record, as GraphQL capacity data says', async () => {
    type Capacity = { available: { men: number }; reopenableBeds: number; installedBeds: number } | null;
    const capacity = new Map<string, Capacity>();
    let after: string | null = null;
    do {
      const page: { data?: null | { units: { edges: Array<{ node: { id: string; capacity: Capacity } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } } } = await gql(
        hub().graphql,
        `query($after: String) { units(filter: { includeArchived: true }, first: 200, after: $after) { edges { node { id capacity { available { men } reopenableBeds installedBeds } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        { authorization: bearer },
      );
      for (const { node } of page.data!.units.edges) capacity.set(node.id, node.capacity);
      after = page.data!.units.pageInfo.hasNextPage ? page.data!.units.pageInfo.endCursor : null;
    } while (after);
    const where = (keep: (c: NonNullable<Capacity>) => boolean) => [...capacity].filter(([, c]) => c !== null && keep(c)).map(([id]) => id).sort();
    const R330 = CODE_SYSTEMS.typeStatutCapacite;
    const menAvailable = where((c) => c.available.men > 0);
    expect(menAvailable.length).toBeGreaterThan(0);
    await expectMatches('Location', { 'capacity-status': `${R330}|02`, 'gender-capacity-available': `${CODE_SYSTEMS.genreCapacite}|02`, 'nb-capacity': 'gt0' }, menAvailable);
    await expectMatches('Location', { 'capacity-status': `${R330}|05`, 'capacity-closing-type': `${CODE_SYSTEMS.typeFermetureCapacite}|01`, 'nb-capacity': 'ge1' }, where((c) => c.reopenableBeds >= 1));
    // Installed beds and a closing type are never in the same record.
    await expectMatches('Location', { 'capacity-status': `${R330}|01`, 'capacity-closing-type': '01' }, []);
    // Repeated nb-capacity: both bounds on the same (installed) figure.
    await expectMatches('Location', { 'capacity-status': `${R330}|01`, 'nb-capacity': ['ge10', 'le20'] }, where((c) => c.installedBeds >= 10 && c.installedBeds <= 20));
    // Chained from the offer: the same records, through HealthcareService.location.
    await expectMatches('HealthcareService', { 'location.capacity-status': `${R330}|02`, 'location.gender-capacity-available': '02', 'location.nb-capacity': 'gt0' }, menAvailable);
    // A page thinned by the capacity filter still pages to the end without duplicates.
    const paged = (await all('Location', { 'capacity-status': '02', 'gender-capacity-available': '02', 'nb-capacity': 'gt0', _count: '25' })).matches.map((r) => r.id);
    expect(paged.sort()).toEqual(menAvailable);
  });

  it('includes and revincludes, with search.mode and fullUrl', async () => {
    const eg = units[0]!.establishment;
    const services = (await client.search({
      resourceType: 'HealthcareService',
      searchParams: { organization: eg.id, _include: ['HealthcareService:location', 'HealthcareService:organization'], '_include:iterate': 'Organization:partof' } as never,
    })) as unknown as Bundle;
    expectValid(services);
    const included = (services.entry ?? []).filter((e) => e.search.mode === 'include').map((e) => `${e.resource.resourceType}/${e.resource.id}`).sort();
    const matched = ids(services);
    expect(included).toEqual([...matched.map((id) => `Location/${id}`), `Organization/${eg.id}`, `Organization/${eg.organization.id}`].sort());
    for (const e of services.entry ?? []) expect(e.fullUrl).toBe(`${hub().fhir}/${e.resource.resourceType}/${e.resource.id}`);

    const locations = (await client.search({ resourceType: 'Location', searchParams: { organization: eg.id, _revinclude: 'HealthcareService:location' } })) as unknown as Bundle;
    expectValid(locations);
    expect(ids(locations, 'include').sort()).toEqual(ids(locations).sort());
    const organizations = (await client.search({ resourceType: 'Organization', searchParams: { _id: eg.id, _include: 'Organization:partof' } })) as unknown as Bundle;
    expect(ids(organizations, 'include')).toEqual([eg.organization.id]);
    const unsupported = await fetch(`${hub().fhir}/Location?_include=Location:partof`, { headers: { authorization: bearer } });
    expect(unsupported.status).toBe(400);
  });

  it('Organization: identifier systems, type, partof, EJ and EG together', async () => {
    const eg = units[0]!.establishment;
    await expectMatches('Organization', { identifier: `${IDENTIFIER_SYSTEMS.finess}|${eg.id}` }, [eg.id]);
    await expectMatches('Organization', { identifier: `${IDENTIFIER_SYSTEMS.idNatStruct}|1${eg.id}` }, [eg.id]);
    await expectMatches('Organization', { identifier: `${IDENTIFIER_SYSTEMS.sirene}|${eg.id}` }, []);
    const read = (await client.read({ resourceType: 'Organization', id: eg.id })) as unknown as Resource & { type: Array<{ coding: Array<{ code: string }> }> };
    const category = read.type[0]!.coding[0]!.code;
    const byType = await matchIds('Organization', { type: `${CODE_SYSTEMS.categorieEtablissement}|${category}`, partof: `Organization/${eg.organization.id}` });
    expect(byType).toContain(eg.id);
    const both = await matchIds('Organization', { _id: `${eg.id},${eg.organization.id}` });
    expect(both).toEqual([eg.id, eg.organization.id].sort());
    const { data } = await gql<{ establishments: { totalCount: number } }>(hub().graphql, `{ establishments(first: 1) { totalCount } }`, {}, { authorization: bearer });
    const total = ((await client.search({ resourceType: 'Organization', searchParams: { 'partof:missing': 'x' } }).catch(() => null)) as unknown as unknown as Bundle | null);
    expect(total).toBeNull(); // :missing is not supported: 400
    const egCount = ((await client.search({ resourceType: 'Organization', searchParams: { type: `${CODE_SYSTEMS.categorieEtablissement}|`, _summary: 'count' } })) as unknown as Bundle).total;
    expect(egCount).toBe(data!.establishments.totalCount);
  });

  it('_sort with an id tie-breaker, descending too; _count clamped; _summary=count; _total', async () => {
    const sizes = new Map<string, number>();
    for (const u of units) sizes.set(u.establishment.id, (sizes.get(u.establishment.id) ?? 0) + 1);
    const biggest = [...sizes].sort((a, b) => b[1] - a[1])[0]!;
    const subset = { organization: biggest[0] };
    const ascending = (await all('HealthcareService', { ...subset, _sort: '_lastUpdated', _count: '7' })).matches;
    const key = (r: Resource) => [Date.parse(r.meta.lastUpdated), r.id] as const;
    for (let i = 1; i < ascending.length; i++) {
      const [t0, id0] = key(ascending[i - 1]!);
      const [t1, id1] = key(ascending[i]!);
      expect(t0 < t1 || (t0 === t1 && id0 < id1), `${id0} before ${id1}`).toBe(true);
    }
    expect(ascending.length).toBe(biggest[1]);
    const descending = (await all('HealthcareService', { ...subset, _sort: '-_lastUpdated,_id', _count: '7' })).matches;
    const byName = (await all('HealthcareService', { ...subset, _sort: 'name', _count: '7' })).matches;
    expect(new Set(byName.map((r) => r.id)).size).toBe(biggest[1]);
    for (let i = 1; i < byName.length; i++) {
      if (byName[i - 1]!.name === byName[i]!.name) expect(byName[i - 1]!.id < byName[i]!.id).toBe(true);
    }
    expect(descending.map((r) => r.id).sort()).toEqual(ascending.map((r) => r.id).sort());
    for (let i = 1; i < descending.length; i++) {
      const [t0, id0] = key(descending[i - 1]!);
      const [t1, id1] = key(descending[i]!);
      expect(t0 > t1 || (t0 === t1 && id0 < id1)).toBe(true);
    }
    const clamped = (await client.search({ resourceType: 'Location', searchParams: { _count: '5000' } })) as unknown as Bundle;
    expectValid(clamped);
    expect(ids(clamped)).toHaveLength(MAX_COUNT);
    const warning = clamped.entry!.find((e) => e.search.mode === 'outcome')!.resource as unknown as { issue: Array<{ severity: string; diagnostics: string }> };
    expect(warning.issue[0]).toMatchObject({ severity: 'warning', diagnostics: expect.stringMatching(/_count=5000/) });
    const count = (await client.search({ resourceType: 'Location', searchParams: { _summary: 'count' } })) as unknown as Bundle;
    expectValid(count);
    expect(count).toMatchObject({ total: units.length });
    expect(count.entry).toBeUndefined();
    const accurate = (await client.search({ resourceType: 'Location', searchParams: { _count: '3', _total: 'accurate' } })) as unknown as Bundle;
    expect(accurate.total).toBe(units.length);
    expect(ids(accurate)).toHaveLength(3);
  });

  it('_elements keeps the mandatory elements and tags SUBSETTED', async () => {
    const bundle = (await client.search({ resourceType: 'Location', searchParams: { _elements: 'name,status', _count: '3' } })) as unknown as Bundle;
    expectValid(bundle);
    for (const entry of bundle.entry!) {
      expect(Object.keys(entry.resource).sort()).toEqual(['id', 'meta', 'name', 'resourceType', 'status']);
      expect(entry.resource.meta.tag?.map((t) => t.code)).toContain('SUBSETTED');
    }
  });

  it('unknown parameters, modifiers and prefixes: 400 naming them, or reported with Prefer: handling=lenient', async () => {
    for (const [query, named] of [
      ['foo=bar', 'foo'],
      ['name:below=x', 'name:below'],
      ['nb-capacity=sa3', 'sa'],
      ['_sort=address-city', 'address-city'],
    ] as const) {
      const response = await fetch(`${hub().fhir}/Location?${query}`, { headers: { authorization: bearer } });
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      const outcome = (await response.json()) as { resourceType: string; issue: Array<{ diagnostics: string }> };
      expect(outcome.issue[0]!.diagnostics).toContain(named);
      expect(r4Issues(outcome)).toEqual([]);
    }
    const lenient = await fetch(`${hub().fhir}/Location?foo=bar&_id=${units[0]!.id}`, { headers: { authorization: bearer, prefer: 'handling=lenient' } });
    expect(lenient.status).toBe(200);
    const bundle = (await lenient.json()) as unknown as Bundle;
    expectValid(bundle);
    expect(ids(bundle)).toEqual([units[0]!.id]);
    const outcome = bundle.entry!.find((e) => e.search.mode === 'outcome')!.resource as unknown as { issue: Array<{ diagnostics: string }> };
    expect(outcome.issue[0]!.diagnostics).toContain('foo');
  });

  it('POST [type]/_search with a form body answers like GET', async () => {
    const response = await fetch(`${hub().fhir}/HealthcareService/_search`, {
      method: 'POST',
      headers: { authorization: bearer, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name: 'rea', _count: '200' }),
    });
    expect(response.status).toBe(200);
    const bundle = (await response.json()) as unknown as Bundle;
    expectValid(bundle);
    expect(ids(bundle).sort()).toEqual(unitIds((u) => fold(u.name).startsWith('rea')));
  });

  it('401 without credentials; 403 on capacity criteria without capacity read access; capacity within a user\'s rights', async () => {
    expect((await fetch(`${hub().fhir}/Location?name=rea`)).status).toBe(401);
    const directory = new Client({ baseUrl: hub().fhir, bearerToken: (await asApp(hub().graphql, 'sante-fr-directory')).replace(/^Bearer /, '') });
    const plain = (await directory.search({ resourceType: 'Location', searchParams: { name: 'rea' } })) as unknown as Bundle;
    expectValid(plain);
    // Sensitive units stay hidden from it (access profile 0), in searches as in reads.
    const sensitive = units.filter((u) => u.sensitive).map((u) => u.id);
    expect(sensitive.length).toBeGreaterThan(0);
    const visible = (await directory.search({ resourceType: 'HealthcareService', searchParams: { _summary: 'count' } })) as unknown as Bundle;
    expect(visible.total).toBe(units.length - sensitive.length);
    const hidden = (await directory.search({ resourceType: 'Location', searchParams: { _id: sensitive.join(',') } })) as unknown as Bundle;
    expect(hidden.entry ?? []).toEqual([]);
    for (const search of [
      { resourceType: 'Location', searchParams: { 'capacity-status': '02' } },
      { resourceType: 'HealthcareService', searchParams: { 'location.nb-capacity': 'gt0' } },
      // Even when no record could match: the refusal does not depend on the criteria.
      { resourceType: 'Location', searchParams: { 'capacity-status': '01', 'capacity-closing-type': '01' } },
    ]) {
      const refused = await directory.search(search as never).then(() => null, (e: { response: { status: number; data: { issue: Array<{ code: string }> } } }) => e.response);
      expect(refused?.status).toBe(403);
      expect(refused?.data.issue[0]!.code).toBe('forbidden');
    }
    // The directory's Locations show no capacity: _lastUpdated ignores capacity for it, and is no 403.
    expect((await directory.search({ resourceType: 'Location', searchParams: { _lastUpdated: 'ge2000-01-01', _summary: 'count' } })) as unknown as Bundle).toMatchObject({ total: expect.any(Number) });
    // A unit referent may read the capacity of their unit only.
    const referent = new Client({ baseUrl: hub().fhir, bearerToken: (await asUser(hub().graphql, 'ref.uo.tours')).replace(/^Bearer /, '') });
    const mine = (await referent.search({ resourceType: 'Location', searchParams: { 'capacity-status': '01', _count: '200' } })) as unknown as Bundle;
    expect(ids(mine).every((id) => id === '370004467-4557')).toBe(true);
  });
  it("_has:HealthcareService:location: the IG's capacity of one offer, within the caller's perimeter; unknown forms refused", async () => {
    const sample = units.filter((u) => !u.sensitive && !u.archived).slice(0, 2);
    const identifiers = await Promise.all(sample.map(async (u) => ((await client.read({ resourceType: 'HealthcareService', id: u.id })) as unknown as { identifier: Array<{ value: string }> }).identifier[0]!.value));
    const searchParams = { '_has:HealthcareService:location:identifier': identifiers.join(','), _revinclude: 'HealthcareService:location' };
    const offer = (await client.search({ resourceType: 'Location', searchParams })) as unknown as Bundle;
    expectValid(offer);
    const wanted = sample.map((u) => u.id).sort();
    expect(ids(offer).sort()).toEqual(wanted);
    expect(ids(offer, 'include').sort()).toEqual(wanted);
    expect(offer.entry!.filter((e) => e.search.mode === 'include').every((e) => e.resource.resourceType === 'HealthcareService')).toBe(true);
    // The aggregator reads capacity: each Location carries its capacity records.
    const capacityOf = (bundle: Bundle) => (bundle.entry ?? []).filter((e) => e.search.mode === 'match').map((e) => ((e.resource.extension as Array<{ url: string }> | undefined) ?? []).filter((x) => x.url.endsWith('ror-location-supported-capacity')).length);
    expect(capacityOf(offer).some((n) => n > 0)).toBe(true);
    // Any HealthcareService parameter, with its modifiers: the same units as on HealthcareService.
    await expectMatches('Location', { '_has:HealthcareService:location:_id': wanted.join(',') }, wanted);
    await expectMatches('Location', { '_has:HealthcareService:location:specialty': '050' }, unitIds((u) => u.operationalActivities.some((a) => a.code === '050')));
    await expectMatches('Location', { '_has:HealthcareService:location:active:not': 'true' }, unitIds((u) => u.archived));
    // Unknown forms: 400 naming the parameter; lenient handling ignores and reports them.
    for (const name of ['_has:HealthcareService:location:nonsense', '_has:PractitionerRole:location:identifier', '_has:HealthcareService:organization:identifier', '_has', '_has:HealthcareService:location:identifier:exact']) {
      const response = await fetch(`${hub().fhir}/Location?${new URLSearchParams({ [name]: identifiers[0]! })}`, { headers: { authorization: bearer } });
      expect(response.status, name).toBe(400);
      const outcome = (await response.json()) as { resourceType: string; issue: Array<{ diagnostics: string }> };
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(outcome.issue[0]!.diagnostics).toContain(name.replace(/:exact$/, ''));
    }
    const lenient = (await (await fetch(`${hub().fhir}/Location?_has:HealthcareService:location:nonsense=1&_id=${wanted[0]}`, { headers: { authorization: bearer, prefer: 'handling=lenient' } })).json()) as Bundle;
    expect(ids(lenient)).toEqual([wanted[0]]);
    expect(JSON.stringify(lenient.entry!.find((e) => e.search.mode === 'outcome'))).toContain('_has:HealthcareService:location:nonsense');
    // Outside the perimeter: the directory (access profile 0) gets nothing for a sensitive unit, not even
    // through the revinclude, and no capacity on the others.
    const directory = new Client({ baseUrl: hub().fhir, bearerToken: (await asApp(hub().graphql, 'sante-fr-directory')).replace(/^Bearer /, '') });
    const sensitive = units.find((u) => u.sensitive)!;
    const sensitiveIdentifier = ((await client.read({ resourceType: 'Location', id: sensitive.id })) as unknown as { identifier: Array<{ value: string }> }).identifier[0]!.value;
    const hidden = (await directory.search({ resourceType: 'Location', searchParams: { ...searchParams, '_has:HealthcareService:location:identifier': sensitiveIdentifier } })) as unknown as Bundle;
    expect(hidden.entry ?? []).toEqual([]);
    const seen = (await directory.search({ resourceType: 'Location', searchParams })) as unknown as Bundle;
    expectValid(seen);
    expect(ids(seen).sort()).toEqual(wanted);
    expect(capacityOf(seen).every((n) => n === 0)).toBe(true);
    // A unit referent: other units' Locations without capacity.
    const referent = new Client({ baseUrl: hub().fhir, bearerToken: (await asUser(hub().graphql, 'ref.uo.tours')).replace(/^Bearer /, '') });
    const others = (await referent.search({ resourceType: 'Location', searchParams })) as unknown as Bundle;
    expect(ids(others).sort()).toEqual(wanted);
    expect(wanted).not.toContain('370004467-4557');
    expect(capacityOf(others).every((n) => n === 0)).toBe(true);
  });
  it('_filter on HealthcareService, Location and Organization: and / or / parentheses over their parameters, as the plain parameters match', async () => {
    const has = (u: GqlUnit, code: string) => u.operationalActivities.some((a) => a.code === code);
    /** The most frequent value of a unit's codes, as the data holds them. */
    const mostFrequent = (codes: (u: GqlUnit) => string[], skip: string[] = []) => {
      const counts = new Map<string, number>();
      for (const u of units) for (const c of codes(u)) if (!skip.includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    };
    const activity = mostFrequent((u) => u.operationalActivities.map((a) => a.code));
    // The second field of activity of the region (the first holds most units).
    const field = mostFrequent((u) => [u.activityField.code], [mostFrequent((u) => [u.activityField.code])]);
    /** Expected ids, never empty nor everything: a filter that ignored a comparison would fail. */
    const some = (keep: (u: GqlUnit) => boolean) => {
      const list = unitIds(keep);
      expect(list.length).toBeGreaterThan(0);
      expect(list.length).toBeLessThan(units.length);
      return list;
    };
    // token eq / ne, string sw / co / eq, quantity prefixes, joined by and / or.
    await expectMatches(
      'HealthcareService',
      { _filter: `(specialty eq ${CODE_SYSTEMS.activiteOperationnelle}|${activity} or service-type eq ${field}) and name co "a"` },
      some((u) => (has(u, activity) || u.activityField.code === field) && fold(u.name).includes('a')),
    );
    await expectMatches('HealthcareService', { _filter: `specialty ne ${activity} and active eq true` }, some((u) => !has(u, activity) && !u.archived));
    await expectMatches(
      'HealthcareService',
      { _filter: 'name sw rea or (age-range-low ge 18 and age-range-high lt 70)' },
      some((u) => fold(u.name).startsWith('rea') || (u.patientAge.min !== null && u.patientAge.min >= 18 && u.patientAge.max !== null && u.patientAge.max < 70)),
    );
    const sample = units.find((u) => /[A-Z]/.test(u.name))!;
    await expectMatches('HealthcareService', { _filter: `name eq "${sample.name.replace(/"/g, '\\"')}"` }, unitIds((u) => u.name === sample.name));
    // The filter ANDs with the other parameters.
    const eg = units[0]!.establishment;
    await expectMatches('HealthcareService', { _filter: `organization eq Organization/${eg.id} or service-type eq ${field}`, active: 'true' }, some((u) => (u.establishment.id === eg.id || u.activityField.code === field) && !u.archived));
    // Location: its own parameters, the offer's; status and type inside or.
    const city = units.find((u) => u.address.city)!.address.city!;
    const commune = units.find((u) => u.address.inseeCode && u.address.city !== city)!.address.inseeCode!;
    await expectMatches(
      'Location',
      { _filter: `(address-city co "${city.slice(1, 5)}" or commune-cog eq ${CODE_SYSTEMS.communeOM}|${commune}) and (status eq active or type eq 002)` },
      some((u) => (fold(u.address.city ?? '').includes(fold(city.slice(1, 5))) || u.address.inseeCode === commune) && (!u.archived || u.activityField.code === '03')),
    );
    await expectMatches('Location', { _filter: `status eq inactive or status eq active` }, unitIds(() => true));
    // Location's _lastUpdated (place and capacity changes) inside or / and.
    await expectMatches('Location', { _filter: '_lastUpdated ge 2999-01-01 or name sw rea' }, some((u) => fold(u.name).startsWith('rea')));
    await expectMatches('Location', { _filter: '_lastUpdated ge 2000-01-01 and (name sw rea or _lastUpdated lt 2000-01-01)' }, some((u) => fold(u.name).startsWith('rea')));
    await expectMatches('Location', { _filter: `status eq inactive and status eq active` }, []);
    // Organization: EJ and EG; the same ids as the plain parameters give, joined by or.
    const read = (await client.read({ resourceType: 'Organization', id: eg.id })) as unknown as Resource & { type: Array<{ coding: Array<{ code: string }> }> };
    const category = read.type[0]!.coding[0]!.code;
    const byType = await matchIds('Organization', { type: category });
    const named = await matchIds('Organization', { 'name:contains': 'centre' });
    await expectMatches('Organization', { _filter: `type eq ${category} or name co centre or _id eq ${eg.organization.id}` }, [...new Set([...byType, ...named, eg.organization.id])].sort());
    await expectMatches('Organization', { _filter: `(type eq ${category} or name co centre) and partof eq Organization/${eg.organization.id}` }, (await matchIds('Organization', { partof: eg.organization.id })).filter((id) => byType.includes(id) || named.includes(id)));
    // Refused: capacity parameters (another source), special ones, unknown paths, wrong operators.
    for (const [type, filter, says] of [
      ['Location', 'capacity-status eq 02 or name sw a', 'unsupported path "capacity-status"'],
      ['Location', 'near eq 47|1|10|km', 'unsupported path "near"'],
      ['Location', '_lastUpdated ne 2024', 'unsupported operator "ne" on _lastUpdated'],
      ['Organization', 'partof sw Organization/1', 'unsupported operator "sw" on partof'],
      ['Organization', 'name eq', 'missing value'],
    ] as const) {
      const response = await fetch(`${hub().fhir}/${type}?${new URLSearchParams({ _filter: filter })}`, { headers: { authorization: bearer } });
      expect(response.status, filter).toBe(400);
      const outcome = (await response.json()) as { resourceType: string; issue: Array<{ diagnostics: string }> };
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(outcome.issue[0]!.diagnostics, filter).toContain(says);
    }
  });

  it("_filter: the IG's full-offer extraction (offer or its organisation changed since T), as the same criteria; anything else 400", async () => {
    const at = (iso: string) => Date.parse(iso);
    // Every distinct change instant of the units and their establishments: each split is checked.
    const instants = [...new Set(units.flatMap((u) => [u.updatedAt, u.establishment.updatedAt]))].sort();
    // The seeded region may share one instant; fhir-e2e.test.ts changes an establishment on a private
    // hub to tell the two branches apart.
    for (const since of [instants[0]!, instants[Math.floor(instants.length / 2)]!, instants.at(-1)!]) {
      const filter = `(_lastUpdated ge ${since} or organization._lastUpdated ge ${since})`;
      const wanted = unitIds((u) => at(u.updatedAt) >= at(since) || at(u.establishment.updatedAt) >= at(since));
      expect(wanted.length).toBeGreaterThan(0);
      await expectMatches('HealthcareService', { _filter: filter }, wanted);
      const page = (await client.search({ resourceType: 'HealthcareService', searchParams: { _filter: filter, _include: 'HealthcareService:organization', _count: '50', _sort: '_id' } })) as unknown as Bundle;
      expectValid(page);
      const establishments = new Set(units.filter((u) => ids(page).includes(u.id)).map((u) => u.establishment.id));
      expect(ids(page, 'include').sort()).toEqual([...establishments].sort());
    }
    // and, nested parentheses, quoted values: the establishment's own change only.
    const last = instants.at(-1)!;
    await expectMatches('HealthcareService', { _filter: `organization._lastUpdated ge "${last}" and (_lastUpdated lt 2000 or _lastUpdated ge 2000)` }, unitIds((u) => at(u.establishment.updatedAt) >= at(last)));
    // The IG's query as written: `:above` is the establishment or, above it, its legal entity.
    const since = instants[Math.floor(instants.length / 2)]!;
    const above = unitIds((u) => [u.updatedAt, u.establishment.updatedAt, u.establishment.organization.updatedAt].some((t) => at(t) >= at(since)));
    await expectMatches('HealthcareService', { _filter: `(_lastUpdated ge ${since} or organization._lastUpdated:above ge ${since})` }, above);
    // The whole query of the IG (consommation-api.md): the offers, their establishments and legal entities, Locations, roles and practitioners.
    const extraction = (await client.search({
      resourceType: 'HealthcareService',
      searchParams: {
        _filter: `(_lastUpdated ge ${since} or organization._lastUpdated:above ge ${since})`,
        _include: ['HealthcareService:organization', 'HealthcareService:location', 'PractitionerRole:practitioner'],
        '_include:iterate': 'Organization:partof',
        _revinclude: 'PractitionerRole:service',
        _sort: '_id',
        _count: '10',
      } as never,
    })) as unknown as Bundle;
    expectValid(extraction);
    const offers = units.filter((u) => ids(extraction).includes(u.id));
    expect(offers.map((u) => u.id)).toEqual(above.slice(0, 10));
    const included = (type: string) => (extraction.entry ?? []).filter((e) => e.search.mode === 'include' && e.resource.resourceType === type).map((e) => e.resource.id).sort();
    expect(included('Organization')).toEqual([...new Set(offers.flatMap((u) => [u.establishment.id, u.establishment.organization.id]))].sort());
    expect(included('Location')).toEqual(offers.map((u) => u.id).sort());
    const roles = (extraction.entry ?? []).filter((e) => e.resource.resourceType === 'PractitionerRole').map((e) => e.resource as Resource & { practitioner: { reference: string }; healthcareService: Array<{ reference: string }> });
    for (const role of roles) expect(offers.map((u) => `HealthcareService/${u.id}`)).toContain(role.healthcareService[0]!.reference);
    expect(included('Practitioner')).toEqual([...new Set(roles.map((r) => r.practitioner.reference.replace('Practitioner/', '')))].sort());
    const legalOnly = unitIds((u) => at(u.establishment.organization.updatedAt) >= at(last));
    await expectMatches('HealthcareService', { _filter: `organization._lastUpdated:above ge ${last}` }, unitIds((u) => at(u.establishment.updatedAt) >= at(last) || legalOnly.includes(u.id)));
    for (const [filter, says] of [
      ['_lastUpdated ge 2024 and _lastUpdated lt 2025 or organization._lastUpdated ge 2024', 'parentheses'],
      ['nonsense eq x', 'unsupported path "nonsense"'],
      ['organization._lastUpdated:below ge 2024', 'unsupported modifier'],
      ['_lastUpdated sw 2024', 'unsupported operator "sw"'],
      ['name ne x', 'unsupported operator "ne" on name'],
      ['organization gt Organization/1', 'unsupported operator "gt" on organization'],
      ['(_lastUpdated ge 2024', 'missing ")"'],
      ['not (_lastUpdated ge 2024)', '"not"'],
      ['_lastUpdated ge tomorrow', 'Invalid date'],
      ['_has eq x', 'unsupported path "_has"'],
      [Array.from({ length: 9 }, (_, i) => `(name sw a${i} or name sw b${i})`).join(' and '), 'too complex'],
    ] as const) {
      const response = await fetch(`${hub().fhir}/HealthcareService?${new URLSearchParams({ _filter: filter })}`, { headers: { authorization: bearer } });
      expect(response.status, filter).toBe(400);
      const outcome = (await response.json()) as { resourceType: string; issue: Array<{ diagnostics: string }> };
      expect(outcome.issue[0]!.diagnostics, filter).toContain(says);
    }
  });
});
