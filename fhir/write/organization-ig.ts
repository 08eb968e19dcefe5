/**
 * Organization writes of the IG's EG elements the referents keep (issue 17): the helicopter
 * landing zone and the prices, mapped onto `updateEstablishment`'s `dropZone` and `prices`. The
 * FINESS closure (closing type, organization-period) and the pôle names (oi-name) are refused,
 * naming where they are kept. Kept apart from organization.ts, which calls it for `extension(…)`.
 */
import { CODE_SYSTEMS, EXTENSIONS } from '../codes.js';
import type { Extension } from '../types.js';
import { extensionElement, extensionsByUrl, type Json } from './elements.js';
import type { ElementRefusal } from './request.js';

/** The `updateEstablishment` input fields these elements give. */
export interface OrganizationIgInput {
  dropZone?: boolean | null;
  prices?: PriceInput[];
}

interface PriceInput {
  typeCode: string;
  unitCode: string;
  amount: number;
  validFrom: string | null;
  dependencyLevelCode: string | null;
  residentialTypeCode: string | null;
  welcomeTypeCode: string | null;
  specialPriceCode: string | null;
}

const DROP_ZONE = extensionElement(EXTENSIONS.organizationDropZone);
const PRICE = extensionElement(EXTENSIONS.organizationPrice);

/** Elements the hub keeps elsewhere: a change is refused with where to make it. */
const KEPT_ELSEWHERE: Readonly<Record<string, string>> = {
  [extensionElement(EXTENSIONS.organizationClosingType)]: 'The closing type comes from FINESS (the FINESS import) and is not changed here.',
  [extensionElement(EXTENSIONS.organizationPeriod)]: 'The opening and closing dates come from FINESS (the FINESS import) and are not changed here.',
  [extensionElement(EXTENSIONS.organizationOiName)]: "The internal organisation names are the establishment's pôles: create or rename a pôle (GraphQL createPole, renamePole).",
};

/** The coded sub-extensions of a price: input field and the system its coding must name. */
const CODED_PARTS: Readonly<Record<string, { field: keyof PriceInput; system: string }>> = {
  priceType: { field: 'typeCode', system: CODE_SYSTEMS.typeTarif },
  priceUnit: { field: 'unitCode', system: CODE_SYSTEMS.unitePrix },
  dependencyLevel: { field: 'dependencyLevelCode', system: CODE_SYSTEMS.groupeTarifaireDependance },
  residentialType: { field: 'residentialTypeCode', system: CODE_SYSTEMS.typeHabitation },
  welcomeType: { field: 'welcomeTypeCode', system: CODE_SYSTEMS.temporaliteAccueil },
  specialPrice: { field: 'specialPriceCode', system: CODE_SYSTEMS.conditionTarifaire },
};

class PriceProblem extends Error {}

function codeOf(part: Extension, system: string, name: string): string {
  const coding = part.valueCodeableConcept?.coding?.find((c) => c.system === system);
  if (!coding?.code) throw new PriceProblem(`${name} needs a valueCodeableConcept with a coding of ${system}.`);
  return coding.code;
}

/** A day from valueDate, or from a valueDateTime that is a day (the hub records days). */
function dayOf(part: Extension): string {
  const value = part.valueDate ?? part.valueDateTime;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new PriceProblem('startDate is a day: valueDateTime (or valueDate) YYYY-MM-DD.');
  return value;
}

function amountOf(part: Extension): number {
  const money = part.valueMoney;
  if (typeof money?.value !== 'number') throw new PriceProblem('amount needs a valueMoney with a value.');
  if (money.currency !== undefined && money.currency !== 'EUR') throw new PriceProblem(`amount is in euros (currency EUR), not ${String(money.currency)}.`);
  return money.value;
}

/** One ror-organization-price as the mutation's price input. */
function priceOf(extension: Extension): PriceInput {
  const price: PriceInput = { typeCode: '', unitCode: '', amount: Number.NaN, validFrom: null, dependencyLevelCode: null, residentialTypeCode: null, welcomeTypeCode: null, specialPriceCode: null };
  const seen = new Set<string>();
  for (const part of extension.extension ?? []) {
    if (seen.has(part.url)) throw new PriceProblem(`${part.url} is given twice; each sub-extension the hub records is 0..1.`);
    seen.add(part.url);
    const coded = CODED_PARTS[part.url];
    if (coded) (price[coded.field] as string) = codeOf(part, coded.system, part.url);
    else if (part.url === 'amount') price.amount = amountOf(part);
    else if (part.url === 'startDate') price.validFrom = dayOf(part);
    else throw new PriceProblem(`The hub does not record ${part.url} (it records priceType, priceUnit, amount, startDate, dependencyLevel, residentialType, welcomeType, specialPrice).`);
  }
  for (const required of ['priceType', 'priceUnit', 'amount']) {
    if (!seen.has(required)) throw new PriceProblem(`${required} is required (1..1).`);
  }
  return price;
}

/**
 * Adds the input of one changed element when it is one of these extensions (true), or a refusal
 * when it is one of them but not writable here; false when the element is none of them.
 */
export function organizationIgElement(element: string, next: Json, input: OrganizationIgInput, refusals: ElementRefusal[]): boolean {
  const extensions = extensionsByUrl(next);
  if (element === DROP_ZONE) {
    const values = extensions.get(EXTENSIONS.organizationDropZone) ?? [];
    if (values.length > 1 || (values.length === 1 && typeof values[0]!.valueBoolean !== 'boolean')) {
      refusals.push({ element, diagnostics: 'ror-organization-drop-zone is 0..1, with a valueBoolean.' });
    } else input.dropZone = values[0]?.valueBoolean ?? null;
    return true;
  }
  if (element === PRICE) {
    try {
      input.prices = (extensions.get(EXTENSIONS.organizationPrice) ?? []).map(priceOf);
    } catch (error) {
      if (!(error instanceof PriceProblem)) throw error;
      refusals.push({ element, diagnostics: `ror-organization-price: ${error.message}` });
    }
    return true;
  }
  const elsewhere = KEPT_ELSEWHERE[element];
  if (elsewhere === undefined) return false;
  refusals.push({ element, diagnostics: elsewhere, code: 'business-rule' });
  return true;
}

/** The element a mutation input field came from, for a 422's expression. */
export function organizationIgElementOf(field: string): string | null {
  if (field.startsWith('prices')) return PRICE;
  if (field === 'dropZone') return DROP_ZONE;
  return null;
}
