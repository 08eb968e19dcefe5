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

/** The tension read rights (subgraphs/tensions/access.ts TENSION_READ): they read the RPU indicators. */
export const EMERGENCY: Screen = {
  path: '/urgences',
  title: 'Urgences',
  description: 'Indicateurs des services d’urgences, BJML par département et propositions de la détection des tensions.',
  rights: ['OruTension_tension_creation', 'OruTension_tension_pageNouvelleDeclaration', 'OruTension_alerte_cloture', 'ORU_ALERTE', 'ORU_ALERTE_NEW'],
};

/**
 * The capacity synthesis rights (subgraphs/capacities/access.ts SYNTHESIS), and the admission
 * indicators' right, which the ARS holds region-wide (its free beds come from the units' capacities).
 */
export const DASHBOARD: Screen = {
  path: '/tableau-de-bord',
  title: 'Tableau de bord',
  description: 'Par département : lits disponibles par discipline, tensions en cours, demandes d’admission et délais de réponse, peuplement du ROR.',
  rights: ['ORU_CAPACITE_SYNTHESE_SHOW', 'OruLitsDispos_litsdispos_synthese', 'ORU_ADMISSION_INDICATEURS'],
};

export const SCREENS: readonly Screen[] = [PLACE_SEARCH, ADMISSION_REQUESTS, EMERGENCY, DASHBOARD];

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
export function answersFor(me: Me, target: { unitId: string; establishmentId: string; organizationId: string }): boolean {
  return me.roleAssignments.some((assignment) => {
    if (!assignment.effectiveRights.includes('ORU_ADMISSION_REPONSE')) return false;
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
