/**
 * The maturity index of an establishment's intra-hospital bed management (seed 004: "La gestion
 * des lits intra, un outil : l'indice de maturité", "un préalable à la coordination
 * territoriale"). The seed names the index without its criteria; these are what it says good
 * intra-hospital bed management is (decision D182, docs/territory.md § Maturity index):
 * computed from the hub's data where it holds them, declared by the establishment otherwise. Pure.
 */
import type { BedManagementMaturityRow } from '../tables.js';
import type { DashboardRow } from './dashboard.js';

/** Beds are "transmitted" when every unit was updated within this delay. */
export const FRESH_HOURS = 24;
/** The answer delay a bed manager commits to; the seed's table shows 1 h to 3 h, most often 2 h. */
export const ANSWER_DELAY_MAX_MINUTES = 120;
/** Bed blockers are "tracked" when one was entered or discharged within this many days. */
export const BLOCKER_ACTIVITY_DAYS = 30;

type Declared = Omit<BedManagementMaturityRow, 'establishmentId' | 'updatedAt' | 'updatedBy'>;
export type DeclaredKey = keyof Declared;

interface Facts {
  row: DashboardRow | null;
  /** A bed blocker of its units entered or discharged in the last BLOCKER_ACTIVITY_DAYS. */
  blockersTracked: boolean;
  declaration: BedManagementMaturityRow | null;
  now: Date;
}

interface Criterion {
  code: string;
  label: string;
  /** The seed's words the criterion comes from. */
  basis: string;
  computed?: (f: Facts) => boolean;
  declared?: DeclaredKey;
}

const updatedWithin = (row: DashboardRow, now: Date) =>
  row.unitsWithoutCapacity === 0 && row.elderlyPlaces.unitsWithoutCapacity === 0 && row.oldestUpdate !== null && now.getTime() - row.oldestUpdate.getTime() <= FRESH_HOURS * 3_600_000;

/** In the order the dashboard shows them: the bed manager, the data, then the organisation. */
export const CRITERIA: readonly Criterion[] = [
  { code: 'BED_MANAGER', label: 'Bed manager nommé (établissement ou GHT)', basis: 'peu de bed managers ou organisation ad hoc', declared: 'bedManager' },
  { code: 'CONTACT_RECORDED', label: 'Contact de gestion des lits joignable (téléphone renseigné)', basis: 'Tab de bord pour les Bed Manager intra (contact, téléphone)', computed: (f) => !!f.row?.contact?.phone },
  {
    code: 'ANSWER_DELAY',
    label: `Délai de réponse engagé de ${ANSWER_DELAY_MAX_MINUTES / 60} h au plus`,
    basis: 'Tab de bord pour les Bed Manager intra (délai de réponse : 1h, 2h, 3h, >1j)',
    computed: (f) => f.row?.contact?.answerDelayMinutes !== null && f.row?.contact?.answerDelayMinutes !== undefined && f.row.contact.answerDelayMinutes <= ANSWER_DELAY_MAX_MINUTES,
  },
  { code: 'BEDS_UP_TO_DATE', label: `Disponibilités de toutes les unités transmises depuis moins de ${FRESH_HOURS} h`, basis: 'S’assurent de la transmission des données de l’établissement', computed: (f) => !!f.row && updatedWithin(f.row, f.now) },
  { code: 'BED_BLOCKERS_TRACKED', label: `Bed blockers suivis (saisie ou sortie depuis moins de ${BLOCKER_ACTIVITY_DAYS} jours)`, basis: 'identification Bed Blockers ; font remonter les problématiques de terrain', computed: (f) => f.blockersTracked },
  { code: 'STEERING_TOOLS_USED', label: 'Outils de pilotage (disponibilités des lits, BJML) consultés chaque jour', basis: 'Des outils de pilotage existants mais peu connus et utilisés : Dispos des lits, BJML', declared: 'steeringToolsUsed' },
  { code: 'TOOLS_SYSTEMATIC', label: 'Outil de gestion des lits utilisé dans toutes les unités', basis: 'outils de GDL pas systématiques', declared: 'toolsSystematic' },
  { code: 'SERVICE_CONTINUITY', label: 'Continuité de service de la gestion des lits (soirs, week-ends)', basis: 'amplitude horaire limitée, pas de continuité de service', declared: 'serviceContinuity' },
  { code: 'CLEAR_ROLE', label: 'Rôle écrit et pouvoir de décision délégué au bed manager', basis: 'pas de rôle clair et surtout… pas de véritables pouvoir ou marge de manœuvre', declared: 'clearRole' },
  { code: 'MANAGEMENT_INVOLVED', label: 'Direction impliquée dans la gestion des lits', basis: 'une implication des directions indispensable', declared: 'managementInvolved' },
  { code: 'WEEKLY_MEETING', label: 'Participation à la réunion départementale hebdomadaire des bed managers', basis: 'Chaque semaine, des réunions opérationnelles départementales… réunissant l’ensemble des Bed Managers', declared: 'weeklyMeeting' },
];

export const MATURITY_LEVELS = [
  { code: 'MATURE', minPercent: 80 },
  { code: 'DEVELOPING', minPercent: 50 },
  { code: 'INITIAL', minPercent: 0 },
] as const;

/** The index of one establishment: each criterion met or not (null: declared criterion never declared). */
export function maturityOf(f: Facts) {
  const criteria = CRITERIA.map((c) => ({
    code: c.code,
    label: c.label,
    basis: c.basis,
    source: c.computed ? 'COMPUTED' : 'DECLARED',
    met: c.computed ? c.computed(f) : f.declaration ? f.declaration[c.declared!] : null,
  }));
  const score = criteria.filter((c) => c.met === true).length;
  const percent = Math.round((100 * score) / criteria.length);
  return {
    score,
    outOf: criteria.length,
    percent,
    level: MATURITY_LEVELS.find((l) => percent >= l.minPercent)!.code,
    criteria,
    declaredAt: f.declaration?.updatedAt ?? null,
    declaredBy: f.declaration?.updatedBy ?? null,
  };
}

export type Maturity = ReturnType<typeof maturityOf>;

/** A declaration must answer every declared criterion (a partial one would score unknowns as "no"). */
export function checkDeclaration(input: Record<string, unknown>): Declared {
  const keys = CRITERIA.flatMap((c) => (c.declared ? [c.declared] : []));
  return Object.fromEntries(keys.map((k) => [k, input[k] === true])) as Declared;
}
