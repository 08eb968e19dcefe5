/**
 * The console's screens and the catalogue rights that open each (platform/auth/rights.ts): the
 * menu lists a screen only when one of the user's role assignments gives one of its rights.
 * Screens not built yet are not listed (docs/console.md § Not built yet).
 */
import type { ConsoleMeQuery } from './gql/graphql.js'; // .js: also compiled by the root tsconfig (test/console-rights.test.ts)

export type Me = NonNullable<ConsoleMeQuery['me']>;

export interface Screen {
  path: string;
  title: string;
  description: string;
  rights: readonly string[];
}

export const PLACE_SEARCH: Screen = {
  path: '/recherche-de-place',
  title: 'Recherche de place',
  description: 'Trouver une unité avec des lits libres près du patient et lui adresser une demande d’admission.',
  rights: ['ORU_ADMISSION_DEMANDE'],
};

export const ADMISSION_REQUESTS: Screen = {
  path: '/demandes-admission',
  title: 'Demandes d’admission',
  description: 'Suivre les demandes envoyées et répondre à celles reçues par vos unités, en direct.',
  rights: ['ORU_ADMISSION_DEMANDE', 'ORU_ADMISSION_REPONSE'],
};

/** Rights of the "Lits disponibles" screen, by what they open in it (docs/capacities.md § Rights). */
export const CAPACITY_RIGHTS = {
  read: ['ORU_CAPACITE_DISPONIBLE_SHOW', 'OruLitsDispos_litsdispos_visu', 'ORU_CAPACITE_DISPONIBLE_EDIT', 'OruLitsDispos_litsdispos_saisie'],
  entry: ['ORU_CAPACITE_DISPONIBLE_EDIT', 'OruLitsDispos_litsdispos_saisie'],
  synthesis: ['ORU_CAPACITE_SYNTHESE_SHOW', 'OruLitsDispos_litsdispos_synthese'],
  closuresRead: ['ORU_CAPACITE_FERMETURE_SHOW', 'ORU_CAPACITE_FERMETURE_EDIT', 'OruLitsDispos_litsdispos_saisie_fermeture', 'OruLitsDispos_litsdispos_acces_fermeture', 'OruSrv_saisie_fermetures'],
  closuresEdit: ['ORU_CAPACITE_FERMETURE_EDIT', 'OruLitsDispos_litsdispos_saisie_fermeture', 'OruSrv_saisie_fermetures'],
  export: ['OruLitsDispos_litsdispos_acces_export'],
} as const;

export const AVAILABLE_BEDS: Screen = {
  path: '/lits-disponibles',
  title: 'Lits disponibles',
  description: 'Saisir et valider les lits disponibles de vos unités, voir la synthèse et les fermetures prévues, en direct.',
  rights: ['OruLitsDispos_litsdispos_menu', ...CAPACITY_RIGHTS.read, ...CAPACITY_RIGHTS.synthesis, ...CAPACITY_RIGHTS.closuresRead],
};

export const SCREENS: readonly Screen[] = [PLACE_SEARCH, ADMISSION_REQUESTS, AVAILABLE_BEDS];

export function rightsOf(me: Me): Set<string> {
  return new Set(me.roleAssignments.flatMap((assignment) => assignment.effectiveRights));
}

export function screensFor(rights: ReadonlySet<string>): Screen[] {
  return SCREENS.filter((screen) => screen.rights.some((right) => rights.has(right)));
}

/**
 * Whether the user answers for a unit: ORU_ADMISSION_REPONSE transversally, or on the unit, its
 * establishment or its legal entity. The server decides in the end; this only hides buttons
 * that would be refused.
 */
export function answersFor(me: Me, target: UnitTarget): boolean {
  return holdsOn(me, ['ORU_ADMISSION_REPONSE'], target);
}

export interface UnitTarget {
  unitId: string;
  establishmentId: string;
  organizationId: string;
}

/** Whether one of the rights is granted on the unit: transversally, or on the unit, its establishment or its legal entity. */
export function holdsOn(me: Me, rights: readonly string[], target: UnitTarget): boolean {
  return me.roleAssignments.some((assignment) => {
    if (!rights.some((right) => assignment.effectiveRights.includes(right))) return false;
    switch (assignment.perimeterKind) {
      case 'TRANSVERSAL':
        return true;
      case 'ORGANIZATION':
        return assignment.perimeterId === target.organizationId;
      case 'ESTABLISHMENT':
        return assignment.perimeterId === target.establishmentId;
      case 'UNIT':
        return assignment.perimeterId === target.unitId;
      default:
        return false;
    }
  });
}
