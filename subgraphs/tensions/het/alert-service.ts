/**
 * Manual alerts (« Nouvelle alerte », docs/het-follow-up.md): raised by hand on an establishment or
 * one of its units, acknowledged, closed with how they ended. Rights before any lookup, then
 * validation, then one transaction per write with its change-feed event (which mails the ARS
 * crisis cell and reaches live readers).
 */
import { actorName, type Identity } from '../../../platform/auth/identity.js';
import { HubError } from '../../../platform/errors.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { MAX_PAGE_SIZE, pageSize } from '../../../platform/pagination.js';
import { requireSignedIn, requireSomeTensionRight, TENSION_READ } from '../access.js';
import { DISCIPLINE_GROUPS } from '../discipline-groups.js';
import { bad, optionalText, requiredText } from '../crisis/validate.js';
import type { OfferEstablishments } from '../offer-establishments.js';
import { ALERT_CLOSE, ALERT_CREATE, ALERT_MANAGE, canReadAlert, requireOnAlert, requireOnEstablishment, requireSomewhere } from './access.js';
import { ALERT_OUTCOMES, ALERT_REASONS, isCode } from './codes.js';
import { alertChange } from './events.js';
import type { HetStore } from './store.js';
import type { AlertRow } from './tables.js';

export interface AlertInput {
  establishmentId: string;
  unitId?: string | null;
  disciplineGroupCode: string;
  reason: string;
  message: string;
}

export interface AlertClosing {
  outcome: string;
  tensionId?: string | null;
  notes?: string | null;
}

export interface AlertFilter {
  establishmentId?: string | null;
  departmentCode?: string | null;
  status?: string | null;
}

const UNIT = `query($id: ID!) { unit(id: $id) { id establishment { id } } }`;
const READ_RIGHTS = [...TENSION_READ.rights];

export function createAlertService(deps: { store: HetStore; client: SubgraphClient; offer: OfferEstablishments }, identity: Identity) {
  const { store } = deps;
  const actor = actorName(identity);

  async function load(id: string): Promise<AlertRow> {
    const [row] = await store.alertsByIds([id]);
    if (!row) throw new HubError('NOT_FOUND', `No alert ${id.slice(0, 40)}.`, { field: 'id' });
    return row;
  }

  async function checkUnit(unitId: string, establishmentId: string): Promise<void> {
    const { unit } = await deps.client.query<{ unit: { establishment: { id: string } } | null }>('offer', UNIT, { id: unitId });
    if (unit?.establishment.id !== establishmentId) throw bad('input.unitId', `Unit ${unitId.slice(0, 40)} is not a unit of establishment ${establishmentId}.`);
  }

  async function validInput(input: AlertInput) {
    if (!DISCIPLINE_GROUPS.some((g) => g.code === input.disciplineGroupCode)) throw bad('input.disciplineGroupCode', `Unknown discipline group ${input.disciplineGroupCode.slice(0, 40)}.`);
    if (!isCode(ALERT_REASONS, input.reason)) throw bad('input.reason', `Unknown alert reason ${input.reason.slice(0, 40)}.`);
    const message = requiredText(input.message, 'input.message', 2000);
    if (!(await deps.offer.exists(input.establishmentId))) throw new HubError('NOT_FOUND', `No establishment ${input.establishmentId}.`, { field: 'input.establishmentId' });
    if (input.unitId) await checkUnit(input.unitId, input.establishmentId);
    return { establishmentId: input.establishmentId, unitId: input.unitId || null, disciplineGroupCode: input.disciplineGroupCode, reason: input.reason, message };
  }

  /** The write, or CONFLICT with the alert as it is now. */
  async function apply(row: AlertRow, expectedVersion: number, set: Partial<AlertRow>, action: 'ACKNOWLEDGE' | 'CLOSE'): Promise<AlertRow> {
    const saved = await store.changeAlert(row.id, expectedVersion, set, (r) => alertChange(action, actor, r));
    if (saved) return saved;
    const now = await load(row.id);
    throw new HubError('CONFLICT', `Alert ${row.id} changed: version ${now.version}, status ${now.status}. Read it and try again.`, {
      current: { id: now.id, version: now.version, status: now.status },
    });
  }

  async function closing(row: AlertRow, input: AlertClosing) {
    if (!isCode(ALERT_OUTCOMES, input.outcome)) throw bad('outcome', `Unknown alert outcome ${input.outcome.slice(0, 40)}.`);
    const tensionId = input.tensionId || null;
    if ((input.outcome === 'DECLARED') !== (tensionId !== null)) throw bad('tensionId', 'Name the declaration that followed the alert (outcome DECLARED), and only then.');
    if (tensionId) {
      const tension = await store.declaration(tensionId);
      if (tension?.establishmentId !== row.establishmentId) throw bad('tensionId', `Declaration ${tensionId.slice(0, 40)} is not one of establishment ${row.establishmentId}.`);
    }
    return { status: 'CLOSED', outcome: input.outcome, tensionId, closingNotes: optionalText(input.notes, 'notes', 2000), closedBy: actor, closedAt: new Date() };
  }

  return {
    create: async (input: AlertInput): Promise<AlertRow> => {
      requireSomewhere(identity, [ALERT_CREATE]);
      requireOnEstablishment(identity, ALERT_CREATE, input.establishmentId);
      const values = await validInput(input);
      return store.insertAlert({ ...values, createdBy: actor }, (row) => alertChange('CREATE', actor, row));
    },
    acknowledge: async (id: string, expectedVersion: number): Promise<AlertRow> => {
      requireSomewhere(identity, ALERT_MANAGE);
      const row = await load(id);
      requireOnAlert(identity, ALERT_MANAGE, row);
      if (row.acknowledgedAt) throw bad('id', `Alert ${id} was acknowledged by ${row.acknowledgedBy} already.`);
      return apply(row, expectedVersion, { acknowledgedBy: actor, acknowledgedAt: new Date() }, 'ACKNOWLEDGE');
    },
    close: async (id: string, input: AlertClosing, expectedVersion: number): Promise<AlertRow> => {
      requireSomewhere(identity, ALERT_CLOSE);
      const row = await load(id);
      requireOnEstablishment(identity, ALERT_CLOSE, row.establishmentId);
      if (row.status !== 'OPEN') throw bad('id', `Alert ${id} is closed already.`);
      return apply(row, expectedVersion, await closing(row, input), 'CLOSE');
    },
    alert: async (id: string): Promise<AlertRow | null> => {
      requireSomeTensionRight(identity, READ_RIGHTS, 'read alerts');
      const [row] = await store.alertsByIds([id]);
      if (row && !canReadAlert(identity, row)) requireOnAlert(identity, READ_RIGHTS, row);
      return row ?? null;
    },
    /** Newest first, the alerts the caller may read among those of the filter. */
    list: async (filter: AlertFilter, first: number | null | undefined): Promise<AlertRow[]> => {
      requireSignedIn(identity, 'read alerts');
      const byDepartment = filter.departmentCode ? [...(await deps.offer.inDepartment(filter.departmentCode))] : null;
      const ids = filter.establishmentId ? [filter.establishmentId].filter((id) => !byDepartment || byDepartment.includes(id)) : byDepartment;
      const rows = await store.alerts({ establishmentIds: ids, status: filter.status ?? null }, MAX_PAGE_SIZE * 5);
      return rows.filter((r) => canReadAlert(identity, r)).slice(0, pageSize(first));
    },
    /** Read past the checks: the subscription's filter decided who reads the event's alert. */
    fresh: async (id: string): Promise<AlertRow | null> => (await store.alertsByIds([id]))[0] ?? null,
    /** Alerts raised in [from, to): a field of HetIndicators, whose rights were checked. */
    countIn: async (from: Date, to: Date, departmentCode: string | null): Promise<number> =>
      store.countAlerts(from, to, departmentCode ? [...(await deps.offer.inDepartment(departmentCode))] : null),
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
