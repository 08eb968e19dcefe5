/**
 * The parts of ror-healthcareservice that describe the offer beyond its activity (issue 17):
 * category, the TRE_R253/TRE_R238 characteristics, patient types, intervention zones, the
 * temporary closure and the entry form. Shared by the read mapper and the write path (the codes
 * each element carries, and the systems of the intervention zones' codes).
 */
import { CODE_SYSTEMS, EXTENSIONS, concept, nosCoding } from '../codes.js';
import type { HealthcareServiceRecord } from '../queries.js';
import type { CodeableConcept, Extension, HealthcareService } from '../types.js';

type Unit = HealthcareServiceRecord;

/** The notAvailable slice the IG discriminates by id. */
export const CLOSURE_ID = 'closingReopeningDate';

/** The code system of an intervention zone's code, by its TRE_R201 type (1 région, 2 département, 3 commune). */
export const ZONE_CODE_SYSTEMS: Readonly<Partial<Record<string, string>>> = {
  '1': CODE_SYSTEMS.regionOM,
  '2': CODE_SYSTEMS.departementOM,
  '3': CODE_SYSTEMS.communeOM,
};

/** category: typeOffre (TRE_R244), when recorded. */
export function category(record: Unit): Pick<HealthcareService, 'category'> {
  return record.category ? { category: [concept(nosCoding(CODE_SYSTEMS.categorieOrganisation, record.category))] } : {};
}

/** characteristic slices after the care mode and acts: maternity type (TRE_R253) and annual opening (TRE_R238). */
export function otherCharacteristics(record: Unit): CodeableConcept[] {
  return [
    ...(record.maternityType ? [concept(nosCoding(CODE_SYSTEMS.typeMaternite, record.maternityType))] : []),
    ...(record.annualOpening ? [concept(nosCoding(CODE_SYSTEMS.ouvertureAnnuelle, record.annualOpening))] : []),
  ];
}

/** supportedPatientInfo sub-extensions of ror-healthcareservice-patient-type (TRE_R239). */
export function supportedPatientInfo(record: Unit): Extension[] {
  return record.patientTypes.map((t) => ({ url: 'supportedPatientInfo', valueCodeableConcept: concept(nosCoding(CODE_SYSTEMS.publicPrisEnCharge, t)) }));
}

/** One ror-territorial-division per intervention zone: its TRE_R201 type and its INSEE code. */
export function territorialDivisions(record: Unit): Extension[] {
  return record.interventionZones.map((zone) => ({
    url: EXTENSIONS.territorialDivision,
    extension: [
      { url: 'typeTerritorialDivision', valueCodeableConcept: concept(nosCoding(CODE_SYSTEMS.typeDivisionTerritoriale, zone.type)) },
      { url: 'codeTerritorialDivision', valueCodeableConcept: concept({ system: ZONE_CODE_SYSTEMS[zone.type.code] ?? '', code: zone.code }) },
    ],
  }));
}

/** ror-meta-questionnaire-used-as-a-template, when the record names its entry form. */
export function entryTemplate(record: Unit): Extension[] {
  return record.entryTemplate ? [{ url: EXTENSIONS.metaQuestionnaireUsedAsATemplate, valueCanonical: record.entryTemplate }] : [];
}

/**
 * notAvailable[closingReopeningDate]: during.start = dateFermeture, during.end = the forecast
 * reopening. R4 makes `description` 1..1: the recorded reason, else a plain French label.
 */
export function closure(record: Unit): Pick<HealthcareService, 'notAvailable'> {
  const c = record.closure;
  if (!c) return {};
  return { notAvailable: [{ id: CLOSURE_ID, description: c.description ?? 'Fermeture temporaire', during: { start: c.from, ...(c.reopening ? { end: c.reopening } : {}) } }] };
}
