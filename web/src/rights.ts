/**
 * The console's screens and the catalogue rights that open each (platform/auth/rights.ts): the
 * menu lists a screen only when one of the user's role assignments gives one of its rights.
 * Screens not built yet are not listed (docs/console.md § Not built yet).
 */
import type { ConsoleMeQuery } from './gql/graphql.js'; // .js: also compiled by the root tsconfig (test/console-rights.test.ts)

export type Me = NonNullable<ConsoleMeQuery['me']>;

/**
 * The user with the grants their function brings (a director declares tensions: docs/professionals.md
 * § Default grants) counted among their assignments, so menus and buttons open alike for both.
 */
export function withDefaultGrants(me: Me | null | undefined): Me | null {
  if (!me) return null;
  const defaults = me.defaultGrants.map((g, i) => ({ id: `default-${i}`, role: null, right: null, perimeterKind: g.perimeterKind, perimeterId: g.perimeterId ?? null, effectiveRights: g.rights }));
  return defaults.length ? { ...me, roleAssignments: [...me.roleAssignments, ...defaults] } : me;
}

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

/** Rights that read an establishment's declarations (docs/tensions.md § Rights). */
export const TENSION_READ_RIGHTS = ['OruTension_tension_creation', 'OruTension_tension_pageNouvelleDeclaration', 'OruTension_alerte_cloture', 'ORU_ALERTE', 'ORU_ALERTE_NEW'] as const;
export const PLAN_RIGHTS = ['ORU_PLAN_BLANC_SHOW', 'ORU_PLAN_BLANC_EDIT', 'ORU_PLAN_BLEU_NEW', 'ORU_PLAN_BLEU_SHOW', 'ORU_PLAN_BLEU_EDIT'] as const;

/** "Tensions": HET declarations, lists, the ARS view, and the Plan blanc / Plan bleu forms (sub-views under /tensions/). */
export const TENSIONS: Screen = {
  path: '/tensions',
  title: 'Tensions',
  description: 'Déclarer et suivre les hôpitaux en tension (HET), en direct ; Plans blancs et Plans bleus.',
  rights: [...TENSION_READ_RIGHTS, 'OruTensionBundle_visuRepertoireHet', ...PLAN_RIGHTS],
};

export const OFFER: Screen = {
  path: '/offre',
  title: 'Offre',
  description: 'Fiches des établissements et des unités : consulter, modifier, historique des modifications, signaler une erreur.',
  rights: ['ORU_ROR_ETABLISSEMENT_EDIT', 'ORU_ROR_UNITE_NEW', 'ORU_ROR_UNITE_EDIT', 'ORU_ROR_UNITE_TRANSFERT', 'ORU_ROR_UNITE_DELETE', 'ORU_ROR_POLE_NEW', 'ORU_ROR_POLE_EDIT', 'ORU_ROR_POLE_DELETE'],
};

export const PROFESSIONALS: Screen = {
  path: '/professionnels',
  title: 'Professionnels',
  description: 'Rechercher un professionnel, consulter sa fiche et ses rôles ; modifier la fiche et attribuer des rôles selon vos droits.',
  rights: [
    'ORU_PROFESSIONNEL_NEW',
    'ORU_PROFESSIONNEL_EDIT',
    'ORU_PROFESSIONNEL_DELETE',
    'ORU_PROFESSIONNEL_SHOW_LAST_LOGIN',
    'ORU_PROFESSIONNEL_CHANGE_PASSWORD',
    'ORU_PROFESSIONNEL_MAIL_SECOURS_EDIT',
    'OuruRorCredentials_adminRoles',
  ],
};


/** The tension read rights (subgraphs/tensions/access.ts TENSION_READ): they read the RPU indicators. */
export const EMERGENCY: Screen = {
  path: '/urgences',
  title: 'Urgences',
  description: 'Indicateurs des services d’urgences, BJML par département et propositions de la détection des tensions.',
  rights: TENSION_READ_RIGHTS,
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

/** The CPTS crisis rights (subgraphs/tensions/crisis/access.ts CRISIS_READ): each reads the protocol. */
export const CRISIS_READ_RIGHTS = ['ORU_CPTS_CRISE_SHOW', 'ORU_CPTS_CRISE_EDIT', 'ORU_CPTS_CRISE_ACTIVATION', 'ORU_CPTS_CRISE_REMONTEE'] as const;

export const CRISIS: Screen = {
  path: '/cellule-de-crise',
  title: 'Cellule de crise CPTS',
  description: 'État de la cellule de crise de votre CPTS, ses membres, ses ressources et les procédures du niveau en cours, en direct.',
  rights: CRISIS_READ_RIGHTS,
};

/** Territorial bed management (docs/territory.md): the coordinators' dashboard of their sector. */
export const TERRITORY: Screen = {
  path: '/gestion-territoriale',
  title: 'Gestion territoriale',
  description: 'Par secteur : tableau de bord des bed managers (contacts, délais de réponse, lits libres par discipline, places EHPAD), patients en attente d’aval et BJML, en direct.',
  rights: ['ORU_TERRITOIRE_PILOTAGE'],
};

// Menu order: the overview first, then the daily work of the seeds (beds, tensions, EDs, places), then the records.
export const SCREENS: readonly Screen[] = [DASHBOARD, TERRITORY, AVAILABLE_BEDS, TENSIONS, EMERGENCY, CRISIS, PLACE_SEARCH, ADMISSION_REQUESTS, OFFER, PROFESSIONALS];

export function rightsOf(me: Me): Set<string> {
  return new Set(me.roleAssignments.flatMap((assignment) => assignment.effectiveRights));
}

/** The screen a path belongs to: its own path, or a record page below it (/offre/unites/<id>). */
export function screenOf(screens: readonly Screen[], path: string): Screen | undefined {
  return screens.find((screen) => path === screen.path || path.startsWith(`${screen.path}/`));
}

/**
 * Whether one of the user's assignments gives `right` on a perimeter covering the target
 * (transversal, its legal entity, establishment, unit or professional record). The server decides
 * in the end; this only hides forms and buttons that would be refused.
 */
export function covers(me: Me, right: string, target: { organizationIds?: readonly string[]; establishmentIds?: readonly string[]; unitId?: string; professionalId?: string }): boolean {
  return me.roleAssignments.some((assignment) => {
    if (!assignment.effectiveRights.includes(right)) return false;
    const id = assignment.perimeterId ?? '';
    switch (assignment.perimeterKind) {
      case 'TRANSVERSAL':
        return true;
      case 'ORGANIZATION':
        return target.organizationIds?.includes(id) ?? false;
      case 'ESTABLISHMENT':
        return target.establishmentIds?.includes(id) ?? false;
      case 'UNIT':
        return target.unitId === id;
      case 'PROFESSIONAL':
        return target.professionalId === id;
      default:
        return false;
    }
  });
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

/** Assignments giving `right`, with their perimeter (the server checks the perimeter in the end). */
export function grantsOf(me: Me, right: string): Array<{ perimeterKind: string; perimeterId: string | null | undefined }> {
  return me.roleAssignments.filter((assignment) => assignment.effectiveRights.includes(right));
}

/** Whether the user reads the whole region's tensions: a tension-read right granted transversally (the ARS). */
export function readsRegionTensions(me: Me): boolean {
  return TENSION_READ_RIGHTS.some((right) => grantsOf(me, right).some((grant) => grant.perimeterKind === 'TRANSVERSAL'));
}
