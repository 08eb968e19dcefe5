/**
 * Département → région (INSEE codes, regions of 2016). The official FINESS extract carries the
 * département only; the establishment row needs its region. FINESS writes the overseas
 * départements 9A…9F (971 Guadeloupe … 976 Mayotte).
 */
const REGIONS: Record<string, { name: string; departments: string }> = {
  '01': { name: 'Guadeloupe', departments: '9A 971' },
  '02': { name: 'Martinique', departments: '9B 972' },
  '03': { name: 'Guyane', departments: '9C 973' },
  '04': { name: 'La Réunion', departments: '9D 974' },
  '06': { name: 'Mayotte', departments: '9F 976' },
  '11': { name: 'Île-de-France', departments: '75 77 78 91 92 93 94 95' },
  '24': { name: 'Centre-Val de Loire', departments: '18 28 36 37 41 45' },
  '27': { name: 'Bourgogne-Franche-Comté', departments: '21 25 39 58 70 71 89 90' },
  '28': { name: 'Normandie', departments: '14 27 50 61 76' },
  '32': { name: 'Hauts-de-France', departments: '02 59 60 62 80' },
  '44': { name: 'Grand Est', departments: '08 10 51 52 54 55 57 67 68 88' },
  '52': { name: 'Pays de la Loire', departments: '44 49 53 72 85' },
  '53': { name: 'Bretagne', departments: '22 29 35 56' },
  '75': { name: 'Nouvelle-Aquitaine', departments: '16 17 19 23 24 33 40 47 64 79 86 87' },
  '76': { name: 'Occitanie', departments: '09 11 12 30 31 32 34 46 48 65 66 81 82' },
  '84': { name: 'Auvergne-Rhône-Alpes', departments: '01 03 07 15 26 38 42 43 63 69 73 74' },
  '93': { name: "Provence-Alpes-Côte d'Azur", departments: '04 05 06 13 83 84' },
  '94': { name: 'Corse', departments: '2A 2B' },
};

export interface Region {
  code: string;
  name: string;
}

const BY_DEPARTMENT: ReadonlyMap<string, Region> = new Map(
  Object.entries(REGIONS).flatMap(([code, { name, departments }]) => departments.split(' ').map((d) => [d, { code, name }] as const)),
);

/** The region of a département code, or undefined when the code is unknown. */
export function regionOfDepartment(department: string): Region | undefined {
  return BY_DEPARTMENT.get(department);
}
