/**
 * Small builders for the differential ElementDefinitions of the ROR profiles and extensions
 * (scripts/ror-profiles/*.ts). They only spell FHIR ElementDefinitions with less noise: what
 * they return is what the StructureDefinition's `differential.element` holds.
 */
import { IG } from '../../fhir/codes.js';

/** One differential element: an R4 ElementDefinition (the subset the authoring uses). */
export interface ElementDef {
  id: string;
  path: string;
  sliceName?: string;
  short?: string;
  definition?: string;
  min?: number;
  max?: string;
  type?: Array<{ code: string; profile?: string[]; targetProfile?: string[] }>;
  slicing?: { discriminator: Array<{ type: 'value' | 'pattern' | 'type'; path: string }>; rules: 'open' | 'closed'; ordered?: boolean; description?: string };
  binding?: { strength: 'required' | 'extensible' | 'preferred' | 'example'; valueSet: string };
  constraint?: Array<{ key: string; severity: 'error' | 'warning'; human: string; expression: string; source?: string }>;
  [fixedOrPattern: `fixed${string}` | `pattern${string}`]: unknown;
}

export const SD_BASE = `${IG.canonical}/StructureDefinition`;
export const sdUrl = (id: string): string => `${SD_BASE}/${id}`;

/** A NOS value set (JDV) canonical: https://mos.esante.gouv.fr/NOS/JDV_Jnnn-Name-ROR/FHIR/JDV-Jnnn-Name-ROR. */
export const jdv = (id: string, name: string): string => `https://mos.esante.gouv.fr/NOS/JDV_${id}-${name}-ROR/FHIR/JDV-${id}-${name}-ROR`;

/** The path of an element id: the id without its slice names (`a.b:s.c` → `a.b.c`). */
export const pathOf = (id: string): string => id.replace(/:[^.]+/g, '');

/** An element of the differential, by id. */
export function el(id: string, props: Omit<ElementDef, 'id' | 'path'> = {}): ElementDef {
  const sliceName = /:([^.]+)$/.exec(id)?.[1];
  return { id, path: pathOf(id), ...(sliceName ? { sliceName } : {}), ...props };
}

export const card = (id: string, min: number, max: string, props: Omit<ElementDef, 'id' | 'path'> = {}): ElementDef => el(id, { min, max, ...props });

export const required = (valueSet: string): Pick<ElementDef, 'binding'> => ({ binding: { strength: 'required', valueSet } });

export interface ExtensionSlice {
  /** Slice name (the IG's). */
  name: string;
  /** Canonical of the extension. */
  url: string;
  min: number;
  max: string;
  short?: string;
}

/**
 * `<id>` sliced by `url` (open), one slice per extension. The slice's `url` is fixed here, as
 * in a published snapshot, so a validator can tell the slices apart without the extension's own
 * definition.
 */
export function extensionSlices(id: string, slices: readonly ExtensionSlice[], min?: number): ElementDef[] {
  return [
    el(id, { ...(min === undefined ? {} : { min }), slicing: { discriminator: [{ type: 'value', path: 'url' }], rules: 'open', ordered: false } }),
    ...slices.flatMap((s) => [
      el(`${id}:${s.name}`, { min: s.min, max: s.max, type: [{ code: 'Extension', profile: [s.url] }], ...(s.short ? { short: s.short } : {}) }),
      el(`${id}:${s.name}.url`, { fixedUri: s.url }),
    ]),
  ];
}

export interface CodeSlice {
  name: string;
  min: number;
  max: string;
  /** The NOS code system the slice's value set draws from; absent when the model does not say (the slice then matches nothing). */
  system?: string;
  /** Extra pattern content (e.g. the ror-act-type extension of an act). */
  extension?: Array<{ url: string; valueCode: string }>;
  valueSet?: string;
  short?: string;
}

/**
 * A CodeableConcept element sliced by pattern on `$this`: each slice's pattern is a coding of its
 * code system (plus, for acts, the ror-act-type extension). See fhir/README.md § Profiles for why
 * `$this` rather than the IG's `coding.system` + `extension(url)`.
 */
export function codeSlices(id: string, slices: readonly CodeSlice[]): ElementDef[] {
  return [
    el(id, { slicing: { discriminator: [{ type: 'pattern', path: '$this' }], rules: 'open', ordered: false } }),
    ...slices.map((s) =>
      el(`${id}:${s.name}`, {
        min: s.min,
        max: s.max,
        ...(s.short ? { short: s.short } : {}),
        ...(s.valueSet ? required(s.valueSet) : {}),
        ...(s.system ? { patternCodeableConcept: { coding: [{ system: s.system }], ...(s.extension ? { extension: s.extension } : {}) } } : {}),
      }),
    ),
  ];
}

/** The source-region tag slice every core profile carries (meta.tag[codeRegion], TRE_R30). */
export function regionTag(type: string, system: string): ElementDef[] {
  return [
    card(`${type}.meta.lastUpdated`, 1, '1'),
    el(`${type}.meta.tag`, { slicing: { discriminator: [{ type: 'value', path: 'system' }], rules: 'open', ordered: false } }),
    card(`${type}.meta.tag:codeRegion`, 0, '1', required(jdv('J237', 'RegionOM'))),
    el(`${type}.meta.tag:codeRegion.system`, { fixedUri: system }),
  ];
}

/** The telecom pattern of the five core profiles: value 1..1, channel and confidentiality 1..1, usage 0..1. */
export function telecom(id: string): ElementDef[] {
  return [
    card(`${id}.value`, 1, '1'),
    ...extensionSlices(`${id}.extension`, [
      { name: 'ror-telecom-communication-channel', url: sdUrl('ror-telecom-communication-channel'), min: 1, max: '1' },
      { name: 'ror-telecom-usage', url: sdUrl('ror-telecom-usage'), min: 0, max: '1' },
      { name: 'ror-telecom-confidentiality-level', url: sdUrl('ror-telecom-confidentiality-level'), min: 1, max: '1' },
    ]),
  ];
}

/** The availableTime extensions of HealthcareService and PractitionerRole. */
export function availableTime(id: string): ElementDef[] {
  return extensionSlices(`${id}.extension`, [
    { name: 'ror-available-time-type-of-time', url: sdUrl('ror-available-time-type-of-time'), min: 0, max: '1' },
    { name: 'ror-available-time-effective-opening-closing-date', url: sdUrl('ror-available-time-effective-opening-closing-date'), min: 0, max: '1' },
    { name: 'ror-available-time-number-days-of-week', url: sdUrl('ror-available-time-number-days-of-week'), min: 0, max: '1' },
  ]);
}
