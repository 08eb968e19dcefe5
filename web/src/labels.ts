/** French labels of the API's enums, and the relative times the screens show. */
import type { AdmissionRefusalReason, AdmissionRequestStatus, AdmissionTargetStatus, AdmissionUrgency, Discipline, PatientSex } from './gql/graphql';

export const DISCIPLINES: Record<Discipline, string> = {
  MEDICINE: 'Médecine',
  SURGERY: 'Chirurgie',
  OBSTETRICS: 'Obstétrique',
  PAEDIATRICS: 'Pédiatrie',
  ADULT_ICU: 'Réanimation adulte',
  PAEDIATRIC_ICU: 'Réanimation pédiatrique',
  BURNS: 'Grands brûlés',
  INTENSIVE_CARE: 'Soins intensifs',
  CONTINUOUS_CARE: 'Surveillance continue',
  SMR: 'Soins médicaux et de réadaptation',
  PSYCHIATRY: 'Psychiatrie',
  LONG_STAY: 'Soins de longue durée',
  HAD: 'Hospitalisation à domicile',
  ED_SHORT_STAY: 'UHCD (urgences)',
};

export const SEXES: Record<PatientSex, string> = { FEMALE: 'Femme', MALE: 'Homme' };

export const URGENCIES: Record<AdmissionUrgency, string> = {
  IMMEDIATE: 'Immédiate',
  SAME_DAY: 'Dans la journée',
  WITHIN_48H: 'Sous 48 heures',
  SCHEDULED: 'Programmée',
};

export const REQUEST_STATUSES: Record<AdmissionRequestStatus, string> = {
  PENDING: 'En attente',
  ACCEPTED: 'Acceptée',
  COMPLETED: 'Patient admis',
  REFUSED: 'Refusée',
  CANCELLED: 'Annulée',
  EXPIRED: 'Expirée',
};

export const TARGET_STATUSES: Record<AdmissionTargetStatus, string> = {
  PENDING: 'En attente',
  ACCEPTED: 'Acceptée',
  REFUSED: 'Refusée',
  PROPOSED: 'Horaire proposé',
  WITHDRAWN: 'Retirée',
  COMPLETED: 'Patient admis',
};

export const REFUSAL_REASONS: Record<AdmissionRefusalReason, string> = {
  NO_BED: 'Pas de lit disponible',
  NOT_SUITED: 'Unité non adaptée au patient',
  OTHER: 'Autre motif',
};

export function minutesAgo(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'à l’instant';
  if (minutes < 60) return `il y a ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `il y a ${hours} h ${String(minutes % 60).padStart(2, '0')}`;
  return `il y a ${Math.floor(hours / 24)} jours`;
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
}
