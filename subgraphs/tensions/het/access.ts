/**
 * Who may do what with manual alerts and the ARS's record of HET episodes (docs/het-follow-up.md
 * § Rights). Deny by default; applications read alerts with `tension.read`, never write, and never
 * see the ARS's record, which is internal to the ARS.
 */
import { hasReadAccess, hasRight, requireRight, requireRightSomewhere } from '../../../platform/auth/authorize.js';
import type { Identity, Target } from '../../../platform/auth/identity.js';
import type { RightCode } from '../../../platform/auth/rights.js';
import { TENSION_READ } from '../access.js';
import type { AlertRow } from './tables.js';

/** « Créer des alertes », granted transversally (the ARS) or on a legal entity (its referent). */
export const ALERT_CREATE: RightCode = 'ORU_ALERTE_NEW';
/** « Gérer des alertes » on the unit or establishment: acknowledging; who may raise one may too. */
export const ALERT_MANAGE: RightCode[] = ['ORU_ALERTE', 'ORU_ALERTE_NEW'];
/** « Clôturer une alerte sur un établissement »; who raised alerts there may withdraw them. */
export const ALERT_CLOSE: RightCode[] = ['OruTension_alerte_cloture', 'ORU_ALERTE_NEW'];
export const PROCEDURE_SHOW: RightCode[] = ['ORU_HET_PROCEDURE_SHOW', 'ORU_HET_PROCEDURE_EDIT'];
export const PROCEDURE_EDIT: RightCode = 'ORU_HET_PROCEDURE_EDIT';
/** The establishment answers the survey of its own episode: its declarants. */
export const SURVEY_ANSWER: RightCode = 'OruTension_tension_creation';

const REGION: Target = { kind: 'TRANSVERSAL' };
const establishment = (id: string): Target => ({ kind: 'ESTABLISHMENT', id });

/** The alert's own perimeter: its unit (within its establishment) when it names one. */
export function alertTarget(alert: Pick<AlertRow, 'establishmentId' | 'unitId'>): Target {
  return alert.unitId ? { kind: 'UNIT', id: alert.unitId, establishmentId: alert.establishmentId } : establishment(alert.establishmentId);
}

/** Tension readers of the establishment, or alert managers of the alert's unit. */
export function canReadAlert(identity: Identity, alert: Pick<AlertRow, 'establishmentId' | 'unitId'>): boolean {
  return hasReadAccess(identity, TENSION_READ, establishment(alert.establishmentId)) || hasRight(identity, 'ORU_ALERTE', alertTarget(alert));
}

/** Before any lookup: who may do `rights` nowhere is refused whatever the id. */
export function requireSomewhere(identity: Identity, rights: readonly RightCode[]): void {
  requireRightSomewhere(identity, { rights, scope: null });
}

export function requireOnEstablishment(identity: Identity, rights: RightCode | RightCode[], establishmentId: string): void {
  requireRight(identity, rights, establishment(establishmentId));
}

export function requireOnAlert(identity: Identity, rights: RightCode[], alert: AlertRow): void {
  if (rights.some((r) => hasRight(identity, r, alertTarget(alert)))) return;
  requireRight(identity, rights, establishment(alert.establishmentId));
}

export const mayShowProcedures = (identity: Identity): boolean => PROCEDURE_SHOW.some((r) => hasRight(identity, r, REGION));

export function requireProcedureShow(identity: Identity): void {
  requireRight(identity, PROCEDURE_SHOW, REGION);
}

export function requireProcedureEdit(identity: Identity): void {
  requireRight(identity, PROCEDURE_EDIT, REGION);
}

/** The survey of an episode: the ARS's record readers, or the establishment's declarants. */
export function maySurvey(identity: Identity, establishmentId: string, rights: RightCode[]): boolean {
  return rights.some((r) => hasRight(identity, r, REGION)) || hasRight(identity, SURVEY_ANSWER, establishment(establishmentId));
}
