/**
 * The population (peuplement) rule, pure: from the facts the store reduced a unit to, which of the
 * six criteria hold, why the others fail, and the unit's and the establishment's status. It
 * follows the ANS follow-up flags (FG_ChampActivite … FG_Contact; docs/population-indicators.md).
 */

export const CRITERIA = ['ACTIVITY_FIELD', 'CARE_MODE', 'PATIENT_TYPE', 'OPERATIONAL_ACTIVITY', 'ADDRESS', 'CONTACT'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const STATUSES = ['FINALISED', 'IN_PROGRESS', 'TO_DO'] as const;
export type PopulationStatus = (typeof STATUSES)[number];

/** A coded field: its code (null when missing or blank) and whether it is valid in NOS. */
export interface CodedFact {
  code: string | null;
  valid: boolean;
}

/** The best of a unit's operational activities: none, only unknown or deprecated ones, or a valid one. */
export type OperationalActivityFact = 'NONE' | 'NONE_VALID' | 'VALID';

/**
 * The best of a unit's contacts: none; none with a valid nature; a valid nature but no channel,
 * value and confidentiality level all valid on the same contact; or one complete contact.
 */
export type ContactFact = 'NONE' | 'NO_VALID_NATURE' | 'INCOMPLETE' | 'COMPLETE';

/** What the population rule looks at on one active unit. */
export interface UnitFacts {
  activityField: CodedFact;
  careMode: CodedFact;
  /** Whether the patient age minimum and maximum are filled (the national rule asks for both). */
  ageMinFilled: boolean;
  ageMaxFilled: boolean;
  operationalActivities: OperationalActivityFact;
  /** The effective address: the unit's own when it has one, else its establishment's. */
  address: { own: boolean; line: boolean; postalCode: boolean; city: boolean };
  contacts: ContactFact;
}

export interface Failure {
  criterion: Criterion;
  reason: string;
}

export interface UnitOutcome {
  status: PopulationStatus;
  /** In the order of CRITERIA; empty when the unit meets every criterion. */
  failures: Failure[];
}

function codedFailure(fact: CodedFact, what: string, system: string): string | null {
  if (fact.code === null) return `no ${what}`;
  return fact.valid ? null : `${what} ${fact.code} is not a valid ${system} code (unknown or deprecated)`;
}

function patientTypeFailure(min: boolean, max: boolean): string | null {
  if (!min && !max) return 'no patient age range (minimum and maximum age missing)';
  if (!min) return 'minimum patient age missing';
  return max ? null : 'maximum patient age missing';
}

function operationalActivityFailure(fact: OperationalActivityFact): string | null {
  if (fact === 'NONE') return 'no operational activity';
  return fact === 'NONE_VALID' ? 'no operational activity code valid in TRE_R211 (unknown or deprecated)' : null;
}

function addressFailure(address: UnitFacts['address']): string | null {
  const missing = [!address.line && 'street line', !address.postalCode && 'postal code', !address.city && 'city'].filter(
    (m): m is string => Boolean(m),
  );
  if (missing.length === 0) return null;
  const whose = address.own ? "the unit's own address" : "the establishment's address (the unit has none of its own)";
  return `${whose} lacks ${missing.join(', ')}`;
}

const CONTACT_REASONS: Record<ContactFact, string | null> = {
  NONE: 'no contact',
  NO_VALID_NATURE: 'no contact with a nature valid in TRE_R287',
  INCOMPLETE: 'no contact with a valid nature, a channel (TRE_R200), a value and a confidentiality level (TRE_R283)',
  COMPLETE: null,
};

/** Every criterion's failure reason, null when the criterion holds. */
export function criteriaOf(facts: UnitFacts): Record<Criterion, string | null> {
  return {
    ACTIVITY_FIELD: codedFailure(facts.activityField, 'field of activity', 'TRE_R227'),
    CARE_MODE: codedFailure(facts.careMode, 'care mode', 'TRE_R213'),
    PATIENT_TYPE: patientTypeFailure(facts.ageMinFilled, facts.ageMaxFilled),
    OPERATIONAL_ACTIVITY: operationalActivityFailure(facts.operationalActivities),
    ADDRESS: addressFailure(facts.address),
    CONTACT: CONTACT_REASONS[facts.contacts],
  };
}

/** FINALISED when every criterion holds, IN_PROGRESS when at least one does, TO_DO otherwise. */
export function evaluateUnit(facts: UnitFacts): UnitOutcome {
  const reasons = criteriaOf(facts);
  const failures = CRITERIA.flatMap((criterion) => {
    const reason = reasons[criterion];
    return reason === null ? [] : [{ criterion, reason }];
  });
  const status: PopulationStatus = failures.length === 0 ? 'FINALISED' : failures.length < CRITERIA.length ? 'IN_PROGRESS' : 'TO_DO';
  return { status, failures };
}

export interface EstablishmentOutcome {
  /** At least one active unit is described. */
  populated: boolean;
  /** Populated, and every active unit is FINALISED. */
  quality: boolean;
  status: PopulationStatus;
}

/**
 * An establishment from the statuses of its active units (counted, so that the store may group
 * identical units): FINALISED when populated with every unit finalised; IN_PROGRESS when at least
 * one unit meets at least one criterion; TO_DO when it has no active unit or only TO_DO ones.
 */
export function evaluateEstablishment(unitCounts: Readonly<Record<PopulationStatus, number>>): EstablishmentOutcome {
  const total = unitCounts.FINALISED + unitCounts.IN_PROGRESS + unitCounts.TO_DO;
  const populated = total > 0;
  const quality = populated && unitCounts.FINALISED === total;
  const status: PopulationStatus = quality ? 'FINALISED' : unitCounts.FINALISED + unitCounts.IN_PROGRESS > 0 ? 'IN_PROGRESS' : 'TO_DO';
  return { populated, quality, status };
}

export function emptyStatusCounts(): Record<PopulationStatus, number> {
  return { FINALISED: 0, IN_PROGRESS: 0, TO_DO: 0 };
}
