/**
 * A unit seen as its offer of care (OffreOperationnelle) → ror-healthcareservice.
 * In the hub one unit is both the offer and the place its beds live, so the HealthcareService and
 * the Location share the unit id and point at each other.
 */
import { CODE_SYSTEMS, CODINGS, EXTENSIONS, PROFILES, concept, nosCoding } from '../codes.js';
import type { GqlCoding, HealthcareServiceRecord } from '../queries.js';
import type { CodeableConcept, Extension, HealthcareService, Quantity } from '../types.js';
import { metaCreationDate, reference, regionalIdentifierValue, rorMeta, toInstant, versionFromInstant } from './common.js';
import { contactExtension } from './contacts.js';
import { availableTimes } from './hours.js';
import { category, closure, entryTemplate, otherCharacteristics, supportedPatientInfo, territorialDivisions } from './offer-characteristics.js';

/** An age in years, in the UCUM-in-NOS form of the IG example (TRE_R247 `a`). */
function years(value: number): Quantity {
  return { value, system: CODE_SYSTEMS.ucumUniteMesure, code: 'a' };
}

/**
 * ror-healthcareservice-patient-type: its supportedPatientInfo codes (TRE_R239) and its `ageRange`
 * (shape of the IG example HealthcareService-1234564). Every unit records both bounds (an open
 * end is 0 or 150 years, D197), so the extension and its range are always whole.
 */
function patientType(record: HealthcareServiceRecord): Extension {
  const ages = { url: 'ageRange', valueRange: { low: years(record.patientAge.min), high: years(record.patientAge.max) } };
  return { url: EXTENSIONS.patientType, extension: [...supportedPatientInfo(record), ages] };
}

/** characteristic[specificAct]: a TRE_R210 act, told from an outside-office act by ror-act-type. */
function specificAct(act: GqlCoding): CodeableConcept {
  return {
    extension: [{ url: EXTENSIONS.actType, valueCode: 'specificAct' }],
    ...concept(nosCoding(CODE_SYSTEMS.acteSpecifique, act)),
  };
}

/**
 * specialty[operationalActivity]: the unit's first TRE_R211 activity. The slice is 1..1 and is
 * told by `coding.system`, so a second TRE_R211 specialty would fall in it too; the profile has
 * no other place for one (the ROR model gives an offer one activity). The others stay in GraphQL
 * (docs/decisions.md). Left out when the unit lists no activity (never []).
 */
function operationalActivity(activities: readonly GqlCoding[]): Pick<HealthcareService, 'specialty'> {
  const [first] = activities;
  return first ? { specialty: [concept(nosCoding(CODE_SYSTEMS.activiteOperationnelle, first))] } : {};
}

/** Unit → ror-healthcareservice. */
export function unitToHealthcareService(record: HealthcareServiceRecord): HealthcareService {
  const regionCode = record.establishment.address.regionCode;
  const extension: Extension[] = [{ url: EXTENSIONS.sensitiveUnit, valueBoolean: record.sensitive }, patientType(record)];
  extension.push(...record.psychiatricSectors.map((valueString) => ({ url: EXTENSIONS.psychiatricSector, valueString })));
  extension.push(...territorialDivisions(record), ...entryTemplate(record));
  extension.push(...record.contacts.map(contactExtension), metaCreationDate(record.createdAt));
  const hours = availableTimes(record.openingHours);

  return {
    resourceType: 'HealthcareService',
    id: record.id,
    meta: rorMeta(PROFILES.healthcareService, toInstant(record.updatedAt), versionFromInstant(record.updatedAt), regionCode),
    extension,
    // identifiantOffre (1..1): TRE_R355#35 with "<region>/<unit id>", the IG's `06/0099999` form.
    identifier: [{ type: concept(CODINGS.identifierOffer), value: regionalIdentifierValue(regionCode, record.id) }],
    active: !record.archived,
    providedBy: reference('Organization', record.establishment.id),
    ...category(record),
    type: [concept(nosCoding(CODE_SYSTEMS.champActivite, record.activityField))],
    ...operationalActivity(record.operationalActivities),
    location: [reference('Location', record.id)],
    name: record.name,
    characteristic: [
      concept(nosCoding(CODE_SYSTEMS.modePriseEnCharge, record.careMode)),
      ...record.specificActs.map(specificAct),
      ...otherCharacteristics(record),
    ],
    ...(hours.length > 0 ? { availableTime: hours } : {}),
    ...closure(record),
  };
}
