/**
 * Establishments and organizations: FINESS rows of the region become establishments (ET), and
 * each legal entity (EJ) is named after its main site.
 */
import { DEPARTMENTS, FINESS_FILE, REGION_CODE, REGION_NAME } from './constants.js';
import { col, type CsvRow, optional, optionalNumber, readCsv } from './csv.js';
import type { DemoEstablishment, DemoOrganization } from './types.js';
import { establishmentRecord } from './records.js';
import { fillCommuneCodes } from '../../../subgraphs/offer/finess/commune-codes.js';
import { addressPartsOfLine } from '../../../subgraphs/offer/finess/address.js';

/**
 * Cleans a FINESS `rs`. Three values were quoted twice upstream: one CSV unquoting still leaves
 * `"POUPONNIERE ""BEAU SITE"" CHR TOURS"`, so that layer is removed as well. Runs of spaces
 * are collapsed, because FINESS pads short names. Accents are kept: they are FINESS values.
 */
function cleanFinessName(rs: string): string {
  let name = rs.trim();
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) {
    name = name.slice(1, -1).replace(/""/g, '"');
  }
  return name.replace(/\s+/g, ' ').trim();
}

function toEstablishment(row: CsvRow): DemoEstablishment {
  const est: DemoEstablishment = {
    id: col(row, 'nofinesset'),
    organizationId: col(row, 'nofinessej'),
    siret: optional(col(row, 'siret')),
    name: cleanFinessName(col(row, 'rs')),
    categoryCode: col(row, 'categetab'),
    categoryLabel: col(row, 'libcategetab'),
    addressLine: optional(col(row, 'adresse')),
    ...addressPartsOfLine(col(row, 'adresse')),
    postalCode: optional(col(row, 'code_postal')),
    city: optional(col(row, 'commune')),
    inseeCode: optional(col(row, 'code_insee_commune')),
    departmentCode: col(row, 'departement'),
    regionCode: col(row, 'code_region'),
    regionName: REGION_NAME,
    latitude: optionalNumber(col(row, 'latitude')),
    longitude: optionalNumber(col(row, 'longitude')),
    switchboardPhone: optional(col(row, 'telephone')),
    // FINESS dateouv; the demo rows are open establishments (no closing date or type).
    openedOn: optional(col(row, 'dateouv')),
    closedOn: null,
    closingTypeCode: null,
    dropZone: null,
    managementPhone: null,
    alertPhones: [],
    alertEmail: null,
    managementEmail: null,
    website: null,
  };
  return { ...est, ...establishmentRecord(est) };
}

/** Categories whose sites are satellites (USLD, CATTP, CMP...) rather than the EJ's main site. */
const SATELLITE_CATEGORIES: ReadonlySet<string> = new Set(['156', '362', '425', '430', '444']);

/**
 * FINESS has no EJ names, so each EJ takes the name of its main site. The main site is the
 * non-satellite ET with the most beds in the demo, ties going to the lowest FINESS number.
 * Satellite ETs (USLD, CMP, CATTP...) count only when the EJ has nothing else. For a public CH
 * this gives the name of the main hospital (e.g. "CH DREUX"). For the CHRU de Tours it gives
 * its largest site, Bretonneau.
 */
export function buildOrganizations(
  establishments: readonly DemoEstablishment[],
  bedsByEstablishment: ReadonlyMap<string, number>,
  legalStatusByEstablishment: ReadonlyMap<string, string> = new Map(),
): DemoOrganization[] {
  const byEj = new Map<string, DemoEstablishment[]>();
  for (const est of establishments) {
    const list = byEj.get(est.organizationId) ?? [];
    list.push(est);
    byEj.set(est.organizationId, list);
  }
  const rank = (e: DemoEstablishment): [number, number] => [
    SATELLITE_CATEGORIES.has(e.categoryCode) ? 1 : 0,
    -(bedsByEstablishment.get(e.id) ?? 0),
  ];
  return [...byEj.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, sites]) => {
      const main = [...sites].sort((a, b) => {
        const [ra, rb] = [rank(a), rank(b)];
        return ra[0] - rb[0] || ra[1] - rb[1] || a.id.localeCompare(b.id);
      })[0];
      if (!main) throw new Error(`EJ ${id} has no establishment`);
      // SIREN: a SIRET is the SIREN plus a 5-digit establishment number. Legal status: the main
      // site's, else the first site's that has one (as the FINESS importer does).
      const siret = main.siret ?? sites.find((s) => s.siret)?.siret ?? null;
      const legalStatusCode = legalStatusByEstablishment.get(main.id) ?? sites.map((s) => legalStatusByEstablishment.get(s.id)).find(Boolean) ?? null;
      return { id, name: main.name, siren: siret ? siret.slice(0, 9) : null, legalStatusCode };
    });
}

const regionRows = () => readCsv(FINESS_FILE).filter((row) => col(row, 'code_region') === REGION_CODE && DEPARTMENTS.has(col(row, 'departement')));

/** FINESS legal status (TRE_R72) of each establishment that has one in the extract. */
export function readLegalStatuses(): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of regionRows()) {
    const code = optional(col(row, 'sae2021_statut_juridique'));
    if (code) out.set(col(row, 'nofinesset'), code);
  }
  return out;
}

export function readEstablishments(): DemoEstablishment[] {
  // Missing INSEE codes filled from the file's other rows, as the FINESS import does.
  return fillCommuneCodes(regionRows().map(toEstablishment)).sort((a, b) => a.id.localeCompare(b.id));
}
