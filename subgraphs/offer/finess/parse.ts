/**
 * Reading FINESS files: layout detection, field mapping and row validation with line numbers.
 * Two layouts (docs/finess-import.md): the official extract `etalab-cs1100507` (metadata line,
 * `structureet` and `geolocalisation` lines, Lambert 93 or overseas UTM) and the demo CSV (header, WGS84).
 * Pure functions: no database here.
 */
import { CsvSyntaxError, decodeText, readCsv, type CsvRecord } from '../../../platform/csv.js';
import { addressPartsOfFields, addressPartsOfLine } from './address.js';
import { closingOfColumns, closingProblems } from './closing.js';
import { FINESS_CATEGORIES, isLegalStatus } from './categories.js';
import { finessNumberProblem } from './numbers.js';
import { KNOWN_EPSG, projectionOf, toWgs84 } from './projections.js';
import { regionOfDepartment } from './regions.js';
import type { EstablishmentRow } from '../tables.js';

export type FinessLayout = 'etalab-cs1100507' | 'demo-csv';

/**
 * The establishment columns FINESS owns: an import writes these and nothing else, so a re-import
 * never clears what the referents keep current (management and alert phones, e-mails, website).
 */
export const FINESS_FIELDS = [
  'organizationId', 'siret', 'name', 'categoryCode', 'categoryLabel', 'addressLine', 'postalCode', 'city', 'inseeCode',
  'houseNumber', 'houseNumberSuffix', 'streetType', 'streetName', 'namedPlace', 'postBox',
  'departmentCode', 'regionCode', 'regionName', 'latitude', 'longitude', 'switchboardPhone',
  'openedOn', 'closedOn', 'closingTypeCode',
] as const satisfies ReadonlyArray<keyof EstablishmentRow>;
export type FinessField = (typeof FINESS_FIELDS)[number];

/**
 * One establishment (EG/ET) as read from the file, with the line it came from, plus the legal
 * status (TRE_R72) of its legal entity when the file gives one (demo CSV only).
 */
export type FinessEstablishment = Pick<EstablishmentRow, 'id' | FinessField> & { legalStatusCode: string | null; line: number };

export interface FinessProblem {
  line: number;
  message: string;
}

export interface ParsedFiness {
  layout: FinessLayout | null;
  /** Data rows read (establishment rows, plus `geolocalisation` lines naming no establishment). */
  rows: number;
  /** Rows without any problem, in file order. */
  valid: FinessEstablishment[];
  /** Lines of the rejected rows. */
  rejectedLines: number[];
  problems: FinessProblem[];
}

/** The file's text (platform/csv.ts decodeText). */
export const decodeFiness = decodeText;

/** FINESS pads names and some were quoted twice upstream: unquote once more, collapse spaces. */
export function cleanName(rs: string): string {
  let name = rs.trim();
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1).replace(/""/g, '"');
  return name.replace(/\s+/g, ' ').trim();
}

const opt = (value: string | undefined): string | null => {
  const v = (value ?? '').replace(/\s+/g, ' ').trim();
  return v === '' ? null : v;
};

/** Coordinates are stored to 6 decimals (≈ 0.1 m), so a re-import compares equal. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

type Draft = Omit<FinessEstablishment, 'line'>;

/** Checks shared by both layouts; returns the problems of one establishment row. */
function checkEstablishment(d: Draft): string[] {
  const problems: string[] = [];
  const et = finessNumberProblem('nofinesset', d.id);
  if (et) problems.push(et);
  const ej = finessNumberProblem('nofinessej', d.organizationId);
  if (ej) problems.push(ej);
  if (d.name === '') problems.push('rs (name) is required');
  if (d.categoryCode === '') problems.push('categetab (category) is required');
  else if (!FINESS_CATEGORIES.has(d.categoryCode)) problems.push(`categetab "${d.categoryCode}" is not a known FINESS category`);
  if (d.departmentCode === '') problems.push('departement is required');
  else if (d.regionCode === '') problems.push(`departement "${d.departmentCode}" is not a known département`);
  if (d.siret !== null && !/^[0-9]{14}$/.test(d.siret)) problems.push(`siret "${d.siret}" must be 14 digits`);
  if (d.legalStatusCode !== null && !isLegalStatus(d.legalStatusCode)) problems.push(`legal status "${d.legalStatusCode}" is not a known FINESS legal status (TRE_R72)`);
  problems.push(...closingProblems(d));
  return problems;
}

class Collector {
  readonly valid: FinessEstablishment[] = [];
  readonly problems: FinessProblem[] = [];
  private readonly rejected = new Set<number>();
  private readonly seen = new Map<string, number>();
  rows = 0;

  problem(line: number, message: string): void {
    this.problems.push({ line, message });
    this.rejected.add(line);
  }

  /** Records a row: duplicates of an earlier nofinesset are refused. */
  establishment(line: number, draft: Draft, extra: string[] = []): FinessEstablishment | null {
    this.rows++;
    const problems = [...checkEstablishment(draft), ...extra];
    const first = this.seen.get(draft.id);
    if (draft.id !== '' && first !== undefined) problems.push(`nofinesset "${draft.id}" already given on line ${first}`);
    else if (draft.id !== '') this.seen.set(draft.id, line);
    for (const message of problems) this.problem(line, message);
    return problems.length === 0 ? { line, ...draft } : null;
  }

  result(layout: FinessLayout | null): ParsedFiness {
    const rejectedLines = [...this.rejected].sort((a, b) => a - b);
    const problems = [...this.problems].sort((a, b) => a.line - b.line);
    const valid = this.valid.filter((e) => !this.rejected.has(e.line));
    return { layout, rows: this.rows, valid, rejectedLines, problems };
  }
}

function region(department: string): { regionCode: string; regionName: string | null } {
  const r = regionOfDepartment(department);
  return { regionCode: r?.code ?? '', regionName: r?.name ?? null };
}

// ---------------------------------------------------------------- demo CSV (header, WGS84)

const DEMO_COLUMNS = ['nofinesset', 'nofinessej', 'rs', 'adresse', 'code_postal', 'commune', 'code_insee_commune', 'departement', 'categetab', 'latitude', 'longitude'];

function parseDemo(records: CsvRecord[]): ParsedFiness {
  const out = new Collector();
  const [headerLine, ...rest] = records;
  const header = headerLine?.fields ?? [];
  const missing = DEMO_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    out.problem(headerLine?.line ?? 1, `header lacks column(s) ${missing.join(', ')}`);
    return out.result('demo-csv');
  }
  for (const { line, fields: values } of rest) {
    if (values.length !== header.length) {
      out.rows++;
      out.problem(line, `expected ${header.length} fields, got ${values.length}`);
      continue;
    }
    const col = (name: string) => (values[header.indexOf(name)] ?? '').trim();
    const departmentCode = col('departement');
    const derived = region(departmentCode);
    const categoryCode = col('categetab');
    const extra: string[] = [];
    const [latText, lonText] = [col('latitude'), col('longitude')];
    let latitude: number | null = null;
    let longitude: number | null = null;
    if (latText !== '' || lonText !== '') {
      const [lat, lon] = [Number(latText), Number(lonText)];
      if (latText === '' || lonText === '') extra.push('latitude and longitude must be given together');
      else if (!Number.isFinite(lat) || lat < -90 || lat > 90) extra.push(`latitude "${latText}" must be a number between -90 and 90`);
      else if (!Number.isFinite(lon) || lon < -180 || lon > 180) extra.push(`longitude "${lonText}" must be a number between -180 and 180`);
      else [latitude, longitude] = [lat, lon];
    }
    const draft: Draft = {
      id: col('nofinesset'),
      organizationId: col('nofinessej'),
      siret: opt(col('siret')),
      name: cleanName(col('rs')),
      categoryCode,
      categoryLabel: opt(col('libcategetab')) ?? FINESS_CATEGORIES.get(categoryCode) ?? '',
      addressLine: opt(col('adresse')),
      ...addressPartsOfLine(col('adresse')),
      postalCode: opt(col('code_postal')),
      city: opt(col('commune')),
      inseeCode: opt(col('code_insee_commune')),
      departmentCode,
      regionCode: col('code_region') || derived.regionCode,
      regionName: opt(col('region')) ?? derived.regionName,
      latitude,
      longitude,
      switchboardPhone: opt(col('telephone')),
      ...closingOfColumns(col('dateouv'), col('datefermeture'), col('typefermeture')),
      legalStatusCode: header.includes('sae2021_statut_juridique') ? opt(col('sae2021_statut_juridique')) : null,
    };
    const row = out.establishment(line, draft, extra);
    if (row) out.valid.push(row);
  }
  return out.result('demo-csv');
}

// ---------------------------------------------------------------- official extract etalab-cs1100507

/** 1-based field positions of a `structureet` line (domain-data §1.2). */
const S = { et: 2, ej: 3, rs: 4, numvoie: 8, typvoie: 9, voie: 10, compvoie: 11, lieuditbp: 12, commune: 13, departement: 14, acheminement: 16, telephone: 17, categetab: 19, libcategetab: 20, siret: 23, dateouv: 29 } as const;
const STRUCTURE_MIN_FIELDS = 31; // 32 since numuai was added; older extracts have 31
const GEO_MIN_FIELDS = 5;

/** INSEE commune code: département + 3-digit commune; overseas 9A…9F become 971…976. */
function inseeOf(department: string, commune: string): string | null {
  if (!/^[0-9]{3}$/.test(commune) || department === '') return null;
  const overseas = /^9[A-F]$/.exec(department);
  return overseas ? `97${commune}` : `${department}${commune}`;
}

function parseOfficial(records: CsvRecord[]): ParsedFiness {
  const out = new Collector();
  const byEt = new Map<string, { draft: Draft; line: number; extra: string[] }>();
  const order: string[] = [];
  const geos: Array<[number, string[]]> = [];
  for (const { line, fields: f } of records.slice(1)) {
    const at = (i: number) => (f[i - 1] ?? '').trim();
    if (f[0] === 'geolocalisation') {
      geos.push([line, f]);
      continue;
    }
    if (f[0] !== 'structureet') {
      out.rows++;
      out.problem(line, `unknown line type "${(f[0] ?? '').slice(0, 20)}" (expected structureet or geolocalisation)`);
      continue;
    }
    if (f.length < STRUCTURE_MIN_FIELDS) {
      out.rows++;
      out.problem(line, `structureet line has ${f.length} fields, expected ${STRUCTURE_MIN_FIELDS} or 32`);
      continue;
    }
    const departmentCode = at(S.departement);
    const categoryCode = at(S.categetab);
    const street = [[at(S.numvoie), at(S.compvoie)].join(''), at(S.typvoie), at(S.voie)].filter((s) => s !== '').join(' ');
    const bp = at(S.lieuditbp);
    const route = /^([0-9]{5})\s+(.+)$/.exec(at(S.acheminement));
    const draft: Draft = {
      id: at(S.et),
      organizationId: at(S.ej),
      siret: opt(at(S.siret)),
      name: cleanName(at(S.rs)),
      categoryCode,
      categoryLabel: opt(at(S.libcategetab)) ?? FINESS_CATEGORIES.get(categoryCode) ?? '',
      addressLine: opt([street, bp].filter((s) => s !== '').join(' / ')),
      ...addressPartsOfFields(at(S.numvoie), at(S.compvoie), at(S.typvoie), at(S.voie), bp),
      postalCode: route?.[1] ?? null,
      city: opt(route?.[2] ?? at(S.acheminement)),
      inseeCode: inseeOf(departmentCode, at(S.commune)),
      departmentCode,
      ...region(departmentCode),
      latitude: null,
      longitude: null,
      switchboardPhone: opt(at(S.telephone)),
      // The extract lists open establishments only: no closing date or type (docs/finess-import.md).
      ...closingOfColumns(at(S.dateouv), '', ''),
      legalStatusCode: null, // structureet lines carry no legal status (it is on the EJ's structureej line)
    };
    if (!byEt.has(draft.id)) {
      byEt.set(draft.id, { draft, line, extra: [] });
      order.push(draft.id);
    } else {
      out.rows++;
      out.problem(line, `nofinesset "${draft.id}" already given on line ${byEt.get(draft.id)?.line ?? '?'}`);
    }
  }
  const geoSeen = new Map<string, number>();
  for (const [line, f] of geos) {
    const at = (i: number) => (f[i - 1] ?? '').trim();
    const et = at(2);
    const target = byEt.get(et);
    if (!target) {
      out.rows++;
      out.problem(line, `geolocalisation for nofinesset "${et}" which has no structureet line`);
      continue;
    }
    const fail = (message: string) => {
      out.problem(line, `${message} (nofinesset "${et}", structureet line ${target.line})`);
      target.extra.push(`its geolocalisation line ${line} is invalid`);
    };
    const earlier = geoSeen.get(et);
    if (earlier !== undefined) {
      fail(`second geolocalisation for nofinesset "${et}" (first on line ${earlier})`);
      continue;
    }
    geoSeen.set(et, line);
    if (f.length < GEO_MIN_FIELDS) {
      fail(`geolocalisation line has ${f.length} fields, expected 6`);
      continue;
    }
    const [xText, yText, source] = [at(3), at(4), at(5)];
    if (xText === '' && yText === '') continue; // no position known
    const projection = projectionOf(source);
    if (!projection) {
      fail(`sourcecoordet "${source}" names no known projection (expected ${KNOWN_EPSG})`);
      continue;
    }
    const [x, y] = [Number(xText), Number(yText)];
    const { label, x: [x0, x1], y: [y0, y1] } = projection;
    if (!Number.isFinite(x) || x < x0 || x > x1) fail(`coordxet "${xText}" must be a ${label} X between ${x0} and ${x1}`);
    else if (!Number.isFinite(y) || y < y0 || y > y1) fail(`coordyet "${yText}" must be a ${label} Y between ${y0} and ${y1}`);
    else {
      const p = toWgs84(projection, x, y);
      target.draft.latitude = round6(p.latitude);
      target.draft.longitude = round6(p.longitude);
    }
  }
  for (const id of order) {
    const entry = byEt.get(id);
    if (!entry) continue;
    const row = out.establishment(entry.line, entry.draft, entry.extra);
    if (row) out.valid.push(row);
  }
  return out.result('etalab-cs1100507');
}

/** Parses and validates a whole FINESS file (either layout). */
export function parseFiness(text: string): ParsedFiness {
  let records: CsvRecord[];
  try {
    records = readCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { layout: null, rows: 0, valid: [], rejectedLines: [error.line], problems: [{ line: error.line, message: `malformed CSV: ${error.message}` }] };
  }
  const first = records[0];
  if (!first) return { layout: null, rows: 0, valid: [], rejectedLines: [], problems: [{ line: 1, message: 'the file is empty' }] };
  if (first.fields[0]?.toLowerCase() === 'finess' && first.fields[1]?.toLowerCase() === 'etalab') return parseOfficial(records);
  if (first.fields.includes('nofinesset')) return parseDemo(records);
  return {
    layout: null,
    rows: 0,
    valid: [],
    rejectedLines: [first.line],
    problems: [{ line: first.line, message: 'unknown layout: expected the metadata line "finess;etalab;…" or a CSV header naming nofinesset' }],
  };
}
