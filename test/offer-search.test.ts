/**
 * Offer search through the gateway (docs/offer-search.md): filters, true radius, distance order,
 * name relevance, cursors bound to their filter, sensitive units. Expectations are computed here,
 * independently, from the demo region and a haversine distance.
 */
import { describe, it, expect, inject } from 'vitest';
import { endToEndKinds } from './helpers/hub.js';
import { gql as rawGql } from './helpers/graphql.js';
import { asApp } from './helpers/tokens.js';
import { buildDemoRegion } from '../scripts/demo/region.js';

const hubs = inject('hubs');
const region = buildDemoRegion();
const establishmentOf = new Map(region.establishments.map((e) => [e.id, e]));

/** earthdistance's earth() radius, in km. */
const EARTH_RADIUS_KM = 6378.168;
const TOURS = { latitude: 47.39, longitude: 0.69 };

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

function distanceToUnit(unitId: string, from: { latitude: number; longitude: number }): number | null {
  const unit = region.units.find((u) => u.id === unitId)!;
  const e = establishmentOf.get(unit.establishmentId)!;
  return e.latitude === null || e.longitude === null ? null : haversineKm(from.latitude, from.longitude, e.latitude, e.longitude);
}

interface UnitPage {
  units: {
    edges: Array<{ cursor: string; distanceKm: number | null; node: { id: string; establishment: { name: string } } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount?: number;
  };
}

const UNITS = /* GraphQL */ `
  query ($filter: UnitFilter, $first: Int, $after: String) {
    units(filter: $filter, first: $first, after: $after) {
      edges { cursor distanceKm node { id establishment { name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe.each(endToEndKinds('pglite'))('offer search on %s', (kind) => {
  const url = () => hubs[kind]!.graphql;
  const as =
    (client: string): typeof rawGql =>
    async (target, query, variables, headers) =>
      rawGql(target, query, variables, { authorization: await asApp(target, client), ...headers });
  const gql = as('national-aggregator');

  it('finds units by operational activity, care mode and a true radius, in distance order', async () => {
    const filter = { operationalActivityCodes: ['229', '013'], careModeCodes: ['28'], near: { ...TOURS, radiusKm: 30 } };
    const res = await gql<UnitPage>(url(), UNITS, { filter, first: 200 });
    expect(res.errors).toBeUndefined();

    const expected = region.units
      .filter((u) => !u.sensitive && u.careModeCode === '28' && u.operationalActivityCodes.some((c) => c === '229' || c === '013'))
      .map((u) => ({ id: u.id, km: distanceToUnit(u.id, TOURS) }))
      .filter((u): u is { id: string; km: number } => u.km !== null && u.km <= 30)
      .sort((a, b) => a.km - b.km || (a.id < b.id ? -1 : 1));
    expect(expected.length).toBeGreaterThan(5);
    // No expected unit sits on the boundary, where the two distance computations could disagree.
    expect(expected.every((u) => Math.abs(u.km - 30) > 0.5)).toBe(true);

    const edges = res.data!.units.edges;
    expect(edges.map((e) => e.node.id)).toEqual(expected.map((u) => u.id));
    edges.forEach((edge, i) => expect(Math.abs(edge.distanceKm! - expected[i]!.km)).toBeLessThan(0.5));
  });

  it('excludes a unit inside the bounding box but outside the radius', async () => {
    const radiusKm = 30;
    const dLat = radiusKm / 111.2;
    const dLon = radiusKm / (111.2 * Math.cos(TOURS.latitude * (Math.PI / 180)));
    const corner = region.units.find((u) => {
      const e = establishmentOf.get(u.establishmentId)!;
      if (u.sensitive || e.latitude === null || e.longitude === null) return false;
      const inBox = Math.abs(e.latitude - TOURS.latitude) < dLat && Math.abs(e.longitude - TOURS.longitude) < dLon;
      return inBox && haversineKm(TOURS.latitude, TOURS.longitude, e.latitude, e.longitude) > radiusKm + 0.5;
    });
    expect(corner).toBeDefined();

    const ids = new Set<string>();
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const res: Awaited<ReturnType<typeof gql<UnitPage>>> = await gql<UnitPage>(url(), UNITS, { filter: { near: { ...TOURS, radiusKm } }, first: 200, after });
      expect(res.errors).toBeUndefined();
      for (const edge of res.data!.units.edges) ids.add(edge.node.id);
      if (!res.data!.units.pageInfo.hasNextPage) break;
      after = res.data!.units.pageInfo.endCursor;
    }
    expect(ids.size).toBeGreaterThan(0);
    expect(ids.has(corner!.id)).toBe(false);
  });

  it('pages through a near search to the end, every result once and in order', async () => {
    const filter = { near: { ...TOURS, radiusKm: 25 } };
    const all = await gql<UnitPage>(url(), UNITS, { filter, first: 200 });
    expect(all.data!.units.pageInfo.hasNextPage).toBe(false);
    const whole = all.data!.units.edges.map((e) => e.node.id);
    expect(whole.length).toBeGreaterThan(20);

    const paged: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let guard = 0; guard < 100; guard++) {
      const res: Awaited<ReturnType<typeof gql<UnitPage>>> = await gql<UnitPage>(
        url(),
        `query ($filter: UnitFilter, $after: String) { units(filter: $filter, first: 7, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } totalCount } }`,
        { filter, after },
      );
      expect(res.errors).toBeUndefined();
      total = res.data!.units.totalCount!;
      paged.push(...res.data!.units.edges.map((e) => e.node.id));
      if (!res.data!.units.pageInfo.hasNextPage) break;
      after = res.data!.units.pageInfo.endCursor;
    }
    expect(paged).toEqual(whole);
    expect(new Set(paged).size).toBe(paged.length);
    expect(total).toBe(whole.length);
  });

  it('ranks by name relevance: "chu tour" puts CHRU Tours (and "CH LA TOUR…") units before the rest', async () => {
    const res = await gql<UnitPage>(url(), UNITS, { filter: { name: 'chu tour' }, first: 40 });
    expect(res.errors).toBeUndefined();
    const edges = res.data!.units.edges;
    expect(edges).toHaveLength(40);
    // Trigram relevance scores "CH LA TOUR BLANCHE" (exact word "tour") as high as "CHRU … TOURS": both lead.
    for (const edge of edges) {
      expect(edge.node.establishment.name).toMatch(/CHRU.*TOURS|^CH LA TOUR/);
      expect(edge.distanceKm).toBeNull();
    }
    expect(edges.filter((e) => /CHRU/.test(e.node.establishment.name)).length).toBeGreaterThan(20);

    const establishments = await gql<{ establishments: { edges: Array<{ node: { name: string } }> } }>(
      url(),
      `{ establishments(filter: { name: "chu tour" }, first: 3) { edges { node { name } } } }`,
    );
    for (const edge of establishments.data!.establishments.edges) expect(edge.node.name).toMatch(/CHRU.*TOURS|^CH LA TOUR/);
  });

  it('filters by patient age, field of activity, region and category', async () => {
    const res = await gql<{ units: { edges: Array<{ node: { patientAge: { min: number | null; max: number | null }; activityField: { code: string } } }> } }>(
      url(),
      `{ units(filter: { patientAge: 5, activityFieldCode: "01", regionCode: "24", categoryCode: "355" }, first: 200) { edges { node { patientAge { min max } activityField { code } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const expected = region.units.filter(
      (u) =>
        !u.sensitive &&
        u.activityFieldCode === '01' &&
        (u.patientAgeMin === null || u.patientAgeMin <= 5) &&
        (u.patientAgeMax === null || u.patientAgeMax >= 5) &&
        establishmentOf.get(u.establishmentId)!.categoryCode === '355',
    );
    expect(res.data!.units.edges.length).toBe(Math.min(200, expected.length));
    for (const { node } of res.data!.units.edges) {
      expect(node.activityField.code).toBe('01');
      expect(node.patientAge.min ?? 0).toBeLessThanOrEqual(5);
      expect(node.patientAge.max ?? 200).toBeGreaterThanOrEqual(5);
    }
  });

  it('filters by a list of establishments (bounded)', async () => {
    const withUnits = [...new Set(region.units.filter((u) => !u.sensitive).map((u) => u.establishmentId))];
    const ids = [withUnits[0]!, withUnits.at(-1)!];
    const res = await gql<{ units: { totalCount: number; edges: Array<{ node: { establishment: { id: string } } }> } }>(
      url(),
      `query($ids: [ID!]) { units(filter: { establishmentIds: $ids }, first: 200) { totalCount edges { node { establishment { id } } } } }`,
      { ids },
    );
    expect(res.errors).toBeUndefined();
    const expected = region.units.filter((u) => !u.sensitive && ids.includes(u.establishmentId));
    expect(res.data!.units.totalCount).toBe(expected.length);
    expect(new Set(res.data!.units.edges.map((e) => e.node.establishment.id))).toEqual(new Set(ids));
    const tooMany = await gql(url(), `query($ids: [ID!]) { units(filter: { establishmentIds: $ids }) { totalCount } }`, { ids: Array.from({ length: 1001 }, (_, i) => String(i)) });
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.establishmentIds' });
  });

  it('orders establishments near a point by distance', async () => {
    const res = await gql<{ establishments: { edges: Array<{ distanceKm: number; node: { id: string } }> } }>(
      url(),
      `{ establishments(filter: { near: { latitude: 47.39, longitude: 0.69, radiusKm: 15 } }, first: 200) { edges { distanceKm node { id } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const expected = region.establishments
      .map((e) => ({ id: e.id, km: haversineKm(TOURS.latitude, TOURS.longitude, e.latitude!, e.longitude!) }))
      .filter((e) => e.km <= 15)
      .sort((a, b) => a.km - b.km || (a.id < b.id ? -1 : 1));
    expect(res.data!.establishments.edges.map((e) => e.node.id)).toEqual(expected.map((e) => e.id));
  });

  it('refuses an invalid near with BAD_USER_INPUT naming the field', async () => {
    for (const [near, field] of [
      [{ latitude: 91, longitude: 0, radiusKm: 10 }, 'latitude'],
      [{ latitude: 47, longitude: -181, radiusKm: 10 }, 'longitude'],
      [{ latitude: 47, longitude: 0, radiusKm: 0 }, 'radiusKm'],
      [{ latitude: 47, longitude: 0, radiusKm: 501 }, 'radiusKm'],
    ] as const) {
      const res = await gql(url(), UNITS, { filter: { near } });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain(field);
    }
  });

  it('refuses a cursor reused with another filter', async () => {
    const first = await gql<UnitPage>(url(), UNITS, { filter: { near: { ...TOURS, radiusKm: 30 } }, first: 5 });
    const cursor = first.data!.units.pageInfo.endCursor;
    expect(cursor).toBeTruthy();
    const same = await gql<UnitPage>(url(), UNITS, { filter: { near: { ...TOURS, radiusKm: 30 } }, first: 5, after: cursor });
    expect(same.errors).toBeUndefined();
    const other = await gql(url(), UNITS, { filter: { near: { ...TOURS, radiusKm: 40 } }, first: 5, after: cursor });
    expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unfiltered = await gql(url(), UNITS, { first: 5, after: cursor });
    expect(unfiltered.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never shows sensitive units to a public access profile', async () => {
    const sensitive = region.units.find((u) => u.sensitive)!;
    const e = establishmentOf.get(sensitive.establishmentId)!;
    const filter = { near: { latitude: e.latitude!, longitude: e.longitude!, radiusKm: 1 }, name: sensitive.name };
    const aggregator = await gql<UnitPage>(url(), UNITS, { filter, first: 200 });
    expect(aggregator.data!.units.edges.map((x) => x.node.id)).toContain(sensitive.id);

    const publicDirectory = as('sante-fr-directory');
    for (const f of [filter, { near: filter.near }, { name: sensitive.name }, { establishmentId: e.id, operationalActivityCodes: sensitive.operationalActivityCodes }]) {
      const res = await publicDirectory<UnitPage>(url(), UNITS, { filter: f, first: 200 });
      expect(res.errors).toBeUndefined();
      expect(res.data!.units.edges.map((x) => x.node.id)).not.toContain(sensitive.id);
    }
  });
});
