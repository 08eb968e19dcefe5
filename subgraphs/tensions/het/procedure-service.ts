/**
 * The ARS's internal record of a HET episode (docs/het-follow-up.md): opened on a declaration,
 * the procedure's steps with when and who, the RETEX, the satisfaction survey, then closed. The
 * record is the ARS's (ORU_HET_PROCEDURE_*, region-wide); the establishment's declarants answer
 * and read the survey of their own episode.
 */
import { actorName, type Identity } from '../../../platform/auth/identity.js';
import { HubError } from '../../../platform/errors.js';
import { bad, optionalText, requiredText } from '../crisis/validate.js';
import type { DeclarationRow } from '../tables.js';
import { maySurvey, PROCEDURE_EDIT, PROCEDURE_SHOW, requireOnEstablishment, requireProcedureEdit, requireProcedureShow, requireSomewhere, SURVEY_ANSWER } from './access.js';
import { isCode, PROCEDURE_STEPS, SURVEY_CHANNELS } from './codes.js';
import type { HetStore } from './store.js';
import type { ProcedureRow } from './tables.js';
import { surveyAnswers, type AnswerInput } from './survey.js';

export interface RetexInput {
  heldAt: Date;
  participants: string;
  summary: string;
  strengths?: string | null;
  improvements?: string | null;
  recommendations?: string | null;
}

const SKEW_MS = 5 * 60_000;

function notFuture(at: Date, field: string): Date {
  if (at.getTime() > Date.now() + SKEW_MS) throw bad(field, `${field} must not be in the future.`);
  return at;
}

export function createProcedureService(deps: { store: HetStore }, identity: Identity) {
  const { store } = deps;
  const actor = actorName(identity);

  async function declaration(tensionId: string): Promise<DeclarationRow> {
    const row = await store.declaration(tensionId);
    if (!row) throw new HubError('NOT_FOUND', `No declaration ${tensionId.slice(0, 40)}.`, { field: 'tensionId' });
    return row;
  }

  /** The record of the episode, open (writes other than the survey need it open). */
  async function record(tensionId: string, mustBeOpen: boolean): Promise<ProcedureRow> {
    const [row] = await store.procedures([tensionId]);
    if (!row) throw new HubError('NOT_FOUND', `The ARS has opened no procedure record for declaration ${tensionId.slice(0, 40)}.`, { field: 'tensionId' });
    if (mustBeOpen && row.status !== 'OPEN') throw bad('tensionId', `The procedure record of ${tensionId} is closed.`);
    return row;
  }

  return {
    procedure: async (tensionId: string): Promise<ProcedureRow | null> => {
      requireProcedureShow(identity);
      return (await store.procedures([tensionId]))[0] ?? null;
    },
    list: (status: string | null | undefined) => {
      requireProcedureShow(identity);
      return store.procedureList(status ?? null);
    },
    declaration: (tensionId: string) => store.declaration(tensionId),
    /** Every step of the procedure, in order, each with its record when done. */
    steps: async (tensionId: string) => {
      const done = new Map((await store.steps(tensionId)).map((s) => [s.step, s]));
      return PROCEDURE_STEPS.map((step) => ({ step, record: done.get(step.code) ?? null }));
    },
    retex: (tensionId: string) => store.retex(tensionId),

    open: async (tensionId: string): Promise<ProcedureRow> => {
      requireProcedureEdit(identity);
      await declaration(tensionId);
      const row = await store.openProcedure(tensionId, actor);
      if (!row) throw new HubError('CONFLICT', `The procedure record of ${tensionId} is open already.`, { field: 'tensionId' });
      return row;
    },
    recordStep: async (tensionId: string, step: string, doneAt: Date | null | undefined, notes: string | null | undefined): Promise<ProcedureRow> => {
      requireProcedureEdit(identity);
      const row = await record(tensionId, true);
      if (!isCode(PROCEDURE_STEPS, step)) throw bad('step', `Unknown procedure step ${step.slice(0, 40)}.`);
      await store.recordStep({ tensionId, step, doneAt: notFuture(doneAt ?? new Date(), 'doneAt'), doneBy: actor, notes: optionalText(notes, 'notes', 2000) });
      return row;
    },
    saveRetex: async (tensionId: string, input: RetexInput): Promise<ProcedureRow> => {
      requireProcedureEdit(identity);
      const row = await record(tensionId, true);
      await store.saveRetex({
        tensionId,
        heldAt: notFuture(input.heldAt, 'input.heldAt'),
        participants: requiredText(input.participants, 'input.participants', 1000),
        summary: requiredText(input.summary, 'input.summary', 4000),
        strengths: optionalText(input.strengths, 'input.strengths', 4000),
        improvements: optionalText(input.improvements, 'input.improvements', 4000),
        recommendations: optionalText(input.recommendations, 'input.recommendations', 4000),
        savedBy: actor,
      });
      return row;
    },
    close: async (tensionId: string, expectedVersion: number): Promise<ProcedureRow> => {
      requireProcedureEdit(identity);
      const row = await record(tensionId, true);
      const closed = await store.closeProcedure(tensionId, expectedVersion, actor);
      if (!closed) throw new HubError('CONFLICT', `The procedure record of ${tensionId} changed: version ${row.version}, not ${expectedVersion}.`, { current: { version: row.version, status: row.status } });
      return closed;
    },

    /** The survey of an episode: the ARS's readers, or the establishment's declarants. */
    survey: async (tensionId: string) => {
      requireSomewhere(identity, [...PROCEDURE_SHOW, SURVEY_ANSWER]);
      const tension = await declaration(tensionId);
      if (!maySurvey(identity, tension.establishmentId, PROCEDURE_SHOW)) requireOnEstablishment(identity, SURVEY_ANSWER, tension.establishmentId);
      return store.survey(tensionId);
    },
    submitSurvey: async (tensionId: string, answers: AnswerInput[], channel: string | null | undefined) => {
      requireSomewhere(identity, [PROCEDURE_EDIT, SURVEY_ANSWER]);
      const tension = await declaration(tensionId);
      if (!maySurvey(identity, tension.establishmentId, [PROCEDURE_EDIT])) requireOnEstablishment(identity, SURVEY_ANSWER, tension.establishmentId);
      await record(tensionId, false);
      const how = channel ?? 'QUESTIONNAIRE';
      if (!isCode(SURVEY_CHANNELS, how)) throw bad('channel', `Unknown survey channel ${how.slice(0, 40)}.`);
      return store.saveSurvey({ tensionId, answers: surveyAnswers(answers), channel: how, respondent: actor });
    },
  };
}

export type ProcedureService = ReturnType<typeof createProcedureService>;
