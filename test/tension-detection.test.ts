/**
 * Tension detection through the gateway on a private hub of its database kind (docs/emergency.md §
 * Detection): a day above the reference mean + 2 SD raises one proposal, once; available beds below
 * the BJML raise one; a change-feed event per new proposal and none on a re-run; acknowledge and
 * dismiss with the rights, refused without them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { addDays, isoWeekOf, parisToday } from '../subgraphs/tensions/emergency/dates.js';

const BOURGES = '180000010'; // decl.tension.bourges: OruTension rights on this establishment only
const ORLEANS = '450002613';
const PROPOSAL = 'id day signal value threshold referenceMean referenceSd band status scheduled decidedBy establishment { id }';
const DETECT = `mutation($date: String) { detectTensions(date: $date) { day establishments created { ${PROPOSAL} } } }`;
const ACK = `mutation($id: ID!) { acknowledgeAlertProposal(id: $id) { ${PROPOSAL} } }`;
const DISMISS = `mutation($id: ID!) { dismissAlertProposal(id: $id) { ${PROPOSAL} } }`;
const LIST = `query($id: ID, $status: AlertProposalStatus, $from: String, $to: String) { alertProposals(establishmentId: $id, status: $status, from: $from, to: $to) { ${PROPOSAL} } }`;

interface Proposal {
  id: string;
  day: string;
  signal: string;
  value: number;
  threshold: number;
  referenceMean: number | null;
  referenceSd: number | null;
  band: number | null;
  status: string;
  scheduled: boolean;
  decidedBy: string | null;
  establishment: { id: string };
}
interface Detection {
  day: string;
  establishments: number;
  created: Proposal[];
}
type Result<T> = { status: number; data?: T | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
const codeOf = (r: Result<unknown>) => r.errors?.[0]?.extensions?.code;

/**
 * 60 reference days (2019-01-01 … 2019-03-01) of CH Bourges alternating 95 and 105 visits, every
 * other figure constant (SD 0: never a signal), then 112 visits on 2019-03-02 and 107 on 2019-03-03.
 * By hand: mean 100, sample SD √(60 × 25 / 59) = 5.0422; mean + 2 SD = 110.084 < 112 < mean + 3 SD
 * = 115.127, so band 2. The next day's reference includes the 112: mean 100.197, SD 5.472,
 * mean + 1 SD = 105.669 < 107 < mean + 2 SD = 111.14: band 1.
 */
const REFERENCE_SD = Math.sqrt((60 * 25) / 59);
/** The 2019-03-03 reference: the 60 days and the 112. */
const NEXT_VALUES = [...Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 95 : 105)), 112];
const NEXT_MEAN = NEXT_VALUES.reduce((a, b) => a + b, 0) / NEXT_VALUES.length;
const NEXT_SD = Math.sqrt(NEXT_VALUES.reduce((a, v) => a + (v - NEXT_MEAN) ** 2, 0) / (NEXT_VALUES.length - 1));
async function seedReference(hub: TestHub): Promise<void> {
  await hub.db.rows(sql`
    insert into tensions.emergency_day (establishment_id, day, visits, visits_75, exit_mode_filled, admitted, admitted_uhcd, admitted_los_count, admitted_los_minutes, present_15, source)
    select ${BOURGES}, d::date,
           case when d::date = date '2019-03-02' then 112 when d::date = date '2019-03-03' then 107 when (d::date - date '2019-01-01') % 2 = 0 then 95 else 105 end,
           18, 100, 20, 0, 20, 6000, 30, 'HISTORY'
    from generate_series(date '2019-01-01', date '2019-03-03', interval '1 day') d`);
}

describe.each(endToEndKinds('postgres'))('tension detection (%s)', (kind) => {
  let hub: TestHub;
  let declarant: string;
  let ars: string;
  let planBleu: string;
  let orleans: string;
  let aggregator: string;
  let lastSeen = 0;
  const as = <T>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(hub.urls.graphql, query, variables, token ? { authorization: token } : {}) as Promise<Result<T>>;
  const ok = <T>(r: Result<T>): T => {
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const detect = async (date: string, token = ars) => ok(await as<{ detectTensions: Detection }>(token, DETECT, { date })).detectTensions;
  /** Alert-proposal events appended to the change feed since the previous call. */
  const newEvents = async () => {
    const rows = await hub.db.rows<{ id: number; topic: string; record_type: string; record_id: string; action: string; actor: string; payload: Record<string, unknown> }>(
      sql`select id::int as id, topic, record_type, record_id, action, actor, payload from feed.change_event where id > ${lastSeen} order by id`,
    );
    lastSeen = rows.at(-1)?.id ?? lastSeen;
    return rows.filter((r) => r.record_type === 'ALERT_PROPOSAL');
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    const url = hub.urls.graphql;
    [declarant, ars, planBleu, orleans, aggregator] = await Promise.all([
      asUser(url, 'decl.tension.bourges'),
      asUser(url, 'admin.ars'),
      asUser(url, 'ref.planbleu.blois'),
      asUser(url, 'ref.etab.orleans'),
      asApp(url, 'national-aggregator'),
    ]);
    await seedReference(hub);
    await newEvents();
  }, 120_000);
  afterAll(async () => hub?.close());

  it('raises one proposal for a day above the reference mean + 2 SD, once, with one change-feed event', async () => {
    const first = await detect('2019-03-02');
    expect(first).toMatchObject({ day: '2019-03-02', establishments: 1 });
    expect(first.created).toHaveLength(1);
    const [proposal] = first.created;
    expect(proposal).toMatchObject({ day: '2019-03-02', signal: 'VISITS', value: 112, band: 2, status: 'PROPOSED', scheduled: false, establishment: { id: BOURGES } });
    expect(proposal!.referenceMean).toBeCloseTo(100, 10);
    expect(proposal!.referenceSd).toBeCloseTo(REFERENCE_SD, 10);
    expect(proposal!.threshold).toBeCloseTo(100 + 2 * REFERENCE_SD, 10);
    const events = await newEvents();
    expect(events).toEqual([expect.objectContaining({ topic: 'tension', record_type: 'ALERT_PROPOSAL', record_id: proposal!.id, action: 'CREATE', actor: 'admin.ars' })]);
    expect(events[0]!.payload).toMatchObject({ establishmentId: BOURGES, day: '2019-03-02', indicator: 'VISITS', value: 112, band: 2, status: 'PROPOSED' });

    expect((await detect('2019-03-02')).created).toEqual([]); // re-run: nothing new
    expect(await newEvents()).toEqual([]);
    const [next] = (await detect('2019-03-03')).created; // between mean + 1 SD and + 2 SD: band 1
    expect(next).toMatchObject({ day: '2019-03-03', signal: 'VISITS', value: 107, band: 1 });
    expect(next!.threshold).toBeCloseTo(NEXT_MEAN + NEXT_SD, 10);
    expect(await newEvents()).toHaveLength(1);
    const listed = ok(await as<{ alertProposals: Proposal[] }>(declarant, LIST, { id: BOURGES, from: '2019-01-01', to: '2019-12-31' })).alertProposals;
    expect(listed.map((p) => p.id).sort()).toEqual([proposal!.id, next!.id].sort());
  });

  it('raises BEDS_BELOW_BJML when the available medicine + surgery beds are below the week BJML', async () => {
    const yesterday = addDays(parisToday(), -1);
    const { year, week } = isoWeekOf(yesterday);
    // Same ISO week of the three previous years (PostgreSQL's calendar): BJML 1000 at Bourges, 0 at Orléans.
    for (const [id, admitted] of [[BOURGES, 1000], [ORLEANS, 0]] as const) {
      await hub.db.rows(sql`update tensions.emergency_day set admitted = ${admitted}
        where establishment_id = ${id} and extract(week from day) = ${week} and extract(isoyear from day) between ${year - 3} and ${year - 1}`);
    }
    expect(ok(await as<{ bjml: { bjml: number } }>(declarant, `query { bjml(establishmentId: "${BOURGES}", year: ${year}, week: ${week}) { bjml } }`)).bjml.bjml).toBe(1000);
    // The beds the detection must have seen, read through the gateway.
    const units = ok(
      await as<{ units: { edges: Array<{ node: { discipline: string; capacity: { availableBeds: number } | null } }> } }>(
        aggregator,
        `query { units(filter: { establishmentId: "${BOURGES}" }, first: 200) { edges { node { discipline capacity { availableBeds } } } } }`,
      ),
    ).units.edges.map((e) => e.node);
    const beds = units.filter((u) => (u.discipline === 'MEDICINE' || u.discipline === 'SURGERY') && u.capacity).reduce((a, u) => a + u.capacity!.availableBeds, 0);

    const run = await detect(yesterday);
    expect(run.establishments).toBe(26); // every demo ED has passages yesterday
    const bedSignals = run.created.filter((p) => p.signal === 'BEDS_BELOW_BJML');
    const bourges = bedSignals.find((p) => p.establishment.id === BOURGES);
    expect(bourges).toMatchObject({ day: yesterday, value: beds, threshold: 1000, referenceMean: 1000, band: null, status: 'PROPOSED' });
    expect(bedSignals.find((p) => p.establishment.id === ORLEANS)).toBeUndefined(); // BJML 0: never below
    const events = await newEvents();
    expect(events.map((e) => e.record_id).sort()).toEqual(run.created.map((p) => p.id).sort()); // one event per proposal
    expect((await detect(yesterday)).created).toEqual([]);
    expect(await newEvents()).toEqual([]);
  });

  it('lets the establishment and the ARS acknowledge or dismiss, and nobody else', async () => {
    const [visits] = ok(await as<{ alertProposals: Proposal[] }>(ars, LIST, { id: BOURGES, from: '2019-03-02', to: '2019-03-02' })).alertProposals;
    const [other] = ok(await as<{ alertProposals: Proposal[] }>(ars, LIST, { id: ORLEANS, status: 'PROPOSED' })).alertProposals.concat(
      ok(await as<{ alertProposals: Proposal[] }>(ars, LIST, { status: 'PROPOSED' })).alertProposals.filter((p) => p.establishment.id !== BOURGES),
    );
    expect(visits).toBeDefined();
    expect(other).toBeDefined();

    expect(codeOf(await as(null, ACK, { id: visits!.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(planBleu, ACK, { id: visits!.id }))).toBe('FORBIDDEN');
    expect(codeOf(await as(declarant, DISMISS, { id: other!.id }))).toBe('FORBIDDEN'); // not Bourges
    expect(codeOf(await as(aggregator, ACK, { id: visits!.id }))).toBe('FORBIDDEN'); // read-only application
    expect(ok(await as<{ alertProposals: Proposal[] }>(ars, LIST, { id: BOURGES, from: '2019-03-02', to: '2019-03-02' })).alertProposals[0]!.status).toBe('PROPOSED');

    const acknowledged = ok(await as<{ acknowledgeAlertProposal: Proposal }>(declarant, ACK, { id: visits!.id })).acknowledgeAlertProposal;
    expect(acknowledged).toMatchObject({ id: visits!.id, status: 'ACKNOWLEDGED', decidedBy: 'decl.tension.bourges' });
    expect(codeOf(await as(ars, DISMISS, { id: visits!.id }))).toBe('CONFLICT'); // decided once
    const dismissed = ok(await as<{ dismissAlertProposal: Proposal }>(ars, DISMISS, { id: other!.id })).dismissAlertProposal;
    expect(dismissed).toMatchObject({ status: 'DISMISSED', decidedBy: 'admin.ars' });
    expect(codeOf(await as(ars, ACK, { id: 'no-such-proposal' }))).toBe('NOT_FOUND');
  });

  it('runs detection for the ARS only and lists to each caller the proposals it may read', async () => {
    expect(codeOf(await as(null, DETECT, { date: '2019-03-02' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(declarant, DETECT, { date: '2019-03-02' }))).toBe('FORBIDDEN');
    expect(codeOf(await as(orleans, DETECT, { date: '2019-03-02' }))).toBe('FORBIDDEN'); // ORU_ALERTE_NEW on its legal entity only
    expect(codeOf(await as(null, LIST))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as(planBleu, LIST, { id: BOURGES }))).toBe('FORBIDDEN');
    expect(ok(await as<{ alertProposals: Proposal[] }>(planBleu, LIST)).alertProposals).toEqual([]);
    const mine = ok(await as<{ alertProposals: Proposal[] }>(declarant, LIST)).alertProposals;
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(new Set(mine.map((p) => p.establishment.id))).toEqual(new Set([BOURGES]));
    const all = ok(await as<{ alertProposals: Proposal[] }>(aggregator, LIST)).alertProposals;
    expect(new Set(all.map((p) => p.establishment.id)).size).toBeGreaterThan(1);
  });
});
