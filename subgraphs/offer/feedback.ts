/**
 * Reports, suggestions and assistance requests (docs/feedback.md): any signed-in hub user sends
 * one; it is stored with its sender and, in the same transaction, a mail to the regional team is
 * queued in the offer outbox. The regional team (ORU_ROR_ETABLISSEMENT_EDIT transversally) lists
 * and closes them.
 */
import { and, count, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { HubError } from '../../platform/errors.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../platform/pagination.js';
import { requireRight } from '../../platform/auth/authorize.js';
import type { Identity } from '../../platform/auth/identity.js';
import { feedbackMail } from './feedback-mail.js';
import type { OfferStore } from './store.js';
import { assistanceDetailsOf, type AssistanceInput } from './assistance.js';
import { feedback, mailOutbox, type AssistanceDetails, type FeedbackKind, type FeedbackRow, type FeedbackStatus, type FeedbackSubjectType } from './tables.js';

export const MESSAGE_MAX = 4000;
/** The right that makes a user part of the regional team for feedback (our choice: see docs/authorisation.md). */
export const TEAM_RIGHT = 'ORU_ROR_ETABLISSEMENT_EDIT';

type UserIdentity = Extract<Identity, { kind: 'user' }>;

export interface FeedbackSubmission {
  kind: FeedbackKind;
  subjectType: FeedbackSubjectType;
  subjectId?: string | null;
  searchText?: string | null;
  message: string;
  assistance?: AssistanceDetails;
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

function requireUser(identity: Identity): UserIdentity {
  if (identity.kind === 'user') return identity;
  if (identity.kind === 'anonymous') {
    throw new HubError('UNAUTHENTICATED', 'Sign in to send a report, a suggestion or an assistance request: send a bearer token (Authorization: Bearer …).');
  }
  throw new HubError('FORBIDDEN', 'Only hub users (signed-in accounts) can send reports, suggestions and assistance requests; applications cannot.');
}

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

export function createFeedbackService(orm: Orm, offer: OfferStore, identity: Identity, teamEmail: string, nudge: () => void) {
  /** Checks the record reported exists (sensitive units included: every sender is a hub user). */
  const checkSubject = async (subjectType: FeedbackSubjectType, subjectId: string | null | undefined): Promise<string | null> => {
    if (subjectType === 'SEARCH' || subjectType === 'NONE') {
      if (subjectId) throw badInput(`\`subjectId\` must be absent for a ${subjectType} report.`, 'subjectId');
      return null;
    }
    const id = subjectId?.trim();
    if (!id) throw badInput(`\`subjectId\` is required for a ${subjectType} report.`, 'subjectId');
    const found =
      subjectType === 'ORGANIZATION'
        ? await offer.organizationsByIds([id])
        : subjectType === 'ESTABLISHMENT'
          ? await offer.establishmentsByIds([id])
          : await offer.unitsByIds([id]);
    const names = { ORGANIZATION: 'legal entity', ESTABLISHMENT: 'establishment', UNIT: 'unit' } as const;
    if (!found.length) throw new HubError('NOT_FOUND', `No ${names[subjectType]} ${id}.`, { argumentName: 'subjectId' });
    return id;
  };

  const submit = async (input: FeedbackSubmission): Promise<FeedbackRow> => {
    const user = requireUser(identity);
    const message = validText(input.message, 'message', true)!;
    if (input.subjectType !== 'SEARCH' && input.searchText) {
      throw badInput('`searchText` is only for a SEARCH report.', 'searchText');
    }
    const searchText = input.subjectType === 'SEARCH' ? validSearch(input.searchText) : null;
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
          senderSubject: user.subject,
          senderProfessionalId: user.professionalId,
          senderLogin: user.login,
          assistance: input.assistance ?? null,
        })
        .returning();
      await enqueueMail(tx, mailOutbox, feedbackMail(teamEmail, created!));
      return created!;
    });
    nudge();
    return row;
  };

  return {
    reportError: (subjectType: FeedbackSubjectType, subjectId: string | null | undefined, searchText: string | null | undefined, message: string) =>
      submit({ kind: 'REPORT_ERROR', subjectType, subjectId, searchText, message }),
    suggestTheme: (message: string) => submit({ kind: 'SUGGESTION', subjectType: 'NONE', message }),
    /** The form's fields are checked before anything is written (assistance.ts). */
    requestAssistance: (input: AssistanceInput) => {
      requireUser(identity);
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
      const user = identity.kind === 'user' ? identity.login : identity.kind;
      const closingNote = note === null || note === undefined ? null : validText(note, 'note', false);
      const key = parseId(id);
      const [existing] = key === null ? [] : await orm.select().from(feedback).where(eq(feedback.id, key));
      if (!existing) throw new HubError('NOT_FOUND', `No report, suggestion or assistance request ${id}.`, { argumentName: 'id' });
      const [closed] = await orm
        .update(feedback)
        .set({ status: 'CLOSED', closedAt: new Date(), closedBy: user, closingNote })
        .where(and(eq(feedback.id, existing.id), eq(feedback.status, 'OPEN')))
        .returning();
      if (!closed) throw badInput(`Item ${id} is already closed.`, 'id');
      return closed;
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
