/**
 * Admission indicators (docs/admissions.md § Indicators): per establishment or unit and per day
 * or ISO week (Europe/Paris), over the units asked by requests created in [from, to). Aggregates
 * only: no request, no patient data ever leaves this file.
 *
 * Who sees what, deny by default: users holding ORU_ADMISSION_INDICATEURS transversally (the ARS)
 * see every establishment; on a legal entity (a bed manager), the establishments it reaches;
 * anyone else is refused, applications included (no scope grants aggregates).
 */
import { sql, type SQL } from 'drizzle-orm';
import { requireRightSomewhere } from '../../../platform/auth/authorize.js';
import type { Identity } from '../../../platform/auth/identity.js';
import type { RightCode } from '../../../platform/auth/rights.js';
import type { Orm } from '../../../platform/db/client.js';
import { HubError } from '../../../platform/errors.js';
import { requests, requestTargets } from '../tables.js';

export const INDICATORS_RIGHT: RightCode = 'ORU_ADMISSION_INDICATEURS';
/** A year and a day: a leap year's daily series, and no unbounded scan. */
export const MAX_INDICATOR_DAYS = 366;
const DAY_MS = 86_400_000;

export type IndicatorPeriod = 'DAY' | 'WEEK';
export type IndicatorGrouping = 'ESTABLISHMENT' | 'UNIT';
export type RefusalReason = 'NO_BED' | 'NOT_SUITED' | 'OTHER';
const REASONS: readonly RefusalReason[] = ['NO_BED', 'NOT_SUITED', 'OTHER'];

export interface IndicatorQuery {
  from: Date;
  to: Date;
  period?: IndicatorPeriod | null;
  groupBy?: IndicatorGrouping | null;
  establishmentIds?: readonly string[] | null;
}

export interface AdmissionIndicatorRow {
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
  refusalReasons: Array<{ reason: RefusalReason; count: number }>;
}

/** The establishments the caller may see: all, or the reach of its grants holding the right. */
type Visible = { all: true } | { all: false; establishments: Set<string>; organizations: Set<string> };

function visibleTo(identity: Identity): Visible {
  // Authentication first, then the right somewhere; applications never (scope null).
  requireRightSomewhere(identity, { rights: [INDICATORS_RIGHT], scope: null });
  if (identity.kind === 'system') return { all: true };
  const grants = identity.kind === 'user' ? identity.grants.filter((g) => g.rights.includes(INDICATORS_RIGHT)) : [];
  if (grants.some((g) => g.kind === 'TRANSVERSAL')) return { all: true };
  return {
    all: false,
    establishments: new Set(grants.flatMap((g) => g.reach.establishments)),
    organizations: new Set(grants.flatMap((g) => g.reach.organizations)),
  };
}

function checkRange(from: Date, to: Date): void {
  if (!(from < to)) throw new HubError('BAD_USER_INPUT', '`from` must be before `to`.', { field: 'from' });
  if (to.getTime() - from.getTime() > MAX_INDICATOR_DAYS * DAY_MS) {
    throw new HubError('BAD_USER_INPUT', `The period [from, to) spans at most ${MAX_INDICATOR_DAYS} days.`, { field: 'to', maxDays: MAX_INDICATOR_DAYS });
  }
}

/** Which targets the caller's question and perimeter leave: SQL over request_target. */
function scopeCondition(visible: Visible, asked: readonly string[] | null | undefined): SQL {
  if (asked) {
    const outside = visible.all ? [] : asked.filter((id) => !visible.establishments.has(id));
    if (outside.length) {
      throw new HubError('FORBIDDEN', `Missing right ${INDICATORS_RIGHT} on establishment ${outside.join(', ')}.`, { rights: [INDICATORS_RIGHT], establishmentIds: outside });
    }
    return asked.length ? sql`${requestTargets.establishmentId} in ${[...new Set(asked)]}` : sql`false`;
  }
  if (visible.all) return sql`true`;
  const parts: SQL[] = [];
  if (visible.establishments.size) parts.push(sql`${requestTargets.establishmentId} in ${[...visible.establishments]}`);
  if (visible.organizations.size) parts.push(sql`${requestTargets.organizationId} in ${[...visible.organizations]}`);
  return parts.length ? sql.join(parts, sql` or `) : sql`false`;
}

interface Aggregate {
  period_start: string;
  establishment_id: string;
  unit_id: string | null;
  received: number;
  accepted: number;
  refused: number;
  withdrawn: number;
  expired: number;
  answered: number;
  median_minutes: number | string | null;
  no_bed: number;
  not_suited: number;
  other: number;
}

/**
 * The one aggregate. A unit's answer counts once per request: accepted (ACCEPT, or a proposal the
 * requester took), refused (REFUSE), or a proposal still open; unanswered, it is expired when the
 * request expired, withdrawn when another unit accepted or the requester cancelled.
 */
function aggregate(period: IndicatorPeriod, grouping: IndicatorGrouping, from: Date, to: Date, scope: SQL): SQL {
  const t = requestTargets;
  const r = requests;
  const bucket = sql.raw(period === 'WEEK' ? `'week'` : `'day'`); // date_trunc('week') starts on Monday: ISO weeks
  const periodStart = sql`to_char(date_trunc(${bucket}, ${r.createdAt} at time zone 'Europe/Paris'), 'YYYY-MM-DD')`;
  const unit = grouping === 'UNIT' ? sql`${t.unitId}` : sql`null::text`;
  const answered = sql`${t.answeredAt} is not null`;
  const minutes = sql`extract(epoch from (${t.answeredAt} - ${r.createdAt})) / 60`;
  return sql`
    select ${periodStart} as period_start, ${t.establishmentId} as establishment_id, ${unit} as unit_id,
      count(*)::int as received,
      count(*) filter (where ${t.answer} = 'ACCEPT' or ${t.status} in ('ACCEPTED', 'COMPLETED'))::int as accepted,
      count(*) filter (where ${t.answer} = 'REFUSE')::int as refused,
      count(*) filter (where not (${answered}) and ${t.status} = 'WITHDRAWN' and ${r.status} <> 'EXPIRED')::int as withdrawn,
      count(*) filter (where not (${answered}) and ${r.status} = 'EXPIRED')::int as expired,
      count(*) filter (where ${answered})::int as answered,
      percentile_cont(0.5) within group (order by ${minutes}) filter (where ${answered}) as median_minutes,
      count(*) filter (where ${t.refusalReason} = 'NO_BED')::int as no_bed,
      count(*) filter (where ${t.refusalReason} = 'NOT_SUITED')::int as not_suited,
      count(*) filter (where ${t.refusalReason} = 'OTHER')::int as other
    from ${t} join ${r} on ${r.id} = ${t.requestId}
    where ${r.createdAt} >= ${from.toISOString()} and ${r.createdAt} < ${to.toISOString()} and (${scope})
    group by 1, 2, 3
    order by 1, 2, 3`;
}

function toRow(a: Aggregate): AdmissionIndicatorRow {
  const counts: Record<RefusalReason, number> = { NO_BED: a.no_bed, NOT_SUITED: a.not_suited, OTHER: a.other };
  return {
    periodStart: a.period_start,
    establishment: { id: a.establishment_id },
    unit: a.unit_id ? { id: a.unit_id } : null,
    received: a.received,
    accepted: a.accepted,
    refused: a.refused,
    withdrawn: a.withdrawn,
    expired: a.expired,
    acceptanceRate: a.answered ? a.accepted / a.answered : null,
    medianAnswerMinutes: a.median_minutes === null ? null : Number(a.median_minutes),
    refusalReasons: REASONS.filter((reason) => counts[reason] > 0).map((reason) => ({ reason, count: counts[reason] })),
  };
}

export interface AdmissionIndicators {
  compute(identity: Identity, query: IndicatorQuery): Promise<AdmissionIndicatorRow[]>;
}

/** The indicators over the subgraph's tables (the lead puts it in the request context as `indicators`). */
export function createAdmissionIndicators(orm: Orm): AdmissionIndicators {
  return {
    async compute(identity, query) {
      const visible = visibleTo(identity);
      checkRange(query.from, query.to);
      const scope = scopeCondition(visible, query.establishmentIds);
      const result = (await orm.execute(aggregate(query.period ?? 'DAY', query.groupBy ?? 'ESTABLISHMENT', query.from, query.to, scope))) as unknown as { rows: Aggregate[] };
      return result.rows.map(toRow);
    },
  };
}

export interface IndicatorContext {
  identity: Identity;
  indicators: AdmissionIndicators;
}

type QueryArgs = { from: Date; to: Date; period?: IndicatorPeriod | null; groupBy?: IndicatorGrouping | null; establishmentIds?: string[] | null };

export const indicatorResolvers = {
  Query: {
    admissionIndicators: (_: unknown, args: QueryArgs, ctx: IndicatorContext) => ctx.indicators.compute(ctx.identity, args),
  },
  Establishment: {
    admissionIndicators: (establishment: { id: string }, args: Pick<QueryArgs, 'from' | 'to' | 'period'>, ctx: IndicatorContext) =>
      ctx.indicators.compute(ctx.identity, { ...args, groupBy: 'ESTABLISHMENT', establishmentIds: [establishment.id] }),
  },
};
