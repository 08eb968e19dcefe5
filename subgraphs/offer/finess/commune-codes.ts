/**
 * FINESS leaves `code_insee_commune` empty on some rows (65 of the demo region's 188), while the
 * ROR's Location needs its commune (ror-commune-cog 1..1, issue 17). A row without it takes the
 * INSEE code the other rows of the same file give the same commune of the same département, when
 * they all give one and the same; otherwise it stays empty (no code is guessed). The import and
 * the demo seed both apply it, so importing the demo file over the seeded region changes nothing.
 */
export interface CommunePlace {
  departmentCode: string;
  city: string | null;
  inseeCode: string | null;
}

/** A FINESS `commune` without its CEDEX suffix ("TOURS CEDEX 9" → "TOURS"), the key communes share. */
const communeKey = (place: CommunePlace): string => `${place.departmentCode}|${(place.city ?? '').replace(/\s+CEDEX\b.*$/, '').trim()}`;

export function fillCommuneCodes<T extends CommunePlace>(rows: readonly T[]): T[] {
  const codes = new Map<string, Set<string>>();
  for (const row of rows) if (row.inseeCode && row.city) codes.set(communeKey(row), (codes.get(communeKey(row)) ?? new Set()).add(row.inseeCode));
  return rows.map((row) => {
    const known = row.inseeCode || !row.city ? undefined : codes.get(communeKey(row));
    return known?.size === 1 ? { ...row, inseeCode: [...known][0]! } : row;
  });
}
