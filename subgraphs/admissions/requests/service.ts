/**
 * The rules of the request lifecycle (docs/admissions.md § Requests), per request and identity:
 * who may act, which transitions hold, in one transaction each with an optimistic version check
 * (a conditional UPDATE … WHERE version = $v), a history row and a change-feed event.
 */
import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { actorName, type Identity } from '../../../platform/auth/identity.js';
import { requireRight } from '../../../platform/auth/authorize.js';
import { HubError } from '../../../platform/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/pagination.js';
import type { HubConfig } from '../../../platform/config.js';
import type { Logger } from '../../../platform/logger.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import type { Orm } from '../../../platform/db/client.js';
import type { DataCipher } from '../crypto.js';
import type { RequestRow, RequestTargetRow } from '../tables.js';
import {
  ANSWER_RIGHT, answerReach, answersFor, isRequester, maySee, requesterKindOf, requireAnswerer, requireParticipant, requireRequester,
} from './access.js';
import { appendAdmissionChange } from './changes.js';
import type { Holds } from './holds.js';
import { unitsForRequest } from './offer.js';
import { tx, type NewEvent, type RequestStore, type TargetPatch } from './store.js';
import { checkAnswer, checkReason, checkRequest, type AnswerInput, type RequestInput } from './validate.js';
import { requestView, type RequestView } from './views.js';

export interface RequestServiceDeps {
  store: RequestStore;
  client: SubgraphClient;
  holds: Holds;
  cipher: Promise<DataCipher>;
  config: Pick<HubConfig, 'admissions'>;
  logger: Logger;
  now?: () => Date;
}

export interface RequestFilter {
  side?: 'SENT' | 'RECEIVED' | null;
  statuses?: string[] | null;
  unitIds?: string[] | null;
  establishmentId?: string | null;
  createdFrom?: Date | null;
  createdBefore?: Date | null;
}

const OPEN_TARGETS = ['PENDING', 'PROPOSED'] as const;
const MINUTE_MS = 60_000;

function conflict(row: RequestRow, message: string): HubError {
  return new HubError('CONFLICT', `${message} The request is ${row.status} at version ${row.version} (extensions.currentVersion); read it again.`, {
    currentVersion: row.version,
    status: row.status,
  });
}

function notFound(id: string): HubError {
  return new HubError('NOT_FOUND', `Admission request ${id} does not exist.`, { requestId: id });
}

/** A transition's writes: the request's new state, its targets', its history. */
interface Plan {
  statuses: readonly string[];
  patch: { status?: string; acceptedUnitId?: string | null; closedAt?: Date | null };
  targets: Array<{ unitId: string; patch: TargetPatch }>;
  /** Other targets still open (PENDING, PROPOSED, and ACCEPTED on cancel) get this patch. */
  closeOthers?: { statuses: readonly string[]; patch: TargetPatch; except?: string };
  action: string;
  unitId: string | null;
  /** Each closed target's history action (WITHDRAWN). */
  closedAction?: string;
  /** Kept with the history row (a cancellation's reason). */
  details?: Record<string, unknown>;
}

/**
 * Runs one transition: the conditional UPDATE decides (a concurrent transition that committed
 * first makes it match no row: CONFLICT with the current version), then targets, history, feed.
 */
export async function commitTransition(store: RequestStore, id: string, expectedVersion: number, plan: Plan, actor: string, address: string | null, at: Date): Promise<RequestRow> {
  return store.transaction(async (t: Orm) => {
    const row = await tx.updateIfVersion(t, id, expectedVersion, plan.statuses, { ...plan.patch, updatedAt: at });
    if (!row) {
      const current = await tx.current(t, id); // inside the transaction: PGlite has one connection
      if (!current) throw notFound(id);
      throw conflict(current, current.version !== expectedVersion ? `Version ${expectedVersion} is stale.` : `This cannot be done on a ${current.status} request.`);
    }
    for (const target of plan.targets) await tx.updateTarget(t, id, target.unitId, target.patch);
    const closed = plan.closeOthers ? await tx.closeTargets(t, id, plan.closeOthers.statuses, plan.closeOthers.patch, plan.closeOthers.except) : [];
    const events: NewEvent[] = [{ requestId: id, at, actor, action: plan.action, unitId: plan.unitId, address, details: plan.details ?? null }];
    if (plan.closedAction) for (const c of closed) events.push({ requestId: id, at, actor, action: plan.closedAction, unitId: c.unitId, address });
    await tx.insertEvents(t, events);
    await appendAdmissionChange(t, row, await tx.targets(t, id), plan.action, actor, at, plan.unitId);
    return row;
  });
}

export function createRequestService(deps: RequestServiceDeps, identity: Identity, address: string | null) {
  const { store, client, holds, config, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const actor = actorName(identity);
  const rows = new DataLoader(async (ids: readonly string[]) => {
    const found = new Map((await store.byIds(ids)).map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });
  const targets = new DataLoader(async (ids: readonly string[]) => {
    const all = await store.targetsOf(ids);
    return ids.map((id) => all.filter((t) => t.requestId === id));
  });
  const history = new DataLoader(async (ids: readonly string[]) => {
    const all = await store.eventsOf(ids);
    return ids.map((id) => all.filter((e) => e.requestId === id));
  });
  const loaders = { targets: (id: string) => targets.load(id), history: (id: string) => history.load(id) };
  const view = async (row: RequestRow): Promise<RequestView> => requestView(row, await deps.cipher, loaders);

  /** The request and its targets if the caller may see it; null otherwise (no existence leak). */
  async function visible(id: string): Promise<{ row: RequestRow; targets: RequestTargetRow[] } | null> {
    const row = await rows.load(id);
    if (!row) return null;
    const rowTargets = await targets.load(id);
    return maySee(identity, { ...row, targets: rowTargets }) ? { row, targets: rowTargets } : null;
  }

  async function forWrite(id: string) {
    const found = await visible(id);
    if (!found) throw notFound(id);
    return found;
  }

  function checkVersion(row: RequestRow, expectedVersion: number, statuses: readonly string[], what: string): void {
    if (!statuses.includes(row.status)) throw conflict(row, `${what} is not possible on a ${row.status} request.`);
    if (row.version !== expectedVersion) throw conflict(row, `Version ${expectedVersion} is stale.`);
  }

  function targetFor(found: { row: RequestRow; targets: RequestTargetRow[] }, unitId: string): RequestTargetRow {
    const target = found.targets.find((t) => t.unitId === unitId);
    if (!target) throw new HubError('BAD_USER_INPUT', `Request ${found.row.id} was not sent to unit ${unitId}.`, { field: 'unitId', unitId });
    if (!answersFor(identity, target)) {
      requireRight(identity, ANSWER_RIGHT, { kind: 'UNIT', id: unitId, establishmentId: target.establishmentId, organizationId: target.organizationId });
    }
    return target;
  }

  /** Gives a held bed back (or keeps it taken: admitted) and forgets the hold; a failure is left to the hold job. */
  async function releaseHolds(requestId: string, admitted: boolean): Promise<void> {
    for (const target of await store.targetsOf([requestId])) {
      if (!target.holdId) continue;
      try {
        await holds.release(target.holdId, admitted, actor);
        await store.transaction((t) => tx.clearHold(t, requestId, target.unitId, target.holdId!));
      } catch (error) {
        logger.warn({ err: error, requestId, holdId: target.holdId }, 'bed hold release failed; the hold job will retry');
      }
    }
  }

  async function reread(id: string): Promise<RequestView> {
    rows.clear(id);
    targets.clear(id);
    history.clear(id);
    const row = await rows.load(id);
    if (!row) throw notFound(id);
    return view(row);
  }

  return {
    /** Null for a request the caller may not see, whoever they are (no existence leak); anonymous callers are refused. */
    byId: async (id: string): Promise<RequestView | null> => {
      if (identity.kind === 'anonymous') requireParticipant(identity);
      const found = await visible(id);
      return found ? view(found.row) : null;
    },

    /** A federation reference: null when the caller may not see it (no error, no leak). */
    reference: async (id: string): Promise<RequestView | null> => {
      if (identity.kind === 'anonymous') return null;
      const found = await visible(id);
      return found ? view(found.row) : null;
    },

    list: async (filter: RequestFilter, first: number | null | undefined, after: string | null | undefined) => {
      requireParticipant(identity);
      return listPage(filter, first, after);
    },

    /** Unit.admissionRequests: the unit's answerers only. */
    ofUnit: async (unitId: string, statuses: string[] | null | undefined, first: number | null | undefined, after: string | null | undefined) => {
      requireRight(identity, ANSWER_RIGHT, { kind: 'UNIT', id: unitId });
      return listPage({ side: 'RECEIVED', statuses, unitIds: [unitId] }, first, after);
    },

    request: async (input: RequestInput): Promise<RequestView> => {
      requireRequester(identity);
      const at = now();
      const checked = checkRequest(input, identity.kind === 'client', at);
      const units = await unitsForRequest(client, checked.unitIds, checked.patientAge);
      const cipher = await deps.cipher;
      const id = randomUUID();
      const row = await store.transaction(async (t) => {
        const subject = identity.kind === 'user' || identity.kind === 'client' ? identity.subject : actor;
        const inserted = {
          id,
          status: 'PENDING',
          version: 1,
          patientAge: checked.patientAge,
          patientSex: checked.patientSex,
          discipline: checked.discipline ?? null,
          activityCode: checked.activityCode ?? null,
          urgency: checked.urgency,
          wishedAt: checked.wishedAt ?? null,
          clinicalSummaryEnc: cipher.encrypt(checked.clinicalSummary),
          patientNameEnc: checked.patientName ? cipher.encrypt(checked.patientName) : null,
          callbackContact: checked.callbackContact,
          requesterKind: requesterKindOf(identity),
          requesterSubject: subject,
          requesterName: actor,
          requesterProfessionalId: identity.kind === 'user' ? identity.professionalId : null,
          onBehalfOf: checked.onBehalfOf ?? null,
          createdAt: at,
          updatedAt: at,
          expiresAt: new Date(at.getTime() + config.admissions.expiryMinutes * MINUTE_MS),
        };
        const targetRows = units.map((u) => ({ requestId: id, unitId: u.id, establishmentId: u.establishment.id, organizationId: u.establishment.organization.id, status: 'PENDING' }));
        const stored = await tx.insertRequest(t, inserted, targetRows);
        await tx.insertEvents(t, [{ requestId: id, at, actor, action: 'CREATED', unitId: null, address }]);
        await appendAdmissionChange(t, stored, await tx.targets(t, id), 'CREATED', actor, at);
        return stored;
      });
      return view(row);
    },

    answer: async (id: string, unitId: string, rawInput: AnswerInput, expectedVersion: number): Promise<RequestView> => {
      requireAnswerer(identity); // before the lookup (D80)
      const at = now();
      const input = checkAnswer(rawInput, at);
      const found = await forWrite(id);
      const target = targetFor(found, unitId);
      checkVersion(found.row, expectedVersion, ['PENDING'], 'An answer');
      if (!OPEN_TARGETS.includes(target.status as (typeof OPEN_TARGETS)[number])) throw conflict(found.row, `Unit ${unitId} already answered (${target.status}).`);
      const answered = { answer: input.answer, comment: input.comment ?? null, answeredBy: actor, answeredAt: at };
      let plan: Plan;
      if (input.answer === 'ACCEPT') {
        plan = {
          statuses: ['PENDING'],
          patch: { status: 'ACCEPTED', acceptedUnitId: unitId },
          targets: [{ unitId, patch: { ...answered, status: 'ACCEPTED', refusalReason: null } }],
          closeOthers: { statuses: OPEN_TARGETS, patch: { status: 'WITHDRAWN' }, except: unitId },
          action: 'ACCEPTED',
          unitId,
          closedAction: 'WITHDRAWN',
        };
      } else if (input.answer === 'REFUSE') {
        const othersOpen = found.targets.some((t) => t.unitId !== unitId && OPEN_TARGETS.includes(t.status as (typeof OPEN_TARGETS)[number]));
        plan = {
          statuses: ['PENDING'],
          patch: othersOpen ? {} : { status: 'REFUSED', closedAt: at },
          targets: [{ unitId, patch: { ...answered, status: 'REFUSED', refusalReason: input.reason ?? null } }],
          action: 'REFUSED',
          unitId,
        };
      } else {
        plan = {
          statuses: ['PENDING'],
          patch: {},
          targets: [{ unitId, patch: { ...answered, status: 'PROPOSED', proposedAt: input.proposedAt ?? null } }],
          action: 'PROPOSED',
          unitId,
        };
      }
      // The bed is held before the request is written (another subgraph, another transaction): a
      // request that then loses the race gives it back at once.
      const hold = input.answer === 'ACCEPT' && input.holdBed
        ? await holds.hold(unitId, found.row.patientSex, new Date(at.getTime() + config.admissions.holdMinutes * MINUTE_MS), `admission-request:${id}`, actor)
        : null;
      if (hold) plan.targets[0]!.patch = { ...plan.targets[0]!.patch, holdId: hold.id, bedHeldUntil: hold.until };
      try {
        await commitTransition(store, id, expectedVersion, plan, actor, address, at);
      } catch (error) {
        if (hold) await holds.release(hold.id, false, actor).catch((err: unknown) => logger.warn({ err, holdId: hold.id }, 'release of a losing hold failed'));
        throw error;
      }
      return reread(id);
    },

    acceptProposal: async (id: string, unitId: string, expectedVersion: number): Promise<RequestView> => {
      requireRequester(identity);
      const found = await forWrite(id);
      if (!isRequester(identity, found.row)) throw new HubError('FORBIDDEN', 'Only the requester may accept a proposal.', { requestId: id });
      const target = found.targets.find((t) => t.unitId === unitId);
      if (!target) throw new HubError('BAD_USER_INPUT', `Request ${id} was not sent to unit ${unitId}.`, { field: 'unitId', unitId });
      checkVersion(found.row, expectedVersion, ['PENDING'], 'Accepting a proposal');
      if (target.status !== 'PROPOSED') throw conflict(found.row, `Unit ${unitId} made no proposal (it is ${target.status}).`);
      await commitTransition(store, id, expectedVersion, {
        statuses: ['PENDING'],
        patch: { status: 'ACCEPTED', acceptedUnitId: unitId },
        targets: [{ unitId, patch: { status: 'ACCEPTED' } }],
        closeOthers: { statuses: OPEN_TARGETS, patch: { status: 'WITHDRAWN' }, except: unitId },
        action: 'PROPOSAL_ACCEPTED',
        unitId,
        closedAction: 'WITHDRAWN',
      }, actor, address, now());
      return reread(id);
    },

    cancel: async (id: string, expectedVersion: number, reason: string | null | undefined): Promise<RequestView> => {
      requireRequester(identity);
      const why = checkReason(reason);
      const found = await forWrite(id);
      if (!isRequester(identity, found.row)) throw new HubError('FORBIDDEN', 'Only the requester may cancel a request.', { requestId: id });
      checkVersion(found.row, expectedVersion, ['PENDING', 'ACCEPTED'], 'Cancelling');
      const at = now();
      await commitTransition(store, id, expectedVersion, {
        statuses: ['PENDING', 'ACCEPTED'],
        patch: { status: 'CANCELLED', closedAt: at },
        targets: [],
        // bedHeldUntil goes at once (the bed is no longer held for anyone); the hold id stays until released.
        closeOthers: { statuses: [...OPEN_TARGETS, 'ACCEPTED'], patch: { status: 'WITHDRAWN', bedHeldUntil: null } },
        action: 'CANCELLED',
        unitId: null,
        closedAction: 'WITHDRAWN',
        ...(why ? { details: { reason: why } } : {}),
      }, actor, address, at);
      await releaseHolds(id, false);
      return reread(id);
    },

    recordAdmission: async (id: string, expectedVersion: number): Promise<RequestView> => {
      requireAnswerer(identity);
      const found = await forWrite(id);
      const unitId = found.row.acceptedUnitId;
      if (!unitId) throw conflict(found.row, 'Only an accepted request can be completed.');
      targetFor(found, unitId);
      checkVersion(found.row, expectedVersion, ['ACCEPTED'], 'Recording the admission');
      const at = now();
      await commitTransition(store, id, expectedVersion, {
        statuses: ['ACCEPTED'],
        patch: { status: 'COMPLETED', closedAt: at },
        targets: [{ unitId, patch: { status: 'COMPLETED', bedHeldUntil: null } }],
        action: 'COMPLETED',
        unitId,
      }, actor, address, at);
      await releaseHolds(id, true);
      return reread(id);
    },
  };

  async function listPage(filter: RequestFilter, first: number | null | undefined, after: string | null | undefined) {
    const size = pageSize(first);
    let cursor: { createdAt: Date; id: string } | null = null;
    if (after) {
      const [createdAt, id] = decodeCursor(after);
      if (typeof createdAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(createdAt))) {
        throw new HubError('BAD_USER_INPUT', 'The cursor given in `after` is not one this server issued.', { argumentName: 'after' });
      }
      cursor = { createdAt: new Date(createdAt), id };
    }
    const side = filter.side ?? null;
    const party = identity.kind === 'user' || identity.kind === 'client' ? { kind: requesterKindOf(identity), subject: identity.subject } : null;
    const query = {
      sentBy: side !== 'RECEIVED' ? party : null,
      receivedBy: side !== 'SENT' ? answerReach(identity) : null,
      statuses: filter.statuses ?? null,
      unitIds: filter.unitIds ?? null,
      establishmentId: filter.establishmentId ?? null,
      createdFrom: filter.createdFrom ?? null,
      createdBefore: filter.createdBefore ?? null,
    };
    const found = await store.list({ ...query, after: cursor }, size + 1);
    const page = found.slice(0, size);
    const edges = await Promise.all(page.map(async (row) => ({ cursor: encodeCursor([row.createdAt.toISOString(), row.id]), node: await view(row) })));
    return {
      edges,
      pageInfo: { hasNextPage: found.length > size, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: () => store.count(query),
    };
  }
}

export type RequestService = ReturnType<typeof createRequestService>;
