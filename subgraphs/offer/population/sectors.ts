/**
 * Sectors of the national follow-up (MCO, PSY, SSR, PA elderly, PH disabled) for an establishment
 * (EG). What it does is read first from its active units' field of activity, since a general
 * hospital's psychiatric or SMR units put it in those sectors too; an EG without such a unit
 * falls back on its FINESS category. An EG may be in several sectors, or in none (pharmacies,
 * laboratories, training schools…), and then counts in no target.
 */

export const SECTORS = ['MCO', 'PSY', 'SSR', 'PA', 'PH'] as const;
export type Sector = (typeof SECTORS)[number];

/** FINESS categories (TRE_R66), grouped by their FINESS aggregate, per sector. */
const CATEGORIES_BY_SECTOR: Record<Sector, readonly string[]> = {
  // 1101 CHR, 1102 CH, 1104 CLCC, 1106 ex hôpitaux locaux, 1109 soins de longue durée (USLD are
  // sanitary), 1110 soins de courte durée, 1201 HAD and home treatments, 697 GCS établissement de santé.
  MCO: ['101', '355', '131', '106', '362', '122', '128', '129', '365', '127', '422', '697'],
  // 1103 CHS, 1111 other mental-health establishments (CMP, CATTP, SMPR, post-cure…).
  PSY: ['292', '156', '161', '366', '412', '415', '425', '430', '444'],
  // 1107 private establishments authorised in SSR (now SMR).
  SSR: ['109'],
  // 4401 accommodation (EHPAD, EHPA, résidences autonomie), 4402 day centres, 4403 social services,
  // 4404 experimental, for the elderly.
  PA: ['202', '500', '501', '502', '207', '208', '368', '450', '381'],
  // 4101–4107 children, 4301–4305 adults with disabilities.
  PH: [
    '183', '188', '402', '186', '192', '194', '195', '196', '238', '390', '396', '182', '189', '190', '221', '377',
    '252', '253', '255', '370', '382', '395', '437', '448', '449', '246', '247', '198', '249', '379', '445', '446',
  ],
};

const SECTOR_OF_CATEGORY: ReadonlyMap<string, Sector> = new Map(
  SECTORS.flatMap((sector) => CATEGORIES_BY_SECTOR[sector].map((code) => [code, sector] as const)),
);

/** The sector a FINESS category implies, or null (not a health or medico-social offer we follow). */
export function categorySector(categoryCode: string): Sector | null {
  return SECTOR_OF_CATEGORY.get(categoryCode) ?? null;
}

/** TRE_R227 fields of activity that name a sector; 04 (médico-social) needs the public, 05 and 06 none. */
const SECTOR_OF_ACTIVITY_FIELD: Readonly<Record<string, Sector>> = { '01': 'MCO', '02': 'SSR', '03': 'PSY' };

/**
 * The sector of one active unit: 01 → MCO, 02 → SSR (SMR), 03 → PSY; 04 médico-social → PA or PH
 * by the unit's kind (ELDERLY, DISABLED), else by its establishment's category; anything else
 * (05 ville, 06 social, unknown code) → none.
 */
export function unitSector(activityFieldCode: string | null, kind: string, categoryCode: string): Sector | null {
  if (activityFieldCode === null) return null;
  const direct = SECTOR_OF_ACTIVITY_FIELD[activityFieldCode];
  if (direct) return direct;
  if (activityFieldCode !== '04') return null;
  if (kind === 'ELDERLY') return 'PA';
  if (kind === 'DISABLED') return 'PH';
  const byCategory = categorySector(categoryCode);
  return byCategory === 'PA' || byCategory === 'PH' ? byCategory : null;
}

/** The sectors of an EG, in SECTORS order: its active units', else its category's. */
export function establishmentSectors(categoryCode: string, units: Iterable<{ activityFieldCode: string | null; kind: string }>): Sector[] {
  const found = new Set<Sector>();
  for (const u of units) {
    const sector = unitSector(u.activityFieldCode, u.kind, categoryCode);
    if (sector) found.add(sector);
  }
  if (found.size === 0) {
    const fallback = categorySector(categoryCode);
    if (fallback) found.add(fallback);
  }
  return SECTORS.filter((s) => found.has(s));
}
