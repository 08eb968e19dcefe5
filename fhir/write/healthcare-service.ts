/**
 * HealthcareService writes (docs/fhir-write.md): a unit's offer, created with GraphQL's
 * `createUnit` and changed with `updateUnit`, through the gateway's executor. The elements the hub
 * records are read back into the mutation's input (the reverse of mappers/healthcare-service.ts);
 * any other element a client sets or changes is a 422 naming it.
 */
import { CODE_SYSTEMS, EXTENSIONS, HUB_EXTENSIONS } from '../codes.js';
import { unitsOf } from '../capacity-patch/target.js';
import type { HandlerContext } from '../records.js';
import type { Extension } from '../types.js';
import type { FhirCreateUnitMutation, FhirUpdateUnitMutation, UnitUpdate } from '../../schemas/operations.js';
import { extensionElement, type Json } from './elements.js';
import type { WritableType } from './interactions.js';
import { expectedVersion, refuseElements, runMutation, type ElementRefusal } from './request.js';
import { categoryOf, closureOf, entryTemplateOf, zoneOf } from './offer-characteristics.js';

const TYPE = 'HealthcareService';

const CREATE_MUTATION = /* GraphQL */ `
  mutation FhirCreateUnit($establishmentId: ID!, $input: UnitInput!) {
    createUnit(establishmentId: $establishmentId, input: $input) { id }
  }
`;

const UPDATE_MUTATION = /* GraphQL */ `
  mutation FhirUpdateUnit($id: ID!, $input: UnitUpdate!, $expectedUpdatedAt: DateTime) {
    updateUnit(id: $id, input: $input, expectedUpdatedAt: $expectedUpdatedAt) { id }
  }
`;

/** The element a mutation input field comes from, for the 422 of a subgraph rule. */
function elementOfField(field: string): string {
  const root = field.replace(/[[.].*$/, '');
  const elements: Record<string, string> = {
    name: 'name',
    ufCode: 'identifier',
    kind: extensionElement(HUB_EXTENSIONS.unitType),
    discipline: extensionElement(HUB_EXTENSIONS.unitType),
    activityFieldCode: 'type',
    operationalActivityCodes: 'specialty',
    careModeCode: 'characteristic',
    specificActCodes: 'characteristic',
    contacts: extensionElement(EXTENSIONS.healthcareServiceContact),
    openingHours: 'availableTime',
    patientAgeMin: extensionElement(EXTENSIONS.patientType),
    patientAgeMax: extensionElement(EXTENSIONS.patientType),
    patientTypeCodes: extensionElement(EXTENSIONS.patientType),
    psychiatricSectors: extensionElement(EXTENSIONS.psychiatricSector),
    sensitive: extensionElement(EXTENSIONS.sensitiveUnit),
    categoryCode: 'category',
    maternityTypeCode: 'characteristic',
    annualOpeningCode: 'characteristic',
    interventionZones: extensionElement(EXTENSIONS.territorialDivision),
    entryTemplate: extensionElement(EXTENSIONS.metaQuestionnaireUsedAsATemplate),
    closedFrom: 'notAvailable',
    reopeningOn: 'notAvailable',
    closureDescription: 'notAvailable',
  };
  return elements[root] ?? TYPE;
}

type Refusals = ElementRefusal[];
type Concept = { coding?: { system?: string; code?: string }[]; extension?: Extension[] };

const concepts = (value: unknown): Concept[] => (Array.isArray(value) ? (value as Concept[]) : []);

/** Codes of `system` in the concepts; codings of other systems are refused on `element`. */
function codesOf(value: unknown, system: string, element: string, refusals: Refusals): string[] {
  const codes: string[] = [];
  for (const concept of concepts(value)) {
    for (const coding of concept.coding ?? []) {
      if (coding.system === system && typeof coding.code === 'string') codes.push(coding.code);
      else refusals.push({ element, diagnostics: `${TYPE}.${element}: the hub records codes of ${system} here, not ${coding.system ?? 'a coding without system'}.` });
    }
  }
  return codes;
}

function oneCode(value: unknown, system: string, element: string, refusals: Refusals): string | undefined {
  const codes = codesOf(value, system, element, refusals);
  if (codes.length !== 1) refusals.push({ element, diagnostics: `${TYPE}.${element} needs exactly one code of ${system} (${codes.length} given).`, code: 'required' });
  return codes[0];
}

/** The characteristic slices the hub records with one code at most: maternity type and annual opening. */
const SINGLE_CHARACTERISTICS = [
  { system: CODE_SYSTEMS.typeMaternite, field: 'maternityTypeCode' },
  { system: CODE_SYSTEMS.ouvertureAnnuelle, field: 'annualOpeningCode' },
] as const;

type CharacteristicFields = Pick<UnitUpdate, 'careModeCode' | 'specificActCodes' | 'maternityTypeCode' | 'annualOpeningCode'>;

/**
 * characteristic: the care mode (TRE_R213, one), specific acts (TRE_R210 with ror-act-type
 * specificAct), the maternity type (TRE_R253) and annual opening (TRE_R238), at most one each.
 */
function characteristicOf(value: unknown, refusals: Refusals): CharacteristicFields {
  const careModes: string[] = [];
  const acts: string[] = [];
  const singles = new Map<string, string[]>(SINGLE_CHARACTERISTICS.map((c) => [c.system, []]));
  for (const concept of concepts(value)) {
    const actType = concept.extension?.find((e) => e.url === EXTENSIONS.actType)?.valueCode;
    for (const coding of concept.coding ?? []) {
      if (coding.system === CODE_SYSTEMS.modePriseEnCharge && coding.code) careModes.push(coding.code);
      else if (coding.system === CODE_SYSTEMS.acteSpecifique && coding.code && (actType ?? 'specificAct') === 'specificAct') acts.push(coding.code);
      else if (coding.system && coding.code && singles.has(coding.system) && actType === undefined) singles.get(coding.system)!.push(coding.code);
      else {
        refusals.push({
          element: 'characteristic',
          diagnostics: `${TYPE}.characteristic: the hub records the care mode (${CODE_SYSTEMS.modePriseEnCharge}), specific acts (${CODE_SYSTEMS.acteSpecifique}), the maternity type (${CODE_SYSTEMS.typeMaternite}) and the annual opening (${CODE_SYSTEMS.ouvertureAnnuelle}), not ${coding.system ?? 'a coding without system'}${actType && actType !== 'specificAct' ? ` (${actType})` : ''}.`,
        });
      }
    }
  }
  if (careModes.length !== 1) refusals.push({ element: 'characteristic', diagnostics: `${TYPE}.characteristic needs exactly one care mode (${CODE_SYSTEMS.modePriseEnCharge}); ${careModes.length} given.`, code: 'required' });
  const fields: CharacteristicFields = { careModeCode: careModes[0], specificActCodes: acts };
  for (const { system, field } of SINGLE_CHARACTERISTICS) {
    const codes = singles.get(system)!;
    if (codes.length > 1) refusals.push({ element: 'characteristic', diagnostics: `${TYPE}.characteristic holds one code of ${system} at most (${codes.length} given).` });
    fields[field] = codes[0] ?? null;
  }
  return fields;
}

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
type Day = (typeof DAYS)[number];

/** "HH:MM:SS" → "HH:MM"; the hub keeps minutes. */
function minutes(value: unknown, refusals: Refusals): string | undefined {
  if (value === undefined) return undefined;
  const match = typeof value === 'string' ? /^(\d{2}:\d{2}):00$/.exec(value) : null;
  if (!match) refusals.push({ element: 'availableTime', diagnostics: `${TYPE}.availableTime: the hub keeps times to the minute (HH:MM:00), not ${JSON.stringify(value)}.` });
  return match?.[1];
}

/** ror-available-time-effective-opening-closing-date: its Period's dates (days: the hub keeps no time of day). */
function effectiveDatesOf(extension: Extension, refuse: (diagnostics: string) => void): { effectiveFrom?: string; effectiveUntil?: string } {
  const period = extension.valuePeriod;
  const day = (value: string | undefined) => {
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) refuse(`the dates in force are days (YYYY-MM-DD), not ${JSON.stringify(value)}.`);
    return value;
  };
  if (!period) refuse('ror-available-time-effective-opening-closing-date needs valuePeriod.');
  const effectiveFrom = day(period?.start);
  const effectiveUntil = day(period?.end);
  return { ...(effectiveFrom ? { effectiveFrom } : {}), ...(effectiveUntil ? { effectiveUntil } : {}) };
}

/** availableTime → opening hours: one slot per element; the days from daysOfWeek or the IG's day number. */
function openingHoursOf(value: unknown, refusals: Refusals): NonNullable<UnitUpdate['openingHours']> {
  const refuse = (diagnostics: string) => refusals.push({ element: 'availableTime', diagnostics: `${TYPE}.availableTime: ${diagnostics}` });
  return (Array.isArray(value) ? (value as Json[]) : []).map((time) => {
    const days = new Set<Day>(((time.daysOfWeek as string[] | undefined) ?? []).map((d) => d.toUpperCase() as Day));
    const dates: { effectiveFrom?: string; effectiveUntil?: string } = {};
    for (const extension of (time.extension as Extension[] | undefined) ?? []) {
      if (extension.url === EXTENSIONS.availableTimeNumberDaysOfWeek && extension.valueInteger && DAYS[extension.valueInteger - 1]) days.add(DAYS[extension.valueInteger - 1]!);
      else if (extension.url === EXTENSIONS.availableTimeEffectiveOpeningClosingDate) Object.assign(dates, effectiveDatesOf(extension, refuse));
      else if (extension.url === EXTENSIONS.availableTimeTypeOfTime) {
        if (extension.valueCodeableConcept?.coding?.[0]?.code !== '01') refuse('the hub records opening hours only (ror-available-time-type-of-time 01).');
      } else refuse(`the hub does not record ${extension.url}.`);
    }
    for (const key of Object.keys(time)) {
      if (!['extension', 'daysOfWeek', 'allDay', 'availableStartTime', 'availableEndTime'].includes(key)) refuse(`the hub does not record availableTime.${key}.`);
    }
    const allDay = time.allDay === true;
    return {
      days: DAYS.filter((d) => days.has(d)),
      ...dates,
      allDay,
      ...(allDay ? {} : { opens: minutes(time.availableStartTime, refusals), closes: minutes(time.availableEndTime, refusals) }),
    };
  });
}

/** The telecom of a ror-healthcareservice-contact: channel, confidentiality, address. */
function contactOf(contact: Extension, index: number, refusals: Refusals): NonNullable<UnitUpdate['contacts']>[number] {
  const element = extensionElement(EXTENSIONS.healthcareServiceContact);
  const refuse = (diagnostics: string) => refusals.push({ element, diagnostics: `contact ${index + 1}: ${diagnostics}` });
  const sub = (list: Extension[] | undefined, url: string) => list?.find((e) => e.url === url);
  const code = (e: Extension | undefined) => e?.valueCodeableConcept?.coding?.[0]?.code;
  const telecom = sub(contact.extension, EXTENSIONS.healthcareServiceContactTelecom);
  for (const e of contact.extension ?? []) {
    if (![`purposeContact`, 'description', EXTENSIONS.confidentialityLevel, EXTENSIONS.healthcareServiceContactTelecom].includes(e.url)) refuse(`the hub does not record ${e.url}.`);
  }
  for (const e of telecom?.extension ?? []) {
    if (![EXTENSIONS.telecomCommunicationChannel, EXTENSIONS.telecomConfidentialityLevel, 'telecomAddress'].includes(e.url)) refuse(`the hub does not record ${e.url} in a telecom.`);
  }
  const level = code(sub(contact.extension, EXTENSIONS.confidentialityLevel));
  const telecomLevel = code(sub(telecom?.extension, EXTENSIONS.telecomConfidentialityLevel));
  if (telecomLevel !== undefined && level !== undefined && telecomLevel !== level) refuse('the hub keeps one confidentiality level per contact: the telecom must carry the contact\'s.');
  const value = sub(telecom?.extension, 'telecomAddress')?.valueString;
  const natureCode = code(sub(contact.extension, 'purposeContact'));
  const channelCode = code(sub(telecom?.extension, EXTENSIONS.telecomCommunicationChannel));
  const confidentialityCode = level ?? telecomLevel;
  if (!natureCode || !channelCode || !confidentialityCode || !value) refuse('purposeContact, a confidentiality level, and one telecom with its channel and telecomAddress are required.');
  return { natureCode: natureCode ?? '', role: sub(contact.extension, 'description')?.valueString ?? null, channelCode: channelCode ?? '', value: value ?? '', confidentialityCode: confidentialityCode ?? '' };
}

/** ror-healthcareservice-patient-type → the patient types (TRE_R239) and age bounds (years, UCUM `a`). */
function patientsOf(extensions: Extension[], refusals: Refusals): Pick<UnitUpdate, 'patientAgeMin' | 'patientAgeMax' | 'patientTypeCodes'> {
  const element = extensionElement(EXTENSIONS.patientType);
  if (extensions.length === 0) return { patientAgeMin: null, patientAgeMax: null, patientTypeCodes: [] };
  const parts = extensions[0]!.extension ?? [];
  const ranges = parts.filter((e) => e.url === 'ageRange');
  const infos = parts.filter((e) => e.url === 'supportedPatientInfo');
  if (extensions.length > 1 || ranges.length + infos.length !== parts.length || ranges.length > 1 || (ranges.length === 1 && !ranges[0]!.valueRange)) {
    refusals.push({ element, diagnostics: 'The hub records one patient type holding supportedPatientInfo codes and at most one ageRange.' });
    return {};
  }
  const patientTypeCodes = codesOf(infos.map((e) => e.valueCodeableConcept), CODE_SYSTEMS.publicPrisEnCharge, element, refusals);
  const range = ranges[0]?.valueRange;
  if (!range) return { patientAgeMin: null, patientAgeMax: null, patientTypeCodes };
  const bound = (q: { value?: number; code?: string } | undefined) => {
    if (q === undefined) return null;
    if (q.code !== undefined && q.code !== 'a') refusals.push({ element, diagnostics: `ageRange is in years (UCUM "a"), not "${q.code}".` });
    return q.value ?? null;
  };
  return { patientAgeMin: bound(range.low), patientAgeMax: bound(range.high), patientTypeCodes };
}

/** The hub's unit type (kind and discipline), needed to create a unit; the IG has no element for it. */
function unitTypeOf(extensions: Extension[], activityField: string | undefined, refusals: Refusals): { kind?: string; discipline?: string } {
  const sub = (url: string) => extensions[0]?.extension?.find((e) => e.url === url)?.valueCode;
  const kind = sub('kind');
  const discipline = sub('discipline');
  if (kind && discipline) return { kind, discipline };
  // Activity fields with one kind and one discipline (TRE_R227 02 SMR, 03 psychiatry) need no extension.
  const implied: Record<string, [string, string]> = { '02': ['SMR', 'SMR'], '03': ['PSYCHIATRY', 'PSYCHIATRY'] };
  const pair = activityField ? implied[activityField] : undefined;
  if (pair) return { kind: pair[0], discipline: pair[1] };
  refusals.push({
    element: extensionElement(HUB_EXTENSIONS.unitType),
    diagnostics: `A new unit needs its type: the extension ${HUB_EXTENSIONS.unitType} with kind and discipline (valueCode, GraphQL UnitKind and Discipline), unless its activity field is 02 (SMR) or 03 (psychiatry).`,
    code: 'required',
  });
  return {};
}

/** What the hub never takes from a client: the references and identifiers it sets itself. */
const SERVER_ELEMENTS = new Set(['identifier', 'providedBy', 'location', 'active', extensionElement(EXTENSIONS.metaCreationDate)]);

/** The input fields the changed elements set, and refusals for those the hub does not record. */
function unitFieldsOf(next: Json, changed: readonly string[], refusals: Refusals): UnitUpdate {
  const input: UnitUpdate = {};
  const extensions = (url: string) => ((next.extension as Extension[] | undefined) ?? []).filter((e) => e.url === url);
  for (const element of changed) {
    if (element === 'name') {
      if (typeof next.name !== 'string') refusals.push({ element, diagnostics: `${TYPE}.name is required: a unit keeps a name.`, code: 'required' });
      else input.name = next.name;
    } else if (element === 'type') input.activityFieldCode = oneCode(next.type, CODE_SYSTEMS.champActivite, 'type', refusals);
    else if (element === 'specialty') input.operationalActivityCodes = codesOf(next.specialty, CODE_SYSTEMS.activiteOperationnelle, 'specialty', refusals);
    else if (element === 'characteristic') Object.assign(input, characteristicOf(next.characteristic, refusals));
    else if (element === 'availableTime') input.openingHours = openingHoursOf(next.availableTime, refusals);
    else if (element === extensionElement(EXTENSIONS.sensitiveUnit)) {
      const [flag, ...more] = extensions(EXTENSIONS.sensitiveUnit);
      if (typeof flag?.valueBoolean !== 'boolean' || more.length > 0) refusals.push({ element, diagnostics: 'ror-healthcareservice-sensitive-unit is required once, with valueBoolean.', code: 'required' });
      else input.sensitive = flag.valueBoolean;
    } else if (element === extensionElement(EXTENSIONS.patientType)) Object.assign(input, patientsOf(extensions(EXTENSIONS.patientType), refusals));
    else if (element === 'category') input.categoryCode = categoryOf(next.category, refusals);
    else if (element === 'notAvailable') Object.assign(input, closureOf(next.notAvailable, refusals));
    else if (element === extensionElement(EXTENSIONS.territorialDivision)) input.interventionZones = extensions(EXTENSIONS.territorialDivision).map((e) => zoneOf(e, refusals));
    else if (element === extensionElement(EXTENSIONS.psychiatricSector)) input.psychiatricSectors = extensions(EXTENSIONS.psychiatricSector).map((e) => e.valueString ?? '');
    else if (element === extensionElement(EXTENSIONS.metaQuestionnaireUsedAsATemplate)) input.entryTemplate = entryTemplateOf(extensions(EXTENSIONS.metaQuestionnaireUsedAsATemplate), refusals);
    else if (element === extensionElement(EXTENSIONS.healthcareServiceContact)) {
      input.contacts = extensions(EXTENSIONS.healthcareServiceContact).map((c, i) => contactOf(c, i, refusals));
    } else if (SERVER_ELEMENTS.has(element)) {
      refusals.push({ element, diagnostics: `${TYPE}.${element} is set by the hub and cannot be changed here (a unit moves with GraphQL transferUnit, is archived with archiveUnit).`, code: 'business-rule' });
    } else if (element !== extensionElement(HUB_EXTENSIONS.unitType)) {
      refusals.push({ element, diagnostics: `The hub does not record ${TYPE}.${element}: leave it out (docs/fhir-write.md lists what is recorded).` });
    }
  }
  return input;
}

async function updateUnit(id: string, current: Json, next: Json, changed: readonly string[], ctx: HandlerContext): Promise<void> {
  const refusals: Refusals = [];
  if (changed.includes(extensionElement(HUB_EXTENSIONS.unitType))) {
    refusals.push({ element: extensionElement(HUB_EXTENSIONS.unitType), diagnostics: 'A unit changes type with GraphQL changeUnitType.', code: 'business-rule' });
  }
  const input = unitFieldsOf(next, changed, refusals);
  refuseElements(TYPE, refusals);
  await runMutation<FhirUpdateUnitMutation>(ctx, UPDATE_MUTATION, { id, input, ...expectedVersion(ctx, current) }, TYPE, elementOfField);
}

/** `1<FINESS ET>/<UF code>`: the national idExterneSynchro form the capacity PATCH also takes (D42). */
const NATIONAL_IDENTIFIER = /^1([0-9]{2}[0-9AB][0-9]{6})\/(.+)$/;

/** Establishment and UF code of a new unit: providedBy Organization/<FINESS ET>, identifier 1<FINESS ET>/<UF>. */
function placeOf(resource: Json, refusals: Refusals): { establishmentId?: string; ufCode?: string } {
  const reference = (resource.providedBy as { reference?: string } | undefined)?.reference;
  const establishmentId = reference ? /^Organization\/([0-9A-Za-z]{9})$/.exec(reference)?.[1] : undefined;
  if (!establishmentId) refusals.push({ element: 'providedBy', diagnostics: 'A new HealthcareService needs providedBy: Organization/<FINESS ET> (its establishment).', code: 'required' });
  const identifiers = (resource.identifier as { value?: string }[] | undefined) ?? [];
  const matches = identifiers.map((i) => NATIONAL_IDENTIFIER.exec(i.value ?? '')).filter((m) => m !== null);
  if (identifiers.length !== 1 || matches.length !== 1 || (establishmentId && matches[0]![1] !== establishmentId)) {
    refusals.push({
      element: 'identifier',
      diagnostics: 'A new HealthcareService needs one identifier <IdNatStruct of its EG>/<UF code> (1 + FINESS ET of providedBy, "/", the UF code); the hub then serves its own <region>/<unit id>.',
      code: 'required',
    });
  }
  return { establishmentId, ufCode: matches[0]?.[2] };
}

async function createUnit(resource: Json, ctx: HandlerContext): Promise<string> {
  const refusals: Refusals = [];
  const { establishmentId, ufCode } = placeOf(resource, refusals);
  if (resource.location !== undefined) refusals.push({ element: 'location', diagnostics: 'The hub sets location: a unit is its own Location (same id).', code: 'business-rule' });
  if (resource.active !== undefined && resource.active !== true) refusals.push({ element: 'active', diagnostics: 'A new unit is active.', code: 'business-rule' });
  const elements = Object.keys(resource).filter((k) => !['resourceType', 'id', 'meta', 'text', 'extension', 'identifier', 'providedBy', 'location', 'active'].includes(k));
  const urls = [...new Set(((resource.extension as Extension[] | undefined) ?? []).map((e) => e.url))].filter((u) => u !== EXTENSIONS.metaCreationDate);
  const fields = unitFieldsOf(resource, [...elements, ...urls.map(extensionElement)], refusals);
  for (const required of ['name', 'type', 'specialty', 'characteristic'] as const) {
    if (resource[required] === undefined) refusals.push({ element: required, diagnostics: `A new HealthcareService needs ${required}.`, code: 'required' });
  }
  const unitType = unitTypeOf(((resource.extension as Extension[] | undefined) ?? []).filter((e) => e.url === HUB_EXTENSIONS.unitType), fields.activityFieldCode ?? undefined, refusals);
  refuseElements(TYPE, refusals);
  const input = { ...fields, ...unitType, ufCode };
  const data = await runMutation<FhirCreateUnitMutation>(ctx, CREATE_MUTATION, { establishmentId, input }, TYPE, elementOfField);
  return data.createUnit.id;
}

/** The HealthcareService rules of interactions.ts (the registry adds its read). */
export const healthcareServiceWrites: Omit<WritableType<unknown>, 'resourceType' | 'read'> = {
  update: updateUnit,
  create: createUnit,
  byIdentifier: (value, ctx) => unitsOf(ctx, value),
};
