/**
 * Test-only conformance checks for what the adapter emits (used by test/fhir-*.test.ts, and
 * usable by an end-to-end test against the real hub):
 *
 * - `r4Issues`: offline R4 structural validation with @medplum/core (structure, cardinalities,
 *   JSON types, resource-level invariants). It does no terminology checks.
 * - `rorIssues`: validation against the ROR IG profile the resource claims and its extensions'
 *   definitions (test/fixtures/ror-ig/profiles, `./profiles.ts`), plus the hub's own rules no
 *   profile expresses: the label of every code of a national terminology file the hub loads,
 *   meta.profile and region tags, the capacity business rules of IG §2.2, idNat_PS (RG_EXP_030),
 *   and the shape of searchset and history Bundles.
 * - `displayIssues`: across several resources, one label per `system|code`.
 * - `nationalCodingIssues`: every coding of a national file the hub loads has that file's label.
 */
import { validateResource } from '@medplum/core';
import { CODE_SYSTEMS, EXTENSIONS, PROFILES } from '../../../fhir/codes.js';
import type { Bundle, Coding, Extension, FhirResource, HistoryBundle } from '../../../fhir/types.js';
import { TERMINOLOGY } from '../../../subgraphs/offer/terminology/systems.js';
import { loadR4Definitions, medplumIssues, rorProfileIssues } from './profiles.js';

export { loadR4Definitions };

/** R4 validation errors and warnings of a resource, as readable strings ([] when valid). */
export function r4Issues(resource: FhirResource | Record<string, unknown> | object): string[] {
  return medplumIssues(() => validateResource(resource as Parameters<typeof validateResource>[0]));
}

const ALL_CODE_SYSTEMS = new Set<string>(Object.values(CODE_SYSTEMS));

function extensionsOf(resource: { extension?: Extension[] }, url: string): Extension[] {
  return (resource.extension ?? []).filter((e) => e.url === url);
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

const NATIONAL_SYSTEMS = new Set(Object.values(TERMINOLOGY).map((s) => s.url));

/**
 * Stricter than displayIssues, for what the hub emits: every Coding of a national system the hub
 * loads names a code of that file and carries exactly its display (none missing).
 */
export function nationalCodingIssues(resources: readonly unknown[]): string[] {
  const issues = new Set<string>();
  for (const coding of codingsIn(resources)) {
    if (!NATIONAL_SYSTEMS.has(coding.system ?? '')) continue;
    const key = `${coding.system!}|${coding.code!}`;
    const national = NATIONAL_DISPLAYS.get(key);
    if (national === undefined) issues.add(`${key} is not a code of the terminology file`);
    else if (coding.display !== national) issues.add(`${key} "${coding.display ?? '(no display)'}" is not the terminology's "${national}"`);
  }
  return [...issues];
}

/** The qualifier sub-extension each capacity status may carry (IG §2.2): a business rule, not a profile's. */
const CAPACITY_QUALIFIERS: Record<string, string> = { genderCapacityAvailable: '02', capacityClosingType: '05', additionalBedType: '06' };

function capacityIssues(resource: { extension?: Extension[] }): string[] {
  return extensionsOf(resource, EXTENSIONS.supportedCapacity).flatMap((capacity) => {
    const status = extensionsOf(capacity, 'capacityStatus')[0]?.valueCodeableConcept?.coding?.[0]?.code;
    return (capacity.extension ?? []).flatMap((sub) => {
      const wanted = CAPACITY_QUALIFIERS[sub.url];
      return wanted && wanted !== status ? [`capacity ${sub.url} goes with status ${wanted}, not ${status ?? '?'}`] : [];
    });
  });
}

/**
 * Profile issues of each distinct resource body, computed once per test file. Nothing is
 * tolerated: every resource the hub serves must validate against its ROR profile (issue 17).
 */
const profileIssuesByBody = new Map<string, string[]>();

function cachedProfileIssues(resource: FhirResource, profile: string): string[] {
  const key = `${profile} ${JSON.stringify(resource)}`;
  if (!profileIssuesByBody.has(key)) profileIssuesByBody.set(key, rorProfileIssues(resource, profile));
  return profileIssuesByBody.get(key)!;
}

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
  const claimsTask = resource.resourceType === 'Task' && resource.meta?.profile?.includes(PROFILES.task) === true;
  if (resource.resourceType === 'ServiceRequest' || (resource.resourceType === 'Task' && !claimsTask)) return issues;

  const profile = {
    Organization: PROFILES.organization,
    HealthcareService: PROFILES.healthcareService,
    Location: PROFILES.location,
    Practitioner: PROFILES.practitioner,
    PractitionerRole: PROFILES.practitionerRole,
    Task: PROFILES.task,
  }[resource.resourceType];
  need(resource.id !== undefined, 'id is missing');
  need(resource.meta?.profile?.includes(profile) === true, `meta.profile must include ${profile}`);
  const subsetted = (resource.meta?.tag ?? []).some((t) => t.system === SUBSETTED_SYSTEM && t.code === 'SUBSETTED');
  for (const tag of resource.meta?.tag ?? []) need(tag.system === CODE_SYSTEMS.regionOM || (tag.system === SUBSETTED_SYSTEM && tag.code === 'SUBSETTED'), 'meta.tag must be a TRE_R30 region or SUBSETTED');
  // A subsetted resource (_elements) lacks elements on purpose: only what it keeps is checked.
  if (subsetted) return issues;
  issues.push(...cachedProfileIssues(resource, profile), ...capacityIssues(resource));
  if (resource.resourceType === 'Practitioner') {
    for (const id of resource.identifier ?? []) need(ID_NAT_PS.test(id.value ?? ''), `idNat_PS "${id.value ?? ''}" is neither 8+RPPS nor 0+ADELI`);
  }
  return issues;
}

/** R4 issues of each distinct resource, computed once per test file (searches return the same resources again and again). */
const r4IssuesByBody = new Map<string, string[]>();

/** The resource is checked against a ROR profile by `rorIssues`, whose snapshot holds all of R4's rules. */
function checkedByProfile(resource: FhirResource): boolean {
  const claimed = resource.meta?.profile ?? [];
  const subsetted = (resource.meta?.tag ?? []).some((t) => t.system === SUBSETTED_SYSTEM);
  return !subsetted && Object.values(PROFILES).some((p) => claimed.includes(p));
}

/**
 * Everything wrong with a searchset Bundle: its shell as R4 (entries replaced by a minimal
 * resource), each distinct resource as R4 (cached; a resource validated against its ROR profile
 * is not validated twice: the profile's snapshot is R4's plus the profile's rules), and the ROR
 * rules of the Bundle and its resources.
 */
export function searchBundleIssues(bundle: Bundle): string[] {
  const entries = (bundle.entry ?? []) as Array<{ resource: FhirResource & { id?: string } }>;
  const shell = { ...bundle, entry: entries.map(({ resource, ...rest }) => ({ ...rest, resource: { resourceType: 'Basic', id: resource.id ?? 'outcome', code: { text: resource.resourceType } } })) };
  const issues = r4Issues(shell as never);
  for (const [i, { resource }] of entries.entries()) {
    if (checkedByProfile(resource)) continue;
    const key = JSON.stringify(resource);
    if (!r4IssuesByBody.has(key)) r4IssuesByBody.set(key, r4Issues(resource as never));
    issues.push(...r4IssuesByBody.get(key)!.map((issue) => `entry ${i} (R4): ${issue}`));
  }
  return [...issues, ...rorIssues(bundle)];
}
