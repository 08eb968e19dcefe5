/**
 * The bulk export's second read path (decision D143, fhir/bulk/pages.ts): the units, establishments
 * and legal entities read through the subgraphs' export page fields give, line for line, the
 * Organization, HealthcareService and Location NDJSON the GraphQL lists give, for the national aggregator and for a restricted application
 * (access profile 2: no sensitive unit, no confidential contact; a one-establishment perimeter; no
 * capacity.read). The page fields answer bulk.export holders only, and only through the gateway.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { demoPublicJwks } from '../scripts/demo/clients.js';
import type { CallerCredentials } from '../platform/executor.js';
import { planPasses } from '../fhir/bulk/sources.js';
import { readsByPages, resourcePages } from '../fhir/bulk/pages.js';

const AGGREGATOR: CallerCredentials = {
  principal: { kind: 'client', clientId: 'national-aggregator', scopes: ['offer.read', 'capacity.read', 'tension.read', 'professional.read', 'bulk.export'] },
};
const RESTRICTED: CallerCredentials = { principal: { kind: 'client', clientId: 'restricted-aggregator', scopes: ['offer.read', 'bulk.export'] } };

const UNIT_PAGE = `query($fields: String!) { unitExportPage(fields: $fields, first: 5) }`;
const ESTABLISHMENT_PAGE = `query($fields: String!) { establishmentExportPage(fields: $fields, first: 5) }`;
const ORGANIZATION_PAGE = `query($fields: String!) { organizationExportPage(fields: $fields, first: 5) }`;
const CAPACITY_PAGE = `query($units: [CapacityExportUnit!]!) { unitCapacityExportPage(units: $units, fields: "capacity { installedBeds }") }`;

/** A Location's versionId is `<capacity version>-<epoch ms>`: 0 without a capacity record the caller may read. */
const withCapacity = (line: string) => !(JSON.parse(line) as { meta: { versionId: string } }).meta.versionId.startsWith('0-');

/** Whether a resource holds a coding of a confidentiality level (TRE_R283) other than 1 (open access). */
function hasConfidentialContact(line: string): boolean {
  const confidential = (value: unknown): boolean =>
    Array.isArray(value)
      ? value.some(confidential)
      : typeof value === 'object' && value !== null
        ? (String((value as { system?: unknown }).system ?? '').includes('R283') && (value as { code?: unknown }).code !== '1') || Object.values(value).some(confidential)
        : false;
  return confidential(JSON.parse(line));
}

// One kind (D206): the export pages' reads are the subgraphs' list queries, run on both kinds
// by their own tests; test/fhir-bulk-export.test.ts runs the export on both.
describe.each(endToEndKinds('pglite'))('FHIR bulk export through the export pages (%s)', (kind) => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub(kind, { ROR_BULK_RUN_JOBS: 'false' });
    const [establishment] = await hub.db.rows<{ id: string }>(sql`select id from offer.establishment order by id limit 1`);
    await hub.db.rows(sql`
      insert into professionals.client (client_id, name, jwks, scopes, access_level, write_establishments)
      values ('restricted-aggregator', 'Agrégateur restreint (test)', ${JSON.stringify(demoPublicJwks('national-aggregator'))}::jsonb,
              ${'{offer.read,bulk.export}'}::text[], 2, ${`{${establishment!.id}}`}::text[])`);
  }, 180_000);
  afterAll(async () => {
    await hub?.close();
  });

  /** The NDJSON lines of each type of a full export of the offer, through either path. */
  async function linesOf(caller: CallerCredentials, byPages: boolean): Promise<Record<string, string[]>> {
    const lines: Record<string, string[]> = {};
    for (const pass of planPasses(['Organization', 'HealthcareService', 'Location'])) {
      expect(readsByPages(pass)).toBe(true);
      for await (const page of resourcePages(pass, hub.gateway.execute, caller, true, byPages)) {
        for (const resource of page) (lines[resource.resourceType] ??= []).push(JSON.stringify(resource));
      }
    }
    return lines;
  }

  it('gives the national aggregator the same lines as the GraphQL list, capacity included', async () => {
    const [pages, list] = [await linesOf(AGGREGATOR, true), await linesOf(AGGREGATOR, false)];
    expect(list.HealthcareService!.length).toBeGreaterThan(100);
    expect(list.Location!.filter(withCapacity).length).toBeGreaterThan(10);
    expect(list.Organization!.length).toBeGreaterThan(100);
    expect(pages).toEqual(list);
  }, 180_000); // two full reads of the demo region's offer, on a loaded machine

  it('gives a restricted application the same lines: fewer units, no confidential contact, no capacity', async () => {
    const [pages, list, all] = [await linesOf(RESTRICTED, true), await linesOf(RESTRICTED, false), await linesOf(AGGREGATOR, true)];
    expect(list.HealthcareService!.length).toBeLessThan(all.HealthcareService!.length); // sensitive units left out
    expect(pages).toEqual(list);
    expect(pages.Location!.filter(withCapacity)).toEqual([]);
    expect(all.HealthcareService!.filter(hasConfidentialContact).length).toBeGreaterThan(0);
    expect(pages.HealthcareService!.filter(hasConfidentialContact)).toEqual([]);
  }, 180_000);

  it('refuses the page fields without bulk.export (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    const codes = async (authorization: string | undefined) => {
      const headers: Record<string, string> = authorization ? { authorization } : {};
      const answers = await Promise.all([
        gql(hub.urls.graphql, UNIT_PAGE, { fields: 'id' }, headers),
        gql(hub.urls.graphql, ESTABLISHMENT_PAGE, { fields: 'id' }, headers),
        gql(hub.urls.graphql, ORGANIZATION_PAGE, { fields: 'id' }, headers),
        gql(hub.urls.graphql, CAPACITY_PAGE, { units: [{ id: 'x' }] }, headers),
      ]);
      return answers.map((r) => ({ data: r.data ?? null, code: r.errors?.[0]?.extensions?.code }));
    };
    const refused = (code: string) => Array.from({ length: 4 }, () => ({ data: null, code }));
    expect(await codes(await asApp(hub.urls.graphql, 'sante-fr-directory'))).toEqual(refused('FORBIDDEN'));
    expect(await codes(await asUser(hub.urls.graphql, 'admin.ars'))).toEqual(refused('FORBIDDEN'));
    expect(await codes(undefined)).toEqual(refused('UNAUTHENTICATED'));
  });

  it('answers a bulk.export holder through the gateway, and refuses a malformed selection (BAD_USER_INPUT)', async () => {
    const aggregator = await asApp(hub.urls.graphql, 'national-aggregator');
    const page = await gql<{ unitExportPage: { records: { id: string }[]; hidden: string[]; hasNextPage: boolean } }>(hub.urls.graphql, UNIT_PAGE, { fields: 'id' }, { authorization: aggregator });
    expect(page.errors).toBeUndefined();
    expect(page.data!.unitExportPage.records).toHaveLength(5);
    expect(page.data!.unitExportPage.hasNextPage).toBe(true);
    const deep = await gql(hub.urls.graphql, UNIT_PAGE, { fields: 'establishment { units { establishment { id } } }' }, { authorization: aggregator });
    expect(deep.errors).toBeUndefined(); // four levels: accepted
    const aliases = (n: number, selection: string) => Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(' ');
    const fanOut = aliases(66, 'establishment { units { id } }'); // 198 fields, each unit's whole establishment 66 times
    for (const fields of ['nope', 'establishment', 'id ...on Unit { name }', 'id {', 'establishment { units { establishment { units { id } } } }', aliases(201, 'id'), fanOut]) {
      const refused = await gql(hub.urls.graphql, UNIT_PAGE, { fields }, { authorization: aggregator });
      expect({ fields: fields.slice(0, 80), code: refused.errors?.[0]?.extensions?.code }).toEqual({ fields: fields.slice(0, 80), code: 'BAD_USER_INPUT' });
    }
    // The bounds name themselves, and a selection within them is served.
    const tooMany = await gql(hub.urls.graphql, UNIT_PAGE, { fields: aliases(201, 'id') }, { authorization: aggregator });
    expect(tooMany.errors![0]!.message).toContain('at most 200 fields');
    const fanned = await gql(hub.urls.graphql, UNIT_PAGE, { fields: fanOut }, { authorization: aggregator });
    expect(fanned.errors![0]!.message).toContain('objects and list items per record');
    expect((await gql(hub.urls.graphql, UNIT_PAGE, { fields: aliases(200, 'id') }, { authorization: aggregator })).errors).toBeUndefined();
  });

  it('refuses the page fields called on the subgraphs without the gateway envelope (401)', async () => {
    for (const [name, query, variables] of [
      ['offer', UNIT_PAGE, { fields: 'id' }],
      ['offer', ORGANIZATION_PAGE, { fields: 'id' }],
      ['capacities', CAPACITY_PAGE, { units: [{ id: 'x' }] }],
    ] as const) {
      const direct = await gql(hub.urls.subgraphs[name]!, query, variables, { authorization: await asApp(hub.urls.graphql, 'national-aggregator') });
      expect({ name, status: direct.status, code: direct.errors?.[0]?.extensions?.code }).toEqual({ name, status: 401, code: 'UNAUTHENTICATED' });
    }
  });
});
