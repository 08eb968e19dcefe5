/**
 * Practitioner and PractitionerRole writes (docs/fhir-write.md), through the professionals
 * subgraph's mutations: a Practitioner is a professional record (`createProfessional`,
 * `updateProfessional`), a PractitionerRole one of its unit assignments (a situation, D39), added
 * with `updateProfessional`'s `unitIds` and `establishmentIds`. Rights are GraphQL's: users with
 * ORU_PROFESSIONNEL_NEW / _EDIT on the person's establishments; applications do not write
 * professionals (the subgraph refuses them).
 */
import { CODE_SYSTEMS, EXTENSIONS, IDENTIFIER_SYSTEMS } from '../codes.js';
import { isExposedPractitioner, nationalNumberOfIdNatPs } from '../mappers/practitioner.js';
import { OperationOutcomeError, fromGraphQLErrors, outcomeAt } from '../outcomes.js';
import type { HandlerContext } from '../records.js';
import type {
  FhirCreateProfessionalMutation,
  FhirPlacementQuery,
  FhirProfessionalByNumberIdQuery,
  FhirUpdateProfessionalMutation,
  UpdateProfessionalInput,
} from '../../schemas/operations.js';
import { extensionElement, extensionsByUrl, type Json } from './elements.js';
import type { WritableType } from './interactions.js';
import { expectedVersion, refuseElements, runMutation, type ElementRefusal } from './request.js';

const CREATE_MUTATION = /* GraphQL */ `
  mutation FhirCreateProfessional($input: CreateProfessionalInput!) {
    createProfessional(input: $input) { id }
  }
`;

const UPDATE_MUTATION = /* GraphQL */ `
  mutation FhirUpdateProfessional($id: ID!, $input: UpdateProfessionalInput!, $expectedUpdatedAt: DateTime) {
    updateProfessional(id: $id, input: $input, expectedUpdatedAt: $expectedUpdatedAt) { id }
  }
`;

const BY_NUMBER_QUERY = /* GraphQL */ `
  query FhirProfessionalByNumberId($number: String!) {
    professionalByNumber(number: $number) { id }
  }
`;

/** Where a person works now, and the establishment of the unit a new role is in. */
const PLACEMENT_QUERY = /* GraphQL */ `
  query FhirPlacement($id: ID!, $unitId: ID!) {
    professional(id: $id) { id updatedAt rppsNumber adeliNumber profession { code } specialty { code } establishments { id } units { id } }
    unit(id: $unitId) { id establishment { id } }
  }
`;

type Refusals = ElementRefusal[];

const PRACTITIONER_FIELDS: Record<string, string> = {
  lastName: 'name',
  firstName: 'name',
  sex: 'gender',
  rppsNumber: 'identifier',
  adeliNumber: 'identifier',
  professionCode: 'code',
  specialtyCode: 'specialty',
  exerciseModes: extensionElement(EXTENSIONS.practitionerRoleUnitExerciseMode),
};
const elementOf = (field: string) => PRACTITIONER_FIELDS[field.replace(/[[.].*$/, '')] ?? 'Practitioner';

/** name: one HumanName, its family and one given name. */
function namesOf(value: unknown, refusals: Refusals): Pick<UpdateProfessionalInput, 'lastName' | 'firstName'> {
  const names = Array.isArray(value) ? (value as Json[]) : [];
  const [name] = names;
  const given = name?.given as unknown[] | undefined;
  const extra = name ? Object.keys(name).filter((k) => !['family', 'given', 'use', 'text'].includes(k)) : [];
  if (names.length !== 1 || typeof name!.family !== 'string' || !Array.isArray(given) || given.length !== 1 || typeof given[0] !== 'string' || extra.length > 0) {
    refusals.push({ element: 'name', diagnostics: `The hub records one name: family and one given name${extra.length ? `, not ${extra.join(', ')} (name.prefix: the hub stores the sex, sent as gender)` : ''}.`, code: 'required' });
    return {};
  }
  return { lastName: name!.family as string, firstName: given[0] as string };
}

function sexOf(value: unknown, refusals: Refusals): UpdateProfessionalInput['sex'] {
  if (value === undefined) return null;
  if (value === 'female') return 'FEMALE';
  if (value === 'male') return 'MALE';
  refusals.push({ element: 'gender', diagnostics: `The hub records the sex as female or male, not ${JSON.stringify(value)}.` });
  return undefined;
}

const ID_NAT_PS_REQUIRED = `ror-practitioner requires its identifier, idNat_PS (${IDENTIFIER_SYSTEMS.idNatPs}): a record without RPPS nor ADELI number is no Practitioner of the ROR.`;

/** identifier: one idNat_PS, 8 + RPPS or 0 + ADELI (RG_EXP_030), required (1..1). */
function numbersOf(value: unknown, refusals: Refusals): Pick<UpdateProfessionalInput, 'rppsNumber' | 'adeliNumber'> {
  const identifiers = Array.isArray(value) ? (value as Json[]) : [];
  if (identifiers.length === 0) {
    refusals.push({ element: 'identifier', diagnostics: ID_NAT_PS_REQUIRED, code: 'required' });
    return {};
  }
  const number = identifiers.length === 1 && identifiers[0]!.system === IDENTIFIER_SYSTEMS.idNatPs ? nationalNumberOfIdNatPs(String(identifiers[0]!.value ?? '')) : null;
  if (!number) {
    refusals.push({ element: 'identifier', diagnostics: `The hub records one identifier, idNat_PS (${IDENTIFIER_SYSTEMS.idNatPs}): 8 + RPPS (11 digits) or 0 + ADELI (9 characters).` });
    return {};
  }
  const rpps = String(identifiers[0]!.value).startsWith('8');
  return { rppsNumber: rpps ? number : null, adeliNumber: rpps ? null : number };
}

function practitionerFieldsOf(next: Json, changed: readonly string[], refusals: Refusals): UpdateProfessionalInput {
  const input: UpdateProfessionalInput = {};
  for (const element of changed) {
    if (element === 'name') Object.assign(input, namesOf(next.name, refusals));
    else if (element === 'gender') input.sex = sexOf(next.gender, refusals);
    else if (element === 'identifier') Object.assign(input, numbersOf(next.identifier, refusals));
    else if (element === 'active' || element === extensionElement(EXTENSIONS.metaCreationDate)) {
      refusals.push({ element, diagnostics: `Practitioner.${element} is set by the hub (a record is archived with GraphQL archiveProfessional).`, code: 'business-rule' });
    } else refusals.push({ element, diagnostics: `The hub does not record Practitioner.${element} (docs/fhir-write.md).` });
  }
  return input;
}

async function updatePractitioner(id: string, current: Json, next: Json, changed: readonly string[], ctx: HandlerContext): Promise<void> {
  const refusals: Refusals = [];
  const input = practitionerFieldsOf(next, changed, refusals);
  refuseElements('Practitioner', refusals);
  await runMutation<FhirUpdateProfessionalMutation>(ctx, UPDATE_MUTATION, { id, input, ...expectedVersion(ctx, current) }, 'Practitioner', elementOf);
}

async function createPractitioner(resource: Json, ctx: HandlerContext): Promise<string> {
  const refusals: Refusals = [];
  const elements = Object.keys(resource).filter((k) => !['resourceType', 'id', 'meta', 'text', 'extension'].includes(k));
  const urls = [...new Set(((resource.extension as { url: string }[] | undefined) ?? []).map((e) => e.url))].filter((u) => u !== EXTENSIONS.metaCreationDate);
  if (resource.active !== undefined && resource.active !== true) refusals.push({ element: 'active', diagnostics: 'A new record is active.', code: 'business-rule' });
  const fields = practitionerFieldsOf(resource, [...elements.filter((e) => e !== 'active'), ...urls.map(extensionElement)], refusals);
  if (resource.name === undefined) refusals.push({ element: 'name', diagnostics: 'A new Practitioner needs a name (family and one given name).', code: 'required' });
  if (resource.identifier === undefined) refusals.push({ element: 'identifier', diagnostics: ID_NAT_PS_REQUIRED, code: 'required' });
  refuseElements('Practitioner', refusals);
  const input = { ...fields, lastName: fields.lastName!, firstName: fields.firstName! };
  const data = await runMutation<FhirCreateProfessionalMutation>(ctx, CREATE_MUTATION, { input }, 'Practitioner', elementOf);
  return data.createProfessional.id;
}

async function practitionerByIdentifier(value: string, ctx: HandlerContext): Promise<string[]> {
  const number = nationalNumberOfIdNatPs(value);
  if (!number) return [];
  const result = await ctx.execute<FhirProfessionalByNumberIdQuery>({ query: BY_NUMBER_QUERY, variables: { number } }, ctx.caller);
  if (result.errors?.length) throw new OperationOutcomeError(fromGraphQLErrors(result.errors));
  return result.data?.professionalByNumber ? [result.data.professionalByNumber.id] : [];
}

/** The Practitioner rules of interactions.ts (the registry adds its read). */
export const practitionerWrites: Omit<WritableType<unknown>, 'resourceType' | 'read'> = {
  update: updatePractitioner,
  create: createPractitioner,
  byIdentifier: practitionerByIdentifier,
};

// ---- PractitionerRole: one situation (professional × unit)

const ROLE = 'PractitionerRole';

/** Elements a situation's id fixes: changing them is another situation. */
const ROLE_FIXED = new Set(['practitioner', 'healthcareService', 'organization', 'location', 'active', extensionElement(EXTENSIONS.metaCreationDate)]);

const EXERCISE_MODE = extensionElement(EXTENSIONS.practitionerRoleUnitExerciseMode);

type Codings = Array<{ system?: string; code?: string }>;
const codings = (value: unknown): Codings => (Array.isArray(value) ? (value as { coding?: Codings }[]) : []).flatMap((c) => c.coding ?? []);

/** code (1..1): one TRE_G15 profession. */
function professionOf(next: Json, refusals: Refusals): string | undefined {
  const codes = codings(next.code);
  const profession = codes.filter((c) => c.system === CODE_SYSTEMS.professionSante);
  if (codes.length === 1 && profession.length === 1 && profession[0]!.code) return profession[0]!.code;
  refusals.push({ element: 'code', diagnostics: `PractitionerRole.code (1..1) is the person's one profession (${CODE_SYSTEMS.professionSante}).`, code: codes.length ? 'value' : 'required' });
  return undefined;
}

/** specialty: the expertiseType slice (1..1) is TRE_R04 S, the ordinal specialty the hub records (TRE_R38), its only savoir-faire. */
function specialtyOf(next: Json, refusals: Refusals): string | undefined {
  const codes = codings(next.specialty);
  const specialties = codes.filter((c) => c.system === CODE_SYSTEMS.specialiteOrdinale);
  const others = codes.filter((c) => c.system !== CODE_SYSTEMS.specialiteOrdinale && !(c.system === CODE_SYSTEMS.typeSavoirFaire && c.code === 'S'));
  if (specialties.length === 1 && specialties[0]!.code && others.length === 0) return specialties[0]!.code;
  refusals.push({
    element: 'specialty',
    diagnostics: `PractitionerRole.specialty needs its expertiseType (1..1): the hub records one savoir-faire, the ordinal specialty (${CODE_SYSTEMS.specialiteOrdinale}, expertiseType ${CODE_SYSTEMS.typeSavoirFaire} S).`,
    code: codes.length ? 'value' : 'required',
  });
  return undefined;
}

/** ror-practitionerrole-unit-exercise-mode (1..1): one TRE_R23 code, the situation's exercise mode. */
function exerciseModeOf(next: Json, refusals: Refusals): string | undefined {
  const extensions = extensionsByUrl(next).get(EXTENSIONS.practitionerRoleUnitExerciseMode) ?? [];
  const coding = extensions.length === 1 ? extensions[0]!.valueCodeableConcept?.coding : undefined;
  if (coding?.length === 1 && coding[0]!.system === CODE_SYSTEMS.modeExercice && coding[0]!.code) return coding[0]!.code;
  refusals.push({
    element: EXERCISE_MODE,
    diagnostics: `ror-practitionerrole-unit-exercise-mode (1..1) gives the situation's exercise mode: one ${CODE_SYSTEMS.modeExercice} code.`,
    code: extensions.length ? 'value' : 'required',
  });
  return undefined;
}

/**
 * code (TRE_G15) and specialty (TRE_R04 `S` + TRE_R38) are the professional's profession and
 * specialty: the hub holds one per person, so they change on every role of that person. The
 * exercise mode is this situation's (`unitId`). Each is required, as the profile says.
 */
function roleFieldsOf(next: Json, changed: readonly string[], refusals: Refusals, unitId: string): UpdateProfessionalInput {
  const input: UpdateProfessionalInput = {};
  for (const element of changed) {
    if (element === 'code') input.professionCode = professionOf(next, refusals);
    else if (element === 'specialty') input.specialtyCode = specialtyOf(next, refusals);
    else if (element === EXERCISE_MODE) {
      const exerciseModeCode = exerciseModeOf(next, refusals);
      if (exerciseModeCode) input.exerciseModes = [{ unitId, exerciseModeCode }];
    } else if (element === 'identifier') {
      refusals.push({ element, diagnostics: 'PractitionerRole.identifier (identifiantSituationOperationnelle) is assigned by the hub and never changes.', code: 'business-rule' });
    } else if (ROLE_FIXED.has(element)) {
      refusals.push({ element, diagnostics: `PractitionerRole.${element} is fixed by the role's id <professional>.<unit>: create another role instead.`, code: 'business-rule' });
    } else refusals.push({ element, diagnostics: `The hub does not record PractitionerRole.${element} (docs/fhir-write.md).` });
  }
  return input;
}

async function updateRole(id: string, current: Json, next: Json, changed: readonly string[], ctx: HandlerContext): Promise<void> {
  const refusals: Refusals = [];
  const input = roleFieldsOf(next, changed, refusals, id.slice(id.indexOf('.') + 1));
  refuseElements(ROLE, refusals);
  await runMutation<FhirUpdateProfessionalMutation>(ctx, UPDATE_MUTATION, { id: id.slice(0, id.indexOf('.')), input, ...expectedVersion(ctx, current) }, ROLE, elementOf);
}

const idOf = (reference: unknown, type: string): string | undefined => {
  const value = (reference as { reference?: string } | undefined)?.reference;
  return value?.startsWith(`${type}/`) ? value.slice(type.length + 1) : undefined;
};

/**
 * A new role: the professional gains the unit (and its establishment) with the exercise mode the
 * role gives (required); code and specialty, when sent, are set on the person, and are required
 * when the person has none yet (the profile needs both). The identifier is the hub's to assign.
 */
async function createRole(resource: Json, ctx: HandlerContext): Promise<string> {
  const refusals: Refusals = [];
  const professionalId = idOf(resource.practitioner, 'Practitioner');
  const unitId = idOf(resource.healthcareService, 'HealthcareService') ?? idOf((resource.healthcareService as unknown[] | undefined)?.[0], 'HealthcareService');
  if (!professionalId) refusals.push({ element: 'practitioner', diagnostics: 'A new PractitionerRole needs practitioner: Practitioner/<id>.', code: 'required' });
  if (!unitId) refusals.push({ element: 'healthcareService', diagnostics: 'A new PractitionerRole needs healthcareService: HealthcareService/<unit id>.', code: 'required' });
  const location = (resource.location as unknown[] | undefined)?.map((l) => idOf(l, 'Location'));
  if (location && (location.length !== 1 || location[0] !== unitId)) refusals.push({ element: 'location', diagnostics: 'The role\'s location is its unit\'s: Location/<unit id>.', code: 'business-rule' });
  const known = ['resourceType', 'id', 'meta', 'text', 'extension', 'practitioner', 'healthcareService', 'organization', 'location', 'active', 'code', 'specialty'];
  for (const element of Object.keys(resource).filter((k) => !known.includes(k))) {
    refusals.push({ element, diagnostics: element === 'identifier' ? 'PractitionerRole.identifier is assigned by the hub.' : `The hub does not record PractitionerRole.${element} (docs/fhir-write.md).`, code: element === 'identifier' ? 'business-rule' : undefined });
  }
  for (const url of extensionsByUrl(resource).keys()) {
    if (url !== EXTENSIONS.metaCreationDate && url !== EXTENSIONS.practitionerRoleUnitExerciseMode) refusals.push({ element: extensionElement(url), diagnostics: `The hub does not record ${url} (a role's name… are not held).` });
  }
  const exerciseModeCode = exerciseModeOf(resource, refusals);
  const personal = roleFieldsOf(resource, ['code', 'specialty'].filter((e) => resource[e] !== undefined), refusals, unitId ?? '');
  refuseElements(ROLE, refusals);
  const result = await ctx.execute<FhirPlacementQuery>({ query: PLACEMENT_QUERY, variables: { id: professionalId, unitId } }, ctx.caller);
  if (result.errors?.length) throw new OperationOutcomeError(fromGraphQLErrors(result.errors));
  const { professional, unit } = result.data!;
  // A record without idNat_PS is no Practitioner (mappers/practitioner.ts): it takes no role either.
  if (!professional || !isExposedPractitioner(professional)) throw new OperationOutcomeError(outcomeAt('unprocessable', 'not-found', `Practitioner/${professionalId} not found.`, `${ROLE}.practitioner`));
  if (!unit) throw new OperationOutcomeError(outcomeAt('unprocessable', 'not-found', `HealthcareService/${unitId} not found.`, `${ROLE}.healthcareService`));
  const organization = idOf(resource.organization, 'Organization');
  if (organization !== undefined && organization !== unit.establishment.id) {
    refuseElements(ROLE, [{ element: 'organization', diagnostics: `The role's organization is its unit's establishment, Organization/${unit.establishment.id}.`, code: 'business-rule' }]);
  }
  refuseElements(ROLE, [
    ...(personal.professionCode || professional.profession ? [] : [{ element: 'code', diagnostics: `Practitioner/${professional.id} has no profession yet: PractitionerRole.code (1..1) gives it.`, code: 'required' as const }]),
    ...(personal.specialtyCode || professional.specialty ? [] : [{ element: 'specialty', diagnostics: `Practitioner/${professional.id} has no ordinal specialty yet: PractitionerRole.specialty (expertiseType 1..1) gives it.`, code: 'required' as const }]),
  ]);
  if (professional.units.some((u) => u.id === unit.id)) {
    throw new OperationOutcomeError(outcomeAt('conflict', 'duplicate', `PractitionerRole/${professional.id}.${unit.id} exists already: update it.`, ROLE));
  }
  const establishmentIds = [...new Set([...professional.establishments.map((e) => e.id), unit.establishment.id])];
  const unitIds = [...new Set([...professional.units.map((u) => u.id), unit.id])];
  // The lists are the professional's as read: a placement landing meanwhile is a 409, not lost.
  const variables = { id: professional.id, input: { ...personal, establishmentIds, unitIds, exerciseModes: [{ unitId: unit.id, exerciseModeCode: exerciseModeCode! }] }, expectedUpdatedAt: professional.updatedAt };
  await runMutation<FhirUpdateProfessionalMutation>(ctx, UPDATE_MUTATION, variables, ROLE, elementOf);
  return `${professional.id}.${unit.id}`;
}

/** The PractitionerRole rules of interactions.ts (the registry adds its read). */
export const practitionerRoleWrites: Omit<WritableType<unknown>, 'resourceType' | 'read'> = { update: updateRole, create: createRole };
