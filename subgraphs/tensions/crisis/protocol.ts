/**
 * Rules of the protocol's editing (docs/crisis.md § Editing the protocol): the CPTS's coordinator
 * (ORU_CPTS_CRISE_EDIT on the CPTS) keeps its members, the cell's members, the working groups and
 * their referents, the procedures per level, the communication plan and the inventory. Rights
 * first, then validation of the whole input, then one transaction (protocol-store.ts).
 */
import { requireRightSomewhere } from '../../../platform/auth/authorize.js';
import type { Identity } from '../../../platform/auth/identity.js';
import { HubError } from '../../../platform/errors.js';
import { CRISIS_EDIT } from './access.js';
import { CHANNELS, GROUP_THEMES, isLevelCode } from './codes.js';
import type { ProtocolPart, ProtocolRow, ProtocolStore } from './protocol-store.js';
import type { CptsRow } from './tables.js';
import { bad, communeOf, intBetween, optionalText, recordId, requiredText, resourceKind } from './validate.js';

export interface CellMemberInput {
  name: string;
  function: string;
  organisation: string;
  professionalId?: string | null;
}

export interface WorkingGroupInput {
  theme: string;
  label?: string | null;
  referentName: string;
  referentProfessionalId?: string | null;
}

export interface ProcedureInput {
  level: string;
  title: string;
  description: string;
  owner: string;
}

export interface CommunicationInput {
  level?: string | null;
  audience: string;
  message: string;
  channel: string;
  owner: string;
}

export interface ResourceInput {
  kind: string;
  label: string;
  quantity: number;
  details?: string | null;
  professionalId?: string | null;
  communeCode?: string | null;
}

export interface ProtocolHelpers {
  identity: Identity;
  actor: string;
  store: ProtocolStore;
  /** The CPTS after the right on it (NOT_FOUND only to who holds it). */
  load: (cptsId: string, right: typeof CRISIS_EDIT) => Promise<CptsRow>;
  requireProfessional: (id: string, field: string) => Promise<string>;
  /** Forgets the request's cached CPTS rows after a write. */
  forget: (cptsId: string) => void;
}

const NAME_MAX = 200;
const TEXT_MAX = 2000;

const optionalProfessional = (h: ProtocolHelpers, id: string | null | undefined, field: string) => (id ? h.requireProfessional(id, field) : Promise.resolve(null));

function level(code: string, field: string): string {
  if (!isLevelCode(code)) throw bad(field, `Unknown crisis level ${code}.`);
  return code;
}

async function cellMemberValues(h: ProtocolHelpers, _row: CptsRow, i: CellMemberInput) {
  return {
    name: requiredText(i.name, 'input.name', NAME_MAX),
    function: requiredText(i.function, 'input.function', NAME_MAX),
    organisation: requiredText(i.organisation, 'input.organisation', NAME_MAX),
    professionalId: await optionalProfessional(h, i.professionalId, 'input.professionalId'),
  };
}

async function groupValues(h: ProtocolHelpers, _row: CptsRow, i: WorkingGroupInput) {
  if (!Object.hasOwn(GROUP_THEMES, i.theme)) throw bad('input.theme', `Unknown working-group theme ${i.theme}.`);
  return {
    theme: i.theme,
    label: optionalText(i.label, 'input.label', NAME_MAX) ?? GROUP_THEMES[i.theme as keyof typeof GROUP_THEMES],
    referentName: requiredText(i.referentName, 'input.referentName', NAME_MAX),
    referentProfessionalId: await optionalProfessional(h, i.referentProfessionalId, 'input.referentProfessionalId'),
  };
}

async function procedureValues(_h: ProtocolHelpers, _row: CptsRow, i: ProcedureInput) {
  return {
    levelCode: level(i.level, 'input.level'),
    title: requiredText(i.title, 'input.title', NAME_MAX),
    description: requiredText(i.description, 'input.description', TEXT_MAX),
    owner: requiredText(i.owner, 'input.owner', NAME_MAX),
  };
}

async function communicationValues(_h: ProtocolHelpers, _row: CptsRow, i: CommunicationInput) {
  if (!(CHANNELS as readonly string[]).includes(i.channel)) throw bad('input.channel', `Unknown channel ${i.channel}.`);
  return {
    levelCode: i.level === null || i.level === undefined ? null : level(i.level, 'input.level'),
    audience: requiredText(i.audience, 'input.audience', NAME_MAX),
    message: requiredText(i.message, 'input.message', TEXT_MAX),
    channel: i.channel,
    owner: requiredText(i.owner, 'input.owner', NAME_MAX),
  };
}

async function resourceValues(h: ProtocolHelpers, row: CptsRow, i: ResourceInput) {
  return {
    kind: resourceKind(i.kind),
    label: requiredText(i.label, 'input.label', NAME_MAX),
    quantity: intBetween(i.quantity, 'input.quantity', 1, 100_000),
    details: optionalText(i.details, 'input.details', TEXT_MAX),
    communeCode: communeOf(row, i.communeCode, 'input.communeCode'),
    professionalId: await optionalProfessional(h, i.professionalId, 'input.professionalId'),
    updatedBy: h.actor,
    updatedAt: new Date(),
  };
}

/** How each part's input becomes its row's values (validated as a whole before anything is written). */
const VALUES = {
  CRISIS_CELL_MEMBER: cellMemberValues,
  CRISIS_WORKING_GROUP: groupValues,
  CRISIS_PROCEDURE: procedureValues,
  CRISIS_COMMUNICATION: communicationValues,
  CRISIS_RESOURCE: resourceValues,
} as const;
type Inputs = { [P in ProtocolPart]: Parameters<(typeof VALUES)[P]>[2] };

/** What the record refers to that must stay readable: a group's meetings, a procedure's runs. */
const KEPT = { CRISIS_WORKING_GROUP: 'meetings were recorded for it', CRISIS_PROCEDURE: 'it was triggered' } as const;

export function createProtocolService(h: ProtocolHelpers) {
  const { store, actor } = h;

  /** A record of a part, after the edit right on its CPTS (refused first to who holds it nowhere). */
  async function existing(part: ProtocolPart, rawId: string): Promise<{ before: ProtocolRow; cpts: CptsRow }> {
    requireRightSomewhere(h.identity, { rights: [CRISIS_EDIT], scope: null });
    const before = await store.byId(part, recordId(rawId));
    if (!before) throw new HubError('NOT_FOUND', `Unknown ${part.toLowerCase().replaceAll('_', ' ')} ${rawId}.`, { field: 'id' });
    return { before, cpts: await h.load(before.cptsId, CRISIS_EDIT) };
  }

  /** The rank of an added entry: last (of its level for a procedure); kept on update unless the level changes. */
  async function ranked(part: ProtocolPart, cptsId: string, values: Record<string, unknown>, before?: ProtocolRow): Promise<Record<string, unknown>> {
    if (part !== 'CRISIS_CELL_MEMBER' && part !== 'CRISIS_PROCEDURE' && part !== 'CRISIS_COMMUNICATION') return values;
    if (before && (part !== 'CRISIS_PROCEDURE' || before.levelCode === values.levelCode)) return values;
    return { ...values, rank: await store.nextRank(part, cptsId, values.levelCode as string | undefined) };
  }

  const add = async <P extends ProtocolPart>(part: P, cptsId: string, input: Inputs[P]): Promise<ProtocolRow> => {
    const row = await h.load(cptsId, CRISIS_EDIT);
    const values = await (VALUES[part] as (h: ProtocolHelpers, row: CptsRow, i: Inputs[P]) => Promise<Record<string, unknown>>)(h, row, input);
    const saved = await store.insert(part, { ...(await ranked(part, cptsId, values)), cptsId }, actor);
    h.forget(cptsId);
    return saved;
  };

  const update = async <P extends ProtocolPart>(part: P, rawId: string, input: Inputs[P]): Promise<ProtocolRow> => {
    const { before, cpts } = await existing(part, rawId);
    const values = await (VALUES[part] as (h: ProtocolHelpers, row: CptsRow, i: Inputs[P]) => Promise<Record<string, unknown>>)(h, cpts, input);
    const saved = await store.update(part, before, await ranked(part, cpts.id, values, before), actor);
    h.forget(cpts.id);
    return saved;
  };

  /** Removes a record; a group with meetings or a triggered procedure is kept (CONFLICT): the indicators count them. */
  const remove = async (part: ProtocolPart, rawId: string): Promise<CptsRow> => {
    const { before, cpts } = await existing(part, rawId);
    if (part === 'CRISIS_WORKING_GROUP' || part === 'CRISIS_PROCEDURE') {
      if ((await store.uses(part, before.id)) > 0) throw new HubError('CONFLICT', `It cannot be removed: ${KEPT[part]}, and the follow-up indicators count it. Rename or update it instead.`, { field: 'id' });
    }
    await store.remove(part, before, actor);
    h.forget(cpts.id);
    return cpts;
  };

  return {
    addProtocolEntry: add,
    updateProtocolEntry: update,
    removeProtocolEntry: remove,
    setAvailability: async (rawId: string, available: boolean) => {
      const { before } = await existing('CRISIS_RESOURCE', rawId);
      return store.update('CRISIS_RESOURCE', before, { available, updatedBy: actor, updatedAt: new Date() }, actor);
    },
    addMember: async (cptsId: string, professionalId: string): Promise<CptsRow> => {
      const row = await h.load(cptsId, CRISIS_EDIT);
      await h.requireProfessional(professionalId, 'professionalId');
      if (!(await store.addMember(cptsId, professionalId, actor))) throw new HubError('CONFLICT', `Professional ${professionalId} is already a member of ${row.name}.`, { field: 'professionalId' });
      return row;
    },
    removeMember: async (cptsId: string, professionalId: string): Promise<CptsRow> => {
      const row = await h.load(cptsId, CRISIS_EDIT);
      if (!(await store.removeMember(cptsId, professionalId, actor))) throw new HubError('NOT_FOUND', `Professional ${professionalId.slice(0, 40)} is not a member of ${row.name}.`, { field: 'professionalId' });
      return row;
    },
    edits: (cptsId: string, limit: number | null | undefined) => store.edits(cptsId, intBetween(limit ?? 50, 'limit', 1, 500)),
  };
}
