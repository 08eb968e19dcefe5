/**
 * The roles (profiles) of the regional ROR, as named sets of rights: the six of rights.md, two of
 * the direct-admissions regional extension (docs/admissions.md § Rights), two of the CPTS crisis
 * protocol (docs/crisis.md § Rights) and the territorial coordinator of territorial bed management
 * (docs/territory.md § Rights).
 */
import { rightGrantableOn, type PerimeterKind, type RightCode } from './rights.js';

type Role = { label: string; rights: readonly RightCode[] };

export const ROLES = {
  ESTABLISHMENT_REFERENT: {
    label: 'Référent Établissement ROR',
    rights: [
      'ORU_ALERTE_NEW', 'ORU_ALERTE', 'ORU_ROR_ETABLISSEMENT_EDIT', 'ORU_ROR_UNITE_NEW', 'ORU_ROR_UNITE_EDIT',
      'ORU_ROR_UNITE_TRANSFERT', 'ORU_ROR_UNITE_DELETE', 'ORU_ROR_POLE_NEW', 'ORU_ROR_POLE_EDIT', 'ORU_ROR_POLE_DELETE',
      'ORU_PROFESSIONNEL_NEW', 'ORU_PROFESSIONNEL_EDIT', 'OuruRorCredentials_adminRoles', 'ORU_ROR_ETABLISSEMENT_AFFECTATION',
      'ORU_PROFESSIONNEL_SHOW_LAST_LOGIN', 'ORU_PROFESSIONNEL_CHANGE_PASSWORD', 'ORU_PROFESSIONNEL_MAIL_SECOURS_EDIT',
    ],
  },
  UNIT_REFERENT: {
    label: 'Référent UO',
    rights: [
      'ORU_ALERTE_NEW', 'ORU_ALERTE', 'ORU_ROR_UNITE_EDIT', 'ORU_PROFESSIONNEL_NEW', 'ORU_PROFESSIONNEL_EDIT',
      'ORU_PROFESSIONNEL_DELETE', 'OruLitsDispos_litsdispos_visu', 'OruLitsDispos_litsdispos_menu',
      'OruLitsDispos_litsdispos_saisie', 'OruLitsDispos_litsdispos_synthese', 'ORU_CAPACITE_DISPONIBLE_SHOW',
      'ORU_CAPACITE_DISPONIBLE_EDIT', 'ORU_CAPACITE_SYNTHESE_SHOW', 'ORU_ROR_ETABLISSEMENT_AFFECTATION',
      'ORU_PROFESSIONNEL_SHOW_LAST_LOGIN', 'ORU_ADMISSION_REPONSE',
    ],
  },
  TENSION_DECLARANT: {
    label: 'Déclaration tension',
    rights: ['OruTension_tension_creation', 'OruTension_tension_pageNouvelleDeclaration', 'OruTension_alerte_cloture', 'OruTensionBundle_visuRepertoireHet'],
  },
  PLAN_BLANC_REFERENT: {
    label: 'Référent Plan Blanc',
    rights: [
      'ORU_ALERTE_NEW', 'ORU_ALERTE', 'OruLitsDispos_litsdispos_visu', 'OruLitsDispos_litsdispos_menu',
      'OruLitsDispos_litsdispos_saisie', 'OruLitsDispos_litsdispos_synthese', 'ORU_PLAN_BLANC_SHOW', 'ORU_PLAN_BLANC_EDIT',
      'ORU_PLAN_BLEU_EDIT', 'ORU_CAPACITE_DISPONIBLE_SHOW', 'ORU_CAPACITE_DISPONIBLE_EDIT',
    ],
  },
  PLAN_BLEU_REFERENT: {
    label: 'Référent Plan Bleu',
    rights: ['ORU_PLAN_BLEU_EDIT', 'ORU_PLAN_BLEU_NEW', 'ORU_PLAN_BLEU_SHOW'],
  },
  BED_ENTRY: {
    label: 'Saisie des lits disponibles',
    rights: [
      'OruLitsDispos_litsdispos_visu', 'OruLitsDispos_litsdispos_menu', 'OruLitsDispos_litsdispos_saisie',
      'OruLitsDispos_litsdispos_synthese', 'OruLitsDispos_litsdispos_saisie_fermeture', 'OruLitsDispos_litsdispos_acces_fermeture',
      'OruLitsDispos_litsdispos_acces_export', 'OruSrv_saisie_fermetures', 'ORU_CAPACITE_FERMETURE_SHOW',
      'ORU_CAPACITE_FERMETURE_EDIT', 'ORU_CAPACITE_DISPONIBLE_SHOW', 'ORU_CAPACITE_DISPONIBLE_EDIT', 'ORU_CAPACITE_SYNTHESE_SHOW',
      'ORU_BED_BLOCKER_SAISIE',
    ],
  },
  BED_MANAGER: {
    label: 'Gestionnaire de lits',
    rights: [
      'ORU_ADMISSION_REPONSE', 'ORU_ADMISSION_DEMANDE', 'ORU_ADMISSION_INDICATEURS', 'OruLitsDispos_litsdispos_visu',
      'OruLitsDispos_litsdispos_menu', 'OruLitsDispos_litsdispos_synthese', 'ORU_CAPACITE_DISPONIBLE_SHOW', 'ORU_CAPACITE_SYNTHESE_SHOW',
      'ORU_BED_BLOCKER_SAISIE', 'ORU_TERRITOIRE_CONTACT_EDIT',
    ],
  },
  TERRITORIAL_COORDINATOR: {
    label: 'Coordonnateur territorial',
    rights: ['ORU_TERRITOIRE_PILOTAGE', 'ORU_TERRITOIRE_CONTACT_EDIT', 'ORU_BED_BLOCKER_SAISIE'],
  },
  ADMISSION_REQUESTER: {
    label: "Demandeur d'admission directe",
    rights: ['ORU_ADMISSION_DEMANDE'],
  },
  // The CPTS crisis protocol (docs/crisis.md § Rights), on a CPTS (ORGANIZATION perimeter).
  CPTS_CRISIS_COORDINATOR: {
    label: 'Coordinateur de crise CPTS',
    rights: ['ORU_CPTS_CRISE_SHOW', 'ORU_CPTS_CRISE_EDIT', 'ORU_CPTS_CRISE_ACTIVATION', 'ORU_CPTS_CRISE_REMONTEE'],
  },
  CPTS_MEMBER: {
    label: 'Membre de CPTS',
    rights: ['ORU_CPTS_CRISE_SHOW', 'ORU_CPTS_CRISE_REMONTEE'],
  },
  // The ARS's follow-up of HET episodes (docs/het-follow-up.md § Rights), region-wide.
  ARS_HET_REFERENT: {
    label: 'Référent HET ARS',
    rights: ['ORU_HET_PROCEDURE_SHOW', 'ORU_HET_PROCEDURE_EDIT'],
  },
} as const satisfies Record<string, Role>;

export type RoleCode = keyof typeof ROLES;

export function isRoleCode(code: string): code is RoleCode {
  return Object.hasOwn(ROLES, code);
}

/** Rights a role assignment on `kind` actually grants, and those the kind does not allow. */
export function rightsOfRoleOn(role: RoleCode, kind: PerimeterKind): { granted: RightCode[]; refused: RightCode[] } {
  const rights: readonly RightCode[] = ROLES[role].rights;
  return {
    granted: rights.filter((r) => rightGrantableOn(r, kind)),
    refused: rights.filter((r) => !rightGrantableOn(r, kind)),
  };
}
