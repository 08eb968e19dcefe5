/**
 * The national code lists (NOS) the capacities subgraph's records hold, as data: crisis type and
 * temporary assignment of a capacity record, type of housing of a residential capacity, feature of
 * an equipment limit. Each list is the NOS release named by `version`; `complete: false` says a
 * list is the ROR value set's subset (docs/capacities.md § Code lists says where each comes from).
 * Writes refuse any other code (`assertCode`), so FHIR and GraphQL serve these labels only.
 */
import { HubError } from '../../platform/errors.js';
import { nosSystemUrl, readCodeSystem } from '../../platform/terminology/code-systems.js';

export interface CodeList {
  /** NOS name, e.g. TRE_R336-TypeCrise. */
  name: string;
  version: string;
  complete: boolean;
  codes: Readonly<Record<string, string>>;
}

const list = (name: string, version: string, complete: boolean, codes: Record<string, string>): CodeList => ({ name, version, complete, codes });

/** A list read from the hub's national terminology file of the system. */
function national(name: string): CodeList {
  const system = readCodeSystem(name);
  return list(system.name, system.version, system.complete, Object.fromEntries(system.codes.map((c) => [c.code, c.display])));
}

export const CODE_LISTS = {
  /** The ROR's JDV_J194-TypeCrise-ROR (release 20220527120000), which lists these two codes of TRE_R336. */
  crisisType: list('TRE_R336-TypeCrise', '20220527120000', false, {
    '01': 'PMIE 1',
    '02': 'Situation sanitaire Exceptionnelle (SSE) (Plan blanc)',
  }),
  temporaryAssignment: list('TRE_R337-AffectationTemporaire', '20231215120000', true, { '01': 'Aucune', '02': 'Covid+', '03': 'Covid-' }),
  /**
   * TRE_R242, the national file the offer's prices read too (platform/terminology): one list, one
   * label per code. The whole system is JDV_J32-TypeHabitation-ROR, the IG's required binding.
   */
  residentialType: national('TRE_R242-TypeHabitation'),
  equipmentFeature: list('TRE_R340-TypeCaracteristiqueEquipement', '20240329120000', true, { '001': 'Poids maximum', '002': 'Diamètre maximum' }),
} as const;

export type CodeListKey = keyof typeof CODE_LISTS;

/** The UCUM unit of each equipment feature (TRE_R340): a weight in kilograms, a diameter in centimetres. */
export const FEATURE_UNITS: Readonly<Record<string, string>> = { '001': 'kg', '002': 'cm' };
export const UCUM = 'http://unitsofmeasure.org';

/** Canonical URL of a NOS code system: https://mos.esante.gouv.fr/NOS/TRE_Rnnn-Name/FHIR/TRE-Rnnn-Name. */
export const systemOf = (key: CodeListKey): string => nosSystemUrl(CODE_LISTS[key].name);

/** GraphQL Coding of a code (a code no longer listed keeps its code, without a label). */
export function codingOf(key: CodeListKey, code: string): { system: string; code: string; display: string | null } {
  return { system: systemOf(key), code, display: CODE_LISTS[key].codes[code] ?? null };
}

/** Refuses a code its list does not hold, naming the input field and the list. */
export function assertCode(key: CodeListKey, field: string, code: string): void {
  const { name, codes } = CODE_LISTS[key];
  if (!Object.hasOwn(codes, code)) {
    throw new HubError('BAD_USER_INPUT', `${field}: "${code.slice(0, 40)}" is not a code of ${name} (${Object.keys(codes).join(', ')}).`, {
      field,
      system: systemOf(key),
      unknownCodes: [code.slice(0, 40)],
    });
  }
}
