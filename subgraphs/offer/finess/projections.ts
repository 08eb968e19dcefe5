/**
 * The projections FINESS `geolocalisation` lines are written in, converted to WGS84 by `proj4`.
 *
 * Definitions are the PROJ strings of the EPSG registry (https://epsg.org, as published by
 * epsg.io for PROJ). FINESS names the projection in `sourcecoordet`: recent extracts write
 * `EPSG:<code> <name>` (e.g. `…,BAN,EPSG:5490 RGAF09/UTM Zone 20N (Antilles)`), the 2021 ones a
 * short name (`…,LAMBERT_93`, `…,UTM_N20`). The overseas frames (RGAF09, RGFG95, RGR92, RGM04)
 * are ITRF-based like RGF93 and agree with WGS84 to well under a metre, hence null datum shifts
 * everywhere. (The legacy PROJ string of EPSG:2972 carries the 1995 shift 2,2,-2 m, "RGFG95 to
 * WGS 84 (1)", accuracy 2 m; current PROJ/pyproj apply none, and neither do we, so positions
 * match pyproj's.)
 */
import proj4 from 'proj4';

export interface Projection {
  epsg: number;
  /** Used in messages: `coordxet "…" must be a <label> X between …`. */
  label: string;
  /** The 2021 extracts' name for it. */
  legacyName: string;
  /** Projected bounds (metres) of the territory, with a margin: a point outside is an error. */
  x: readonly [number, number];
  y: readonly [number, number];
  proj: string;
}

const GRS80 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

export const FINESS_PROJECTIONS: readonly Projection[] = [
  // RGF93 v1 / Lambert-93, metropolitan France and Corsica.
  { epsg: 2154, label: 'Lambert 93', legacyName: 'LAMBERT_93', x: [0, 1_300_000], y: [6_000_000, 7_200_000],
    proj: `+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 ${GRS80}` },
  // RGAF09 / UTM zone 20N, Guadeloupe (with Saint-Martin, Saint-Barthélemy) and Martinique.
  { epsg: 5490, label: 'RGAF09 / UTM 20N', legacyName: 'UTM_N20', x: [400_000, 800_000], y: [1_500_000, 2_050_000],
    proj: `+proj=utm +zone=20 ${GRS80}` },
  // RGFG95 / UTM zone 22N, Guyane.
  { epsg: 2972, label: 'RGFG95 / UTM 22N', legacyName: 'UTM_N22', x: [50_000, 500_000], y: [200_000, 700_000],
    proj: `+proj=utm +zone=22 ${GRS80}` },
  // RGR92 / UTM zone 40S, La Réunion.
  { epsg: 2975, label: 'RGR92 / UTM 40S', legacyName: 'UTM_S40', x: [300_000, 400_000], y: [7_600_000, 7_720_000],
    proj: `+proj=utm +zone=40 +south ${GRS80}` },
  // RGM04 / UTM zone 38S, Mayotte.
  { epsg: 4471, label: 'RGM04 / UTM 38S', legacyName: 'UTM_S38', x: [480_000, 560_000], y: [8_540_000, 8_630_000],
    proj: `+proj=utm +zone=38 +south ${GRS80}` },
];

const BY_EPSG = new Map(FINESS_PROJECTIONS.map((p) => [p.epsg, p]));
const LAMBERT_93 = FINESS_PROJECTIONS[0] as Projection;
const WGS84 = 'EPSG:4326';

/**
 * The projection `sourcecoordet` names: its `EPSG:<code>`, else a 2021 short name. An empty
 * field means Lambert 93 (older metropolitan lines). Null when it names none we know.
 */
export function projectionOf(source: string): Projection | null {
  if (source.trim() === '') return LAMBERT_93;
  const code = /EPSG:\s*([0-9]+)/i.exec(source);
  if (code) return BY_EPSG.get(Number(code[1])) ?? null;
  const named = FINESS_PROJECTIONS.find((p) => new RegExp(`(^|[^A-Z0-9])${p.legacyName}($|[^A-Z0-9])`, 'i').test(source));
  return named ?? null;
}

/** The EPSG codes we convert, for messages. */
export const KNOWN_EPSG = FINESS_PROJECTIONS.map((p) => `EPSG:${p.epsg}`).join(', ');

/** Projected metres → WGS84 degrees. */
export function toWgs84(p: Projection, x: number, y: number): { longitude: number; latitude: number } {
  const [longitude, latitude] = proj4(p.proj, WGS84, [x, y]) as [number, number];
  return { longitude, latitude };
}

/** WGS84 degrees → projected metres (tests, and to write fixtures). */
export function fromWgs84(p: Projection, longitude: number, latitude: number): { x: number; y: number } {
  const [x, y] = proj4(WGS84, p.proj, [longitude, latitude]) as [number, number];
  return { x, y };
}

/** The projection of an EPSG code we convert (tests and tools). */
export function projectionByEpsg(epsg: number): Projection | undefined {
  return BY_EPSG.get(epsg);
}
