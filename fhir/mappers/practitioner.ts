/**
 * Professionals → ror-practitioner, and their situations (professional × unit) →
 * ror-practitionerrole. The Practitioner id is the hub's professional id (P000328); the
 * PractitionerRole id is the situation's `<professional id>.<unit id>` (FHIR id characters only,
 * at most 7 + 1 + 24 characters with the hub's id formats).
 */
import { CODE_SYSTEMS, CODINGS, EXTENSIONS, IDENTIFIER_SYSTEMS, PROFILES, concept, nosCoding } from '../codes.js';
import type { PractitionerRecord, PractitionerRoleRecord } from '../queries.js';
import type { CodeableConcept, Extension, Identifier, Practitioner, PractitionerRole } from '../types.js';
import { metaCreationDate, reference, rorMeta, toInstant, versionFromInstant } from './common.js';

/** idNat_PS prefixes of CI-SIS (ME rule RG_EXP_030): 8 + RPPS, 0 + ADELI. */
const RPPS_PREFIX = '8';
const ADELI_PREFIX = '0';

/** idNat_PS of a professional: "8" + RPPS, or "0" + ADELI when there is no RPPS; undefined without either. */
export function idNatPs(record: Pick<PractitionerRecord, 'rppsNumber' | 'adeliNumber'>): string | undefined {
  if (record.rppsNumber) return `${RPPS_PREFIX}${record.rppsNumber}`;
  if (record.adeliNumber) return `${ADELI_PREFIX}${record.adeliNumber}`;
  return undefined;
}

/**
 * The RPPS or ADELI number an idNat_PS names (for `Practitioner?identifier=`), or null when the
 * value is not one: "8" + 11 digits, or "0" + 9 letters or digits.
 */
export function nationalNumberOfIdNatPs(value: string): string | null {
  if (value.startsWith(RPPS_PREFIX) && /^\d{11}$/.test(value.slice(1))) return value.slice(1);
  if (value.startsWith(ADELI_PREFIX) && /^[0-9A-Z]{9}$/.test(value.slice(1))) return value.slice(1);
  return null;
}

/**
 * Who the national exposure shows (D195). ror-practitioner needs idNat_PS (1..1): a
 * record without RPPS nor ADELI number (the ARS team's, the ORU coordination's) is no health
 * professional of the ROR and is not a Practitioner (404, absent from searches and exports).
 */
export function isExposedPractitioner(record: Pick<PractitionerRecord, 'rppsNumber' | 'adeliNumber'>): boolean {
  return idNatPs(record) !== undefined;
}

/**
 * ror-practitionerrole needs a Practitioner, a profession (code 1..1), a savoir-faire
 * (specialty[expertiseType] 1..1: the hub records the ordinal specialty) and the exercise mode
 * (1..1): a situation lacking one of them is not a PractitionerRole. Searches apply the same rule
 * as criteria (search/professionals.ts, `PRACTITIONER_ROLES.exposed`).
 */
export function isExposedSituation(record: PractitionerRoleRecord): boolean {
  const { professional } = record;
  return isExposedPractitioner(professional) && Boolean(professional.profession && professional.specialty && record.exerciseMode);
}

/** The one region all of a professional's establishments share, if they share one. */
function soleRegion(record: PractitionerRecord): string | undefined {
  const regions = new Set(record.establishments.map((e) => e.address.regionCode));
  return regions.size === 1 ? [...regions][0] : undefined;
}

/**
 * Professional → ror-practitioner. The hub stores sex, not civility (JDV_J207), so `gender` is
 * sent and `name.prefix` is not; the hub holds no MSS mailbox, so there is no telecom.
 */
export function professionalToPractitioner(record: PractitionerRecord): Practitioner {
  const identifier = idNatPs(record);
  const practitioner: Practitioner = {
    resourceType: 'Practitioner',
    id: record.id,
    meta: rorMeta(PROFILES.practitioner, toInstant(record.updatedAt), versionFromInstant(record.updatedAt), soleRegion(record)),
    extension: [metaCreationDate(record.createdAt)],
    ...(identifier ? { identifier: [{ use: 'official', system: IDENTIFIER_SYSTEMS.idNatPs, value: identifier } satisfies Identifier] } : {}),
    active: !record.archived,
    name: [{ family: record.lastName, given: [record.firstName] }],
  };
  if (record.sex) practitioner.gender = record.sex === 'FEMALE' ? 'female' : 'male';
  return practitioner;
}

/**
 * specialty[expertiseType] (TRE_R04) then specialty[specialty] (TRE_R38): the hub holds one
 * savoir-faire per professional, their ordinal specialty; none without one.
 */
function specialties(specialty: PractitionerRoleRecord['professional']['specialty']): CodeableConcept[] {
  return specialty ? [concept(CODINGS.expertiseSpecialty), concept(nosCoding(CODE_SYSTEMS.specialiteOrdinale, specialty))] : [];
}

/** ror-practitionerrole-unit-exercise-mode (1..1): absent while the situation's mode is not recorded. */
function exerciseModeExtension(mode: PractitionerRoleRecord['exerciseMode']): Extension[] {
  return mode ? [{ url: EXTENSIONS.practitionerRoleUnitExerciseMode, valueCodeableConcept: concept(nosCoding(CODE_SYSTEMS.modeExercice, mode)) }] : [];
}

/**
 * Situation → ror-practitionerrole. Versioned by the professional's record: every change of
 * where a person works (placement, unit transfer) moves its `updatedAt`.
 */
export function situationToPractitionerRole(record: PractitionerRoleRecord): PractitionerRole {
  const { professional, unit, establishment } = record;
  const specialty = specialties(professional.specialty);
  return {
    resourceType: 'PractitionerRole',
    id: record.id,
    meta: rorMeta(
      PROFILES.practitionerRole,
      toInstant(professional.updatedAt),
      versionFromInstant(professional.updatedAt),
      establishment.address.regionCode,
    ),
    extension: [...exerciseModeExtension(record.exerciseMode), metaCreationDate(professional.createdAt)],
    identifier: [{ use: 'official', system: IDENTIFIER_SYSTEMS.situation, value: record.identifier }],
    active: !professional.archived && !unit.archived,
    practitioner: reference('Practitioner', professional.id),
    organization: reference('Organization', establishment.id),
    ...(professional.profession ? { code: [concept(nosCoding(CODE_SYSTEMS.professionSante, professional.profession))] } : {}),
    ...(specialty.length ? { specialty } : {}),
    location: [reference('Location', unit.id)],
    healthcareService: [reference('HealthcareService', unit.id)],
  };
}
