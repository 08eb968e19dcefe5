/**
 * The quarterly series of the population indicators (docs/population-indicators.md § Quarterly
 * series). The national follow-up compares quarters (T1 → T2), while `populationIndicators` is
 * live: a scheduled job keeps, per quarter, each area's counts at both levels, rewriting only the
 * current quarter, so a quarter that ended keeps the figures of its last run (its closing value)
 * and the history is never recomputed from today's records.
 */
import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Database, Orm } from '../../../platform/db/client.js';
import { HubError } from '../../../platform/errors.js';
import type { Logger } from '../../../platform/logger.js';
import { startPeriodicJob } from '../../../platform/periodic-job.js';
import { departmentName, regionName, regionOfDepartment } from '../../../platform/admin-divisions.js';
import { populationSnapshots, type PopulationSnapshotRow } from '../tables.js';
import { bandOf, percent } from './bands.js';
import { SECTORS, type Sector } from './sectors.js';
import type { Identity } from '../../../platform/auth/identity.js';
import { createPopulationService, requireAggregateAccess, type PopulationIndicator, type PopulationLevel } from './service.js';
import { createPopulationStore } from './store.js';

/** The sector column's value for "all sectors together" (part of the primary key, so not null). */
const ALL = 'ALL';
const LEVELS: readonly PopulationLevel[] = ['REGION', 'DEPARTMENT'];
const QUARTER = /^(\d{4})-Q([1-4])$/;
/** The job's default period: the current quarter's figures are at most this old. */
export const SNAPSHOT_EVERY_MS = 3_600_000;
/** The job's name, its key in `feed.job_period` (platform/periodic-job.ts). */
export const POPULATION_JOB = 'population-quarterly-snapshot';

export interface QuarterlyIndicator extends PopulationIndicator {
  quarter: string;
  takenAt: Date;
}

export interface HistoryArgs {
  level: PopulationLevel;
  sector?: Sector | null;
  regionCode?: string | null;
  departmentCode?: string | null;
  fromQuarter?: string | null;
  toQuarter?: string | null;
}

/** `YYYY-Qn` of `at`'s calendar date in Paris, where the regional follow-up is kept. */
export function quarterOf(at: Date): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(at).split('-');
  return `${year}-Q${Math.ceil(Number(month) / 3)}`;
}

/** Every area of both levels, as the live query computes them now, stored as the quarter of `at`. */
export async function takePopulationSnapshot(orm: Orm, at: Date): Promise<number> {
  const live = createPopulationService(createPopulationStore(orm), { kind: 'system', subject: 'gateway' });
  const quarter = quarterOf(at);
  const rows = (await Promise.all(LEVELS.map((level) => live.indicators({ level })))).flat().map((i) => ({
    quarter,
    level: i.level,
    areaCode: i.areaCode,
    sector: i.sector ?? ALL,
    establishments: i.establishments,
    populated: i.populated,
    quality: i.quality,
    takenAt: at,
  }));
  await orm.transaction(async (tx) => {
    // The current quarter is replaced as a whole: an area that lost its last establishment goes too.
    await tx.delete(populationSnapshots).where(eq(populationSnapshots.quarter, quarter));
    if (rows.length) await tx.insert(populationSnapshots).values(rows);
  });
  return rows.length;
}

/** The job, once per period across replicas (D112); its runs are on /metrics like every job's. */
export function startPopulationSnapshots(db: Database, logger: Logger, everyMs = SNAPSHOT_EVERY_MS): () => Promise<void> {
  return startPeriodicJob(db, logger.child({ component: 'population-series' }), {
    name: POPULATION_JOB,
    everyMs,
    run: () => takePopulationSnapshot(db.orm, new Date()),
  });
}

function quarterArg(raw: string | null | undefined, argumentName: string): string | null {
  if (raw === null || raw === undefined) return null;
  if (!QUARTER.test(raw)) throw new HubError('BAD_USER_INPUT', `${argumentName} must be a quarter as YYYY-Qn (e.g. 2026-Q3), not "${raw}".`, { argumentName });
  return raw;
}

function toIndicator(row: PopulationSnapshotRow): QuarterlyIndicator {
  const level = row.level as PopulationLevel;
  return {
    quarter: row.quarter,
    takenAt: row.takenAt,
    level,
    areaCode: row.areaCode,
    areaName: level === 'REGION' ? regionName(row.areaCode) : departmentName(row.areaCode),
    sector: row.sector === ALL ? null : (row.sector as Sector),
    establishments: row.establishments,
    populated: row.populated,
    populatedRate: percent(row.populated, row.establishments),
    quality: row.quality,
    qualityRate: percent(row.quality, row.establishments),
    band: bandOf(row.quality, row.establishments),
  };
}

/** Sector order of the live query: all sectors together, then MCO, PSY, SSR, PA, PH. */
const SECTOR_ORDER = sql`array_position(array[${sql.join([ALL, ...SECTORS].map((s) => sql`${s}`), sql`, `)}]::text[], ${populationSnapshots.sector})`;

/**
 * The series, oldest quarter first, then by area code and sector. Département rows are filtered
 * by `departmentCode`, or by `regionCode` through the official division (the région each
 * département belongs to).
 */
export async function populationHistory(orm: Orm, args: HistoryArgs): Promise<QuarterlyIndicator[]> {
  if (args.level === 'REGION' && args.departmentCode) {
    throw new HubError('BAD_USER_INPUT', 'departmentCode filters DEPARTMENT rows; for a region use regionCode.', { argumentName: 'departmentCode' });
  }
  const from = quarterArg(args.fromQuarter, 'fromQuarter');
  const to = quarterArg(args.toQuarter, 'toQuarter');
  const where: SQL[] = [eq(populationSnapshots.level, args.level)];
  if (args.sector) where.push(eq(populationSnapshots.sector, args.sector));
  if (from) where.push(gte(populationSnapshots.quarter, from));
  if (to) where.push(lte(populationSnapshots.quarter, to));
  if (args.level === 'REGION' && args.regionCode) where.push(eq(populationSnapshots.areaCode, args.regionCode));
  if (args.level === 'DEPARTMENT' && args.departmentCode) where.push(eq(populationSnapshots.areaCode, args.departmentCode));
  const rows = await orm
    .select()
    .from(populationSnapshots)
    .where(and(...where))
    .orderBy(asc(populationSnapshots.quarter), asc(populationSnapshots.areaCode), SECTOR_ORDER);
  const inRegion = (row: PopulationSnapshotRow) => args.level !== 'DEPARTMENT' || !args.regionCode || regionOfDepartment(row.areaCode)?.code === args.regionCode;
  return rows.filter(inRegion).map(toIndicator);
}

/** The series per request: readable by whoever reads the live indicators (aggregates only). */
export function createPopulationSeries(orm: Orm, identity: Identity) {
  return {
    history: (args: HistoryArgs): Promise<QuarterlyIndicator[]> => {
      requireAggregateAccess(identity);
      return populationHistory(orm, args);
    },
  };
}

export type PopulationSeries = ReturnType<typeof createPopulationSeries>;
