/**
 * `near` (R4 Location-near, special): a true radius around a point. Location takes it directly,
 * HealthcareService as `location.near` (the unit is both resources, same id), so one definition
 * and one parser serve both.
 */
import { OperationOutcomeError, badRequest } from '../outcomes.js';
import type { HandlerContext } from '../records.js';
import { base, ror, type SearchParamDefinition } from './definitions.js';
import { COMMUNE_POSITIONS, run } from './graphql.js';

/** `near` without a distance, and its upper bound (the offer subgraph's). */
export const DEFAULT_NEAR_KM = 50;
export const MAX_NEAR_KM = 500;

export const NEAR_PARAM: SearchParamDefinition = {
  code: 'near',
  type: 'special',
  description: `lat|lon|distance|km: a true radius (great-circle distance) around the point, results ordered by distance unless _sort says otherwise. Distance defaults to ${DEFAULT_NEAR_KM} km, at most ${MAX_NEAR_KM}.`,
  definition: base('Location-near'),
  or: false,
  and: false,
};

const invalid = (message: string) => new OperationOutcomeError(badRequest(message));

/** `near=latitude|longitude|distance|units` (units km or m; distance optional). */
export function parseNear(raw: string): { latitude: number; longitude: number; radiusKm: number } {
  const [lat = '', lon = '', distance, units] = raw.split('|');
  const latitude = Number(lat);
  const longitude = Number(lon);
  if (lat === '' || lon === '' || !Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    throw invalid(`Invalid near "${raw}": expected latitude|longitude|distance|km`);
  }
  let radiusKm = distance === undefined || distance === '' ? DEFAULT_NEAR_KM : Number(distance);
  if (!Number.isFinite(radiusKm) || radiusKm <= 0) throw invalid(`Invalid near distance "${distance ?? ''}"`);
  if (units === 'm') radiusKm /= 1000;
  else if (units !== undefined && units !== '' && units !== 'km') throw invalid(`Unsupported near unit "${units}": use km or m`);
  if (radiusKm > MAX_NEAR_KM) throw invalid(`near distance is at most ${MAX_NEAR_KM} km`);
  return { latitude, longitude, radiusKm };
}

export const NEAR_INSEE_CODE_PARAM: SearchParamDefinition = {
  code: 'near-insee-code',
  type: 'special',
  description: `code|distance|km: like near, around the commune of this INSEE code (TRE_R13-CommuneOM), whose point is the mean position of the hub's Locations in that commune (the hub holds no commune centroids); ordered by distance. Distance defaults to ${DEFAULT_NEAR_KM} km, at most ${MAX_NEAR_KM}. A commune where the hub has no Location is a 400.`,
  definition: ror('ror-sp-location-near-insee-code'),
  or: false,
  and: false,
};

/**
 * `near-insee-code=code|distance|units`: the commune's point (the mean position of the Locations
 * the caller may read in that commune, the way the place search takes the mean of its
 * establishments, docs/admissions.md), then `near` around it.
 */
export async function parseNearInseeCode(raw: string, ctx: HandlerContext): Promise<{ latitude: number; longitude: number; radiusKm: number }> {
  const [code = '', ...rest] = raw.split('|');
  if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) throw invalid(`Invalid near-insee-code "${raw}": expected an INSEE commune code (5 characters), then |distance|km`);
  const data = await run<{ unitSearch: { edges: Array<{ node: { position: { latitude: number; longitude: number } | null } }> } }>(ctx, COMMUNE_POSITIONS, {
    criteria: { codes: [{ anyOf: [{ field: 'COMMUNE', code }], not: false }] },
  });
  const points = data.unitSearch.edges.flatMap((e) => (e.node.position ? [e.node.position] : []));
  if (points.length === 0) throw invalid(`near-insee-code: the hub knows no position in the commune ${code} (no Location there); search with near instead`);
  const mean = (pick: (p: { latitude: number; longitude: number }) => number) => points.reduce((sum, p) => sum + pick(p), 0) / points.length;
  return parseNear([mean((p) => p.latitude), mean((p) => p.longitude), ...rest].join('|'));
}
