/**
 * The prices of an establishment (IG ror-organization-price) as `updateEstablishment` takes them:
 * each code checked against its national system, the amount in cents, and the fields a price type
 * takes (the ROR exposure model's tariff classes: a dependency tariff has a GIR group, an
 * accommodation base a room type…). No database here.
 */
import { isCalendarDay } from '../finess/closing.js';
import type { EstablishmentPriceRow } from '../tables.js';
import { assertCodes, type CodeSystemKey } from '../terminology/validate.js';
import { badInput } from './rules.js';

export interface EstablishmentPriceInput {
  typeCode: string;
  unitCode: string;
  amount: number;
  validFrom?: string | null;
  dependencyLevelCode?: string | null;
  residentialTypeCode?: string | null;
  welcomeTypeCode?: string | null;
  specialPriceCode?: string | null;
}

/** A price as stored, without its row id and establishment. */
export type PriceValues = Omit<EstablishmentPriceRow, 'id' | 'establishmentId'>;

type OptionalField = 'dependencyLevelCode' | 'residentialTypeCode' | 'welcomeTypeCode' | 'specialPriceCode';

const OPTIONAL_SYSTEMS: Readonly<Record<OptionalField, CodeSystemKey>> = {
  dependencyLevelCode: 'dependencyLevel',
  residentialTypeCode: 'residentialType',
  welcomeTypeCode: 'welcomeType',
  specialPriceCode: 'specialPrice',
};

/**
 * Which optional fields each TRE_R246 price type takes (ME 3.0 tariff classes, as the IG's
 * ror-organization-price mapping lists them): 01 SupplementTarifHebergement, 02
 * ForfaitSocleHebergement, 03 TarifDependance, 04 TarifPrestationSupplementaire, 05
 * TarifAccueilDeJour, 06 TarifAidesHumaines, 07 TarifPortageRepas.
 */
export const FIELDS_OF_PRICE_TYPE: Readonly<Record<string, readonly OptionalField[]>> = {
  '01': ['residentialTypeCode'],
  '02': ['residentialTypeCode', 'welcomeTypeCode', 'specialPriceCode'],
  '03': ['dependencyLevelCode', 'welcomeTypeCode'],
  '04': [],
  '05': ['specialPriceCode'],
  '06': ['specialPriceCode'],
  '07': ['specialPriceCode'],
};

export const MAX_PRICES = 50;
/** numeric(10, 2). */
const MAX_AMOUNT = 99_999_999.99;

function amountOf(field: string, amount: number): string {
  const cents = Math.round(amount * 100);
  if (!Number.isFinite(amount) || amount < 0 || amount > MAX_AMOUNT || Math.abs(cents - amount * 100) > 1e-6) {
    throw badInput(field, `${amount} is not an amount in euros from 0 to ${MAX_AMOUNT} with at most two decimals.`);
  }
  return (cents / 100).toFixed(2);
}

function priceOf(input: EstablishmentPriceInput, position: number): PriceValues {
  const at = `prices[${position}]`;
  assertCodes(`${at}.typeCode`, 'priceType', input.typeCode);
  assertCodes(`${at}.unitCode`, 'priceUnit', input.unitCode);
  const allowed = FIELDS_OF_PRICE_TYPE[input.typeCode] ?? [];
  const values: PriceValues = {
    position,
    priceTypeCode: input.typeCode,
    priceUnitCode: input.unitCode,
    amount: Number(amountOf(`${at}.amount`, input.amount)),
    validFrom: input.validFrom ?? null,
    dependencyLevelCode: null,
    residentialTypeCode: null,
    welcomeTypeCode: null,
    specialPriceCode: null,
  };
  if (values.validFrom !== null && !isCalendarDay(values.validFrom)) throw badInput(`${at}.validFrom`, `"${values.validFrom}" is not a date YYYY-MM-DD.`);
  for (const field of Object.keys(OPTIONAL_SYSTEMS) as OptionalField[]) {
    const code = input[field] ?? null;
    if (code === null) continue;
    if (!allowed.includes(field)) throw badInput(`${at}.${field}`, `a price of type ${input.typeCode} takes no ${field} (it takes ${allowed.join(', ') || 'none'}).`, { allowed });
    assertCodes(`${at}.${field}`, OPTIONAL_SYSTEMS[field], code);
    values[field] = code;
  }
  if (input.typeCode === '03' && values.dependencyLevelCode === null) throw badInput(`${at}.dependencyLevelCode`, 'a dependency tariff (type 03) needs its GIR group (TRE_R237).');
  return values;
}

/** The key two prices may not share: the same tariff for the same stay, twice. */
const keyOf = (p: PriceValues) => JSON.stringify([p.priceTypeCode, p.priceUnitCode, p.dependencyLevelCode, p.residentialTypeCode, p.welcomeTypeCode, p.specialPriceCode]);

/** The stored prices of `inputs`, in order, or BAD_USER_INPUT naming the first wrong one. */
export function pricesOf(inputs: readonly EstablishmentPriceInput[]): PriceValues[] {
  if (inputs.length > MAX_PRICES) throw badInput('prices', `at most ${MAX_PRICES} prices.`);
  const prices = inputs.map(priceOf);
  const seen = new Map<string, number>();
  for (const p of prices) {
    const first = seen.get(keyOf(p));
    if (first !== undefined) throw badInput(`prices[${p.position}]`, `the same tariff as prices[${first}] (type, unit and conditions).`);
    seen.set(keyOf(p), p.position);
  }
  return prices;
}
