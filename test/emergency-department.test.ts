/**
 * The département emergency table (RPU day, BJML, beds now, totals in one call) and the medicine +
 * surgery beds per day beside an ED's RPU series (docs/emergency.md § Département table), through
 * the gateway: who sees which rows, totals summed from them, the bed series ending on today's figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endToEndKinds } from './helpers/hub.js';
import { sharedHub, type SharedHub } from './helpers/shared-hub.js';
import { asApp, asUser } from './helpers/tokens.js';
import { gql } from './helpers/graphql.js';

const BOURGES = '180000010';
const TABLE = `query($code: String!, $day: String) { departmentEmergency(departmentCode: $code, day: $day) { departmentCode day year week
  rows { establishment { id name } indicators { day visits admitted presentAt15 } bjml { quality bjml mean p75 } availableDownstreamBeds belowBjml }
  totals { emergencyDepartments visits admitted presentAt15 bjml mean p75 bjmlNotComputed availableDownstreamBeds } } }`;

type Row = { establishment: { id: string }; indicators: { visits: number; admitted: number; presentAt15: number } | null; bjml: { quality: string; bjml: number | null; mean: number | null; p75: number | null }; availableDownstreamBeds: number | null; belowBjml: boolean };
type Table = { departmentCode: string; day: string; rows: Row[]; totals: Record<string, number> };

const parisToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${parisToday()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe.each(endToEndKinds('postgres'))('département emergency table (%s)', (kind) => {
  let hub: SharedHub;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: tokens[who]! });

  beforeAll(async () => {
    hub = sharedHub(kind); // reads only: the run's hub
    for (const login of ['coord.territoire.centre', 'decl.tension.bourges', 'saisie.lits.chateauroux']) tokens[login] = await asUser(hub.urls.graphql, login);
    tokens['national-aggregator'] = await asApp(hub.urls.graphql, 'national-aggregator');
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
  });

  it('gives a territorial coordinator every ED of its départements in one call, with totals summed from the rows', async () => {
    const r = await gql<{ departmentEmergency: Table }>(hub.urls.graphql, TABLE, { code: '37' }, as('coord.territoire.centre'));
    expect(r.errors).toBeUndefined();
    const t = r.data!.departmentEmergency;
    expect(t.day).toBe(daysAgo(1));
    expect(t.rows.length).toBeGreaterThan(0);
    expect(t.totals.emergencyDepartments).toBe(t.rows.length);
    expect(t.totals.visits).toBe(t.rows.reduce((s, row) => s + (row.indicators?.visits ?? 0), 0));
    expect(t.totals.visits).toBeGreaterThan(0); // the demo's last 7 days of passages
    expect(t.totals.availableDownstreamBeds).toBe(t.rows.reduce((s, row) => s + (row.availableDownstreamBeds ?? 0), 0));
    const computed = t.rows.filter((row) => row.bjml.quality === 'OK');
    expect(t.totals.bjml).toBeCloseTo(computed.reduce((s, row) => s + row.bjml.bjml!, 0), 6);
    expect(t.totals.bjmlNotComputed).toBe(t.rows.length - computed.length);
    for (const row of t.rows) expect(row.belowBjml).toBe(row.availableDownstreamBeds !== null && row.bjml.bjml !== null && row.availableDownstreamBeds < row.bjml.bjml);
    // Outside its territory: nothing readable.
    const north = await gql(hub.urls.graphql, TABLE, { code: '45' }, as('coord.territoire.centre'));
    expect(north.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows each caller the rows it may read: a declarant its ED only, an application with tension.read all', async () => {
    const declarant = await gql<{ departmentEmergency: Table }>(hub.urls.graphql, TABLE, { code: '18' }, as('decl.tension.bourges'));
    expect(declarant.errors).toBeUndefined();
    expect(declarant.data!.departmentEmergency.rows.map((row) => row.establishment.id)).toEqual([BOURGES]);
    const app = await gql<{ departmentEmergency: Table }>(hub.urls.graphql, TABLE, { code: '18' }, as('national-aggregator'));
    expect(app.data!.departmentEmergency.rows.length).toBeGreaterThanOrEqual(declarant.data!.departmentEmergency.rows.length);
    expect((await gql(hub.urls.graphql, TABLE, { code: '18' }, as('saisie.lits.chateauroux'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(hub.urls.graphql, TABLE, { code: '18' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await gql(hub.urls.graphql, TABLE, { code: '999' }, as('national-aggregator'));
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'departmentCode' });
    const badDay = await gql(hub.urls.graphql, TABLE, { code: '18', day: '2026-13-01' }, as('national-aggregator'));
    expect(badDay.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'day' });
  });

  it('puts the medicine + surgery beds of each day beside the RPU series, ending on today\'s figure', async () => {
    const r = await gql<{ emergencyIndicators: { days: Array<{ day: string }>; downstreamBeds: Array<{ day: string; availableBeds: number | null }> } }>(
      hub.urls.graphql,
      `query($id: ID!, $from: String!, $to: String!) { emergencyIndicators(establishmentId: $id, from: $from, to: $to) { days { day } downstreamBeds { day availableBeds } } }`,
      { id: BOURGES, from: daysAgo(6), to: parisToday() },
      as('decl.tension.bourges'),
    );
    expect(r.errors).toBeUndefined();
    const series = r.data!.emergencyIndicators.downstreamBeds;
    expect(series.map((d) => d.day)).toEqual(Array.from({ length: 7 }, (_, i) => daysAgo(6 - i)));
    const table = await gql<{ departmentEmergency: Table }>(hub.urls.graphql, TABLE, { code: '18' }, as('decl.tension.bourges'));
    expect(series.at(-1)!.availableBeds).toBe(table.data!.departmentEmergency.rows[0]!.availableDownstreamBeds);
  });
});
