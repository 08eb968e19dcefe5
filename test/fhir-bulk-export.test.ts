/**
 * Bulk Data 2.0 system-level $export against the shared hubs (demo region, every database kind),
 * re-creating the Inferno bulk-data test kit's server cases (capability, SMART discovery, kick-off
 * refusals, each _outputFormat, polling with Retry-After, manifest, NDJSON files, cancel) plus our
 * own (line counts against GraphQL, _type, _since, who may poll and download). Exports write only
 * the bulk export's own job tables; every job a test starts is deleted before the test ends.
 * Writes, restarts, 429 and expiry are in fhir-bulk-jobs.test.ts (private hub).
 */
import { gunzipSync } from 'node:zlib';
import { describe, it, expect, inject, beforeAll } from 'vitest';
import { Client } from 'fhir-kit-client';
import { databaseKinds } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { loadR4Definitions, r4Issues, rorIssues } from './helpers/fhir/validate.js';
import { cancel, download, downloadRaw, exportAll, kickOff, pollUntilDone, statusUrlOf, type Manifest } from './helpers/fhir/bulk.js';
import { clientToken } from '../scripts/token.js';

const hubs = inject('hubs');
type Resource = { resourceType: string; id: string; meta: { lastUpdated: string; profile?: string[] }; [key: string]: unknown };
type Outcome = { resourceType: string; issue: Array<{ severity: string; code: string; diagnostics?: string }> };

beforeAll(() => loadR4Definitions());

/**
 * Offline validation of an exported resource: R4 structure, and the ROR rules except the gaps
 * fhir/README.md documents (no age bound → no patient-type; no INSEE code → no commune-cog).
 */
function issuesOf(resource: Resource): string[] {
  return [...r4Issues(resource), ...rorIssues(resource as never)];
}

async function expectOutcome(response: Response, status: number, code?: string): Promise<Outcome> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
  const outcome = (await response.json()) as Outcome;
  expect(outcome.resourceType).toBe('OperationOutcome');
  expect(r4Issues(outcome as never)).toEqual([]);
  if (code) expect(outcome.issue[0]?.code).toBe(code);
  return outcome;
}

/** Professionals (archived included) and their situations, through the `professionals` list: independent of the export's `professionalChanges`. */
/** What FHIR exports of the GraphQL records: Practitioners with idNat_PS, situations also with profession, specialty and exercise mode (fhir/README.md). */
async function countProfessionals(url: string, bearer: string): Promise<{ professionals: number; situations: number }> {
  type Node = { rppsNumber: string | null; adeliNumber: string | null; profession: unknown; specialty: unknown; situations: Array<{ exerciseMode: unknown }> };
  type Page = { professionals: { edges: Array<{ node: Node }>; pageInfo: { hasNextPage: boolean; endCursor: string } } };
  let after: string | null = null;
  const counts = { professionals: 0, situations: 0 };
  for (;;) {
    const { data }: { data?: Page | null } = await gql<Page>(
      url,
      `query($after: String) { professionals(filter: { includeArchived: true }, first: 200, after: $after) { edges { node { rppsNumber adeliNumber profession { code } specialty { code } situations { id exerciseMode { code } } } } pageInfo { hasNextPage endCursor } } }`,
      { after },
      { authorization: bearer },
    );
    for (const { node } of data!.professionals.edges) {
      if (!node.rppsNumber && !node.adeliNumber) continue;
      counts.professionals += 1;
      if (node.profession && node.specialty) counts.situations += node.situations.filter((s) => s.exerciseMode).length;
    }
    if (!data!.professionals.pageInfo.hasNextPage) return counts;
    after = data!.professionals.pageInfo.endCursor;
  }
}

describe.each(databaseKinds())('FHIR bulk export on %s', (kind) => {
  const fhir = () => hubs[kind]!.fhir;
  const graphql = () => hubs[kind]!.graphql;
  let aggregator = '';

  beforeAll(async () => {
    aggregator = await asApp(graphql(), 'national-aggregator');
  });

  it('declares the export in the CapabilityStatement and serves SMART discovery', async () => {
    const client = new Client({ baseUrl: fhir() });
    const statement = (await client.capabilityStatement()) as unknown as { instantiates?: string[]; rest: Array<{ operation?: Array<{ name: string; definition: string }> }> };
    expect(statement.instantiates).toContain('http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data');
    expect(statement.rest[0]!.operation).toContainEqual({ name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export' });
    expect(r4Issues(statement as never)).toEqual([]);

    const discovery = (await (await fetch(`${graphql().replace(/\/graphql$/, '')}/oidc/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
    const smart = await fetch(`${fhir()}/.well-known/smart-configuration`);
    expect(smart.headers.get('content-type')).toMatch(/^application\/json/);
    const document = (await smart.json()) as Record<string, string[] | string>;
    expect(document.token_endpoint).toBe(discovery.token_endpoint);
    expect(document.grant_types_supported).toContain('client_credentials');
    expect(document.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
    expect(document.token_endpoint_auth_signing_alg_values_supported).toEqual(expect.arrayContaining(['RS384', 'ES384']));
    expect(document.scopes_supported).toContain('bulk.export');
    // fhir-kit-client finds the token endpoint (it gives a URL object), whether the well-known
    // document or the CapabilityStatement's oauth-uris answers first (it races them).
    const metadata = (await client.smartAuthMetadata()) as { tokenUrl?: URL };
    expect(String(metadata.tokenUrl)).toBe(discovery.token_endpoint);
    const security = (statement as unknown as { rest: Array<{ security: { extension: Array<{ url: string; extension: Array<{ url: string; valueUri: string }> }> } }> }).rest[0]!.security;
    const oauth = security.extension.find((e) => e.url === 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris')!;
    expect(oauth.extension.find((e) => e.url === 'token')!.valueUri).toBe(discovery.token_endpoint);
  });

  it('refuses kick-offs without a token (401), without bulk.export (403) and malformed ones (400/404)', async () => {
    await expectOutcome(await kickOff(fhir(), null), 401, 'login');
    await expectOutcome(await kickOff(fhir(), 'Bearer not-a-token'), 401, 'login');
    await expectOutcome(await kickOff(fhir(), await asApp(graphql(), 'sante-fr-directory')), 403, 'forbidden');
    await expectOutcome(await kickOff(fhir(), await asApp(graphql(), 'place-search')), 403, 'forbidden');
    // Naming a type whose scope the token lacks is refused (a default export leaves it out).
    const withoutProfessionals = `Bearer ${await clientToken(graphql().replace(/\/graphql$/, ''), 'national-aggregator', 'offer.read capacity.read bulk.export')}`;
    const scoped = await expectOutcome(await kickOff(fhir(), withoutProfessionals, '_type=Location,Practitioner'), 403, 'forbidden');
    expect(scoped.issue[0]!.diagnostics).toMatch(/Practitioner needs the professional.read scope/);
    // Hub users do not export, even the regional team (the capacities CSV export serves them).
    const user = await expectOutcome(await kickOff(fhir(), await asUser(graphql(), 'admin.ars')), 403, 'forbidden');
    expect(user.issue[0]!.diagnostics).toMatch(/applications/);

    const refused: Array<[string, Record<string, string>, string]> = [
      ['', { prefer: '' }, 'respond-async'],
      ['_elements=id', {}, '_elements'],
      ['_typeFilter=Location%3Fname%3Dx', {}, '_typeFilter'],
      ['_type=Patient', {}, 'Patient'],
      ['_type=Location,not a type', {}, 'not resource types'],
      ['_since=yesterday', {}, 'instant'],
      ['_since=2026-01-01', {}, 'instant'],
      ['_outputFormat=text/csv', {}, 'text/csv'],
      ['_outputFormat=ndjson&_outputFormat=ndjson', {}, 'only once'],
    ];
    for (const [query, headers, mentions] of refused) {
      const outcome = await expectOutcome(await kickOff(fhir(), aggregator, query, headers), 400, 'invalid');
      expect({ query, diagnostics: outcome.issue[0]!.diagnostics }).toEqual({ query, diagnostics: expect.stringContaining(mentions) });
    }
    for (const path of ['Patient/$export', 'Group/g1/$export']) {
      const response = await fetch(`${fhir()}/${path}`, { headers: { accept: 'application/fhir+json', prefer: 'respond-async', authorization: aggregator } });
      const outcome = await expectOutcome(response, 404, 'not-supported');
      expect(outcome.issue[0]!.diagnostics).toMatch(/not supported.*system-level/);
    }
    await expectOutcome(await kickOff(fhir(), aggregator, '', { accept: 'application/xml' }), 406);
    const head = await fetch(`${fhir()}/$export`, { method: 'HEAD', headers: { accept: 'application/fhir+json', prefer: 'respond-async', authorization: aggregator } });
    expect(head.status).toBe(405);
  });

  it('accepts each _outputFormat with 202 and an absolute Content-Location; DELETE cancels (202, then 404)', async () => {
    for (const format of ['application/fhir+ndjson', 'application/ndjson', 'ndjson']) {
      const response = await kickOff(fhir(), aggregator, `_outputFormat=${encodeURIComponent(format)}&_type=Organization`);
      const statusUrl = await statusUrlOf(response);
      expect(statusUrl).toMatch(new RegExp(`^${fhir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`));
      const cancelled = await cancel(statusUrl, aggregator);
      await expectOutcome(cancelled, 202, 'informational');
      await expectOutcome(await fetch(statusUrl, { headers: { authorization: aggregator } }), 404, 'not-found');
      await expectOutcome(await cancel(statusUrl, aggregator), 404, 'not-found');
    }
  });

  it('exports the whole region: polling, manifest, NDJSON files matching GraphQL counts and FHIR reads', async () => {
    // Every type on the first database kind; the others (same seed, same GraphQL path, only the
    // job and file SQL differs) export Organization only, which keeps the file's time down.
    const everything = kind === databaseKinds()[0];
    const { manifest, statusUrl, poll } = await exportAll(fhir(), aggregator, everything ? '' : '_type=Organization');
    try {
      for (const seen of poll.progress) expect(seen.retryAfter).toMatch(/^\d+$/);
      expect(poll.response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Date.parse(poll.response.headers.get('expires') ?? '')).toBeGreaterThan(Date.now());
      expect(manifest).toMatchObject({ request: `${fhir()}/$export${everything ? '' : '?_type=Organization'}`, requiresAccessToken: true, error: [] });
      expect(Date.parse(manifest.transactionTime)).toBeLessThanOrEqual(Date.now());
      expect(manifest.output.map((o) => o.type)).toEqual(everything ? ['Organization', 'HealthcareService', 'Location', 'Practitioner', 'PractitionerRole'] : ['Organization']);

      const { data } = await gql<{ units: { totalCount: number }; establishments: { totalCount: number }; organizations: { totalCount: number } }>(
        graphql(),
        `{ units(filter: { includeArchived: true }, first: 0) { totalCount } establishments(first: 0) { totalCount } organizations(first: 0) { totalCount } }`,
        {},
        { authorization: aggregator },
      );
      const organizations = data!.establishments.totalCount + data!.organizations.totalCount;
      const people = everything ? await countProfessionals(graphql(), aggregator) : null;
      const expected: Record<string, number> = people
        ? {
            Organization: organizations,
            HealthcareService: data!.units.totalCount,
            Location: data!.units.totalCount,
            Practitioner: people.professionals,
            PractitionerRole: people.situations,
          }
        : { Organization: organizations };
      expect(Object.values(expected).every((n) => n > 0)).toBe(true);

      const counted: Record<string, number> = {};
      const client = new Client({ baseUrl: fhir(), bearerToken: aggregator.replace(/^Bearer /, '') });
      for (const output of manifest.output) {
        expect(output.url.startsWith(`${fhir()}/`)).toBe(true);
        const { response, lines } = await download(output.url, aggregator);
        expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+ndjson/);
        expect(lines).toHaveLength(output.count!);
        counted[output.type] = (counted[output.type] ?? 0) + lines.length;
        const resources = lines.map((line) => JSON.parse(line) as Resource);
        const ids = new Set<string>();
        resources.forEach((r, i) => {
          expect({ line: i, type: r.resourceType }).toEqual({ line: i, type: output.type });
          ids.add(r.id);
        });
        expect(ids.size).toBe(resources.length);
        // Offline validation of a sample (every 25th line): the whole file would cost seconds.
        for (const resource of resources.filter((_, i) => i % 25 === 0)) {
          expect({ id: `${resource.resourceType}/${resource.id}`, issues: issuesOf(resource) }).toEqual({ id: `${resource.resourceType}/${resource.id}`, issues: [] });
        }
        // A line is exactly what the FHIR read returns to the same client.
        const first = resources[0]!;
        expect(await client.read({ resourceType: first.resourceType, id: first.id })).toEqual(first);
      }
      expect(counted).toEqual(expected);

      // Stored as gzip members: a gzip client gets them as stored, any other the plain NDJSON; both the same lines.
      const first = manifest.output[0]!;
      const plain = await downloadRaw(first.url, aggregator, 'identity');
      const zipped = await downloadRaw(first.url, aggregator, 'br;q=1, gzip;q=0.5');
      const refused = await downloadRaw(first.url, aggregator, 'gzip;q=0');
      expect([plain.status, plain.encoding, zipped.status, zipped.encoding, refused.encoding]).toEqual([200, undefined, 200, 'gzip', undefined]);
      expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
      expect(gunzipSync(zipped.body).toString('utf8')).toBe(plain.body.toString('utf8'));
      expect(refused.body.equals(plain.body)).toBe(true);
      expect(plain.body.toString('utf8').split('\n').filter(Boolean)).toHaveLength(first.count!);

      // Files need the owner's token: none → 401; another application → 404; the owner without bulk.export → 403.
      const url = manifest.output[0]!.url;
      await expectOutcome((await download(url, null)).response, 401, 'login');
      await expectOutcome((await download(url, await asApp(graphql(), 'place-search'))).response, 404, 'not-found');
      await expectOutcome(await fetch(statusUrl, { headers: { authorization: await asApp(graphql(), 'place-search') } }), 404, 'not-found');
      const narrowed = `Bearer ${await clientToken(graphql().replace(/\/graphql$/, ''), 'national-aggregator', 'offer.read')}`;
      await expectOutcome((await download(url, narrowed)).response, 403, 'forbidden');
    } finally {
      expect((await cancel(statusUrl, aggregator)).status).toBe(202);
    }
    // A deleted export's files are gone.
    await expectOutcome((await download(manifest.output[0]!.url, aggregator)).response, 404, 'not-found');
  });

  it('honours _type and lenient handling (POST Parameters), and _since (nothing changed since now → no output)', async () => {
    // Lenient handling ignores what it does not support, parameters and types alike.
    const response = await fetch(`${fhir()}/$export`, {
      method: 'POST',
      headers: { accept: 'application/fhir+json', prefer: 'respond-async, handling=lenient', authorization: aggregator, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Parameters',
        parameter: [
          { name: '_type', valueString: 'Organization,Patient' },
          { name: '_outputFormat', valueString: 'application/fhir+ndjson' },
          { name: '_elements', valueString: 'id' },
        ],
      }),
    });
    const statusUrl = await statusUrlOf(response);
    const manifest = (await (await pollUntilDone(statusUrl, aggregator)).response.json()) as Manifest;
    expect(manifest.request).toBe(`${fhir()}/$export`);
    expect(manifest.output.map((o) => o.type)).toEqual(['Organization']);
    expect((await cancel(statusUrl, aggregator)).status).toBe(202);

    const since = new Date().toISOString();
    const { manifest: empty, statusUrl: second } = await exportAll(fhir(), aggregator, `_since=${since}&_type=Organization`);
    expect(empty.output).toEqual([]);
    expect(empty.request).toBe(`${fhir()}/$export?_since=${since}&_type=Organization`);
    expect((await cancel(second, aggregator)).status).toBe(202);
  });
});
