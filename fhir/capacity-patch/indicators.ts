/**
 * One `ror-location-supported-capacity` extension ("indicateur" of the national ROR) read as the
 * figure of the hub's capacity record it sets, following the mapping of docs/capacities.md (and
 * fhir/mappers/capacity.ts, which writes the same records). The valid combinations of codes are
 * exactly those the record can hold; anything else is a 400 `business-rule`, as the national
 * server answers an unknown indicator.
 */
import { CODE_SYSTEMS, EXTENSIONS } from '../codes.js';
import { OperationOutcomeError, badRequest, outcomeAt } from '../outcomes.js';
import type { CapacityRecord } from '../queries.js';
import type { Coding, Extension } from '../types.js';

/** Where the national server points its capacity errors. */
export const INDICATOR_EXPRESSION = `Location.extension('${EXTENSIONS.supportedCapacity}')`;
/** The expression of "no such indicator" (404), which tells a client to `add` it (national protocol). */
export const MISSING_INDICATOR_EXPRESSION = `Location.extension.where(url='${EXTENSIONS.supportedCapacity}')`;

/** The figure of the record an indicator sets. */
export type Slot =
  | 'installed'
  | 'availableMen'
  | 'availableWomen'
  | 'availableUndifferentiated'
  | 'closedReactivable'
  | 'closedNotReactivable'
  | 'mobilised';

export interface Indicator {
  nature: CapacityRecord['nature'];
  slot: Slot;
  count: number;
  /** TRE_R337 code of the indicator (01 when absent): the record's temporary assignment. */
  temporaryAssignment: string;
  /** TRE_R336 code of a supplementary-beds indicator; null when it names none. */
  crisisType: string | null;
}

/** The coded sub-extensions and the code system each is bound to. */
const CODED: Record<string, string | null> = {
  capacityType: CODE_SYSTEMS.natureCapacite,
  capacityStatus: CODE_SYSTEMS.typeStatutCapacite,
  temporalityCapacity: CODE_SYSTEMS.temporaliteCapacite,
  genderCapacityAvailable: CODE_SYSTEMS.genreCapacite,
  capacityClosingType: CODE_SYSTEMS.typeFermetureCapacite,
  additionalBedType: CODE_SYSTEMS.typeLitSupplementaire,
  crisisType: CODE_SYSTEMS.typeCrise,
  capacitySourceType: CODE_SYSTEMS.typeSourceCapacite,
  temporaryAssignement: CODE_SYSTEMS.affectationTemporaire,
};
/** Read and checked, but set by the hub itself: the source from the caller, the date from the write. */
const IGNORED = new Set(['capacitySourceType', 'capacityUpdateDate']);
const KEY_ORDER = ['capacityStatus', 'temporalityCapacity', 'genderCapacityAvailable', 'capacityClosingType', 'additionalBedType', 'crisisType', 'temporaryAssignement'];

const invalid = (message: string) => new OperationOutcomeError(badRequest(`${EXTENSIONS.supportedCapacity}: ${message}`));

/** A code from valueCode, valueCoding or valueCodeableConcept (the coding in the bound system, or without a system). */
function codeOf(sub: Extension, system: string | null): string {
  if (typeof sub.valueCode === 'string') return sub.valueCode;
  const codings: Coding[] = sub.valueCoding ? [sub.valueCoding] : (sub.valueCodeableConcept?.coding ?? []);
  const coding = codings.find((c) => system === null || c.system === system || c.system === undefined);
  if (typeof coding?.code !== 'string') {
    throw invalid(`${sub.url} needs a code (valueCodeableConcept, valueCoding or valueCode)${system ? ` in ${system}` : ''}.`);
  }
  return coding.code;
}

/** The sub-extensions as codes (and nbCapacity), refusing unknown or repeated ones. */
function readCodes(extension: Extension): { codes: Map<string, string>; count: number } {
  const codes = new Map<string, string>();
  let count: number | undefined;
  const seen = new Set<string>();
  for (const sub of extension.extension ?? []) {
    if (seen.has(sub.url)) throw invalid(`${sub.url} is given twice.`);
    seen.add(sub.url);
    if (sub.url === 'nbCapacity') {
      if (!Number.isInteger(sub.valueInteger) || sub.valueInteger! < 0) throw invalid('nbCapacity must be a valueInteger >= 0.');
      count = sub.valueInteger;
    } else if (sub.url === 'capacityUpdateDate') {
      if (typeof sub.valueDateTime !== 'string') throw invalid('capacityUpdateDate must be a valueDateTime.');
    } else if (sub.url in CODED) {
      codes.set(sub.url, codeOf(sub, CODED[sub.url]!));
    } else {
      throw invalid(`unknown sub-extension "${sub.url}".`);
    }
  }
  for (const required of ['capacityType', 'capacityStatus']) if (!codes.has(required)) throw invalid(`${required} is required.`);
  if (count === undefined) throw invalid('nbCapacity is required.');
  for (const url of IGNORED) codes.delete(url);
  return { codes, count };
}

/** The codes as the national server lists them in its business-rule diagnostics. */
function describeCodes(codes: Map<string, string>): string {
  return KEY_ORDER.map((url) => `${url}: ${codes.get(url) ?? 'null'}`).join(' / ');
}

/** Which figure the codes name, or why the hub cannot hold them. */
function slotOf(codes: Map<string, string>): Slot | string {
  const status = codes.get('capacityStatus');
  const gender = codes.get('genderCapacityAvailable');
  const closing = codes.get('capacityClosingType');
  const additional = codes.get('additionalBedType');
  if ((codes.get('temporalityCapacity') ?? '01') !== '01') return 'the hub holds the current capacity only (temporalityCapacity 01 Courant)';
  if (status !== '06' && codes.has('crisisType')) return 'crisisType goes with capacityStatus 06 (Supplémentaire) only: a crisis opens supplementary beds';
  if (status !== '02' && gender !== undefined) return 'genderCapacityAvailable goes with capacityStatus 02 (Disponible) only';
  if (status !== '05' && closing !== undefined) return 'capacityClosingType goes with capacityStatus 05 (Fermé) only';
  if (status !== '06' && additional !== undefined) return 'additionalBedType goes with capacityStatus 06 (Supplémentaire) only';
  switch (status) {
    case '01':
      return 'installed';
    case '02':
      if (gender === '02') return 'availableMen';
      if (gender === '01') return 'availableWomen';
      if (gender === '03') return 'availableUndifferentiated';
      return 'available capacity is held by gender (genderCapacityAvailable 01, 02 or 03); the all-gender total is derived from them';
    case '05':
      if (closing === '01') return 'closedReactivable';
      if (closing === '02') return 'closedNotReactivable';
      return 'closed capacity is held as reactivable (capacityClosingType 01) or not (02); the total and 03 Indéterminé are not held';
    case '06':
      if (additional === '01') return 'mobilised';
      return 'supplementary capacity is held as mobilised beds only (additionalBedType 01)';
    case '07':
      return 'operational capacity is derived (installed - still closed + mobilised), not entered';
    case '03':
    case '04':
      return 'occupied and reserved capacities are not recorded by the hub';
    default:
      return `capacityStatus ${status ?? '?'} is not a status the hub holds`;
  }
}

const businessRule = (message: string) => new OperationOutcomeError(outcomeAt('business-rule', 'business-rule', message, INDICATOR_EXPRESSION));

/** The indicator an extension sets; 400 `invalid` when malformed, 400 `business-rule` when not one the hub holds. */
export function readIndicator(extension: Extension): Indicator {
  const { codes, count } = readCodes(extension);
  const type = codes.get('capacityType');
  if (type !== '01' && type !== '02') {
    throw businessRule(`capacityType ${type ?? '?'}: the hub counts beds (01 Lit) or places (02 Place) only.`);
  }
  const slot = slotOf(codes);
  if (!isSlot(slot)) throw businessRule(`The values do not form an indicator this hub holds (${describeCodes(codes)}): ${slot}.`);
  return { nature: type === '02' ? 'PLACE' : 'BED', slot, count, temporaryAssignment: codes.get('temporaryAssignement') ?? '01', crisisType: codes.get('crisisType') ?? null };
}

const SLOTS: readonly string[] = ['installed', 'availableMen', 'availableWomen', 'availableUndifferentiated', 'closedReactivable', 'closedNotReactivable', 'mobilised'];
const isSlot = (value: string): value is Slot => SLOTS.includes(value);

/** The figures GraphQL's CapacityInput takes. */
export interface Figures {
  nature: CapacityRecord['nature'];
  installedBeds: number;
  availableMen: number;
  availableWomen: number;
  availableUndifferentiated: number;
  closedBeds: number;
  reopenedBeds: number;
  reopenableBeds: number;
  mobilisedBeds: number;
  notes: string | null;
  crisisType: string | null;
  temporaryAssignment: string;
}

export const NO_FIGURES: Omit<Figures, 'nature'> = {
  installedBeds: 0,
  availableMen: 0,
  availableWomen: 0,
  availableUndifferentiated: 0,
  closedBeds: 0,
  reopenedBeds: 0,
  reopenableBeds: 0,
  mobilisedBeds: 0,
  notes: null,
  crisisType: null,
  temporaryAssignment: '01',
};

/**
 * The record with one indicator set, the others kept; the supplementary beds' indicator also sets
 * the crisis they are opened for (none when it names none), and every indicator the assignment. Closed beds are stored as a total with its
 * reopened and reactivable parts, so setting one closing type keeps the other's count:
 * not reactivable = closed − reopened − reactivable.
 */
export function applyIndicator(current: Figures, { slot, count, temporaryAssignment, crisisType }: Indicator): Figures {
  // The assignment is the unit's record's: every indicator states it (D171).
  const figures = { ...current, temporaryAssignment };
  const notReactivable = figures.closedBeds - figures.reopenedBeds - figures.reopenableBeds;
  switch (slot) {
    case 'installed':
      return { ...figures, installedBeds: count };
    case 'availableMen':
    case 'availableWomen':
    case 'availableUndifferentiated':
      return { ...figures, [slot]: count };
    case 'closedReactivable':
      return { ...figures, reopenableBeds: count, closedBeds: figures.reopenedBeds + count + notReactivable };
    case 'closedNotReactivable':
      return { ...figures, closedBeds: figures.reopenedBeds + figures.reopenableBeds + count };
    case 'mobilised':
      return { ...figures, mobilisedBeds: count, crisisType };
  }
}
