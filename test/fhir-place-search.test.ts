/**
 * The place search of issue 13 in FHIR, against the shared demo hubs (read-only), with
 * fhir-kit-client as the `place-search` application: HealthcareService with `location.near` and
 * the Location's capacity criteria chained (the unit is both resources), and Location taking the
 * offer's `specialty` / `service-type` / `age-range-*`. Every answer is checked against an
 * independent GraphQL read of the same units and validated offline (R4 + ROR rules).
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Client } from 'fhir-kit-client';
import { databaseKinds } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp } from './helpers/tokens.js';
import { loadR4Definitions, searchBundleIssues } from './helpers/fhir/validate.js';
import { CODE_SYSTEMS } from '../fhir/codes.js';

const hubs = inject('hubs');

interface GqlUnit {
  id: string;
  archived: boolean;
  operationalActivities: Array<{ code: string }>;
  activityField: { code: string };
  patientAge: { min: number | null; max: number | null };
  position: { latitude: number; longitude: number } | null;
  capacity: { available: { men: number; women: number; undifferentiated: number } } | null;
}

type Entry = { resource: { resourceType: string; id: string; [key: string]: unknown }; search: { mode: string; extension?: Array<{ url: string; valueDistance: { value: number } }> } };
interface Bundle {
  resourceType: 'Bundle';
  total?: number;
  link: Array<{ relation: string; url: string }>;
  entry?: Entry[];
}

const ORLEANS = { latitude: 47.9029, longitude: 1.9093 };
const RADIUS_KM = 40;
const AGE = 82;

/** Haversine distance in km (the radius earthdistance uses). */
function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * 6378.168 * Math.asin(Math.sqrt(h));
}

const matches = (bundle: Bundle) => (bundle.entry ?? []).filter((e) => e.search.mode === 'match');

beforeAll(() => loadR4Definitions());

describe.each(databaseKinds())('FHIR place search on %s', (kind) => {
  const hub = () => hubs[kind]!;
  let client: Client;
  let bearer = '';
  const units: GqlUnit[] = [];

  /** Every page, following `next` links only; each page valid. */
  async function all(resourceType: string, searchParams: Record<string, string | string[]>): Promise<Bundle[]> {
    const pages: Bundle[] = [];
    let bundle = (await client.search({ resourceType, searchParams })) as unknown as Bundle;
    for (;;) {
      expect(searchBundleIssues(bundle as never)).toEqual([]);
      pages.push(bundle);
      const next = (await client.nextPage({ bundle: bundle as never })) as unknown as Bundle | undefined;
      if (!next) return pages;
      bundle = next;
    }
  }

  beforeAll(async () => {
    bearer = await asApp(hub().graphql, 'place-search');
    client = new Client({ baseUrl: hub().fhir, bearerToken: bearer.replace(/^Bearer /, '') });
    let after: string | null = null;
    do {
      const page: { data?: null | { units: { edges: Array<{ node: GqlUnit }>; pageInfo: { hasNextPage: boolean; endCursor: string } } } } = await gql(
        hub().graphql,
        `query($after: String) { units(filter: { includeArchived: true }, first: 200, after: $after) { edges { node {
          id archived operationalActivities { code } activityField { code } patientAge { min max } position { latitude longitude }
          capacity { available { men women undifferentiated } } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        { authorization: bearer },
      );
      expect(page.data, 'the place-search app reads units and their capacity').toBeTruthy();
      units.push(...page.data!.units.edges.map((e) => e.node));
      after = page.data!.units.pageInfo.hasNextPage ? page.data!.units.pageInfo.endCursor : null;
    } while (after);
  });

  /** Units within the radius (away from its edge, where metre rounding decides) meeting `keep`. */
  const expected = (keep: (u: GqlUnit) => boolean) => {
    const inside = units.filter((u) => u.position && haversineKm(ORLEANS, u.position) < RADIUS_KM - 0.01 && keep(u));
    const edge = units.filter((u) => u.position && Math.abs(haversineKm(ORLEANS, u.position) - RADIUS_KM) <= 0.01 && keep(u));
    return { inside: inside.map((u) => u.id).sort(), edge: new Set(edge.map((u) => u.id)) };
  };
  const freeForWomen = (u: GqlUnit) => (u.capacity?.available.women ?? 0) + (u.capacity?.available.undifferentiated ?? 0) > 0;
  const takesAge = (u: GqlUnit) => u.patientAge.min !== null && u.patientAge.min <= AGE && u.patientAge.max !== null && u.patientAge.max >= AGE;

  it('an 82-year-old woman within 40 km of Orléans, free beds for women: HealthcareService with location.near and chained capacity, in one call', async () => {
    const pages = await all('HealthcareService', {
      'location.near': `${ORLEANS.latitude}|${ORLEANS.longitude}|${RADIUS_KM}|km`,
      'age-range-low': `le${AGE}`,
      'age-range-high': `ge${AGE}`,
      'location.capacity-status': `${CODE_SYSTEMS.typeStatutCapacite}|02`,
      // Women's beds or undifferentiated ones, in the same record as the count.
      'location.gender-capacity-available': `${CODE_SYSTEMS.genreCapacite}|01,${CODE_SYSTEMS.genreCapacite}|03`,
      'location.nb-capacity': 'gt0',
      _include: 'HealthcareService:location',
      _count: '10',
    });
    const found = pages.flatMap(matches);
    const { inside, edge } = expected((u) => freeForWomen(u) && takesAge(u));
    expect(inside.length, 'the demo region has such places').toBeGreaterThan(0);
    const ids = found.map((e) => e.resource.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !edge.has(id)).sort()).toEqual(inside);
    // Ordered by distance, each match carrying it (core location-distance extension), which is the unit's.
    const distances = found.map((e) => e.search.extension?.find((x) => x.url === 'http://hl7.org/fhir/StructureDefinition/location-distance')?.valueDistance.value);
    expect(distances.every((d) => typeof d === 'number')).toBe(true);
    expect(distances).toEqual([...distances].sort((a, b) => a! - b!));
    for (const entry of found) {
      const unit = units.find((u) => u.id === entry.resource.id)!;
      expect(Math.abs(haversineKm(ORLEANS, unit.position!) - (entry.search.extension![0]!.valueDistance.value))).toBeLessThan(0.01);
    }
    // The included Locations are the same units, with their capacity records.
    const included = pages.flatMap((p) => (p.entry ?? []).filter((e) => e.search.mode === 'include').map((e) => e.resource));
    expect(included.map((r) => `${r.resourceType}/${r.id}`).sort()).toEqual(ids.map((id) => `Location/${id}`).sort());
    expect(included.every((r) => Array.isArray(r.extension) && r.extension.length > 0)).toBe(true);
  });

  it('Location takes the offer criteria of the same unit: specialty, service-type, age ranges, with near and capacity', async () => {
    const sample = units.find((u) => u.position && haversineKm(ORLEANS, u.position) < RADIUS_KM - 1 && u.operationalActivities.length > 0 && freeForWomen(u))!;
    const activity = sample.operationalActivities[0]!.code;
    const R211 = CODE_SYSTEMS.activiteOperationnelle;
    const pages = await all('Location', {
      near: `${ORLEANS.latitude}|${ORLEANS.longitude}|${RADIUS_KM}|km`,
      specialty: `${R211}|${activity}`,
      'capacity-status': '02',
      'gender-capacity-available': '01,03',
      'nb-capacity': 'gt0',
      _count: '200',
    });
    const { inside, edge } = expected((u) => freeForWomen(u) && u.operationalActivities.some((a) => a.code === activity));
    const ids = pages.flatMap(matches).map((e) => e.resource.id);
    expect(ids).toContain(sample.id);
    expect(ids.filter((id) => !edge.has(id)).sort()).toEqual(inside);
    expect(pages.flatMap(matches).every((e) => e.resource.resourceType === 'Location')).toBe(true);

    // The same criteria give the same units on either type.
    for (const [location, service] of [
      [{ specialty: activity }, { specialty: activity }],
      [{ 'service-type': sample.activityField.code }, { 'service-type': sample.activityField.code }],
      [{ 'age-range-low': `le${AGE}`, 'age-range-high': `ge${AGE}`, 'capacity-status': '02', 'nb-capacity': 'gt0' }, { 'age-range-low': `le${AGE}`, 'age-range-high': `ge${AGE}`, 'location.capacity-status': '02', 'location.nb-capacity': 'gt0' }],
    ] as const) {
      const a = (await client.search({ resourceType: 'Location', searchParams: { ...location, _summary: 'count' } })) as unknown as Bundle;
      const b = (await client.search({ resourceType: 'HealthcareService', searchParams: { ...service, _summary: 'count' } })) as unknown as Bundle;
      expect(a.total, JSON.stringify(location)).toBe(b.total);
      expect(a.total).toBeGreaterThan(0);
    }
    // A token of another system matches nothing; :not keeps the others.
    const none = (await client.search({ resourceType: 'Location', searchParams: { specialty: `${CODE_SYSTEMS.champActivite}|${activity}`, _summary: 'count' } })) as unknown as Bundle;
    expect(none.total).toBe(0);
    const not = (await client.search({ resourceType: 'Location', searchParams: { 'specialty:not': activity, _summary: 'count' } })) as unknown as Bundle;
    expect(not.total).toBe(units.filter((u) => !u.operationalActivities.some((a) => a.code === activity)).length);
  });

  it('stays strict: unknown chains, modifiers and malformed near are 400 with an OperationOutcome', async () => {
    for (const query of [
      'HealthcareService?location.name=x',
      'HealthcareService?location.near=47.9|1.9|40|km&location.near=47.9|1.9|30|km',
      'HealthcareService?location.near=91|1.9|40|km',
      'Location?specialty:missing=true',
      'Location?patient-type=x',
    ]) {
      const response = await fetch(`${hub().fhir}/${query}`, { headers: { authorization: bearer } });
      expect(response.status, query).toBe(400);
      const outcome = (await response.json()) as { resourceType: string; issue: Array<{ severity: string }> };
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(outcome.issue[0]!.severity).toBe('error');
    }
  });

  it('declares Location specialty in the CapabilityStatement, with the HealthcareService canonical', async () => {
    const statement = (await client.capabilityStatement()) as unknown as { rest: Array<{ resource: Array<{ type: string; searchParam?: Array<{ name: string; definition: string; documentation: string }> }> }> };
    const location = statement.rest[0]!.resource.find((r) => r.type === 'Location')!;
    const specialty = location.searchParam!.find((p) => p.name === 'specialty')!;
    expect(specialty.definition).toBe('http://hl7.org/fhir/SearchParameter/HealthcareService-specialty');
    expect(specialty.documentation).toMatch(/HealthcareService\/\{same id\}/);
  });
});
