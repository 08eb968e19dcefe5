/**
 * The INSEE commune code (COG) of an address that lacks one. FINESS leaves `code_insee_commune`
 * empty on some rows (65 of the demo region's 188), and a unit's own address may be entered
 * without it, while the ROR's Location needs its commune (ror-commune-cog 1..1, issue 17). One
 * rule for every path (the FINESS import, the demo seed, a unit's own address written through
 * GraphQL): the place takes the code that the known places of the same commune of the same
 * département all give, when they give one and the same; otherwise none is guessed.
 */
import { FINESS_OVERSEAS } from './regions.js';

export interface CommunePlace {
  departmentCode: string;
  city: string | null;
  inseeCode: string | null;
}

/**
 * A commune's name as FINESS writes it, the key communes share: capitals without accents nor
 * punctuation, SAINT(E) as ST(E), no CEDEX suffix ("Saint-Jean-de-Braye" and "ST JEAN DE BRAYE",
 * "TOURS CEDEX 9" and "Tours").
 */
function communeName(city: string): string {
  return ` ${city.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^0-9A-Z]+/g, ' ')} `
    .replace(/ CEDEX .*$/, ' ')
    .replace(/ SAINT /g, ' ST ')
    .replace(/ SAINTE /g, ' STE ')
    .trim();
}

const communeKey = (place: Pick<CommunePlace, 'departmentCode' | 'city'>): string => `${place.departmentCode}|${communeName(place.city ?? '')}`;

/** Resolves places against `sources` (places whose INSEE code is known): the code, or null. */
export function communeCodeResolver(sources: readonly CommunePlace[]): (place: Pick<CommunePlace, 'departmentCode' | 'city'>) => string | null {
  const codes = new Map<string, Set<string>>();
  for (const row of sources) if (row.inseeCode && row.city) codes.set(communeKey(row), (codes.get(communeKey(row)) ?? new Set()).add(row.inseeCode));
  return (place) => {
    const known = place.city ? codes.get(communeKey(place)) : undefined;
    return known?.size === 1 ? [...known][0]! : null;
  };
}

/** Rows of one file, each without a code taking the one its file's other rows resolve to. */
export function fillCommuneCodes<T extends CommunePlace>(rows: readonly T[]): T[] {
  const resolve = communeCodeResolver(rows);
  return rows.map((row) => {
    const code = row.inseeCode ? null : resolve(row);
    return code ? { ...row, inseeCode: code } : row;
  });
}

/**
 * The départements a French postal code may be in, as FINESS rows spell them: its first two
 * digits; both Corsican ones for 20xxx (2A and 2B share the prefix); the overseas ones' first three
 * digits and FINESS's 9A…9F.
 */
export function departmentsOfPostalCode(postalCode: string): string[] {
  if (postalCode.startsWith('20')) return ['2A', '2B'];
  if (!postalCode.startsWith('97')) return [postalCode.slice(0, 2)];
  const insee = postalCode.slice(0, 3);
  return [insee, ...Object.keys(FINESS_OVERSEAS).filter((finess) => FINESS_OVERSEAS[finess] === insee)];
}
