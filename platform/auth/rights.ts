/**
 * The catalogue of rights of the regional ROR (docs: ../shared rights.md, copied as data here):
 * each right's code, meaning and the perimeter kinds it may be granted on.
 */

/**
 * Perimeter kinds. ORGANIZATION is the legal entity (structure, EJ); ESTABLISHMENT the geographic
 * establishment (EG); UNIT the unit (UO); PROFESSIONAL one professional's record; TRANSVERSAL is
 * not tied to one structure (a page, a menu, a regional synthesis) and covers everything.
 * TERRITORY (regional extension, docs/territory.md) is a sector of territorial bed management
 * (platform/territories.ts): it covers the establishments and units of its départements.
 */
export const PERIMETER_KINDS = ['TRANSVERSAL', 'ORGANIZATION', 'ESTABLISHMENT', 'UNIT', 'PROFESSIONAL', 'TERRITORY'] as const;
export type PerimeterKind = (typeof PERIMETER_KINDS)[number];

type Right = { meaning: string; perimeters: readonly PerimeterKind[] };
const right = (meaning: string, ...perimeters: PerimeterKind[]): Right => ({ meaning, perimeters });

export const RIGHTS = {
  ORU_ALERTE_NEW: right('create alerts', 'TRANSVERSAL', 'ORGANIZATION'),
  ORU_ALERTE: right('manage alerts', 'UNIT', 'ESTABLISHMENT'),
  ORU_ROR_ETABLISSEMENT_EDIT: right('edit an establishment', 'ESTABLISHMENT', 'ORGANIZATION'),
  ORU_ROR_ETABLISSEMENT_AFFECTATION: right('assign an establishment to a professional', 'UNIT', 'ORGANIZATION'),
  ORU_ROR_UNITE_NEW: right('create a unit', 'ESTABLISHMENT', 'ORGANIZATION'),
  ORU_ROR_UNITE_EDIT: right('edit a unit', 'UNIT', 'ORGANIZATION'),
  ORU_ROR_UNITE_TRANSFERT: right('transfer a unit to another establishment', 'UNIT', 'ORGANIZATION'),
  ORU_ROR_UNITE_DELETE: right('archive a unit (never deleted; can be reactivated)', 'UNIT', 'ORGANIZATION'),
  ORU_ROR_POLE_NEW: right('create a pôle', 'TRANSVERSAL', 'ORGANIZATION'),
  ORU_ROR_POLE_EDIT: right('edit a pôle', 'UNIT', 'ORGANIZATION'),
  ORU_ROR_POLE_DELETE: right('archive a pôle', 'UNIT', 'ORGANIZATION'),
  ORU_PROFESSIONNEL_NEW: right('create a professional', 'TRANSVERSAL', 'ORGANIZATION'),
  ORU_PROFESSIONNEL_EDIT: right('edit a professional', 'PROFESSIONAL', 'ORGANIZATION'),
  ORU_PROFESSIONNEL_DELETE: right('archive a professional', 'PROFESSIONAL', 'ORGANIZATION'),
  ORU_PROFESSIONNEL_SHOW_LAST_LOGIN: right('see last login / last modification date', 'TRANSVERSAL', 'ORGANIZATION'),
  ORU_PROFESSIONNEL_CHANGE_PASSWORD: right("change another user's password", 'PROFESSIONAL', 'ORGANIZATION'),
  ORU_PROFESSIONNEL_MAIL_SECOURS_EDIT: right("edit a professional's rescue e-mail (does not grant reading it)", 'PROFESSIONAL', 'ORGANIZATION'),
  OuruRorCredentials_adminRoles: right('assign any role to anyone on anything', 'TRANSVERSAL', 'ORGANIZATION'),
  OruLitsDispos_litsdispos_visu: right('view bed availability', 'TRANSVERSAL', 'ORGANIZATION'),
  OruLitsDispos_litsdispos_menu: right('access bed-availability pages', 'TRANSVERSAL', 'ORGANIZATION'),
  OruLitsDispos_litsdispos_saisie: right('enter bed availability', 'UNIT', 'ORGANIZATION'),
  OruLitsDispos_litsdispos_synthese: right('access bed-availability syntheses', 'TRANSVERSAL', 'ORGANIZATION'),
  OruLitsDispos_litsdispos_saisie_fermeture: right('add/edit bed closures', 'UNIT', 'ORGANIZATION'),
  OruLitsDispos_litsdispos_acces_fermeture: right('access bed-closure pages', 'TRANSVERSAL', 'ORGANIZATION'),
  OruLitsDispos_litsdispos_acces_export: right('access the bed-availability export', 'TRANSVERSAL', 'ORGANIZATION'),
  OruSrv_saisie_fermetures: right('enter planned-closure data', 'TRANSVERSAL', 'ORGANIZATION'),
  ORU_CAPACITE_DISPONIBLE_SHOW: right('view available capacities', 'TRANSVERSAL', 'ORGANIZATION'),
  ORU_CAPACITE_DISPONIBLE_EDIT: right('enter available capacities', 'UNIT', 'ORGANIZATION'),
  ORU_CAPACITE_SYNTHESE_SHOW: right('view the synthesis of available and planned-closure capacities', 'TRANSVERSAL', 'ORGANIZATION'),
  ORU_CAPACITE_FERMETURE_SHOW: right('view planned closures', 'UNIT', 'ORGANIZATION'),
  ORU_CAPACITE_FERMETURE_EDIT: right('add/edit planned closures', 'UNIT', 'ORGANIZATION'),
  OruTension_tension_creation: right('create and release a tension declaration on an establishment', 'ESTABLISHMENT', 'ORGANIZATION'),
  OruTension_tension_pageNouvelleDeclaration: right('access the new-declaration page', 'TRANSVERSAL', 'ORGANIZATION'),
  OruTension_alerte_cloture: right('close an alert on an establishment', 'ESTABLISHMENT', 'ORGANIZATION'),
  OruTensionBundle_visuRepertoireHet: right('read the HET action repertoire', 'TRANSVERSAL', 'ORGANIZATION'),
  ORU_PLAN_BLANC_SHOW: right('view a Plan blanc', 'ESTABLISHMENT', 'ORGANIZATION'),
  ORU_PLAN_BLANC_EDIT: right('edit a Plan blanc', 'ESTABLISHMENT', 'ORGANIZATION'),
  ORU_PLAN_BLEU_NEW: right('create a Plan bleu', 'TRANSVERSAL', 'ORGANIZATION'),
  ORU_PLAN_BLEU_SHOW: right('view a Plan bleu', 'TRANSVERSAL', 'ORGANIZATION'),
  ORU_PLAN_BLEU_EDIT: right('edit a Plan bleu', 'ESTABLISHMENT', 'ORGANIZATION'),
  // Regional extension (not in rights.md): direct admissions (docs/admissions.md § Rights).
  ORU_ADMISSION_DEMANDE: right('search places and send direct admission requests; follow one\'s own', 'TRANSVERSAL', 'ORGANIZATION'),
  ORU_ADMISSION_REPONSE: right('see and answer the admission requests sent to a unit', 'UNIT', 'ORGANIZATION'),
  ORU_ADMISSION_INDICATEURS: right('view admission indicators (aggregates only)', 'TRANSVERSAL', 'ORGANIZATION'),
  // Regional extension (not in rights.md): the CPTS crisis protocol (docs/crisis.md § Rights). A
  // CPTS is a legal entity: ORGANIZATION perimeters name a CPTS id.
  ORU_CPTS_CRISE_SHOW: right('view a CPTS crisis protocol: cell, members, resources, procedures, indicators', 'TRANSVERSAL', 'ORGANIZATION'),
  ORU_CPTS_CRISE_EDIT: right('keep a CPTS crisis protocol: resources inventory, meetings held', 'ORGANIZATION'),
  ORU_CPTS_CRISE_ACTIVATION: right('activate, change the level of and deactivate a CPTS crisis cell; trigger its procedures', 'ORGANIZATION'),
  ORU_CPTS_CRISE_REMONTEE: right('send field data to a CPTS crisis cell and read its feedback', 'ORGANIZATION'),
  // Regional extension (not in rights.md): territorial bed management (docs/territory.md § Rights).
  ORU_TERRITOIRE_PILOTAGE: right("view a territory's bed-management dashboard, bed blockers and BJML table", 'TRANSVERSAL', 'TERRITORY'),
  ORU_TERRITOIRE_CONTACT_EDIT: right("edit an establishment's bed-management contact and answer delay", 'ESTABLISHMENT', 'ORGANIZATION', 'TERRITORY'),
  ORU_BED_BLOCKER_SAISIE: right('enter the bed blockers of a unit (patients fit for discharge awaiting a downstream place)', 'UNIT', 'ORGANIZATION', 'TERRITORY'),
  // Regional extension (not in rights.md): the ARS's internal HET procedure record (docs/het-follow-up.md § Rights).
  ORU_HET_PROCEDURE_SHOW: right("view the ARS's record of HET episodes: procedure steps, RETEX, satisfaction surveys", 'TRANSVERSAL'),
  ORU_HET_PROCEDURE_EDIT: right("keep the ARS's record of HET episodes: open and close it, record steps, write the RETEX, record survey answers", 'TRANSVERSAL'),
} as const satisfies Record<string, Right>;

export type RightCode = keyof typeof RIGHTS;

export function isRightCode(code: string): code is RightCode {
  return Object.hasOwn(RIGHTS, code);
}

/** Containment of perimeter kinds: a grant on `outer` reaches targets of kind `inner`. */
const CONTAINS: Record<PerimeterKind, readonly PerimeterKind[]> = {
  TRANSVERSAL: PERIMETER_KINDS,
  ORGANIZATION: ['ORGANIZATION', 'ESTABLISHMENT', 'UNIT', 'PROFESSIONAL'],
  ESTABLISHMENT: ['ESTABLISHMENT', 'UNIT'],
  UNIT: ['UNIT'],
  PROFESSIONAL: ['PROFESSIONAL'],
  TERRITORY: ['TERRITORY', 'ESTABLISHMENT', 'UNIT'],
};

export function kindContains(outer: PerimeterKind, inner: PerimeterKind): boolean {
  return CONTAINS[outer].includes(inner);
}

/**
 * A right can be granted on `kind` when it allows that kind, or when `kind` contains a kind it
 * allows (a grant on a legal entity reaches the units below it). Anything else is refused.
 */
export function rightGrantableOn(code: RightCode, kind: PerimeterKind): boolean {
  return RIGHTS[code].perimeters.some((allowed) => kindContains(kind, allowed));
}
