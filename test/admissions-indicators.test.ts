/**
 * Admission indicators, the demo's past requests and the retention purge (docs/admissions.md §
 * Indicators, § Data protection), the purge on both databases, the indicators on one: figures by
 * hand on the scripted subset of the demo (scripts/demo/region/admissions.ts), every figure of the
 * region against a computation here from the raw rows, day vs ISO week, who sees what through the
 * gateway (ARS all, bed manager its legal entity only, others refused), bad ranges, and the purge
 * of old closed requests only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildDemoRegion } from '../scripts/demo/region.js';
import { scriptedAdmissionUnit } from '../scripts/demo/region/admissions.js';
import { createCipher, loadDataKey } from '../subgraphs/admissions/crypto.js';
import { purgeClosedRequests } from '../subgraphs/admissions/requests/purge.js';
import { seedAdmissions, type SeedAdmissionRequest } from '../subgraphs/admissions/requests/seed.js';
import { endToEndKinds, databaseKinds, openMigratedDatabase, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';

const ORLEANS = '450002613'; // CHR Orléans - Hôpital de la Source
const CHR_ORLEANS_SITES = buildDemoRegion().establishments.filter((e) => e.organizationId === '450000088').map((e) => e.id);
const TOURS = '370004467';
const SCRIPTED_UNIT = scriptedAdmissionUnit(buildDemoRegion());
const DAY_MS = 86_400_000;

const QUERY = `query($from: DateTime!, $to: DateTime!, $period: AdmissionIndicatorPeriod, $groupBy: AdmissionIndicatorGrouping, $ids: [ID!]) {
  admissionIndicators(from: $from, to: $to, period: $period, groupBy: $groupBy, establishmentIds: $ids) {
    periodStart establishment { id } unit { id } received accepted refused withdrawn expired acceptanceRate medianAnswerMinutes
    refusalReasons { reason count } } }`;

interface Row {
  periodStart: string;
  establishment: { id: string };
  unit: { id: string } | null;
  received: number;
  accepted: number;
  refused: number;
  withdrawn: number;
  expired: number;
  acceptanceRate: number | null;
  medianAnswerMinutes: number | null;
  refusalReasons: Array<{ reason: string; count: number }>;
}

/** The Paris calendar date of an instant, and the Monday of its ISO week. */
const parisDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);
function mondayOf(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface RawTarget {
  establishment_id: string;
  unit_id: string;
  status: string;
  answer: string | null;
  refusal_reason: string | null;
  answered_at: string | Date | null;
  created_at: string | Date;
  request_status: string;
}

/** The indicators recomputed here, deliberately simply, from the raw rows. */
function expectedRows(targets: RawTarget[], period: 'DAY' | 'WEEK'): Row[] {
  const groups = new Map<string, RawTarget[]>();
  for (const t of targets) {
    const date = parisDate(new Date(t.created_at));
    const key = `${period === 'WEEK' ? mondayOf(date) : date}|${t.establishment_id}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, ts]) => {
      const [periodStart, establishment] = key.split('|') as [string, string];
      const answered = ts.filter((t) => t.answered_at !== null);
      const accepted = ts.filter((t) => t.answer === 'ACCEPT' || t.status === 'ACCEPTED' || t.status === 'COMPLETED').length;
      const reasons = ['NO_BED', 'NOT_SUITED', 'OTHER'].map((reason) => ({ reason, count: ts.filter((t) => t.refusal_reason === reason).length }));
      return {
        periodStart,
        establishment: { id: establishment },
        unit: null,
        received: ts.length,
        accepted,
        refused: ts.filter((t) => t.answer === 'REFUSE').length,
        withdrawn: ts.filter((t) => t.answered_at === null && t.status === 'WITHDRAWN' && t.request_status !== 'EXPIRED').length,
        expired: ts.filter((t) => t.answered_at === null && t.request_status === 'EXPIRED').length,
        acceptanceRate: answered.length ? accepted / answered.length : null,
        medianAnswerMinutes: median(answered.map((t) => (new Date(t.answered_at!).getTime() - new Date(t.created_at).getTime()) / 60_000)),
        refusalReasons: reasons.filter((r) => r.count > 0),
      };
    });
}

describe.each(endToEndKinds('pglite'))('admission indicators on %s', (kind) => {
  let hub: TestHub;
  let ars: string;
  let bedManager: string;
  /** Midnight UTC of the scripted requests' day (they run 09:00–16:30 UTC: one Paris day). */
  let scriptedDay: Date;
  let all: RawTarget[];
  let from: Date;
  let to: Date;

  const ask = (auth: string | null, variables: Record<string, unknown>) =>
    gql<{ admissionIndicators: Row[] }>(hub.urls.graphql, QUERY, variables, auth ? { authorization: auth } : {});
  const codeOf = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    hub = await startTestHub(kind);
    [ars, bedManager] = await Promise.all([asUser(hub.urls.graphql, 'admin.ars'), asUser(hub.urls.graphql, 'gestionnaire.lits.orleans')]);
    const [first] = await hub.db.rows<{ at: string | Date }>(
      sql`select min(r.created_at) as at from admissions.request r join admissions.request_target t on t.request_id = r.id where t.unit_id = ${SCRIPTED_UNIT}`,
    );
    scriptedDay = new Date(Math.floor(new Date(first!.at).getTime() / DAY_MS) * DAY_MS);
    all = await hub.db.rows<RawTarget>(sql`select t.establishment_id, t.unit_id, t.status, t.answer, t.refusal_reason, t.answered_at, r.created_at, r.status as request_status
      from admissions.request_target t join admissions.request r on r.id = t.request_id`);
    const times = all.map((t) => new Date(t.created_at).getTime());
    from = new Date(Math.min(...times) - DAY_MS);
    to = new Date(Math.max(...times) + DAY_MS);
  });
  afterAll(async () => hub?.close());

  it('the demo seeded about forty past requests, all closed, with their events, summaries encrypted', async () => {
    const region = buildDemoRegion();
    const [counts] = await hub.db.rows<{ requests: number; open: number; events: number }>(sql`select
      (select count(*)::int from admissions.request) as requests,
      (select count(*)::int from admissions.request where closed_at is null or status in ('PENDING', 'ACCEPTED')) as open,
      (select count(*)::int from admissions.request_event) as events`);
    expect(counts).toEqual({ requests: region.admissions.length, open: 0, events: region.admissions.reduce((n, r) => n + r.events.length, 0) });
    expect(region.admissions.length).toBeGreaterThanOrEqual(35);
    const stored = await hub.db.rows<{ clinical_summary_enc: string }>(sql`select clinical_summary_enc from admissions.request order by created_at limit 3`);
    const cipher = createCipher(await loadDataKey(hub.db.orm, { nodeEnv: 'test', admissions: { dataKey: null } }));
    for (const { clinical_summary_enc: enc } of stored) {
      expect(region.admissions.some((r) => r.clinicalSummary === enc)).toBe(false);
      expect(region.admissions.some((r) => r.clinicalSummary === cipher.decrypt(enc))).toBe(true);
    }
  });

  it('figures by hand on the scripted unit: 7 received, 2 accepted, 2 refused, 2 withdrawn, 1 expired, median 60 min', async () => {
    const day = { from: scriptedDay.toISOString(), to: new Date(scriptedDay.getTime() + DAY_MS).toISOString() };
    const result = await ask(ars, { ...day, period: 'DAY', groupBy: 'UNIT', ids: [ORLEANS] });
    expect(result.errors).toBeUndefined();
    const row = result.data!.admissionIndicators.find((r) => r.unit?.id === SCRIPTED_UNIT);
    expect(row).toEqual({
      periodStart: scriptedDay.toISOString().slice(0, 10),
      establishment: { id: ORLEANS },
      unit: { id: SCRIPTED_UNIT },
      received: 7,
      accepted: 2, // after 30 and 110 minutes
      refused: 2, // NO_BED after 90, NOT_SUITED after 10
      withdrawn: 2, // another unit accepted; the requester cancelled
      expired: 1,
      acceptanceRate: 0.5, // 2 of 4 answers
      medianAnswerMinutes: 60, // 10 30 90 110
      refusalReasons: [{ reason: 'NO_BED', count: 1 }, { reason: 'NOT_SUITED', count: 1 }],
    });
    // Every row is the establishment's, per unit.
    expect(result.data!.admissionIndicators.every((r) => r.establishment.id === ORLEANS && r.unit !== null)).toBe(true);
  });

  it('every establishment, by day and by ISO week, matches the raw rows; weeks add up the days', async () => {
    const byDay = await ask(ars, { from: from.toISOString(), to: to.toISOString() }); // period DAY, groupBy ESTABLISHMENT by default
    const byWeek = await ask(ars, { from: from.toISOString(), to: to.toISOString(), period: 'WEEK' });
    expect(byDay.errors).toBeUndefined();
    expect(byWeek.errors).toBeUndefined();
    const close = (rows: Row[]) => rows.map((r) => ({ ...r, medianAnswerMinutes: r.medianAnswerMinutes === null ? null : Math.round(r.medianAnswerMinutes * 1000) / 1000 }));
    expect(close(byDay.data!.admissionIndicators)).toEqual(close(expectedRows(all, 'DAY')));
    expect(close(byWeek.data!.admissionIndicators)).toEqual(close(expectedRows(all, 'WEEK')));
    // Several establishments, CHR Orléans and CHRU Tours among them.
    const establishments = new Set(byDay.data!.admissionIndicators.map((r) => r.establishment.id));
    expect([...establishments]).toEqual(expect.arrayContaining([ORLEANS, TOURS]));
    // A week starts on a Monday and sums its days.
    const weeks = byWeek.data!.admissionIndicators;
    expect(weeks.every((r) => new Date(`${r.periodStart}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(weeks.length).toBeLessThan(byDay.data!.admissionIndicators.length);
    const total = (rows: Row[]) => rows.reduce((n, r) => n + r.received, 0);
    expect(total(weeks)).toBe(total(byDay.data!.admissionIndicators));
    expect(total(weeks)).toBe(all.length);
  });

  it('a bed manager sees the establishments of its legal entity only; elsewhere FORBIDDEN', async () => {
    const mine = await ask(bedManager, { from: from.toISOString(), to: to.toISOString(), period: 'WEEK' });
    expect(mine.errors).toBeUndefined();
    const seen = new Set(mine.data!.admissionIndicators.map((r) => r.establishment.id));
    expect(seen.has(ORLEANS)).toBe(true);
    expect([...seen].every((id) => CHR_ORLEANS_SITES.includes(id))).toBe(true);
    const orleansOnly = all.filter((t) => CHR_ORLEANS_SITES.includes(t.establishment_id));
    expect(mine.data!.admissionIndicators.reduce((n, r) => n + r.received, 0)).toBe(orleansOnly.length);

    const tours = await ask(bedManager, { from: from.toISOString(), to: to.toISOString(), ids: [TOURS] });
    expect(codeOf(tours)).toBe('FORBIDDEN');
    expect(tours.data?.admissionIndicators ?? null).toBeNull();

    // The establishment's own field, through the offer's establishment.
    const field = `query($id: ID!, $from: DateTime!, $to: DateTime!) { establishment(id: $id) { id admissionIndicators(from: $from, to: $to, period: WEEK) { periodStart received accepted } } }`;
    const own = await gql<{ establishment: { admissionIndicators: Row[] } }>(hub.urls.graphql, field, { id: ORLEANS, from: from.toISOString(), to: to.toISOString() }, { authorization: bedManager });
    expect(own.errors).toBeUndefined();
    expect(own.data!.establishment.admissionIndicators.reduce((n, r) => n + r.received, 0)).toBe(all.filter((t) => t.establishment_id === ORLEANS).length);
    const other = await gql(hub.urls.graphql, field, { id: TOURS, from: from.toISOString(), to: to.toISOString() }, { authorization: bedManager });
    expect(codeOf(other)).toBe('FORBIDDEN');
  });

  it('nobody else: a requester, a unit referent and an application are FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
    const range = { from: from.toISOString(), to: to.toISOString() };
    expect(codeOf(await ask(await asUser(hub.urls.graphql, 'medecin.ville.orleans'), range))).toBe('FORBIDDEN');
    expect(codeOf(await ask(await asUser(hub.urls.graphql, 'ref.uo.tours'), range))).toBe('FORBIDDEN');
    expect(codeOf(await ask(await asApp(hub.urls.graphql, 'place-search'), range))).toBe('FORBIDDEN');
    expect(codeOf(await ask(null, range))).toBe('UNAUTHENTICATED');
  });

  it('refuses a range beyond 366 days or reversed with BAD_USER_INPUT', async () => {
    const start = new Date('2026-01-01T00:00:00Z');
    const long = await ask(ars, { from: start.toISOString(), to: new Date(start.getTime() + 367 * DAY_MS).toISOString() });
    expect(codeOf(long)).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(ars, { from: start.toISOString(), to: start.toISOString() }))).toBe('BAD_USER_INPUT');
    const year = await ask(ars, { from: start.toISOString(), to: new Date(start.getTime() + 366 * DAY_MS).toISOString() });
    expect(year.errors).toBeUndefined();
  });
});

describe.each(databaseKinds())('retention purge on %s', (kind) => {
  it('deletes the requests closed before the retention, with their targets and events; never open ones', async () => {
    const { db, drop } = await openMigratedDatabase(kind);
    try {
      const now = new Date('2026-12-01T12:00:00Z');
      const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
      const request = (id: string, createdDaysAgo: number, closedDaysAgo: number | null): SeedAdmissionRequest => ({
        id, status: closedDaysAgo === null ? 'PENDING' : 'REFUSED', patientAge: 80, patientSex: 'FEMALE', discipline: 'MEDICINE', activityCode: '083',
        urgency: 'SAME_DAY', clinicalSummary: 'Résumé de test.', callbackContact: '01 99 00 45 23', requesterKind: 'USER', requesterSubject: 's', requesterName: 'medecin.ville.orleans',
        requesterProfessionalId: null, onBehalfOf: null, acceptedUnitId: null, createdAt: daysAgo(createdDaysAgo), expiresAt: daysAgo(createdDaysAgo - 1),
        closedAt: closedDaysAgo === null ? null : daysAgo(closedDaysAgo),
        targets: [{ unitId: `${ORLEANS}-1124`, establishmentId: ORLEANS, organizationId: '450000088', status: closedDaysAgo === null ? 'PENDING' : 'REFUSED', answer: null, refusalReason: null, comment: null, answeredBy: null, answeredAt: null }],
        events: [{ at: daysAgo(createdDaysAgo), actor: 'medecin.ville.orleans', action: 'CREATED', unitId: null }],
      });
      expect(await seedAdmissions(db, {
        nodeEnv: 'test',
        requests: [request('old-closed', 120, 100), request('just-over', 92, 91), request('recent-closed', 20, 10), request('old-open', 200, null)],
      })).toBe(true);
      const ids = async () => (await db.rows<{ id: string }>(sql`select id from admissions.request order by id`)).map((r) => r.id);
      const orphans = async () =>
        (await db.rows<{ n: number }>(sql`select (select count(*) from admissions.request_target where request_id in ('old-closed', 'just-over'))::int
          + (select count(*) from admissions.request_event where request_id in ('old-closed', 'just-over'))::int as n`))[0]!.n;

      expect(await purgeClosedRequests(db.orm, now, 90)).toBe(2);
      expect(await ids()).toEqual(['old-open', 'recent-closed']);
      expect(await orphans()).toBe(0);
      expect(await purgeClosedRequests(db.orm, now, 90)).toBe(0); // nothing left to purge
      expect(await purgeClosedRequests(db.orm, now, 5)).toBe(1); // a shorter retention reaches the recent one
      expect(await ids()).toEqual(['old-open']);
      // The seed writes only into an empty schema.
      expect(await seedAdmissions(db, { nodeEnv: 'test', requests: [request('again', 1, 0)] })).toBe(false);
    } finally {
      await drop();
    }
  });
});
