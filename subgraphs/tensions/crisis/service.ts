/**
 * Rules of the CPTS crisis protocol, per request (docs/crisis.md): rights on the CPTS first, then
 * validation, then one transaction per write (store.ts). Field resolvers of a `Cpts` run on a row
 * read under these rules, so they check nothing again.
 */
import DataLoader from 'dataloader';
import { actorName, type Identity } from '../../../platform/auth/identity.js';
import { requireRightSomewhere } from '../../../platform/auth/authorize.js';
import { HubError } from '../../../platform/errors.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { CRISIS_ACTIVATION, CRISIS_EDIT, CRISIS_FIELD, CRISIS_READ, mayOnCpts, requireOnCpts, requireSomeCrisisRight } from './access.js';
import { isLevelCode, levelOf } from './codes.js';
import { feedback, periodIndicators } from './indicators.js';
import { createProtocolService } from './protocol.js';
import type { ProtocolStore } from './protocol-store.js';
import type { CrisisStore } from './store.js';
import type { CptsRow } from './tables.js';
import { bad, communeOf, fieldIndicator, intBetween, optionalText, recordId } from './validate.js';

const DAY_MS = 86_400_000;

export interface FieldReportInput {
  indicator: string;
  value: number;
  communeCode?: string | null;
  notes?: string | null;
}

export function createCrisisService(deps: { store: CrisisStore; protocol: ProtocolStore; client: SubgraphClient }, identity: Identity) {
  const { store } = deps;
  const actor = actorName(identity);
  const byId = new DataLoader(async (ids: readonly string[]) => {
    const rows = new Map((await store.cptsByIds(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  });

  /** The CPTS, after the right on it; NOT_FOUND only to who holds the right on that id. */
  async function load(cptsId: string, rights: Parameters<typeof requireOnCpts>[1]): Promise<CptsRow> {
    requireOnCpts(identity, rights, cptsId);
    const row = await byId.load(cptsId);
    if (!row) throw new HubError('NOT_FOUND', `Unknown CPTS ${cptsId}.`, { field: 'cptsId' });
    return row;
  }

  async function requireProfessional(id: string, field: string): Promise<string> {
    const [found] = await deps.client.entities<{ id: string }>('professionals', 'Professional', [id], 'id');
    if (!found) throw new HubError('NOT_FOUND', `Unknown professional ${id}.`, { field });
    return id;
  }

  function cellChange(row: CptsRow, expectedVersion: number, levelCode: string | null, reason: string | null) {
    intBetween(expectedVersion, 'expectedVersion', 1, 2 ** 31 - 1);
    const action = levelCode === null ? 'DEACTIVATED' : row.cellLevelCode ? 'LEVEL_CHANGED' : 'ACTIVATED';
    return { cptsId: row.id, expectedVersion, levelCode, action, reason, actor } as const;
  }

  async function applyCell(change: ReturnType<typeof cellChange>): Promise<CptsRow> {
    const saved = await store.changeCell(change);
    byId.clear(change.cptsId);
    if (saved) return saved;
    const [now] = await store.cptsByIds([change.cptsId]);
    throw new HubError('CONFLICT', `The crisis cell of ${change.cptsId} changed: version ${now?.version}, not ${change.expectedVersion}. Read it and try again.`, {
      current: now ? { version: now.version, level: now.cellLevelCode, updatedAt: now.updatedAt.toISOString() } : null,
    });
  }

  const protocol = createProtocolService({ identity, actor, store: deps.protocol, load, requireProfessional, forget: (id) => byId.clear(id) });

  return {
    ...protocol,
    cpts: async (id: string): Promise<CptsRow | null> => {
      requireOnCpts(identity, CRISIS_READ, id);
      return byId.load(id);
    },
    /** Read past the request's loader (subscription events: the context outlives one read). */
    fresh: async (id: string): Promise<CptsRow | null> => {
      requireOnCpts(identity, CRISIS_READ, id);
      return (await store.cptsByIds([id]))[0] ?? null;
    },
    /** The CPTS the caller holds a crisis right on. */
    list: async (): Promise<CptsRow[]> => {
      requireSomeCrisisRight(identity, 'read CPTS crisis protocols');
      return (await store.allCpts()).filter((c) => mayOnCpts(identity, CRISIS_READ, c.id));
    },
    memberIds: (cptsId: string) => store.memberIds(cptsId),
    cellMembers: (cptsId: string) => store.cellMembers(cptsId),
    history: (cptsId: string) => store.activations(cptsId),
    resources: async (cptsId: string, kind: string | null | undefined) => (await store.resources(cptsId)).filter((r) => !kind || r.kind === kind),
    groups: (cptsId: string) => store.groups(cptsId),
    groupsByIds: (ids: readonly number[]) => (ids.length ? store.groupsByIds(ids) : Promise.resolve([])),
    meetings: (cptsId: string) => store.meetings(cptsId),
    procedures: async (cptsId: string, level: string | null | undefined) => {
      const rows = (await store.procedures(cptsId)).filter((p) => !level || p.levelCode === level);
      const last = await store.lastRuns(rows.map((p) => p.id));
      return rows.map((p) => ({ ...p, lastTriggeredAt: last.get(p.id) ?? null }));
    },
    lastRun: async (procedureId: number) => (await store.lastRuns([procedureId])).get(procedureId) ?? null,
    communications: async (cptsId: string, level: string | null | undefined) =>
      (await store.communications(cptsId)).filter((c) => !level || c.levelCode === null || c.levelCode === level),
    feedback: async (cptsId: string, since: Date | null | undefined) => feedback(await store.reportsSince(cptsId, since ?? new Date(Date.now() - 7 * DAY_MS))),
    indicators: async (cptsId: string, from: Date | null | undefined, to: Date | null | undefined) => {
      const end = to ?? new Date();
      const start = from ?? new Date(end.getTime() - 30 * DAY_MS);
      if (start > end) throw bad('from', '`from` must not be after `to`.');
      const [procedures, resources, period] = await Promise.all([store.procedures(cptsId), store.resources(cptsId), store.period(cptsId, start, end)]);
      return { from: start, to: end, procedures: procedures.length, resources: resources.length, resourcesAvailable: resources.filter((r) => r.available).length, ...periodIndicators(period) };
    },

    activate: async (cptsId: string, level: string, reason: string | null | undefined, expectedVersion: number) => {
      const row = await load(cptsId, CRISIS_ACTIVATION);
      if (!isLevelCode(level)) throw bad('level', `Unknown crisis level ${level}.`);
      if (row.cellLevelCode === level) throw bad('level', `The crisis cell of ${row.name} is already at ${levelOf(level)!.label}.`);
      return applyCell(cellChange(row, expectedVersion, level, optionalText(reason, 'reason', 1000)));
    },
    deactivate: async (cptsId: string, reason: string | null | undefined, expectedVersion: number) => {
      const row = await load(cptsId, CRISIS_ACTIVATION);
      if (!row.cellLevelCode) throw bad('cptsId', `The crisis cell of ${row.name} is not active.`);
      return applyCell(cellChange(row, expectedVersion, null, optionalText(reason, 'reason', 1000)));
    },

    /** A procedure of the current level or a lower one, while the cell is active. */
    trigger: async (rawId: string, notes: string | null | undefined) => {
      requireRightSomewhere(identity, { rights: [CRISIS_ACTIVATION], scope: null });
      const procedure = await store.procedureById(recordId(rawId, 'procedureId'));
      if (!procedure) throw new HubError('NOT_FOUND', `Unknown crisis procedure ${rawId}.`, { field: 'procedureId' });
      const row = await load(procedure.cptsId, CRISIS_ACTIVATION);
      const current = row.cellLevelCode ? levelOf(row.cellLevelCode) : null;
      if (!current) throw bad('procedureId', `The crisis cell of ${row.name} is not active: activate it before triggering its procedures.`);
      if (levelOf(procedure.levelCode)!.rank > current.rank) {
        throw bad('procedureId', `Procedure ${rawId} is a ${procedure.levelCode} procedure; the cell is at ${current.code}.`);
      }
      const run = await store.insertRun({ procedureId: procedure.id, cptsId: row.id, triggeredBy: actor, notes: optionalText(notes, 'notes', 2000) });
      return { ...procedure, lastTriggeredAt: run.triggeredAt };
    },

    recordMeeting: async (cptsId: string, rawGroupId: string | null | undefined, heldAt: Date, notes: string | null | undefined) => {
      await load(cptsId, CRISIS_EDIT);
      let groupId: number | null = null;
      if (rawGroupId !== null && rawGroupId !== undefined) {
        groupId = recordId(rawGroupId, 'groupId');
        const [group] = await store.groupsByIds([groupId]);
        if (!group || group.cptsId !== cptsId) throw bad('groupId', `Working group ${rawGroupId} is not one of CPTS ${cptsId}.`);
      }
      if (heldAt.getTime() > Date.now() + 5 * 60_000) throw bad('heldAt', 'A meeting is recorded once held: `heldAt` must not be in the future.');
      return store.insertMeeting({ cptsId, groupId, heldAt, recordedBy: actor, notes: optionalText(notes, 'notes', 2000) });
    },
    submitReport: async (cptsId: string, input: FieldReportInput) => {
      const row = await load(cptsId, CRISIS_FIELD);
      return store.insertReport({
        cptsId,
        indicator: fieldIndicator(input.indicator),
        value: intBetween(input.value, 'input.value', 0, 1_000_000),
        communeCode: communeOf(row, input.communeCode, 'input.communeCode'),
        author: actor,
        notes: optionalText(input.notes, 'input.notes', 2000),
      });
    },
  };
}

export type CrisisService = ReturnType<typeof createCrisisService>;
