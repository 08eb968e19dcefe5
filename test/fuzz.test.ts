/**
 * The fuzz suite (issue 12): bounded, seeded, on one private PGlite hub. Generated from the
 * gateway's introspected schema and the FHIR CapabilityStatement, it sends boundary and hostile
 * values to every Query and Mutation field (anonymous and as demo users), `_entities` batches to
 * every subgraph, garbage to every FHIR search parameter and read/vread/_history path, and
 * malformed bodies to the REST routes. Every answer: no 5xx, no INTERNAL_SERVER_ERROR, no SQL,
 * stack or runtime text; every component's /health alive after each batch; refused writes change
 * neither the record's version nor the change feed. FUZZ_SEED, FUZZ_RUNS, FUZZ_CONCURRENCY,
 * FUZZ_RATE, FUZZ_HUB_ENV, FUZZ_REPORT: docs/testing.md § Fuzz suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { readCommittedSupergraph } from '../gateway/compose.js';
import { IDENTITY_HEADER, signIdentity } from '../platform/auth/internal-token.js';
import { RIGHTS, type RightCode } from '../platform/auth/rights.js';
import type { Identity } from '../platform/auth/identity.js';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { asApp, asUser } from './helpers/tokens.js';
import { gql } from './helpers/graphql.js';
import { fuzzConfig } from './fuzz/config.js';
import { Rng } from './fuzz/rng.js';
import { Collector, createSender, healthFailures, type FuzzRequest } from './fuzz/check.js';
import { readDemoIds, type DemoIds } from './fuzz/ids.js';
import { generateOperations } from './fuzz/graphql-ops.js';
import { rawJson } from './fuzz/values.js';
import { entitiesQuery, entityBatches, entityTypesOf } from './fuzz/entities.js';
import { readPaths, searchPaths, type CapabilityResource } from './fuzz/fhir.js';
import { exportCases, feedCases, importCases, type RestCase } from './fuzz/rest.js';
import { CAPACITY_FIELDS, CAPACITY_SELECTION, capacityWrites, eventsOf, tensionWrites, type CapacityFigures, type GuardedWrite } from './fuzz/guarded.js';

/**
 * The gateway's schema as a signed-in caller introspects it; from the committed supergraph (its
 * API schema, the same fields) if introspection is refused, e.g. by a limit of the hub.
 */
async function gatewaySchema(graphqlUrl: string, authorization: string): Promise<GraphQLSchema> {
  const introspection = await gql<IntrospectionQuery>(graphqlUrl, getIntrospectionQuery(), {}, { authorization });
  if (introspection.data) return buildClientSchema(introspection.data);
  console.warn(`fuzz: introspection refused (${JSON.stringify(introspection.errors).slice(0, 200)}); using schemas/supergraph.graphql`);
  return Supergraph.build(readCommittedSupergraph()).apiSchema().toGraphQLJSSchema();
}

const SECRET = 'fuzz-suite-internal-secret-0123456789abcdef';
const config = fuzzConfig();
const root = new Rng(config.seed);
const REPLAY = `FUZZ_SEED=${config.seed} FUZZ_RUNS=${config.runs} npx vitest run test/fuzz.test.ts`;
const SECTION_TIMEOUT = 240_000;

/** Failures are written there too (JSON lines) when FUZZ_REPORT names a file. */
const collector = () => new Collector(config.seed, process.env.FUZZ_REPORT);

describe('fuzz suite (pglite)', () => {
  let hub: TestHub;
  let base: string;
  let ids: DemoIds;
  let schema: GraphQLSchema;
  /** Bearer tokens by who holds them. */
  const tokens: Record<string, string> = {};

  const expectAlive = async () => {
    expect(await healthFailures([base, ...Object.values(hub.urls.subgraphs)]), `/health after the batch (seed ${config.seed}; replay: ${REPLAY})`).toEqual([]);
  };

  const graphqlRequest = (label: string, as: string, query: string, variables: Record<string, unknown>, url = hub.urls.graphql, headers: Record<string, string> = {}): FuzzRequest => ({
    label,
    as,
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: rawJson({ query, variables }),
  });

  beforeAll(async () => {
    console.info(`fuzz: seed ${config.seed}, runs ${config.runs}, concurrency ${config.concurrency} (replay: ${REPLAY})`);
    hub = await startTestHub('pglite', { ROR_INTERNAL_SECRET: SECRET, ...config.hubEnv });
    base = hub.urls.graphql.replace(/\/graphql$/, '');
    for (const login of ['admin.ars', 'ref.uo.tours', 'saisie.lits.chateauroux', 'decl.tension.bourges']) tokens[login] = await asUser(hub.urls.graphql, login);
    for (const client of ['national-aggregator', 'bed-manager-chateauroux']) tokens[client] = await asApp(hub.urls.graphql, client);
    ids = await readDemoIds(hub.urls.graphql, tokens['admin.ars']!);
    schema = await gatewaySchema(hub.urls.graphql, tokens['admin.ars']!);
  });

  afterAll(async () => {
    await hub?.close();
  });

  /** Sends `write` as `authorization`; when refused, the record's version and its events must not have moved. */
  async function guarded(
    c: Collector,
    writes: readonly GuardedWrite[],
    authorization: string,
    as: string,
    read: () => Promise<number | null>,
    events: () => Promise<number>,
  ) {
    const sender = createSender(c, { concurrency: 1, rate: config.rate });
    for (const write of writes) {
      const version = await read();
      const before = await events();
      const answer = await sender.send(graphqlRequest(write.label, as, write.query, write.variables(version ?? 0), hub.urls.graphql, { authorization }));
      const body = answer?.json as { data?: unknown; errors?: unknown[] } | null;
      const refused = !answer || answer.status >= 400 || !!body?.errors?.length;
      const [after, eventsAfter] = [await read(), await events()];
      if (after === null) c.record({ label: write.label, as, method: 'POST', url: hub.urls.graphql }, answer?.status ?? null, ['the record cannot be read after the write'], answer?.text ?? '');
      if (refused && (after !== version || eventsAfter !== before)) {
        c.record({ label: write.label, as, method: 'POST', url: hub.urls.graphql, body: JSON.stringify(write.variables(version ?? 0)) }, answer?.status ?? null, [`refused write changed the record: version ${version} → ${after}, events ${before} → ${eventsAfter}`], answer?.text ?? '');
      }
    }
  }

  it('refused writes change neither the record nor the change feed', { timeout: SECTION_TIMEOUT }, async () => {
    const c = collector();
    const rng = root.fork('guarded');
    const unitId = '370004467-4557'; // ref.uo.tours's unit (docs/demo-identities.md)
    const authorization = tokens['ref.uo.tours']!;
    const readCapacity = async () => {
      type Read = Omit<CapacityFigures, 'availableMen' | 'availableWomen' | 'availableUndifferentiated'> & { available: { men: number; women: number; undifferentiated: number } };
      const stored = CAPACITY_FIELDS.filter((f) => !f.startsWith('available'));
      const read = await gql<{ unit: { capacity: Read | null } | null }>(hub.urls.graphql, `query($id: ID!) { unit(id: $id) { capacity { version notes ${stored.join(' ')} available { men women undifferentiated } } } }`, { id: unitId }, { authorization });
      const c = read.data?.unit?.capacity;
      const capacity: CapacityFigures | null = c ? { ...c, availableMen: c.available.men, availableWomen: c.available.women, availableUndifferentiated: c.available.undifferentiated } : null;
      return { capacity, answer: JSON.stringify(read).slice(0, 500) };
    };
    const { capacity: current, answer } = await readCapacity();
    expect(current, `the demo unit has a capacity: ${answer}`).not.toBeNull();
    await guarded(c, capacityWrites(unitId, current!, rng, config.runs), authorization, 'ref.uo.tours', async () => (await readCapacity()).capacity?.version ?? null, () => eventsOf(hub.db, 'UNIT_CAPACITY', unitId));

    const bourges = tokens['decl.tension.bourges']!;
    type Tensions = { tensions: { edges: Array<{ node: { id: string; version: number } }> } };
    const open = await gql<Tensions>(hub.urls.graphql, `{ tensions(filter: { establishmentId: "180000010" }, first: 1) { edges { node { id version } } } }`, {}, { authorization: bourges });
    const tension = open.data?.tensions.edges[0]?.node;
    expect(tension, 'CH Bourges has a tension in the demo data').toBeDefined();
    const readTension = async () => (await gql<{ tension: { version: number } | null }>(hub.urls.graphql, `query($id: ID!) { tension(id: $id) { version } }`, { id: tension!.id }, { authorization: bourges })).data?.tension?.version ?? null;
    await guarded(c, tensionWrites(tension!.id, rng, config.runs), bourges, 'decl.tension.bourges', readTension, () => eventsOf(hub.db, 'TENSION', tension!.id));

    // After them, every reader still reads (case 3 broke the unit's capacity and the region's synthesis).
    const reads = createSender(c, { concurrency: 1, rate: config.rate });
    const readBacks: Array<[string, string]> = [
      ['national-aggregator', `{ capacitySynthesis(groupBy: [REGION]) { totals { units installedBeds availableBeds mobilisedBeds totalOperational remainingToMobilise } } }`],
      ['ref.uo.tours', `{ unit(id: "${unitId}") { capacity { ${CAPACITY_SELECTION} } } }`],
      ['admin.ars', `{ unit(id: "${unitId}") { capacity { ${CAPACITY_SELECTION} } } }`],
    ];
    for (const [as, query] of readBacks) {
      const answer = await reads.send(graphqlRequest('read-back', as, query, {}, hub.urls.graphql, { authorization: tokens[as]! }));
      const body = answer?.json as { data?: unknown; errors?: unknown[] } | null;
      if (!body?.data || body.errors?.length) c.record({ label: 'read-back', as, method: 'POST', url: hub.urls.graphql, body: query }, answer?.status ?? null, ['reads fail after the writes'], answer?.text ?? '');
    }
    await expectAlive();
    c.assertClean('refused writes', REPLAY);
  });

  it('every Query and Mutation field, anonymous and as demo users', { timeout: SECTION_TIMEOUT }, async () => {
    const c = collector();
    const sender = createSender(c, { concurrency: config.concurrency, rate: config.rate });
    const callers: Array<[string, string | null]> = [
      ['anonymous', null],
      // The regional team: every right of the establishment referent everywhere, capacities region-wide.
      ['admin.ars', tokens['admin.ars']!],
    ];
    for (const [as, authorization] of callers) {
      const ops = generateOperations(schema, ids, root.fork(`graphql ${as}`), config.runs);
      const requests = ops.map((op) => graphqlRequest(`${op.field} ${op.variant}`, as, op.query, op.variables, hub.urls.graphql, authorization ? { authorization } : {}));
      // Queries first, then mutations, in batches: /health is checked between them.
      for (const kind of ['query', 'mutation'] as const) {
        await sender.sendAll(requests.filter((_, i) => ops[i]!.kind === kind));
        await expectAlive();
      }
    }
    c.assertClean('GraphQL fields', REPLAY);
  });

  it('_entities batches on every subgraph, with and without an identity envelope', { timeout: SECTION_TIMEOUT }, async () => {
    const c = collector();
    const sender = createSender(c, { concurrency: config.concurrency, rate: config.rate });
    const everything = Object.keys(RIGHTS) as RightCode[];
    const envelopes: Array<[string, Identity | null]> = [
      ['no envelope', null],
      ['anonymous envelope', { kind: 'anonymous' }],
      // A user holding every right on the whole region: the deepest code paths behind authorisation.
      ['user envelope', { kind: 'user', subject: 'fuzz', login: 'admin.ars', professionalId: 'P000369', grants: [{ rights: everything, kind: 'TRANSVERSAL', id: null, reach: { organizations: [], establishments: [], units: [], professionals: [] } }] }],
    ];
    for (const [name, url] of Object.entries(hub.urls.subgraphs)) {
      const system = await signIdentity({ kind: 'system', subject: 'gateway' }, SECRET, name);
      const sdl = await gql<{ _service: { sdl: string } }>(url, '{ _service { sdl } }', {}, { [IDENTITY_HEADER]: system });
      const types = entityTypesOf(sdl.data!._service.sdl);
      expect(types.length, `${name} declares entities`).toBeGreaterThan(0);
      const batches = entityBatches(types, ids, root.fork(`entities ${name}`), config.runs * 4);
      const signed = await Promise.all(envelopes.map(([, identity]) => (identity ? signIdentity(identity, SECRET, name) : null)));
      const requests = envelopes.flatMap(([as], e) =>
        batches.map((representations, i) => {
          const envelope = signed[e];
          const headers: Record<string, string> = envelope ? { [IDENTITY_HEADER]: envelope } : {};
          return graphqlRequest(`_entities ${name} #${i}`, as, entitiesQuery(types), { representations }, url, headers);
        }),
      );
      const answers = await sender.sendAll(requests);
      // Without an envelope a subgraph may answer 401 (it serves the gateway only): that is a refusal, not a failure.
      answers.forEach((answer, i) => expect(answer === null || answer.status < 500, `${requests[i]!.label}`).toBe(true));
      await expectAlive();
    }
    c.assertClean('_entities', REPLAY);
  });

  it('every FHIR search parameter, read, vread and _history', { timeout: SECTION_TIMEOUT }, async () => {
    const c = collector();
    const sender = createSender(c, { concurrency: config.concurrency, rate: config.rate });
    const metadata = (await (await fetch(`${hub.urls.fhir}/metadata`)).json()) as { rest: Array<{ resource: CapabilityResource[] }> };
    const resources = metadata.rest.flatMap((r) => r.resource);
    expect(resources.length).toBeGreaterThan(0);
    const known = { Organization: [...ids.organizations, ...ids.establishments], HealthcareService: ids.units, Location: ids.units, Practitioner: ids.professionals };
    const rng = root.fork('fhir');
    const paths = [...searchPaths(resources, rng, config.runs), ...readPaths(resources, known, rng, config.runs)];
    for (const [as, authorization] of [['anonymous', null], ['national-aggregator', tokens['national-aggregator']!]] as const) {
      await sender.sendAll(paths.map((p) => ({ label: p.label, as, method: 'GET', url: `${hub.urls.fhir}${p.path}`, headers: { accept: 'application/fhir+json', ...(authorization ? { authorization } : {}) } })));
      await expectAlive();
    }
    c.assertClean('FHIR', REPLAY);
  });

  it('REST routes: capacity feed, FINESS and RPU imports, exports', { timeout: SECTION_TIMEOUT }, async () => {
    const c = collector();
    const rng = root.fork('rest');
    const chateauroux = await gql<{ establishment: { units: Array<{ id: string; ufCode: string; capacity: { installedBeds: number } | null }> } }>(
      hub.urls.graphql,
      `{ establishment(id: "360000137") { units { id ufCode capacity { installedBeds } } } }`,
      {},
      { authorization: tokens['saisie.lits.chateauroux']! },
    );
    const units = chateauroux.data!.establishment.units.filter((u) => u.ufCode && u.capacity).map((u) => ({ id: u.id, ufCode: u.ufCode, installedBeds: u.capacity!.installedBeds }));
    expect(units.length).toBeGreaterThan(0);
    const toRequest = (k: RestCase, as: string, authorization: string | null): FuzzRequest => ({
      label: k.label,
      as,
      method: k.method,
      url: `${base}${k.path}`,
      headers: { ...(k.contentType ? { 'content-type': k.contentType } : {}), ...(authorization ? { authorization } : {}) },
      ...(k.body !== undefined ? { body: k.body } : {}),
    });

    // The feed, one request at a time: a refused batch must change no version and append no event.
    const sender = createSender(c, { concurrency: 1, rate: config.rate });
    const { sql } = await import('drizzle-orm');
    const state = async () => JSON.stringify(await hub.db.rows(sql`select unit_id, version from capacities.unit_capacity where unit_id in (${sql.join(units.map((u) => sql`${u.id}`), sql`, `)}) order by unit_id`)) + (await hub.db.rows(sql`select count(*)::int as n from feed.change_event where topic = 'capacity'`))[0]!.n;
    const feeders: Array<[string, string | null]> = [['anonymous', null], ['saisie.lits.chateauroux', tokens['saisie.lits.chateauroux']!], ['bed-manager-chateauroux', tokens['bed-manager-chateauroux']!]];
    const cases = feedCases('360000137', units, rng, config.runs);
    for (const [as, authorization] of feeders) {
      for (const k of cases) {
        const before = await state();
        const request = toRequest(k, as, authorization);
        const answer = await sender.send(request);
        if (answer && answer.status !== 200 && (await state()) !== before) c.record(request, answer.status, ['refused feed changed capacities or the change feed'], answer.text);
      }
      await expectAlive();
    }

    const parallel = createSender(c, { concurrency: config.concurrency, rate: config.rate });
    const others = [...importCases(rng, config.runs), ...exportCases(rng, config.runs)];
    for (const [as, authorization] of [['anonymous', null], ['admin.ars', tokens['admin.ars']!], ['national-aggregator', tokens['national-aggregator']!]] as const) {
      await parallel.sendAll(others.map((k) => toRequest(k, as, authorization)));
      await expectAlive();
    }
    c.assertClean('REST routes', REPLAY);
  });
});
