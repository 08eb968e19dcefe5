/**
 * `near` (R4 Location-near, special): a true radius around a point. Location takes it directly,
 * HealthcareService as `location.near` (the unit is both resources, same id), so one definition
 * and one parser serve both.
 */
import { OperationOutcomeError, badRequest } from '../outcomes.js';
import { base, type SearchParamDefinition } from './definitions.js';

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
