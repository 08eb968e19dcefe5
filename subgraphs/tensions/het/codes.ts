/**
 * Codes of the HET follow-up, as data with their French labels (docs/het-follow-up.md): why an
 * alert is raised, how it ends, the steps of the ARS's internal procedure, and the channels a
 * survey's answers came through. The codes are ours: the seeds name the procedure, the RETEX and
 * the survey (000_…txt, action 2) without listing their contents.
 */

export interface Code {
  code: string;
  label: string;
}

const codes = <T extends string>(rows: ReadonlyArray<readonly [T, string]>): Array<Code & { code: T }> => rows.map(([code, label]) => ({ code, label }));

/** Why a manual alert is raised: the mismatch between ED inflow, resources and beds it signals. */
export const ALERT_REASONS = codes([
  ['ED_INFLOW', 'Afflux aux urgences'],
  ['BED_SHORTAGE', 'Manque de lits d’aval'],
  ['STAFF_SHORTAGE', 'Manque de personnel'],
  ['EPIDEMIC', 'Épidémie ou événement sanitaire'],
  ['TECHNICAL', 'Incident technique ou logistique'],
  ['OTHER', 'Autre motif'],
] as const);

/** How an alert ended: a declaration followed (it names it), it resolved, or it was unfounded. */
export const ALERT_OUTCOMES = codes([
  ['DECLARED', 'Déclaration de tension'],
  ['RESOLVED', 'Situation rétablie'],
  ['UNFOUNDED', 'Alerte sans suite'],
] as const);

/** The ARS's internal procedure when an establishment declares HET, in order. */
export const PROCEDURE_STEPS = codes([
  ['ALERT_RECEIVED', 'Réception de l’alerte par la cellule de crise'],
  ['ESTABLISHMENT_CONTACTED', 'Contact avec la direction de l’établissement'],
  ['SITUATION_ASSESSED', 'Analyse de la situation (lits, RPU, établissements solidaires)'],
  ['SUPPORT_MOBILISED', 'Appui de l’ARS mobilisé (établissements voisins, SAMU, renforts)'],
  ['DAILY_FOLLOW_UP', 'Suivi quotidien de la situation'],
  ['TENSION_LIFTED', 'Levée de la tension'],
  ['RETEX_HELD', 'RETEX réalisé avec l’établissement'],
  ['SURVEY_SENT', 'Enquête de satisfaction adressée'],
] as const);

/** How the survey's answers were collected (seed 000: questionnaire, visits, phone). */
export const SURVEY_CHANNELS = codes([
  ['QUESTIONNAIRE', 'Questionnaire'],
  ['PHONE', 'Entretien téléphonique'],
  ['ON_SITE', 'Rencontre sur place'],
] as const);

export type SurveyAnswerKind = 'YES_NO' | 'SCALE_1_5' | 'TEXT';

export interface SurveyQuestion extends Code {
  kind: SurveyAnswerKind;
  required: boolean;
}

/**
 * The satisfaction survey after an episode: whether the establishment has a HET procedure apart
 * from its plan blanc and used it (the action sheet's first aim), then its view of the ARS's
 * support, the information it received and the ROR's HET module, and its suggestions.
 */
export const SURVEY_QUESTIONS: SurveyQuestion[] = [
  { code: 'HAS_HET_PROCEDURE', label: 'L’établissement dispose-t-il d’une procédure HET distincte du plan blanc ?', kind: 'YES_NO', required: true },
  { code: 'PROCEDURE_TRIGGERED', label: 'La procédure HET de l’établissement a-t-elle été déclenchée pendant l’épisode ?', kind: 'YES_NO', required: true },
  { code: 'ARS_REACHABLE', label: 'Joignabilité de l’ARS pendant l’épisode (1 à 5)', kind: 'SCALE_1_5', required: true },
  { code: 'ARS_SUPPORT', label: 'Appui apporté par l’ARS (1 à 5)', kind: 'SCALE_1_5', required: true },
  { code: 'INFORMATION', label: 'Information reçue : mails, points de situation (1 à 5)', kind: 'SCALE_1_5', required: true },
  { code: 'ROR_MODULE', label: 'Utilité du module HET du ROR (1 à 5)', kind: 'SCALE_1_5', required: true },
  { code: 'COMMENTS', label: 'Commentaires et suggestions', kind: 'TEXT', required: false },
];

export const isCode = (list: readonly Code[], code: string): boolean => list.some((c) => c.code === code);
export const labelOf = (list: readonly Code[], code: string): string => list.find((c) => c.code === code)?.label ?? code;
