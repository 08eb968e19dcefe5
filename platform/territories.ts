/**
 * Territories (sectors) of territorial bed management (docs/territory.md): each groups the
 * départements one team of territorial coordinators animates. Reference data, like the rights
 * catalogue: a grant on a TERRITORY perimeter names one of these codes, and every subgraph reads
 * the same list without asking another (D158).
 */
export interface Territory {
  code: string;
  name: string;
  regionCode: string;
  departmentCodes: readonly string[];
}

const territory = (code: string, name: string, regionCode: string, ...departmentCodes: string[]): Territory => ({ code, name, regionCode, departmentCodes });

/** The demo region's sectors (Centre-Val de Loire, region 24): three sectors of two départements. */
export const TERRITORIES: readonly Territory[] = [
  territory('CVL-NORD', 'Secteur Nord (Eure-et-Loir, Loiret)', '24', '28', '45'),
  territory('CVL-CENTRE', 'Secteur Centre (Indre-et-Loire, Loir-et-Cher)', '24', '37', '41'),
  territory('CVL-SUD', 'Secteur Sud (Cher, Indre)', '24', '18', '36'),
];

export function territoryByCode(code: string): Territory | undefined {
  return TERRITORIES.find((t) => t.code === code);
}

/** Codes of the territories a département belongs to (one in the catalogue above, possibly none). */
export function territoriesOfDepartment(departmentCode: string): string[] {
  return TERRITORIES.filter((t) => t.departmentCodes.includes(departmentCode)).map((t) => t.code);
}
