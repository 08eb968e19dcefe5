/**
 * Code lists of the CPTS crisis protocol (docs/crisis.md): alert levels, resource kinds, themes of
 * the working groups (after the seed's list of crisis-management strands), communication channels
 * and the figures the field sends. Labels are French: the console and the users show them as is.
 */

/** Alert levels of a crisis cell, in rank order; an active cell is at one of them. */
export const CRISIS_LEVELS = [
  { code: 'LEVEL_1', rank: 1, label: 'Niveau 1 – Vigilance', description: 'Signal sanitaire inhabituel : veille renforcée, cellule restreinte en pré-alerte.' },
  { code: 'LEVEL_2', rank: 2, label: 'Niveau 2 – Alerte', description: 'Événement confirmé sur le territoire : cellule réunie, premières mesures de réorganisation.' },
  { code: 'LEVEL_3', rank: 3, label: 'Niveau 3 – Crise', description: 'Situation sanitaire exceptionnelle : cellule en continu, mobilisation de toutes les ressources.' },
] as const;
export type CrisisLevelCode = (typeof CRISIS_LEVELS)[number]['code'];

export const RESOURCE_KINDS = ['PERSON', 'PREMISES', 'EQUIPMENT'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const GROUP_THEMES = {
  WATCH: 'Veille',
  PARTNERSHIP: 'Coordination et lien partenarial',
  CONTINUITY_OF_CARE: 'Réorganisation et continuité des soins',
  CITY_HOSPITAL: 'Coordination ville / hôpital / médico-social',
  SCREENING: 'Dépistages',
  PATIENT_FOLLOW_UP: 'Suivi de patients',
  TRANSPORT: 'Transports sanitaires',
  PSYCHOLOGICAL_SUPPORT: 'Prise en charge médico-psychologique',
  LOGISTICS: 'Logistique et matériel',
  COMMUNICATION: 'Communication',
} as const;

export const CHANNELS = ['EMAIL', 'SMS', 'PHONE', 'MESSAGING_GROUP', 'MEETING', 'WEBSITE', 'SOCIAL_NETWORKS', 'PRESS', 'RADIO'] as const;

/** What the field reports, with the label the feedback shows. */
export const FIELD_INDICATORS = {
  SUSPECTED_CASES: 'Cas suspects vus en consultation',
  CONFIRMED_CASES: 'Cas confirmés',
  PATIENTS_FOLLOWED: 'Patients en télésuivi',
  TESTS_DONE: 'Dépistages réalisés',
  VACCINATIONS: 'Vaccinations réalisées',
  STAFF_UNAVAILABLE: 'Professionnels indisponibles',
} as const;
export type FieldIndicator = keyof typeof FIELD_INDICATORS;

export function isLevelCode(code: string): code is CrisisLevelCode {
  return CRISIS_LEVELS.some((l) => l.code === code);
}

export function levelOf(code: string) {
  return CRISIS_LEVELS.find((l) => l.code === code) ?? null;
}
