/**
 * Declaration writes (docs/tensions.md § Lifecycle): each checks the right on the establishment,
 * validates against the reference data, then writes the declaration, its timeline entries and its
 * change-feed event in one transaction (store.ts). Refused writes append nothing.
 */
import { actorName } from '../../platform/auth/identity.js';
import type DataLoader from 'dataloader';
import type { Identity } from '../../platform/auth/identity.js';
import { HubError } from '../../platform/errors.js';
import type { NewTimelineEntry, TensionStore } from './store.js';
import type { DeclarationRow } from './tables.js';
import type { OfferEstablishments } from './offer-establishments.js';
import type { ReferenceReader } from './reference-reader.js';
import { CLOSE, DECLARE, requireTensionWrite } from './access.js';
import { tensionChange, type TensionAction } from './events.js';

export interface ActionInput {
  actionCode: string;
  notes?: string | null;
}

export interface DeclareInput {
  establishmentId: string;
  disciplineGroupCode: string;
  levelCode: string;
  startedAt?: Date | null;
  actions?: ActionInput[] | null;
  notes?: string | null;
}

export interface UpdateInput {
  levelCode?: string | null;
  disciplineGroupCode?: string | null;
  notes?: string | null;
}

interface WriteDeps {
  store: TensionStore;
  offer: OfferEstablishments;
  reference: ReferenceReader;
  byId: DataLoader<string, DeclarationRow | null>;
}

const MAX_NOTES = 2000;
/** Clocks of browsers and servers differ a little: a start "now" may arrive a bit ahead. */
const CLOCK_SKEW_MS = 5 * 60_000;

const bad = (field: string, message: string) => new HubError('BAD_USER_INPUT', message, { field });
const closed = (id: string) => bad('id', `Tension declaration ${id} is closed; declare a new one.`);

/** The declaration as a CONFLICT's `extensions.current` shows it. */
function current(row: DeclarationRow) {
  const { id, version, levelCode, disciplineGroupCode, status } = row;
  return { id, version, levelCode, disciplineGroupCode, status, startedAt: row.startedAt.toISOString(), endedAt: row.endedAt?.toISOString() ?? null };
}

export function createTensionWrites(deps: WriteDeps, identity: Identity) {
  const { store, offer, reference } = deps;
  const author = actorName(identity);

  const notes = (value: string | null | undefined, field = 'notes') => {
    const text = value?.trim() || null;
    if (text && text.length > MAX_NOTES) throw bad(field, `Notes are at most ${MAX_NOTES} characters.`);
    return text;
  };
  async function level(code: string) {
    if (!(await reference.levels()).has(code)) throw bad('levelCode', `Unknown tension level ${code}: see tensionLevels.`);
    return code;
  }
  async function group(code: string) {
    if (!(await reference.groups()).has(code)) throw bad('disciplineGroupCode', `Unknown discipline group ${code}: see disciplineGroups.`);
    return code;
  }
  async function actionEntries(actions: readonly ActionInput[], at: Date, row: Pick<DeclarationRow, 'levelCode' | 'disciplineGroupCode'>): Promise<NewTimelineEntry[]> {
    const known = await reference.actions();
    return actions.map((a, i) => {
      if (!known.get(a.actionCode)?.active) throw new HubError('BAD_USER_INPUT', `Unknown or retired HET action ${a.actionCode}: see hetActionRepertoire.`, { field: 'actionCode', actionIndex: i });
      return { at, author, kind: 'ACTION_ADDED', actionCode: a.actionCode, levelCode: row.levelCode, disciplineGroupCode: row.disciplineGroupCode, notes: notes(a.notes) };
    });
  }
  /** The declaration to change: NOT_FOUND, then the right, then in progress. */
  async function inProgress(id: string, rights: Parameters<typeof requireTensionWrite>[1]): Promise<DeclarationRow> {
    const row = await deps.byId.load(id);
    if (!row) {
      if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Sign in to change a tension declaration.');
      throw new HubError('NOT_FOUND', `No tension declaration ${id}.`, { field: 'id' });
    }
    requireTensionWrite(identity, rights, row.establishmentId);
    if (row.status !== 'IN_PROGRESS') throw closed(id);
    return row;
  }
  const write = (action: TensionAction, entries: NewTimelineEntry[]) => ({
    entries,
    change: (row: DeclarationRow, ids: number[]) => tensionChange(action, author, row, ids),
  });
  const done = (row: DeclarationRow) => {
    deps.byId.clear(row.id).prime(row.id, row);
    return row;
  };

  return {
    declare: async (input: DeclareInput): Promise<DeclarationRow> => {
      requireTensionWrite(identity, DECLARE, input.establishmentId);
      const now = new Date();
      const startedAt = input.startedAt ?? now;
      if (startedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw bad('startedAt', 'A tension cannot start in the future.');
      const state = { levelCode: await level(input.levelCode), disciplineGroupCode: await group(input.disciplineGroupCode) };
      const entries: NewTimelineEntry[] = [
        { at: startedAt, author, kind: 'DECLARED', actionCode: null, ...state, notes: notes(input.notes) },
        ...(await actionEntries(input.actions ?? [], now < startedAt ? startedAt : now, state)),
      ];
      if (!(await offer.exists(input.establishmentId))) throw bad('establishmentId', `No establishment ${input.establishmentId} in the offer.`);
      const { row } = await store.declare(
        { establishmentId: input.establishmentId, ...state, status: 'IN_PROGRESS', startedAt, endedAt: null, declaredBy: author },
        write('DECLARE', entries),
      );
      return done(row);
    },

    update: async (id: string, input: UpdateInput, expectedVersion: number): Promise<DeclarationRow> => {
      const row = await inProgress(id, DECLARE);
      const levelCode = input.levelCode ? await level(input.levelCode) : row.levelCode;
      const disciplineGroupCode = input.disciplineGroupCode ? await group(input.disciplineGroupCode) : row.disciplineGroupCode;
      const text = notes(input.notes);
      if (row.version !== expectedVersion) throw new HubError('CONFLICT', `Tension declaration ${id} changed since version ${expectedVersion}.`, { current: current(row) });
      const at = new Date();
      const entries: NewTimelineEntry[] = [];
      if (levelCode !== row.levelCode) entries.push({ at, author, kind: 'LEVEL_CHANGED', actionCode: null, levelCode, disciplineGroupCode: row.disciplineGroupCode, notes: text });
      if (disciplineGroupCode !== row.disciplineGroupCode) {
        entries.push({ at, author, kind: 'DISCIPLINE_GROUP_CHANGED', actionCode: null, levelCode, disciplineGroupCode, notes: entries.length ? null : text });
      }
      if (entries.length === 0) return row; // nothing changes: nothing written, nothing appended
      const result = await store.change(id, expectedVersion, { levelCode, disciplineGroupCode }, write('UPDATE', entries));
      if (!result) {
        const [fresh] = await store.byIds([id]);
        if (fresh?.status !== 'IN_PROGRESS') throw closed(id);
        throw new HubError('CONFLICT', `Tension declaration ${id} changed since version ${expectedVersion}.`, { current: fresh ? current(fresh) : null });
      }
      return done(result.row);
    },

    addActions: async (id: string, actions: readonly ActionInput[]): Promise<DeclarationRow> => {
      const row = await inProgress(id, DECLARE);
      if (actions.length === 0) throw bad('actions', 'Give at least one action.');
      const entries = await actionEntries(actions, new Date(), row);
      const result = await store.change(id, null, {}, write('ADD_ACTIONS', entries));
      if (!result) throw closed(id); // closed meanwhile
      return done(result.row);
    },

    close: async (id: string, closingNotes: string | null | undefined, endedAtInput: Date | null | undefined): Promise<DeclarationRow> => {
      const row = await inProgress(id, CLOSE);
      const now = new Date();
      const endedAt = endedAtInput ?? now;
      if (endedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw bad('endedAt', 'A tension cannot end in the future.');
      const last = (await store.timelines([id])).at(-1)?.at ?? row.startedAt;
      if (endedAt < last) throw bad('endedAt', 'A tension cannot end before its last timeline entry.');
      const entry: NewTimelineEntry = { at: endedAt, author, kind: 'CLOSED', actionCode: null, levelCode: row.levelCode, disciplineGroupCode: row.disciplineGroupCode, notes: notes(closingNotes) };
      const result = await store.change(id, null, { status: 'CLOSED', endedAt }, write('CLOSE', [entry]));
      if (!result) throw closed(id); // closed meanwhile
      return done(result.row);
    },
  };
}
