/**
 * Reports, suggestions and assistance requests (docs/feedback.md): any signed-in hub user sends
 * one (an application with `offer.report` an error report); it is stored with its sender and, in
 * the same transaction, a mail to the regional team is queued in the offer outbox. The regional
 * team (ORU_ROR_ETABLISSEMENT_EDIT transversally) lists, answers and closes them; a sender reads
 * and follows its own error reports (the FHIR ror-task, error-reports.ts).
 */
import { and, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { appendChanges } from '../../platform/changes/append.js';
import type { Orm } from '../../platform/db/client.js';
import { HubError } from '../../platform/errors.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../platform/pagination.js';
import { hasRight, hasScope, requireRight, seesConfidential } from '../../platform/auth/authorize.js';
import { actorName, type Identity } from '../../platform/auth/identity.js';
import { feedbackMail } from './feedback-mail.js';
import type { OfferStore } from './store.js';
import type { ProfessionalsPort } from './editing/professionals.js';
import { detailColumns, errorReportChange, optionalText, senderOf, type ErrorReportAnswer, type ErrorReportDetails } from './error-reports.js';
import { feedback, mailOutbox, type AssistanceDetails, type FeedbackKind, type FeedbackRow, type FeedbackStatus, type FeedbackSubjectType } from './tables.js';
import { assistanceDetailsOf, type AssistanceInput } from './assistance.js';

export const MESSAGE_MAX = 4000;
/** The right that makes a user part of the regional team for feedback (our choice: see docs/authorisation.md). */
export const TEAM_RIGHT = 'ORU_ROR_ETABLISSEMENT_EDIT';

/** The scope an application needs to send error reports (applications send nothing else). */
export const REPORT_SCOPE = 'offer.report';

type SenderIdentity = Extract<Identity, { kind: 'user' } | { kind: 'client' }>;

export interface FeedbackSubmission {
  kind: FeedbackKind;
  subjectType: FeedbackSubjectType;
  subjectId?: string | null;
  searchText?: string | null;
  message: string;
  assistance?: AssistanceDetails;
  details?: ErrorReportDetails | null;
}

/** What `errorReports` narrows on: ids, or the records reported on (one subject type). */
export interface ErrorReportFilter {
  ids?: string[] | null;
  subjectType?: FeedbackSubjectType | null;
  subjectIds?: string[] | null;
}

export interface FeedbackListArgs {
  status?: FeedbackStatus | null;
  kind?: FeedbackKind | null;
  first?: number | null;
  after?: string | null;
}

function badInput(message: string, argumentName: string): HubError {
  return new HubError('BAD_USER_INPUT', message, { argumentName });
}

function requireSignedIn(identity: Identity): void {
  if (identity.kind === 'anonymous') {
    throw new HubError('UNAUTHENTICATED', 'Sign in to send or follow a report, a suggestion or an assistance request: send a bearer token (Authorization: Bearer …).');
  }
}

/** Hub users send anything; applications error reports only, with the offer.report scope. */
function requireSender(identity: Identity, kind: FeedbackKind): SenderIdentity {
  requireSignedIn(identity);
  if (identity.kind === 'user') return identity;
  if (identity.kind === 'client' && kind === 'REPORT_ERROR') {
    if (hasScope(identity, REPORT_SCOPE)) return identity;
    throw new HubError('FORBIDDEN', `Missing scope ${REPORT_SCOPE} for this application: it may not report errors.`, { scope: REPORT_SCOPE });
  }
  throw new HubError('FORBIDDEN', 'Only hub users (signed-in accounts) can send suggestions and assistance requests; applications can only report errors.');
}

const isTeam = (identity: Identity): boolean => hasRight(identity, TEAM_RIGHT, { kind: 'TRANSVERSAL' });

function requireTeam(identity: Identity): void {
  requireRight(identity, TEAM_RIGHT, { kind: 'TRANSVERSAL' });
}

function validText(value: string, argumentName: string, required: boolean): string | null {
  const text = value.trim();
  if (!text) {
    if (required) throw badInput(`\`${argumentName}\` must not be empty.`, argumentName);
    return null;
  }
  if (text.length > MESSAGE_MAX) throw badInput(`\`${argumentName}\` must be at most ${MESSAGE_MAX} characters (got ${text.length}).`, argumentName);
  return text;
}

/** Search criteria are stored as JSON text: an object, at most MESSAGE_MAX characters. */
function validSearch(searchText: string | null | undefined): string {
  const text = validText(searchText ?? '', 'searchText', true)!;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badInput('`searchText` must be the search criteria as a JSON object.', 'searchText');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badInput('`searchText` must be the search criteria as a JSON object.', 'searchText');
  }
  return text;
}

function parseId(id: string): number | null {
  return /^[1-9]\d{0,9}$/.test(id) && Number(id) <= 2_147_483_647 ? Number(id) : null;
}

export function createFeedbackService(orm: Orm, offer: OfferStore, identity: Identity, teamEmail: string, nudge: () => void, professionals: Pick<ProfessionalsPort, 'unitsOf'>) {
  const visibleUnit = async (id: string) => (await offer.unitsByIds([id])).some((u) => !u.sensitive || seesConfidential(identity));

  /**
   * A professional's record or situation, asked of the professionals subgraph (never its tables):
   * it exists, the sender may read professionals (hub users; applications with professional.read),
   * and a situation's unit is one the sender sees.
   */
  const professionalSubjectExists = async (subjectType: 'PROFESSIONAL' | 'SITUATION', id: string): Promise<boolean> => {
    if (identity.kind === 'client' && !hasScope(identity, 'professional.read')) return false;
    const [professionalId, unitId] = subjectType === 'SITUATION' ? [id.slice(0, id.indexOf('.')), id.slice(id.indexOf('.') + 1)] : [id, undefined];
    if (!/^[A-Za-z0-9-]{1,64}$/.test(professionalId)) return false;
    const units = await professionals.unitsOf(professionalId);
    if (!units) return false;
    return unitId === undefined || (units.includes(unitId) && (await visibleUnit(unitId)));
  };

  /** Checks the record reported exists and the sender may see it (sensitive units: hub users and applications of access profile 1). */
  const checkSubject = async (subjectType: FeedbackSubjectType, subjectId: string | null | undefined): Promise<string | null> => {
    if (subjectType === 'SEARCH' || subjectType === 'NONE') {
      if (subjectId) throw badInput(`\`subjectId\` must be absent for a ${subjectType} report.`, 'subjectId');
      return null;
    }
    const id = subjectId?.trim();
    if (!id) throw badInput(`\`subjectId\` is required for a ${subjectType} report.`, 'subjectId');
    const found =
      subjectType === 'ORGANIZATION'
        ? (await offer.organizationsByIds([id])).length > 0
        : subjectType === 'ESTABLISHMENT'
          ? (await offer.establishmentsByIds([id])).length > 0
          : subjectType === 'UNIT'
            ? await visibleUnit(id)
            : await professionalSubjectExists(subjectType, id);
    const names = { ORGANIZATION: 'legal entity', ESTABLISHMENT: 'establishment', UNIT: 'unit', PROFESSIONAL: 'professional', SITUATION: 'situation' } as const;
    if (!found) throw new HubError('NOT_FOUND', `No ${names[subjectType]} ${id}.`, { argumentName: 'subjectId' });
    return id;
  };

  const submit = async (input: FeedbackSubmission): Promise<FeedbackRow> => {
    const sender = requireSender(identity, input.kind);
    const message = validText(input.message, 'message', true)!;
    if (input.subjectType !== 'SEARCH' && input.searchText) {
      throw badInput('`searchText` is only for a SEARCH report.', 'searchText');
    }
    const searchText = input.subjectType === 'SEARCH' ? validSearch(input.searchText) : null;
    if (input.details && (input.kind !== 'REPORT_ERROR' || input.subjectType === 'SEARCH' || input.subjectType === 'NONE')) {
      throw badInput('`details` are only for an error report on a record.', 'details');
    }
    const details = detailColumns(input.subjectType, input.details);
    const subjectId = await checkSubject(input.subjectType, input.subjectId);
    const row = await orm.transaction(async (tx) => {
      const [created] = await tx
        .insert(feedback)
        .values({
          kind: input.kind,
          subjectType: input.subjectType,
          subjectId,
          searchText,
          message,
          ...senderOf(sender),
          ...details,
          assistance: input.assistance ?? null,
        })
        .returning();
      await enqueueMail(tx, mailOutbox, feedbackMail(teamEmail, created!));
      if (created!.kind === 'REPORT_ERROR') await appendChanges(tx as unknown as Orm, [errorReportChange(created!, 'CREATE', actorName(identity))]);
      return created!;
    });
    nudge();
    return row;
  };

  /** Closes an open item in one transaction with its change-feed event (error reports only). */
  const closeWith = async (id: string, values: Partial<FeedbackRow>, action: 'ANSWER' | 'CLOSE', onlyReports: boolean): Promise<FeedbackRow> => {
    requireTeam(identity);
    const key = parseId(id);
    const [existing] = key === null ? [] : await orm.select().from(feedback).where(eq(feedback.id, key));
    if (!existing || (onlyReports && existing.kind !== 'REPORT_ERROR')) {
      throw new HubError('NOT_FOUND', `No ${onlyReports ? 'error report' : 'report, suggestion or assistance request'} ${id}.`, { argumentName: 'id' });
    }
    const closedBy = identity.kind === 'user' ? identity.login : identity.kind;
    const closedByProfessionalId = identity.kind === 'user' ? identity.professionalId : null;
    return orm.transaction(async (tx) => {
      const [closed] = await tx
        .update(feedback)
        .set({ ...values, status: 'CLOSED', closedAt: new Date(), closedBy, closedByProfessionalId, version: sql`${feedback.version} + 1`, updatedAt: new Date() })
        .where(and(eq(feedback.id, existing.id), eq(feedback.status, 'OPEN')))
        .returning();
      if (!closed) throw badInput(`Item ${id} is already closed.`, 'id');
      if (closed.kind === 'REPORT_ERROR') await appendChanges(tx as unknown as Orm, [errorReportChange(closed, action, actorName(identity))]);
      return closed;
    });
  };

  /** Error reports the caller may read: all for the regional team, its own for anyone else. */
  const readable = (): SQL[] => {
    requireSignedIn(identity);
    const where: SQL[] = [eq(feedback.kind, 'REPORT_ERROR')];
    if (isTeam(identity)) return where;
    if (identity.kind === 'client' && !hasScope(identity, REPORT_SCOPE)) {
      throw new HubError('FORBIDDEN', `Missing scope ${REPORT_SCOPE} for this application: it has no error reports.`, { scope: REPORT_SCOPE });
    }
    const subject = identity.kind === 'user' || identity.kind === 'client' ? identity.subject : '';
    where.push(eq(feedback.senderKind, identity.kind === 'client' ? 'APPLICATION' : 'USER'), eq(feedback.senderSubject, subject));
    return where;
  };

  return {
    reportError: (
      subjectType: FeedbackSubjectType,
      subjectId: string | null | undefined,
      searchText: string | null | undefined,
      message: string,
      details?: ErrorReportDetails | null,
    ) => submit({ kind: 'REPORT_ERROR', subjectType, subjectId, searchText, message, details }),
    suggestTheme: (message: string) => submit({ kind: 'SUGGESTION', subjectType: 'NONE', message }),
    /** The form's fields are checked before anything is written (assistance.ts). */
    requestAssistance: (input: AssistanceInput) => {
      requireSender(identity, 'ASSISTANCE');
      const { message, ...rest } = input;
      return submit({ kind: 'ASSISTANCE', subjectType: 'NONE', message, assistance: assistanceDetailsOf(rest) });
    },

    /** Newest first. */
    list: async (args: FeedbackListArgs): Promise<Connection<FeedbackRow>> => {
      requireTeam(identity);
      const size = pageSize(args.first);
      const where: SQL[] = [];
      if (args.status) where.push(eq(feedback.status, args.status));
      if (args.kind) where.push(eq(feedback.kind, args.kind));
      const filters = [...where];
      if (args.after) {
        const [afterId] = decodeCursor(args.after);
        if (typeof afterId !== 'number') throw badInput('The cursor given in `after` is not one this server issued.', 'after');
        where.push(lt(feedback.id, afterId));
      }
      const rows = await orm
        .select()
        .from(feedback)
        .where(and(...where))
        .orderBy(desc(feedback.id))
        .limit(size + 1);
      return toConnection(rows, size, Boolean(args.after), (r) => [r.id], async () => {
        const [n] = await orm.select({ n: count() }).from(feedback).where(and(...filters));
        return n?.n ?? 0;
      });
    },

    close: async (id: string, note: string | null | undefined): Promise<FeedbackRow> => {
      requireTeam(identity);
      const closingNote = note === null || note === undefined ? null : validText(note, 'note', false);
      return closeWith(id, { closingNote }, 'CLOSE', false);
    },

    /** The regional team's answer to an error report: how it was resolved, the ror-task outputs, and a note. */
    answer: async (id: string, input: ErrorReportAnswer): Promise<FeedbackRow> => {
      requireTeam(identity);
      const values = {
        resolution: input.resolution,
        newValue: optionalText(input.newValue, 'input.newValue'),
        identifierAnalyst: optionalText(input.identifierAnalyst, 'input.identifierAnalyst'),
        closingNote: optionalText(input.note, 'input.note'),
      };
      return closeWith(id, values, 'ANSWER', true);
    },

    /** One error report, for the team or its sender; null for anyone else (whether it exists or not). */
    errorReport: async (id: string): Promise<FeedbackRow | null> => {
      const where = readable();
      const key = parseId(id);
      if (key === null) return null;
      const [row] = await orm.select().from(feedback).where(and(...where, eq(feedback.id, key)));
      return row ?? null;
    },

    /** Error reports the caller may read, newest first. */
    errorReports: async (filter: ErrorReportFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Connection<FeedbackRow>> => {
      const where = readable();
      const size = pageSize(first);
      if (filter?.ids) where.push(inArray(feedback.id, filter.ids.map(parseId).filter((k): k is number => k !== null).concat(0)));
      if (filter?.subjectType) where.push(eq(feedback.subjectType, filter.subjectType));
      if (filter?.subjectIds) where.push(inArray(feedback.subjectId, [...filter.subjectIds, '']));
      const filters = [...where];
      if (after) {
        const [afterId] = decodeCursor(after);
        if (typeof afterId !== 'number') throw badInput('The cursor given in `after` is not one this server issued.', 'after');
        where.push(lt(feedback.id, afterId));
      }
      const rows = await orm.select().from(feedback).where(and(...where)).orderBy(desc(feedback.id)).limit(size + 1);
      return toConnection(rows, size, Boolean(after), (r) => [r.id], async () => {
        const [n] = await orm.select({ n: count() }).from(feedback).where(and(...filters));
        return n?.n ?? 0;
      });
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
