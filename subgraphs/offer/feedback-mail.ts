/**
 * The mail the regional team receives for each report, suggestion or assistance request (in
 * French, like every mail of the hub), and the wiring that delivers the offer subgraph's outbox.
 */
import type { FastifyInstance } from 'fastify';
import type { OutgoingMail } from '../../platform/mail/outbox.js';
import { deliverOutbox } from '../../platform/mail/subgraph.js';
import type { SubgraphDeps } from '../../platform/subgraph-module.js';
import { mailOutbox, type AssistanceDetails, type AssistanceType, type FeedbackKind, type FeedbackRow, type FeedbackSubjectType } from './tables.js';

const KIND_LABELS: Record<FeedbackKind, string> = {
  REPORT_ERROR: "Signalement d'erreur",
  SUGGESTION: 'Suggestion de thématique',
  ASSISTANCE: "Demande d'assistance",
};

const SUBJECT_LABELS: Record<FeedbackSubjectType, string> = {
  ORGANIZATION: 'entité juridique',
  ESTABLISHMENT: 'établissement',
  UNIT: 'unité',
  PROFESSIONAL: 'professionnel',
  SITUATION: 'situation (professionnel dans une unité)',
  SEARCH: 'recherche',
  NONE: '',
};

/** "unité 450000088-1234", "recherche", or null when the item is about nothing in particular. */
export function describeSubject(row: Pick<FeedbackRow, 'subjectType' | 'subjectId'>): string | null {
  if (row.subjectType === 'NONE') return null;
  return row.subjectId ? `${SUBJECT_LABELS[row.subjectType]} ${row.subjectId}` : SUBJECT_LABELS[row.subjectType];
}

/** The ror-task inputs of an error report, one line each (reports made through FHIR). */
function detailLines(row: FeedbackRow): string[] {
  const lines = [
    row.pathElementError && `Élément en erreur : ${row.pathElementError}`,
    row.errorValue && `Valeur erronée : ${row.errorValue}`,
    row.proposedValue && `Valeur proposée : ${row.proposedValue}`,
    row.ruleErrorId && `Règle : ${row.ruleErrorId}`,
    row.systemRequester && `Système demandeur : ${row.systemRequester}${row.identifierRequester ? ` (${row.identifierRequester})` : ''}`,
  ];
  return lines.filter((l): l is string => Boolean(l));
}

const ASSISTANCE_TYPE_LABELS: Record<AssistanceType, string> = { TECHNICAL: 'technique', SEARCH: 'recherche', OTHER: 'autre' };

/** The form's fields, labelled as the form shows them. */
function assistanceLines(a: AssistanceDetails): string[] {
  return [
    '',
    `Nom : ${a.lastName}`,
    `Prénom : ${a.firstName}`,
    `Téléphone : ${a.phone ?? '—'}`,
    `E-mail : ${a.email}`,
    `Département : ${a.departmentCode}`,
    `Établissement : ${a.establishment}`,
    `Fonction : ${a.jobTitle}`,
    `Type de demande : ${ASSISTANCE_TYPE_LABELS[a.type]}`,
    `Objet : ${a.subject}`,
  ];
}

export function feedbackMail(recipient: string, row: FeedbackRow): OutgoingMail {
  const subject = describeSubject(row);
  return {
    recipient,
    subject: `ROR : ${KIND_LABELS[row.kind]} n° ${row.id}${subject ? ` (${subject})` : ''}`,
    body: [
      'Bonjour,',
      '',
      `${KIND_LABELS[row.kind]} n° ${row.id} reçu sur le ROR.`,
      '',
      'Expéditeur :',
      row.senderLogin,
      row.senderProfessionalId ? `Professionnel : ${row.senderProfessionalId}` : 'Application du cercle de confiance',
      ...(subject ? ['', `Objet : ${subject}`] : []),
      ...detailLines(row),
      ...(row.searchText ? ['Critères de recherche :', row.searchText] : []),
      ...(row.assistance ? assistanceLines(row.assistance) : []),
      '',
      'Message :',
      row.message,
      '',
      "Consultez et clôturez les demandes avec la requête `feedback` de l'API du hub.",
    ].join('\n'),
  };
}

export interface FeedbackMailer {
  /** Delivers queued mails now rather than at the worker's next poll. */
  nudge(): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    offerFeedbackMailer?: FeedbackMailer;
  }
}

/** Starts delivery of the offer outbox with the app and stops it when the app closes. */
export function startFeedbackMail(app: FastifyInstance, deps: SubgraphDeps): void {
  const worker = deliverOutbox(app, deps, mailOutbox, 'offer');
  app.decorate('offerFeedbackMailer', { nudge: () => worker.nudge() });
}

/** Wakes the worker if it runs in this app; mails are delivered at the next poll otherwise. */
export function nudgeFeedbackMail(app: FastifyInstance | undefined): void {
  app?.offerFeedbackMailer?.nudge();
}
