/**
 * The write side of fhir/mappers/offer-characteristics.ts: category, intervention zones, the
 * closure (notAvailable) and the entry form of a HealthcareService, read back into the fields of
 * `createUnit`/`updateUnit`. Codes are checked by the offer subgraph against its terminology
 * files; here only the shape the hub can record.
 */
import { CODE_SYSTEMS, EXTENSIONS } from '../codes.js';
import { CLOSURE_ID, ZONE_CODE_SYSTEMS } from '../mappers/offer-characteristics.js';
import type { Extension } from '../types.js';
import type { UnitUpdate } from '../../schemas/operations.js';
import { extensionElement, type Json } from './elements.js';
import type { ElementRefusal } from './request.js';

const TYPE = 'HealthcareService';
type Refusals = ElementRefusal[];
type Codings = { coding?: { system?: string; code?: string }[] } | undefined;

/** The one coding of a CodeableConcept, refused on `element` when it has none or several. */
function soleCoding(value: Codings, element: string, what: string, refusals: Refusals): { system?: string; code?: string } | undefined {
  const codings = value?.coding ?? [];
  if (codings.length !== 1 || !codings[0]!.code) {
    refusals.push({ element, diagnostics: `${TYPE}: ${what} needs exactly one coding with a code.` });
    return undefined;
  }
  return codings[0];
}

/** category (0..1): one TRE_R244 code, or none (clears it). */
export function categoryOf(value: unknown, refusals: Refusals): string | null {
  const concepts = Array.isArray(value) ? (value as Codings[]) : [];
  if (concepts.length === 0) return null;
  if (concepts.length > 1) refusals.push({ element: 'category', diagnostics: `${TYPE}.category holds one type of offer (${concepts.length} given).` });
  const coding = soleCoding(concepts[0], 'category', 'category', refusals);
  if (coding && coding.system !== CODE_SYSTEMS.categorieOrganisation) {
    refusals.push({ element: 'category', diagnostics: `${TYPE}.category: the hub records codes of ${CODE_SYSTEMS.categorieOrganisation} here, not ${coding.system ?? 'a coding without system'}.` });
  }
  return coding?.code ?? null;
}

/** One ror-territorial-division: its TRE_R201 type and a code of the system that type uses. */
export function zoneOf(extension: Extension, refusals: Refusals): { typeCode: string; code: string } {
  const element = extensionElement(EXTENSIONS.territorialDivision);
  const part = (url: string) => extension.extension?.find((e) => e.url === url)?.valueCodeableConcept;
  const type = soleCoding(part('typeTerritorialDivision'), element, 'typeTerritorialDivision', refusals);
  const code = soleCoding(part('codeTerritorialDivision'), element, 'codeTerritorialDivision', refusals);
  const expected = type?.code ? ZONE_CODE_SYSTEMS[type.code] : undefined;
  if (type && type.system !== CODE_SYSTEMS.typeDivisionTerritoriale) {
    refusals.push({ element, diagnostics: `typeTerritorialDivision is a code of ${CODE_SYSTEMS.typeDivisionTerritoriale}.` });
  } else if (type && !expected) {
    refusals.push({ element, diagnostics: `The hub records régions (1), départements (2) and communes (3), not division type "${type.code}".` });
  } else if (code && expected && code.system !== expected) {
    refusals.push({ element, diagnostics: `codeTerritorialDivision of type ${type?.code} is a code of ${expected}, not ${code.system ?? 'a coding without system'}.` });
  }
  return { typeCode: type?.code ?? '', code: code?.code ?? '' };
}

/** ror-meta-questionnaire-used-as-a-template (0..1): its canonical, `url|version` (the subgraph checks the form). */
export function entryTemplateOf(extensions: Extension[], refusals: Refusals): string | null {
  const element = extensionElement(EXTENSIONS.metaQuestionnaireUsedAsATemplate);
  if (extensions.length > 1) refusals.push({ element, diagnostics: 'The hub records one entry form (Questionnaire) per offer.' });
  const value = extensions[0]?.valueCanonical;
  if (extensions.length > 0 && typeof value !== 'string') refusals.push({ element, diagnostics: 'ror-meta-questionnaire-used-as-a-template needs valueCanonical.' });
  return value ?? null;
}

/**
 * notAvailable: the IG's one slice, id `closingReopeningDate`, with `during` (closing day, forecast
 * reopening day) and its description; none clears the closure. Other unavailabilities are not recorded.
 */
export function closureOf(value: unknown, refusals: Refusals): Pick<UnitUpdate, 'closedFrom' | 'reopeningOn' | 'closureDescription'> {
  const list = Array.isArray(value) ? (value as Json[]) : [];
  if (list.length === 0) return { closedFrom: null, reopeningOn: null, closureDescription: null };
  const [closure] = list;
  const during = closure!.during as { start?: string; end?: string } | undefined;
  const day = (v: string | undefined) => v === undefined || /^\d{4}-\d{2}-\d{2}$/.test(v);
  if (list.length > 1 || closure!.id !== CLOSURE_ID || !during?.start || !day(during.start) || !day(during.end)) {
    refusals.push({
      element: 'notAvailable',
      diagnostics: `${TYPE}.notAvailable: the hub records one closure, id "${CLOSURE_ID}", with during.start (closing day) and optionally during.end (forecast reopening day), as days YYYY-MM-DD.`,
    });
    return {};
  }
  return { closedFrom: during.start, reopeningOn: during.end ?? null, closureDescription: typeof closure!.description === 'string' ? closure!.description : null };
}
