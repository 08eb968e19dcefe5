/** Rules of the emergency part, per request: rights, argument checks, then the store. */
import { actorName } from '../../../platform/auth/identity.js';
import type { Identity } from '../../../platform/auth/identity.js';
import type { Database } from '../../../platform/db/client.js';
import { HubError } from '../../../platform/errors.js';
import { canReadEmergency, EMERGENCY_WRITE, requireDetection, requireEmergencyRead, requireEmergencyWrite } from './access.js';
import { requireRightSomewhere } from '../../../platform/auth/authorize.js';
import { computeBjml, historyDays, type Bjml } from './bjml.js';
import { addDays, isoWeekDays, isoWeekOf, parisToday } from './dates.js';
import { detectTensions, type DetectionResult } from './detect.js';
import { dailyIndicators, DEFAULT_RECEPTION_CAPACITY, type DailyIndicators } from './indicators.js';
import { createEmergencyStore } from './store.js';
import type { AlertProposalRow } from './tables.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { departmentTable } from './department.js';
import { availableDownstreamBedsOfDepartment } from './beds.js';

export interface EmergencyDeps {
  db: Database;
  bjmlYears: number;
  availableBeds: (establishmentId: string) => Promise<number | null>;
  /** The département table asks the offer subgraph where EDs are (department.ts). */
  client?: SubgraphClient;
  /** Medicine + surgery beds at the end of each day, beside the RPU series. */
  bedsByDay?: (establishmentId: string, from: string, to: string) => Promise<Array<{ day: string; availableBeds: number | null }>>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 400;
const STATUSES = ['PROPOSED', 'ACKNOWLEDGED', 'DISMISSED'] as const;

function checkDay(field: string, value: string): string {
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new HubError('BAD_USER_INPUT', `${field} must be a date YYYY-MM-DD.`, { field });
  }
  return value;
}

/** Days of RPU figures a declaration shows at most (a long tension shows its last month). */
const RPU_OF_TENSION_DAYS = 31;

export interface EmergencyIndicatorsResult {
  establishmentId: string;
  /** The range asked, for the bed series beside it. */
  from: string;
  to: string;
  receptionCapacity: number;
  receptionCapacityIsDefault: boolean;
  days: DailyIndicators[];
}

export function createEmergencyService(deps: EmergencyDeps, identity: Identity) {
  const store = createEmergencyStore(deps.db.orm);
  const capacityOf = async (id: string) => (await store.receptionCapacities([id])).get(id);
  const decide = async (id: string, status: 'ACKNOWLEDGED' | 'DISMISSED'): Promise<AlertProposalRow> => {
    requireRightSomewhere(identity, { rights: EMERGENCY_WRITE, scope: null }); // before the lookup: a refusal says nothing of which ids exist
    const row = await store.proposal(id);
    if (!row) throw new HubError('NOT_FOUND', `No alert proposal ${id}.`);
    requireEmergencyWrite(identity, row.establishmentId);
    if (row.status !== 'PROPOSED') throw new HubError('CONFLICT', `Alert proposal ${id} is already ${row.status}.`);
    const updated = await store.decide(id, status, actorName(identity));
    if (!updated) throw new HubError('CONFLICT', `Alert proposal ${id} was decided meanwhile.`);
    return updated;
  };
  const reads = {
    indicators: async (establishmentId: string, from: string, to: string): Promise<EmergencyIndicatorsResult> => {
      requireEmergencyRead(identity, establishmentId);
      checkDay('from', from);
      checkDay('to', to);
      if (to < from || addDays(from, MAX_DAYS - 1) < to) throw new HubError('BAD_USER_INPUT', `to must be on or after from, at most ${MAX_DAYS} days later.`, { field: 'to' });
      const declared = await capacityOf(establishmentId);
      const capacity = declared ?? DEFAULT_RECEPTION_CAPACITY;
      const rows = await store.days(establishmentId, from, to);
      return { establishmentId, from, to, receptionCapacity: capacity, receptionCapacityIsDefault: declared === undefined, days: rows.map((r) => dailyIndicators(r, capacity)) };
    },
    /**
     * « RPU étendus » of a declaration: its establishment's daily indicators from the eve of the
     * declaration (what led to it) to the day it ended, or today, the last RPU_OF_TENSION_DAYS days
     * at most; read like the declaration's other emergency figures.
     */
    ofTension: async (t: { establishmentId: string; startedAt: Date; endedAt: Date | null }): Promise<EmergencyIndicatorsResult> => {
      requireEmergencyRead(identity, t.establishmentId);
      const to = parisToday(t.endedAt ?? new Date());
      const eve = addDays(parisToday(t.startedAt), -1);
      const earliest = addDays(to, -(RPU_OF_TENSION_DAYS - 1));
      const from = eve > earliest ? eve : earliest;
      const declared = await capacityOf(t.establishmentId);
      const capacity = declared ?? DEFAULT_RECEPTION_CAPACITY;
      const rows = await store.days(t.establishmentId, from, to);
      return { establishmentId: t.establishmentId, from, to, receptionCapacity: capacity, receptionCapacityIsDefault: declared === undefined, days: rows.map((r) => dailyIndicators(r, capacity)) };
    },
    bjml: async (establishmentId: string, year: number | null | undefined, week: number | null | undefined): Promise<Bjml & { establishmentId: string }> => {
      requireEmergencyRead(identity, establishmentId);
      return bjmlOf(establishmentId, year, week);
    },
    /** Checked by `indicators` first (the series it belongs to). */
    downstreamBeds: (result: EmergencyIndicatorsResult) => {
      if (!deps.bedsByDay) throw new HubError('INTERNAL_SERVER_ERROR', 'Bed series unavailable.');
      return deps.bedsByDay(result.establishmentId, result.from, result.to);
    },
    departmentTable: async (departmentCode: string, day: string | null | undefined) => {
      if (!deps.client) throw new HubError('INTERNAL_SERVER_ERROR', 'Département table unavailable.');
      const shown = day ? checkDay('day', day) : addDays(parisToday(), -1);
      return departmentTable(
        {
          client: deps.client,
          establishmentsBetween: store.establishmentsBetween,
          dayOf: async (id, d) => {
            const [row] = await store.days(id, d, d);
            return row ? dailyIndicators(row, (await capacityOf(id)) ?? DEFAULT_RECEPTION_CAPACITY) : null;
          },
          bjmlOf: (id) => bjmlOf(id, isoWeekOf(shown).year, isoWeekOf(shown).week),
          availableBeds: (code) => availableDownstreamBedsOfDepartment(deps.client!, code),
        },
        identity,
        departmentCode,
        shown,
      );
    },
  };
  /** The BJML once the caller's right is checked. */
  async function bjmlOf(establishmentId: string, year: number | null | undefined, week: number | null | undefined): Promise<Bjml & { establishmentId: string }> {
    const current = isoWeekOf(parisToday());
      const y = year ?? current.year;
      const w = week ?? current.week;
    // Bounds first: dates far outside the RPU era overflow the calendar arithmetic (RangeError).
    if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new HubError('BAD_USER_INPUT', 'year must be from 2000 to 2100.', { field: 'year' });
    if (!Number.isInteger(w) || w < 1 || w > 53) throw new HubError('BAD_USER_INPUT', 'week must be an ISO week number from 1 to 53.', { field: 'week' });
    if (isoWeekDays(y, w).length === 0) throw new HubError('BAD_USER_INPUT', `Year ${y} has no ISO week ${w}.`, { field: 'week' });
    const rows = await store.daysAmong(establishmentId, historyDays(y, w, deps.bjmlYears));
    return { establishmentId, ...computeBjml(y, w, deps.bjmlYears, rows) };
  }
  return {
    ...reads,
    proposals: async (filter: { establishmentId?: string | null; status?: string | null; from?: string | null; to?: string | null }): Promise<AlertProposalRow[]> => {
      if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
      if (filter.establishmentId) requireEmergencyRead(identity, filter.establishmentId);
      if (filter.status && !(STATUSES as readonly string[]).includes(filter.status)) throw new HubError('BAD_USER_INPUT', 'Unknown status.', { field: 'status' });
      const rows = await store.proposals({
        establishmentIds: filter.establishmentId ? [filter.establishmentId] : undefined,
        status: filter.status ?? undefined,
        from: filter.from ? checkDay('from', filter.from) : undefined,
        to: filter.to ? checkDay('to', filter.to) : undefined,
      });
      return rows.filter((r) => canReadEmergency(identity, r.establishmentId)); // only the establishments the caller may read
    },
    setReceptionCapacity: async (establishmentId: string, capacity: number): Promise<number> => {
      requireEmergencyWrite(identity, establishmentId);
      if (!Number.isInteger(capacity) || capacity < 1 || capacity > 1000) throw new HubError('BAD_USER_INPUT', 'capacity must be an integer from 1 to 1000.', { field: 'capacity' });
      await store.setReceptionCapacity(establishmentId, capacity, actorName(identity));
      return capacity;
    },
    detect: async (date: string | null | undefined): Promise<DetectionResult> => {
      requireDetection(identity);
      const day = date ? checkDay('date', date) : addDays(parisToday(), -1);
      return detectTensions(deps.db, day, { bjmlYears: deps.bjmlYears, availableBeds: deps.availableBeds, actor: actorName(identity), scheduled: false });
    },
    acknowledge: (id: string) => decide(id, 'ACKNOWLEDGED'),
    dismiss: (id: string) => decide(id, 'DISMISSED'),
  };
}

export type EmergencyService = ReturnType<typeof createEmergencyService>;
