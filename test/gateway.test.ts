/** The federated graph through the gateway, against the running hub on every database kind. */
import { describe, it, expect, inject } from 'vitest';
import { endToEndKinds } from './helpers/hub.js';
import { gql as rawGql } from './helpers/graphql.js';
import { asApp } from './helpers/tokens.js';

const hubs = inject('hubs');

/** One query spanning the four subgraphs. */
const FULL_ESTABLISHMENT = /* GraphQL */ `
  query Full($id: ID!) {
    establishment(id: $id) {
      id name finess
      category { system code display }
      address { city postalCode departmentCode departmentName regionCode regionName }
      organization { id name }
      units { id name ufCode discipline careMode { code display } capacity { installedBeds availableBeds updatedAt version } professionals { id lastName } }
      tensions { id level status disciplineGroup startedAt }
      professionals { id lastName firstName profession { code display } }
    }
  }
`;

interface FullEstablishment {
  id: string;
  address: { departmentCode: string; departmentName: string | null; regionCode: string; regionName: string | null };
  organization: { id: string };
  units: Array<{ careMode: { display: string | null }; capacity: { installedBeds: number; availableBeds: number } }>;
  tensions: Array<{ level: string; status: string }>;
  professionals: unknown[];
}

interface Page {
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

describe.each(endToEndKinds('postgres'))('gateway on %s', (kind) => {
  const url = () => hubs[kind]!.graphql;
  // The national aggregator (access profile 1, every read scope) sees all four subgraphs.
  const gql: typeof rawGql = async (target, query, variables, headers) =>
    rawGql(target, query, variables, { authorization: await asApp(target, 'national-aggregator'), ...headers });

  it('resolves one establishment across the four subgraphs', async () => {
    // CHRU de Tours (FINESS ET 370000481) has units, capacities, professionals; find one that also has a tension.
    const list = await gql<{ establishments: { edges: Array<{ node: { id: string; tensions: unknown[]; units: unknown[] } }> } }>(
      url(),
      `{ establishments(first: 200) { edges { node { id tensions { id } units { id } } } } }`,
    );
    expect(list.errors).toBeUndefined();
    const withAll = list.data!.establishments.edges.map((e) => e.node).find((n) => n.tensions.length > 0 && n.units.length > 0);
    expect(withAll).toBeDefined();

    const { data, errors } = await gql<{ establishment: FullEstablishment }>(url(), FULL_ESTABLISHMENT, { id: withAll!.id });
    expect(errors).toBeUndefined();
    const e = data!.establishment;
    expect(e.id).toBe(withAll!.id);
    expect(e.address.regionCode).toBe('24');
    expect(e.address.regionName).toBe('Centre-Val de Loire');
    // The demo region's six départements, named from the administrative division.
    const names: Record<string, string> = { '18': 'Cher', '28': 'Eure-et-Loir', '36': 'Indre', '37': 'Indre-et-Loire', '41': 'Loir-et-Cher', '45': 'Loiret' };
    expect(e.address.departmentName).toBe(names[e.address.departmentCode]);
    expect(e.organization.id).toMatch(/^\d{2}[0-9AB]\d{6}$/);
    expect(e.units.length).toBeGreaterThan(0);
    for (const unit of e.units) {
      expect(unit.capacity.installedBeds).toBeGreaterThan(0);
      expect(unit.capacity.availableBeds).toBeGreaterThanOrEqual(0);
      expect(unit.capacity.availableBeds).toBeLessThanOrEqual(unit.capacity.installedBeds);
      expect(unit.careMode.display).toBeTruthy();
    }
    expect(e.tensions[0]).toMatchObject({ level: expect.any(String), status: expect.stringMatching(/IN_PROGRESS|CLOSED/) });
    expect(Array.isArray(e.professionals)).toBe(true);
  });

  it('pages through every unit of a département without duplicates, matching totalCount', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = -1;
    for (let guard = 0; guard < 100; guard++) {
      const res: Awaited<ReturnType<typeof gql<{ units: Page }>>> = await gql<{ units: Page }>(
        url(),
        `query($after: String) { units(filter: { departmentCode: "41" }, first: 50, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      const page: Page = res.data!.units;
      total = page.totalCount;
      for (const edge of page.edges) {
        expect(seen.has(edge.node.id)).toBe(false);
        seen.add(edge.node.id);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(50);
    expect(seen.size).toBe(total);
  });

  it('filters establishments by name ignoring accents and case', async () => {
    const { data } = await gql<{ establishments: { edges: Array<{ node: { name: string } }>; totalCount: number } }>(
      url(),
      `{ establishments(filter: { name: "chateaudun" }) { edges { node { name } } totalCount } }`,
    );
    expect(data!.establishments.totalCount).toBeGreaterThan(0);
    // Ranked by relevance (docs/offer-search.md): the names containing it come first, near-misses after.
    const names = data!.establishments.edges.map((e) => e.node.name.toUpperCase());
    const firstMiss = names.findIndex((n) => !n.includes('CHATEAUDUN'));
    expect(firstMiss === -1 ? names.length : firstMiss).toBeGreaterThan(0);
    if (firstMiss !== -1) expect(names.slice(firstMiss).every((n) => !n.includes('CHATEAUDUN'))).toBe(true);
  });

  it('answers null for an unknown id and BAD_USER_INPUT for a forged cursor or an oversized page', async () => {
    const unknown = await gql<{ unit: null }>(url(), `{ unit(id: "000000000-0000") { id } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.unit).toBeNull();

    const forged = await gql(url(), `{ units(after: "not-a-cursor") { totalCount } }`);
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const oversized = await gql(url(), `{ establishments(first: 5000) { totalCount } }`);
    expect(oversized.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(oversized.errors?.[0]?.message).toMatch(/between 0 and 200/);
  });

  it('rejects an invalid query with a GraphQL validation error', async () => {
    const res = await gql(url(), `{ establishment(id: "x") { noSuchField } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
