/**
 * Bulk export jobs on a private PGlite hub (they write, and the hub's limits are set small):
 * 429 beyond the limit, a job whose worker died resumed from scratch, a running job handed back
 * when its worker shuts down, a job interrupted too often
 * failed explicitly, files split at the size limit, `_since` after a write holding exactly it,
 * expired jobs deleted. The hub takes kick-offs but runs no jobs itself (ROR_BULK_RUN_JOBS=false,
 * as a process that only serves the API would): the test runs a worker of its own on the hub's
 * database and executor, so it decides when jobs run, and what their worker "crashed" with.
 */
import { gunzipSync } from 'node:zlib';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { loadR4Definitions, r4Issues } from './helpers/fhir/validate.js';
import { download, downloadRaw, kickOff, pollUntilDone as pollPaced, statusUrlOf, type Manifest } from './helpers/fhir/bulk.js';
import { createLogger } from '../platform/logger.js';
import type { GraphQLExecutor } from '../platform/executor.js';
import { demoPrivateJwk, demoPublicJwks } from '../scripts/demo/clients.js';
import { discover, requestClientToken, signClientAssertion } from '../scripts/token.js';
import { EXTENSIONS } from '../fhir/codes.js';
import { createBulkStore, MAX_ATTEMPTS } from '../fhir/bulk/store.js';
import { createRunner, type Runner } from '../fhir/bulk/runner.js';
import { MAX_CHANGED_IDS, PAGE_ATTEMPTS, planPasses } from '../fhir/bulk/sources.js';

const FILE_RESOURCES = 100;
const TOURS_ICU = '370004467-4557'; // ref.uo.tours enters its capacity

/**
 * The jobs' outcomes, polled every 50 ms rather than at Retry-After's whole seconds: this file
 * tests the jobs and their workers; the client's pacing is fhir-bulk-export.test.ts's.
 */
const pollUntilDone = (statusUrl: string, bearer: string) => pollPaced(statusUrl, bearer, { everyMs: 50 });

describe('FHIR bulk export jobs (private hub)', () => {
  let hub: TestHub;
  let runner: Runner;
  let aggregator = '';
  /** transactionTime of the first export, the next pull's _since. */
  let firstTransactionTime = '';
  const jobId = (statusUrl: string) => statusUrl.split('/').at(-1)!;

  beforeAll(async () => {
    loadR4Definitions();
    hub = await startTestHub('pglite', { ROR_BULK_RUN_JOBS: 'false', ROR_BULK_MAX_JOBS: '1', ROR_BULK_FILE_RESOURCES: String(FILE_RESOURCES) });
    aggregator = await asApp(hub.urls.graphql, 'national-aggregator');
  }, 120_000);
  afterAll(async () => {
    await runner?.stop();
    await hub?.close();
  });

  /** Records read by the export's list queries, by root field (`FhirBulk_…` operations only). */
  let reads: Record<string, number> = {};
  /** When set, the export's `units` reads fail from this page on (a subgraph failing mid-export). */
  let failUnitsFromPage: number | null = null;
  let unitPages = 0;
  /** The next `units` reads answered as a timed-out subgraph (SERVICE_UNAVAILABLE), then served. */
  let unitTimeouts = 0;

  /** The hub's executor, counting what the export reads and failing where the test says. */
  const observed: GraphQLExecutor = async (request, caller) => {
    const root = /^query FhirBulk_(\w+)/.exec(request.query)?.[1];
    if (root === 'units' && failUnitsFromPage !== null && ++unitPages >= failUnitsFromPage) {
      return { errors: [{ message: 'offer subgraph unreachable (test)', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    }
    if (root === 'units' && unitTimeouts > 0) {
      unitTimeouts--;
      return { errors: [{ message: 'A service of the hub did not answer within 3000 ms; try again later.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
    }
    const result = await hub.gateway.execute(request, caller);
    const edges = (result.data as Record<string, { edges?: unknown[] }> | undefined)?.[root ?? '']?.edges;
    if (root && edges) reads[root] = (reads[root] ?? 0) + edges.length;
    return result as never;
  };

  /** A worker of the test's own, sharing the hub's database and executor. */
  const startWorker = () =>
    createRunner({
      store: createBulkStore(hub.db.orm),
      execute: observed,
      config: { maxJobs: 1, retentionSeconds: 3600, resourcesPerFile: FILE_RESOURCES, runJobs: true },
      log: createLogger('silent'),
      // Lanes side by side and read-ahead even on PGlite: the small demo region never queues long.
      parallel: true,
      // A page answered too late is read again after 20 ms × the attempt rather than the hub's
      // 500 ms: the retries' count and outcome are this file's subject, not their pause (3 s of waits).
      retryPauseMs: 20,
    });

  async function organizationCount(): Promise<number> {
    const { data } = await gql<{ establishments: { totalCount: number }; organizations: { totalCount: number } }>(
      hub.urls.graphql,
      `{ establishments(first: 0) { totalCount } organizations(first: 0) { totalCount } }`,
      {},
      { authorization: aggregator },
    );
    return data!.establishments.totalCount + data!.organizations.totalCount;
  }

  it('answers 429 beyond the limit, resumes a job whose worker died, splits files at the size limit', async () => {
    const first = await statusUrlOf(await kickOff(hub.urls.fhir, aggregator, '_type=Organization'));
    const refused = await kickOff(hub.urls.fhir, aggregator, '_type=Location');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    const outcome = (await refused.json()) as { resourceType: string; issue: Array<{ code: string }> };
    expect(outcome.issue[0]!.code).toBe('throttled');
    expect(r4Issues(outcome)).toEqual([]);

    const queued = await fetch(first, { headers: { authorization: aggregator } });
    expect(queued.status).toBe(202);
    expect(queued.headers.get('x-progress')).toBe('queued');
    expect(queued.headers.get('retry-after')).toMatch(/^\d+$/);

    // A process took the job, wrote part of a file and died: its lease ran out.
    const id = jobId(first);
    await hub.db.rows(sql`update fhir_bulk.export_job set status = 'in-progress', lease_owner = 'dead-worker', lease_until = now() - interval '1 minute', attempts = 1 where id = ${id}`);
    await hub.db.rows(sql`insert into fhir_bulk.export_file (job_id, file_no, type, count) values (${id}, 1, 'Organization', 1)`);
    await hub.db.rows(sql`insert into fhir_bulk.export_chunk (job_id, file_no, chunk_no, lines) values (${id}, 1, 1, '{"resourceType":"Organization","id":"stale"}\n')`);

    runner = startWorker();
    const { response } = await pollUntilDone(first, aggregator);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as Manifest;
    firstTransactionTime = manifest.transactionTime;
    expect(manifest.output.length).toBeGreaterThan(1);
    let total = 0;
    const ids = new Set<string>();
    for (const output of manifest.output) {
      expect(output.type).toBe('Organization');
      expect(output.count).toBeLessThanOrEqual(FILE_RESOURCES);
      const { lines } = await download(output.url, aggregator);
      expect(lines).toHaveLength(output.count!);
      for (const line of lines) ids.add((JSON.parse(line) as { id: string }).id);
      total += lines.length;
    }
    expect(ids.has('stale')).toBe(false);
    expect(ids.size).toBe(total);
    expect(total).toBe(await organizationCount());

    // A file whose first chunk is stored as text (written before compression) and the others as
    // gzip is served both ways too, byte for byte.
    const [{ url }] = manifest.output as [Manifest['output'][number]];
    const before = await downloadRaw(url, aggregator, 'identity');
    const fileNo = Number(url.split('/').at(-1));
    const [firstChunk] = await hub.db.rows<{ gzip: Uint8Array }>(
      sql`select gzip from fhir_bulk.export_chunk where job_id = ${id} and file_no = ${fileNo} order by chunk_no limit 1`,
    );
    const text = gunzipSync(firstChunk!.gzip).toString('utf8');
    const changed = await hub.db.rows(
      sql`update fhir_bulk.export_chunk set gzip = null, lines = ${text} where job_id = ${id} and file_no = ${fileNo} and chunk_no = (select min(chunk_no) from fhir_bulk.export_chunk where job_id = ${id} and file_no = ${fileNo}) returning 1 as n`,
    );
    expect(changed).toHaveLength(1);
    const plain = await downloadRaw(url, aggregator, 'identity');
    const zipped = await downloadRaw(url, aggregator, 'gzip');
    expect([plain.encoding, zipped.encoding]).toEqual([undefined, 'gzip']);
    expect(plain.body.equals(before.body)).toBe(true);
    expect(gunzipSync(zipped.body).equals(before.body)).toBe(true);
  });

  it('hands a running job back to the queue when its worker shuts down, and the next worker finishes it', async () => {
    const statusUrl = await statusUrlOf(await kickOff(hub.urls.fhir, aggregator, '_type=Location'));
    runner.wake();
    let progress = 'queued';
    for (let i = 0; i < 100 && progress === 'queued'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      progress = (await fetch(statusUrl, { headers: { authorization: aggregator } })).headers.get('x-progress') ?? 'done';
    }
    await runner.stop(); // as a hub process closing (npm start's SIGTERM)
    const [job] = await hub.db.rows<{ status: string; lease_owner: string | null }>(sql`select status, lease_owner from fhir_bulk.export_job where id = ${jobId(statusUrl)}`);
    // Handed back (or, on a fast machine, finished before the stop): never left in progress.
    expect(['accepted', 'completed']).toContain(job!.status);
    if (job!.status === 'accepted') expect(job!.lease_owner).toBeNull();
    runner = startWorker();
    const { response } = await pollUntilDone(statusUrl, aggregator);
    const manifest = (await response.json()) as Manifest;
    expect([...new Set(manifest.output.map((o) => o.type))]).toEqual(['Location']);
    const { data } = await gql<{ units: { totalCount: number } }>(hub.urls.graphql, `{ units(filter: { includeArchived: true }, first: 0) { totalCount } }`, {}, { authorization: aggregator });
    expect(manifest.output.reduce((sum, o) => sum + o.count!, 0)).toBe(data!.units.totalCount);
  });

  it('fails a job interrupted too often, with an OperationOutcome', async () => {
    const statusUrl = await statusUrlOf(await kickOff(hub.urls.fhir, aggregator, '_type=Organization'));
    await hub.db.rows(
      sql`update fhir_bulk.export_job set status = 'in-progress', lease_owner = 'dead-worker', lease_until = now() - interval '1 minute', attempts = ${MAX_ATTEMPTS} where id = ${jobId(statusUrl)}`,
    );
    runner.wake();
    const { response } = await pollUntilDone(statusUrl, aggregator);
    expect(response.status).toBe(500);
    const outcome = (await response.json()) as { issue: Array<{ diagnostics: string }> };
    expect(outcome.issue[0]!.diagnostics).toMatch(/interrupted 3 times/);
    expect(r4Issues(outcome)).toEqual([]);
  });

  /**
   * Kick-off, the worker runs the job, then every line of its files by type, sorted (lanes run
   * side by side, so only the files' type order is fixed); the job is deleted afterwards.
   */
  async function exportedLines(bearer: string, query: string): Promise<Record<string, string[]>> {
    const statusUrl = await statusUrlOf(await kickOff(hub.urls.fhir, bearer, query));
    runner ??= startWorker();
    runner.wake();
    const { response } = await pollUntilDone(statusUrl, bearer);
    expect({ status: response.status, body: response.status === 200 ? '' : (await response.text()).slice(0, 500) }).toEqual({ status: 200, body: '' });
    const manifest = (await response.json()) as Manifest;
    const byType: Record<string, string[]> = {};
    for (const output of manifest.output) {
      const { lines } = await download(output.url, bearer);
      expect(lines).toHaveLength(output.count!);
      (byType[output.type] ??= []).push(...lines);
    }
    for (const lines of Object.values(byType)) lines.sort();
    await fetch(statusUrl, { method: 'DELETE', headers: { authorization: bearer } });
    return byType;
  }

  /**
   * A token for `perimeter-aggregator`, registered here: bulk.export and offer.read only, access
   * profile 2 (no sensitive unit, no confidential contact), no capacity.read.
   */
  async function perimeterToken(scope: string): Promise<string> {
    await hub.db.rows(sql`
      insert into professionals.client (client_id, name, jwks, scopes, access_level, write_establishments)
      values ('perimeter-aggregator', 'Agrégateur restreint (test)', ${JSON.stringify(demoPublicJwks('national-aggregator'))}::jsonb, ${'{offer.read,bulk.export}'}::text[], 2, ${'{}'}::text[])
      on conflict (client_id) do nothing`);
    const { token_endpoint } = await discover(hub.urls.graphql.replace(/\/graphql$/, ''));
    const assertion = await signClientAssertion({ clientId: 'perimeter-aggregator', key: demoPrivateJwk('national-aggregator'), audience: token_endpoint });
    const body = (await (await requestClientToken(token_endpoint, assertion, scope)).json()) as { access_token?: string; error?: string };
    if (!body.access_token) throw new Error(`perimeter-aggregator token refused: ${body.error}`);
    return `Bearer ${body.access_token}`;
  }

  async function unitCount(bearer: string): Promise<number> {
    const { data } = await gql<{ units: { totalCount: number } }>(hub.urls.graphql, `{ units(filter: { includeArchived: true }, first: 0) { totalCount } }`, {}, { authorization: bearer });
    return data!.units.totalCount;
  }

  it('reads the same resources through the _since filters as through full reads (every type)', async () => {
    reads = {};
    const full = await exportedLines(aggregator, '');
    expect(Object.keys(full)).toEqual(['Organization', 'HealthcareService', 'Location', 'Practitioner', 'PractitionerRole']);
    expect(reads.units).toBe(await unitCount(aggregator)); // one read of the units feeds both types
    reads = {};
    const since = await exportedLines(aggregator, `_since=${encodeURIComponent('2000-01-01T00:00:00Z')}`);
    expect(reads.units).toBeUndefined(); // the _since path searches instead of listing
    expect(reads.unitSearch).toBe(await unitCount(aggregator));
    expect(since).toEqual(full);
  }, 120_000); // two exports of the whole demo region: 30 s was not enough at load 15 (CI of f150bab), and the next tests met its job still running (429)

  it('exports only the perimeter of a restricted application, through both paths; refuses it without bulk.export', async () => {
    const restricted = await perimeterToken('offer.read bulk.export');
    const everyUnit = await unitCount(aggregator);
    const visible = await unitCount(restricted);
    expect(visible).toBeLessThan(everyUnit); // the demo region has sensitive units
    for (const query of ['_type=HealthcareService,Location', `_type=HealthcareService,Location&_since=${encodeURIComponent('2000-01-01T00:00:00Z')}`]) {
      const byType = await exportedLines(restricted, query);
      expect(byType.HealthcareService).toHaveLength(visible);
      expect(byType.Location).toHaveLength(visible);
      // No capacity.read: no Location carries a capacity record.
      expect(byType.Location!.filter((line) => line.includes(EXTENSIONS.supportedCapacity))).toEqual([]);
      // Access profile 2: no sensitive unit.
      expect(byType.HealthcareService!.filter((line) => line.includes(`{"url":"${EXTENSIONS.sensitiveUnit}","valueBoolean":true}`))).toEqual([]);
    }
    const practitioners = await kickOff(hub.urls.fhir, restricted, '_type=Practitioner');
    expect(practitioners.status).toBe(403);
    const denied = await kickOff(hub.urls.fhir, await perimeterToken('offer.read'), '');
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
  }, 120_000); // two exports, as above

  it('narrows a _since read of the units by the changed capacities, up to a bound, then reads every unit', async () => {
    const [units] = planPasses(['Location'], '2026-01-01T00:00:00.000Z');
    expect(units!.field).toBe('unitSearch');
    const answering = (ids: string[]) => async <T>() => ({ data: { unitsWithCapacity: ids } as T });
    expect(await units!.values(answering(['a', 'b']))).toEqual({ criteria: { placeChanged: [{ from: '2026-01-01T00:00:00.000Z', orIds: ['a', 'b'] }] } });
    const many = Array.from({ length: MAX_CHANGED_IDS + 1 }, (_, i) => `u${i}`);
    expect(await units!.values(answering(many))).toEqual({ criteria: {} });
  });

  it('fails a job whose read fails mid-export, with its OperationOutcome, and leaves no file behind', async () => {
    unitPages = 0;
    failUnitsFromPage = 2;
    try {
      const statusUrl = await statusUrlOf(await kickOff(hub.urls.fhir, aggregator, ''));
      runner.wake();
      const { response } = await pollUntilDone(statusUrl, aggregator);
      expect(response.status).toBe(500);
      const outcome = (await response.json()) as { resourceType: string; issue: Array<{ diagnostics?: string }> };
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(r4Issues(outcome)).toEqual([]);
      const [left] = await hub.db.rows<{ files: number; chunks: number }>(
        sql`select (select count(*)::int from fhir_bulk.export_file where job_id = ${jobId(statusUrl)}) as files,
                   (select count(*)::int from fhir_bulk.export_chunk where job_id = ${jobId(statusUrl)}) as chunks`,
      );
      expect(left).toEqual({ files: 0, chunks: 0 });
    } finally {
      failUnitsFromPage = null;
    }
  });

  it('reads a page again when the hub answered it too late, and fails the job only after PAGE_ATTEMPTS timeouts in a row', async () => {
    const { data } = await gql<{ units: { totalCount: number } }>(hub.urls.graphql, `{ units(filter: { includeArchived: true }, first: 0) { totalCount } }`, {}, { authorization: aggregator });
    unitTimeouts = PAGE_ATTEMPTS - 1;
    const recovered = await statusUrlOf(await kickOff(hub.urls.fhir, aggregator, '_type=Location'));
    runner.wake();
    const done = await pollUntilDone(recovered, aggregator);
    expect(done.response.status).toBe(200);
    expect(unitTimeouts).toBe(0);
    const manifest = (await done.response.json()) as Manifest;
    expect(manifest.output.reduce((n, o) => n + o.count!, 0)).toBe(data!.units.totalCount);

    unitTimeouts = PAGE_ATTEMPTS;
    const failed = await statusUrlOf(await kickOff(hub.urls.fhir, aggregator, '_type=Location'));
    runner.wake();
    const { response } = await pollUntilDone(failed, aggregator);
    // A failed job's status answers with the status of its outcome: a timeout is 503.
    expect(response.status).toBe(503);
    const outcome = (await response.json()) as { issue: Array<{ code: string }> };
    expect(outcome.issue[0]!.code).toBe('timeout');
    expect(unitTimeouts).toBe(0);
  });

  it('exports with _since exactly what changed after the previous transactionTime; deletes it once expired', async () => {
    const transactionTime = firstTransactionTime;
    const entrant = await asUser(hub.urls.graphql, 'ref.uo.tours');
    const current = await gql<{ unit: { capacity: { version: number } } }>(hub.urls.graphql, `query($id: ID!) { unit(id: $id) { capacity { version } } }`, { id: TOURS_ICU }, { authorization: aggregator });
    const entered = await gql(
      hub.urls.graphql,
      `mutation($id: ID!, $input: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $id, input: $input, expectedVersion: $v) { version } }`,
      {
        id: TOURS_ICU,
        v: current.data!.unit.capacity.version,
        input: { installedBeds: 10, availableMen: 1, availableWomen: 1, availableUndifferentiated: 1, closedBeds: 0, reopenedBeds: 0, reopenableBeds: 0, mobilisedBeds: 0 },
      },
      { authorization: entrant },
    );
    expect(entered.errors).toBeUndefined();

    reads = {};
    const statusUrl = await statusUrlOf(await kickOff(hub.urls.fhir, aggregator, `_since=${encodeURIComponent(transactionTime)}`));
    runner.wake(); // the kick-off woke the hub's runner, which runs no jobs: not the test's worker (its next tick is 5 s away)
    const done = await pollUntilDone(statusUrl, aggregator);
    // Only what changed was read: the unit whose capacity was entered, no structure, no professional.
    expect(reads).toEqual({ unitSearch: 1, structureSearch: 0, professionalChanges: 0 });
    const manifest = (await done.response.json()) as Manifest;
    // A capacity entry changes the Location only (HealthcareService and Organization carry no capacity).
    expect(manifest.output.map((o) => ({ type: o.type, count: o.count }))).toEqual([{ type: 'Location', count: 1 }]);
    const { lines } = await download(manifest.output[0]!.url, aggregator);
    const location = JSON.parse(lines[0]!) as { id: string; meta: { lastUpdated: string } };
    expect(location.id).toBe(TOURS_ICU);
    expect(Date.parse(location.meta.lastUpdated)).toBeGreaterThan(Date.parse(transactionTime));
    expect(r4Issues(location)).toEqual([]);

    // Past its expiry, the next tick deletes the job and its files.
    await hub.db.rows(sql`update fhir_bulk.export_job set expires_at = now() - interval '1 second' where id = ${jobId(statusUrl)}`);
    runner.wake();
    let status = 200;
    for (let i = 0; i < 50 && status === 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await fetch(statusUrl, { headers: { authorization: aggregator } })).status;
    }
    expect(status).toBe(404);
    expect((await download(manifest.output[0]!.url, aggregator)).response.status).toBe(404);
    const [left] = await hub.db.rows<{ n: number }>(sql`select count(*)::int as n from fhir_bulk.export_chunk where job_id = ${jobId(statusUrl)}`);
    expect(left!.n).toBe(0);
  });
});
