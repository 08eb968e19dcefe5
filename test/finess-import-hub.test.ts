/**
 * FINESS import through a running hub: POST /imports/finess on the gateway (forwarded to the
 * offer subgraph with the identity envelope), and the CLI falling back to it when the hub holds
 * the embedded PGlite data directory.
 */
import { runScript, type Run } from './helpers/cli.js';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, sql } from 'drizzle-orm';
import { establishments, organizations } from '../subgraphs/offer/tables.js';
import { endToEndKinds, scratchDir, startTestHub, type TestHub } from './helpers/hub.js';
import { asUser } from './helpers/tokens.js';
import { gql } from './helpers/graphql.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEMO = join(root, 'scripts/demo/data/finess-cvl.csv');
const MALFORMED = join(root, 'test/fixtures/finess/etalab-cs1100507-malformed.csv');
const OVERSEAS = join(root, 'test/fixtures/finess/etalab-cs1100507-overseas.csv');

const baseOf = (hub: TestHub) => hub.urls.graphql.replace(/\/graphql$/, '');

async function counts(hub: TestHub): Promise<number[]> {
  const [e] = await hub.db.orm.select({ n: count() }).from(establishments);
  const [o] = await hub.db.orm.select({ n: count() }).from(organizations);
  return [e!.n, o!.n];
}

function post(url: string, file: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body: readFileSync(file) });
}

describe.each(endToEndKinds('postgres'))('POST /imports/finess through the gateway (%s)', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
  }, 120_000);
  afterAll(() => hub?.close());

  it('imports the demo CSV for admin.ars: nothing to change', { timeout: 60_000 }, async () => {
    const response = await post(`${baseOf(hub)}/imports/finess`, DEMO, { authorization: await asUser(hub.urls.graphql, 'admin.ars') });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ layout: 'demo-csv', rows: 188, created: 0, updated: 0, unchanged: 188, written: true });
  });

  it('refuses a malformed file with 422 and writes nothing', { timeout: 60_000 }, async () => {
    const before = await counts(hub);
    const response = await post(`${baseOf(hub)}/imports/finess?partial=false&dryRun=false`, MALFORMED, {
      authorization: await asUser(hub.urls.graphql, 'admin.ars'),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ written: false, rejected: 5, partial: false });
    expect(await counts(hub)).toEqual(before);
  });

  it('answers a dry run with 200 and writes nothing', { timeout: 60_000 }, async () => {
    const before = await counts(hub);
    const response = await post(`${baseOf(hub)}/imports/finess?partial=true&dryRun=true`, MALFORMED, {
      authorization: await asUser(hub.urls.graphql, 'admin.ars'),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ written: false, dryRun: true, partial: true, rejected: 5 });
    expect(await counts(hub)).toEqual(before);
  });

  it('refuses a user without ORU_ROR_ETABLISSEMENT_EDIT on TRANSVERSAL (403)', { timeout: 60_000 }, async () => {
    const response = await post(`${baseOf(hub)}/imports/finess`, DEMO, { authorization: await asUser(hub.urls.graphql, 'ref.etab.orleans') });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('FORBIDDEN');
    expect(body.error.message).toContain('ORU_ROR_ETABLISSEMENT_EDIT');
  });

  it('answers 401 without a token, or with a bad one', async () => {
    const anonymous = await post(`${baseOf(hub)}/imports/finess`, DEMO);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const bad = await post(`${baseOf(hub)}/imports/finess`, DEMO, { authorization: 'Bearer not-a-token' });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBeTruthy();
  });

  it('never passes on a caller-sent x-ror-identity', async () => {
    const response = await post(`${baseOf(hub)}/imports/finess`, DEMO, { 'x-ror-identity': 'forged.envelope' });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('denies a direct call to the offer subgraph without an envelope, and one with a forged envelope', async () => {
    const direct = new URL('/imports/finess', hub.urls.subgraphs.offer).toString();
    const anonymous = await post(direct, DEMO);
    expect(anonymous.status).toBe(401); // subgraphs answer the gateway only (platform/subgraph-gate.ts)
    const forged = await post(direct, DEMO, { 'x-ror-identity': 'forged.envelope' });
    expect(forged.status).toBe(401);
  });

  it("records the user's login as the importer, in the audit trail and on the feed", { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ror-finess-edit-'));
    try {
      const edited = join(dir, 'edited.csv');
      writeFileSync(edited, readFileSync(DEMO, 'utf8').replace('180000010;180000028;CH  BOURGES - JACQUES COEUR;', '180000010;180000028;CH BOURGES JACQUES COEUR;'));
      const [before] = await hub.db.rows<{ last: number }>(sql`select coalesce(max(id), 0)::int as last from feed.change_event`);
      const last = before!.last;
      const response = await post(`${baseOf(hub)}/imports/finess`, edited, { authorization: await asUser(hub.urls.graphql, 'admin.ars') });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ updated: 1, unchanged: 187 });
      const events = await hub.db.rows(sql`select topic, record_type, record_id, action, actor, payload from feed.change_event where id > ${last} order by id`);
      expect(events).toEqual([
        {
          topic: 'offer',
          record_type: 'ESTABLISHMENT',
          record_id: '180000010',
          action: 'IMPORT',
          actor: 'admin.ars',
          payload: { changes: { name: { from: 'CH BOURGES - JACQUES COEUR', to: 'CH BOURGES JACQUES COEUR' } } },
        },
      ]);
      const audit = await hub.db.rows(sql`select action, actor_name from offer.audit_event where record_id = '180000010' order by id desc limit 1`);
      expect(audit).toEqual([{ action: 'IMPORT', actor_name: 'admin.ars' }]);
      // Back to the demo file: one more update, then the demo is intact for the other tests.
      expect(await (await post(`${baseOf(hub)}/imports/finess`, DEMO, { authorization: await asUser(hub.urls.graphql, 'admin.ars') })).json()).toMatchObject({ updated: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a bad flag value (400)', { timeout: 60_000 }, async () => {
    const response = await post(`${baseOf(hub)}/imports/finess?partial=yes`, DEMO, { authorization: await asUser(hub.urls.graphql, 'admin.ars') });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_USER_INPUT');
  });

  // Last: it adds an establishment to this file's hub.
  it('imports an overseas establishment with its position, which a near search then finds (issue 19)', { timeout: 60_000 }, async () => {
    const admin = await asUser(hub.urls.graphql, 'admin.ars');
    const response = await post(`${baseOf(hub)}/imports/finess`, OVERSEAS, { authorization: admin });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ layout: 'etalab-cs1100507', created: 1, rejected: 0, written: true });
    // The Polyclinique de la Guadeloupe (Les Abymes), searched 3 km around Pointe-à-Pitre.
    const near = await gql<{ establishments: { edges: Array<{ distanceKm: number; node: { id: string; address: { regionCode: string }; position: { latitude: number; longitude: number } | null } }> } }>(
      hub.urls.graphql,
      'query($near: NearInput!) { establishments(filter: { near: $near }) { edges { distanceKm node { id address { regionCode } position { latitude longitude } } } } }',
      { near: { latitude: 16.2411, longitude: -61.5331, radiusKm: 3 } },
      { authorization: admin },
    );
    expect(near.errors).toBeUndefined();
    const found = near.data?.establishments.edges.find((e) => e.node.id === '970100012');
    expect(found?.node).toMatchObject({ address: { regionCode: '01' }, position: { latitude: 16.234004, longitude: -61.528737 } });
    expect(found?.distanceKm).toBeGreaterThan(0.5);
    expect(found?.distanceKm).toBeLessThan(1.2);
  });
});

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return runScript('scripts/import-finess.ts', args, { ROR_SEED_DEMO: 'false', LOG_LEVEL: 'silent', DATABASE_URL: '', ROR_DB_IN_MEMORY: 'false', ROR_TOKEN: '', ...env });
}

describe('the import:finess CLI while a hub holds the PGlite data dir', () => {
  let dir: string;
  let hub: TestHub;
  beforeAll(async () => {
    dir = scratchDir('ror-finess-hub-');
    hub = await startTestHub('pglite', { ROR_DB_IN_MEMORY: 'false', ROR_DATA_DIR: join(dir, 'db') });
  }, 180_000);
  afterAll(async () => {
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the file to the hub with --token and prints its report (exit 0)', { timeout: 120_000 }, async () => {
    const token = (await asUser(hub.urls.graphql, 'admin.ars')).replace(/^Bearer /, '');
    const run = await cli([DEMO, '--hub', baseOf(hub), '--token', token, '--json'], { ROR_DATA_DIR: join(dir, 'db') });
    expect(run.stderr).toContain("waiting for the hub's report");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ file: DEMO, layout: 'demo-csv', created: 0, updated: 0, unchanged: 188, written: true });
  });

  it('relays rejections (exit 1) and refusals with the server message (exit 2)', { timeout: 120_000 }, async () => {
    const admin = await asUser(hub.urls.graphql, 'admin.ars');
    const bad = await cli([MALFORMED, '--hub', baseOf(hub)], { ROR_DATA_DIR: join(dir, 'db'), ROR_TOKEN: admin });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('line 3: nofinesset "12345" must be 9 characters');
    expect(bad.stdout).toContain('nothing written');

    const token = (await asUser(hub.urls.graphql, 'ref.etab.orleans')).replace(/^Bearer /, '');
    const forbidden = await cli([DEMO, '--hub', baseOf(hub), '--token', token], { ROR_DATA_DIR: join(dir, 'db') });
    expect(forbidden.code).toBe(2);
    expect(forbidden.stderr).toContain('ORU_ROR_ETABLISSEMENT_EDIT');
  });

  it('without a token: exit 2 and says how to get one', { timeout: 60_000 }, async () => {
    const run = await cli([DEMO, '--hub', baseOf(hub)], { ROR_DATA_DIR: join(dir, 'db') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is running on this embedded database: pass --token');
    expect(run.stderr).toContain('npm run -s token -- --user admin.ars');
  });
});
