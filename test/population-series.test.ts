/**
 * The quarterly series of the population indicators (issue 18, docs/population-indicators.md §
 * Quarterly series): the scheduled job's work (takePopulationSnapshot) keeps each quarter's
 * figures, a later quarter never rewrites an earlier one, and `populationHistory` serves the
 * series over HTTP through the gateway with the live query's access rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { quarterOf, takePopulationSnapshot } from '../subgraphs/offer/population/series.js';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';

const HISTORY = `query($level: PopulationLevel!, $sector: Sector, $regionCode: String, $departmentCode: String, $from: String, $to: String) {
  populationHistory(level: $level, sector: $sector, regionCode: $regionCode, departmentCode: $departmentCode, fromQuarter: $from, toQuarter: $to) {
    quarter takenAt level areaCode areaName sector establishments populated populatedRate quality qualityRate band
  }
}`;
const LIVE = '{ populationIndicators(level: DEPARTMENT, departmentCode: "41") { sector establishments populated quality band } }';

type Row = { quarter: string; takenAt: string; areaCode: string; areaName: string | null; sector: string | null; establishments: number; populated: number; quality: number; band: string };
const codeOf = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

describe('quarterOf', () => {
  it('is the quarter of the date in Paris', () => {
    expect(quarterOf(new Date('2026-03-31T21:59:59Z'))).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-03-31T22:00:00Z'))).toBe('2026-Q2'); // already 1 April in Paris
    expect(quarterOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-Q1');
    expect(quarterOf(new Date('2026-07-01T12:00:00Z'))).toBe('2026-Q3');
  });
});

describe.each(endToEndKinds('postgres'))('population quarterly series on %s', (kind) => {
  let hub: TestHub;
  let url: string;
  let user: Record<string, string>;

  beforeAll(async () => {
    hub = await startTestHub(kind);
    url = hub.urls.graphql;
    user = { authorization: await asUser(url, 'ref.etab.orleans') };
  });
  afterAll(() => hub?.close());

  const history = (variables: Record<string, unknown>, headers = user) => gql<{ populationHistory: Row[] }>(url, HISTORY, variables, headers);

  it('keeps T1 as taken while T2 records the region as it is later', async () => {
    await takePopulationSnapshot(hub.db.orm, new Date('2026-02-15T09:00:00Z'));
    const t1 = (await history({ level: 'DEPARTMENT', departmentCode: '41', from: '2026-Q1', to: '2026-Q1' })).data!.populationHistory;
    const live = (await gql<{ populationIndicators: Array<Omit<Row, 'quarter'>> }>(url, LIVE, {}, user)).data!.populationIndicators;
    expect(t1.map(({ sector, establishments, populated, quality, band }) => ({ sector, establishments, populated, quality, band }))).toEqual(live);
    expect(t1[0]).toMatchObject({ quarter: '2026-Q1', areaCode: '41', areaName: 'Loir-et-Cher', sector: null, takenAt: '2026-02-15T09:00:00.000Z' });

    // Between the quarters, every active unit of Loir-et-Cher is archived: the département falls to nothing populated.
    await hub.db.rows(sql`update offer.unit set archived = true where archived = false and establishment_id in (select id from offer.establishment where department_code = '41')`);
    await takePopulationSnapshot(hub.db.orm, new Date('2026-05-10T09:00:00Z'));
    const series = (await history({ level: 'DEPARTMENT', departmentCode: '41', sector: null, from: '2026-Q1', to: '2026-Q2' })).data!.populationHistory;
    const all = series.filter((r) => r.sector === null);
    expect(all.map((r) => r.quarter)).toEqual(['2026-Q1', '2026-Q2']);
    expect(all[0]!.populated).toBe(t1[0]!.populated);
    expect(all[0]!.populated).toBeGreaterThan(0);
    expect(all[1]!.populated).toBe(0);
    expect(all[1]!.band).toBe('NONE');

    // A second run in Q2 rewrites Q2 only.
    await takePopulationSnapshot(hub.db.orm, new Date('2026-06-20T09:00:00Z'));
    const again = (await history({ level: 'DEPARTMENT', departmentCode: '41', sector: 'MCO', from: '2026-Q1', to: '2026-Q2' })).data!.populationHistory;
    expect(again.map((r) => [r.quarter, r.takenAt])).toEqual([
      ['2026-Q1', '2026-02-15T09:00:00.000Z'],
      ['2026-Q2', '2026-06-20T09:00:00.000Z'],
    ]);
  });

  it('filters département rows by region and keeps region rows per region', async () => {
    const departments = (await history({ level: 'DEPARTMENT', regionCode: '24', from: '2026-Q2', to: '2026-Q2' })).data!.populationHistory;
    expect(new Set(departments.map((r) => r.areaCode))).toEqual(new Set(['18', '28', '36', '37', '41', '45']));
    const regions = (await history({ level: 'REGION', sector: 'PSY', from: '2026-Q1' })).data!.populationHistory;
    expect(regions.filter((r) => r.areaCode === '24').map((r) => r.quarter)).toEqual(['2026-Q1', '2026-Q2']);
    expect(regions.every((r) => r.sector === 'PSY')).toBe(true);
  });

  it('refuses bad arguments with BAD_USER_INPUT, and callers the live query refuses', async () => {
    expect(codeOf(await history({ level: 'DEPARTMENT', from: '2026-5' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await history({ level: 'REGION', departmentCode: '41' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await history({ level: 'REGION' }, {}))).toBe('UNAUTHENTICATED');
    const withOffer = await history({ level: 'REGION', from: '2026-Q1', to: '2026-Q1' }, { authorization: await asApp(url, 'sante-fr-directory') });
    expect(withOffer.errors).toBeUndefined();
    expect(withOffer.data!.populationHistory.length).toBeGreaterThan(0);
  });
});
