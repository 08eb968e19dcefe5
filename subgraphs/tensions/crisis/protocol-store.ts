/**
 * SQL of the protocol's editing (docs/crisis.md § Editing the protocol): the cell's members, the
 * working groups, the procedures, the communication plan, the inventory and the CPTS's members.
 * Each write, its edit-log row and its change-feed event (topic `crisis`, action
 * `PROTOCOL_CHANGED`) go in one transaction: nothing half-written, nothing unlogged.
 */
import { and, count, desc, eq, max, sql } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/client.js';
import { created, diff, removed, type FieldChanges } from '../../../platform/diff.js';
import { publishCrisis } from './store.js';
import { cellMembers, communications, cptsMembers, meetings, procedureRuns, procedures, protocolEdits, resources, workingGroups } from './tables.js';

/** The editable parts of a protocol, by the record type their log rows and events carry. */
const TABLES = {
  CRISIS_CELL_MEMBER: cellMembers,
  CRISIS_WORKING_GROUP: workingGroups,
  CRISIS_PROCEDURE: procedures,
  CRISIS_COMMUNICATION: communications,
  CRISIS_RESOURCE: resources,
} as const;
export type ProtocolPart = keyof typeof TABLES;
export type ProtocolRow = Record<string, unknown> & { id: number; cptsId: string };

// Every editable table has a bigserial `id` and a `cpts_id`: one shape for the generic writes below.
const tableOf = (part: ProtocolPart) => TABLES[part] as unknown as typeof cellMembers;

interface Edit {
  cptsId: string;
  part: ProtocolPart | 'CPTS_MEMBER';
  recordId: string;
  action: 'CREATED' | 'UPDATED' | 'REMOVED';
  changes: FieldChanges;
  actor: string;
}

async function log(t: Orm, e: Edit): Promise<void> {
  await t.insert(protocolEdits).values({ cptsId: e.cptsId, actor: e.actor, recordType: e.part, recordId: e.recordId, action: e.action, changes: e.changes });
  // The inventory keeps the action its subscribers already know.
  await publishCrisis(t, e.cptsId, e.part === 'CRISIS_RESOURCE' ? 'RESOURCE_CHANGED' : 'PROTOCOL_CHANGED', e.actor, e.part);
}

export function createProtocolStore(orm: Orm) {
  const tx = <T>(fn: (t: Orm) => Promise<T>): Promise<T> => orm.transaction((t) => fn(t as unknown as Orm));
  return {
    byId: async (part: ProtocolPart, id: number): Promise<ProtocolRow | null> => {
      const table = tableOf(part);
      return ((await orm.select().from(table).where(eq(table.id, id)))[0] as ProtocolRow | undefined) ?? null;
    },
    /** The next rank after the CPTS's last (of one level for procedures): new entries go last. */
    nextRank: async (part: 'CRISIS_CELL_MEMBER' | 'CRISIS_PROCEDURE' | 'CRISIS_COMMUNICATION', cptsId: string, levelCode?: string): Promise<number> => {
      const table = tableOf(part);
      const where = part === 'CRISIS_PROCEDURE' ? and(eq(table.cptsId, cptsId), eq(procedures.levelCode, levelCode!)) : eq(table.cptsId, cptsId);
      const [row] = await orm.select({ last: max(table.rank) }).from(table).where(where);
      return (row?.last ?? 0) + 1;
    },
    /** What refers to a group or a procedure: meetings held, runs triggered (kept: the indicators count them). */
    uses: async (part: 'CRISIS_WORKING_GROUP' | 'CRISIS_PROCEDURE', id: number): Promise<number> => {
      const [row] =
        part === 'CRISIS_WORKING_GROUP'
          ? await orm.select({ n: count() }).from(meetings).where(eq(meetings.groupId, id))
          : await orm.select({ n: count() }).from(procedureRuns).where(eq(procedureRuns.procedureId, id));
      return row?.n ?? 0;
    },
    insert: (part: ProtocolPart, values: Record<string, unknown> & { cptsId: string }, actor: string): Promise<ProtocolRow> =>
      tx(async (t) => {
        const [saved] = (await t.insert(tableOf(part)).values(values as never).returning()) as unknown as ProtocolRow[];
        const { cptsId, ...fields } = values;
        await log(t, { cptsId, part, recordId: String(saved!.id), action: 'CREATED', changes: created(fields), actor });
        return saved!;
      }),
    update: (part: ProtocolPart, before: ProtocolRow, values: Record<string, unknown>, actor: string): Promise<ProtocolRow> =>
      tx(async (t) => {
        const table = tableOf(part);
        const [saved] = (await t.update(table).set(values as never).where(eq(table.id, before.id)).returning()) as unknown as ProtocolRow[];
        await log(t, { cptsId: before.cptsId, part, recordId: String(before.id), action: 'UPDATED', changes: diff(before, values), actor });
        return saved!;
      }),
    remove: (part: ProtocolPart, before: ProtocolRow, actor: string): Promise<void> =>
      tx(async (t) => {
        const table = tableOf(part);
        await t.delete(table).where(eq(table.id, before.id));
        const { id: _id, cptsId, ...fields } = before;
        await log(t, { cptsId, part, recordId: String(before.id), action: 'REMOVED', changes: removed(fields), actor });
      }),

    isMember: async (cptsId: string, professionalId: string): Promise<boolean> =>
      (await orm.select({ id: cptsMembers.professionalId }).from(cptsMembers).where(and(eq(cptsMembers.cptsId, cptsId), eq(cptsMembers.professionalId, professionalId)))).length > 0,
    /** Adds a member; false when it already was one (two adds, one wins). */
    addMember: (cptsId: string, professionalId: string, actor: string): Promise<boolean> =>
      tx(async (t) => {
        const added = await t.insert(cptsMembers).values({ cptsId, professionalId, since: sql`now()` as never }).onConflictDoNothing().returning();
        if (!added.length) return false;
        await log(t, { cptsId, part: 'CPTS_MEMBER', recordId: professionalId, action: 'CREATED', changes: created({ professionalId }), actor });
        return true;
      }),
    /** Removes a member; false when it was not one. */
    removeMember: (cptsId: string, professionalId: string, actor: string): Promise<boolean> =>
      tx(async (t) => {
        const gone = await t.delete(cptsMembers).where(and(eq(cptsMembers.cptsId, cptsId), eq(cptsMembers.professionalId, professionalId))).returning();
        if (!gone.length) return false;
        await log(t, { cptsId, part: 'CPTS_MEMBER', recordId: professionalId, action: 'REMOVED', changes: removed({ professionalId }), actor });
        return true;
      }),

    edits: (cptsId: string, limit: number) => orm.select().from(protocolEdits).where(eq(protocolEdits.cptsId, cptsId)).orderBy(desc(protocolEdits.at), desc(protocolEdits.id)).limit(limit),
  };
}

export type ProtocolStore = ReturnType<typeof createProtocolStore>;
