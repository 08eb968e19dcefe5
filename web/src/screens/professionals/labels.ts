/** French labels of the professionals' enums and codes. */
import type { PerimeterKind, Role, Sex } from '../../gql/graphql';

/** The roles' names in the regional ROR (schemas/professionals.graphql, enum Role). */
export const ROLES: Record<Role, string> = {
  ESTABLISHMENT_REFERENT: 'Référent Établissement ROR',
  UNIT_REFERENT: 'Référent UO',
  TENSION_DECLARANT: 'Déclaration tension',
  PLAN_BLANC_REFERENT: 'Référent Plan Blanc',
  PLAN_BLEU_REFERENT: 'Référent Plan Bleu',
  BED_ENTRY: 'Saisie des lits disponibles',
  BED_MANAGER: 'Gestionnaire de lits',
  ADMISSION_REQUESTER: 'Demandeur d’admission directe',
  CPTS_CRISIS_COORDINATOR: 'Coordinateur de crise CPTS',
  CPTS_MEMBER: 'Membre de CPTS',
  TERRITORIAL_COORDINATOR: 'Coordonnateur territorial',
  ARS_HET_REFERENT: 'Référent HET ARS',
};

export const PERIMETER_KINDS: Record<PerimeterKind, string> = {
  TRANSVERSAL: 'Toute la région (transversal)',
  ORGANIZATION: 'Entité juridique',
  ESTABLISHMENT: 'Établissement',
  UNIT: 'Unité',
  PROFESSIONAL: 'Fiche d’un professionnel',
  TERRITORY: 'Secteur (gestion territoriale des lits)',
};

export const SEXES: Record<Sex, string> = { FEMALE: 'Femme', MALE: 'Homme' };

/**
 * The common TRE_G15 professions, for the list's filter: the API has no list of them (it keeps
 * any well-formed code, subgraphs/professionals/codes.ts); a record's own profession comes with
 * its label from the API.
 */
export const PROFESSIONS: Record<string, string> = {
  '10': 'Médecin',
  '21': 'Pharmacien',
  '40': 'Chirurgien-dentiste',
  '50': 'Sage-femme',
  '60': 'Infirmier',
  '70': 'Masseur-kinésithérapeute',
  '80': 'Pédicure-podologue',
  '91': 'Orthophoniste',
  '92': 'Orthoptiste',
};
