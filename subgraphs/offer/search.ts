/**
 * Search rules of the offer directory (docs/offer-search.md): input validation, the ordering a
 * search uses, SQL fragments for name relevance and true-radius distance, and cursors that carry
 * the ordering key plus a short hash of the filter they were issued for.
 */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { HubError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';

export interface Near {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

/** How a result list is ordered: by distance when `near` is given, else by name relevance when `name` is, else by id. */
export type Ordering = 'DISTANCE' | 'RELEVANCE' | 'ID';

/** Minimum name relevance (pg_trgm, see nameScore) for a near-miss to match. */
export const SIMILARITY_THRESHOLD = 0.3;
export const MAX_RADIUS_KM = 500;
const MAX_NAME_WORDS = 8;
const MAX_NAME_LENGTH = 200;

/** Where a page starts: after the row with this id and ordering value (distance or relevance). */
export interface After {
  id: string;
  value: number | null;
}

function badInput(field: string, message: string): HubError {
  return new HubError('BAD_USER_INPUT', message, { field });
}

export function validateNear(near: Near | null | undefined, field = 'filter.near'): Near | null {
  if (!near) return null;
  const { latitude, longitude, radiusKm } = near;
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90)
    throw badInput(`${field}.latitude`, `\`${field}.latitude\` must be between -90 and 90.`);
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180)
    throw badInput(`${field}.longitude`, `\`${field}.longitude\` must be between -180 and 180.`);
  if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_RADIUS_KM)
    throw badInput(`${field}.radiusKm`, `\`${field}.radiusKm\` must be greater than 0 and at most ${MAX_RADIUS_KM}.`);
  return { latitude, longitude, radiusKm };
}

export function validatePatientAge(age: number | null | undefined): void {
  if (age === null || age === undefined) return;
  if (!Number.isInteger(age) || age < 0 || age > 150) throw badInput('filter.patientAge', '`filter.patientAge` must be between 0 and 150.');
}

/** A list filter bounded so one query's parameters stay far below Postgres's 65,535. */
export const MAX_ESTABLISHMENT_IDS = 1000;

export function validateEstablishmentIds(ids: readonly string[] | null | undefined): void {
  if (ids && ids.length > MAX_ESTABLISHMENT_IDS) {
    throw badInput('filter.establishmentIds', `\`filter.establishmentIds\` takes at most ${MAX_ESTABLISHMENT_IDS} establishments.`);
  }
}

/** The words of a name search, or null when there is none. */
export function nameWords(name: string | null | undefined): string[] | null {
  const trimmed = (name ?? '').trim();
  if (!trimmed) return null;
  if (trimmed.length > MAX_NAME_LENGTH) throw badInput('filter.name', `\`filter.name\` must be at most ${MAX_NAME_LENGTH} characters.`);
  return trimmed.split(/\s+/).slice(0, MAX_NAME_WORDS);
}

export function orderingOf(near: Near | null, words: string[] | null): Ordering {
  if (near) return 'DISTANCE';
  if (words) return 'RELEVANCE';
  return 'ID';
}

/** `text` unaccented and lowercased, as names are compared. */
export function folded(text: SQL | PgColumn): SQL {
  return sql`unaccent(lower(${text}))`;
}

/**
 * Name relevance in [0, 1]: the mean, over the words searched, of pg_trgm `word_similarity`
 * between the word and the folded target (the best-matching extent of the target), rounded to
 * 6 decimals so that cursors compare exactly.
 */
export function nameScore(target: SQL, words: string[]): SQL {
  const parts = words.map((w) => sql`word_similarity(${folded(sql`${w}::text`)}, ${target})`);
  return sql`round(((${sql.join(parts, sql` + `)}) / ${words.length}::float8)::numeric, 6)`;
}

/** The target contains the whole searched text (folded; LIKE wildcards literal) or is similar enough. */
export function nameMatches(target: SQL, words: string[]): SQL {
  const needle = words.join(' ').replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`(${target} like '%' || ${folded(sql`${needle}::text`)} || '%' or ${nameScore(target, words)} >= ${SIMILARITY_THRESHOLD})`;
}

function earthPoint(latitude: SQL | PgColumn | number, longitude: SQL | PgColumn | number): SQL {
  return sql`ll_to_earth(${latitude}::float8, ${longitude}::float8)`;
}

/** Great-circle distance in km (earthdistance), rounded to the metre so that cursors compare exactly. */
export function distanceKm(latitude: PgColumn, longitude: PgColumn, near: Near): SQL {
  return sql`round((earth_distance(${earthPoint(latitude, longitude)}, ${earthPoint(near.latitude, near.longitude)}) / 1000)::numeric, 3)`;
}

/** A true radius: the earth_box prefilter (index-friendly) then the exact great-circle distance. */
export function withinRadius(latitude: PgColumn, longitude: PgColumn, near: Near): SQL {
  const centre = earthPoint(near.latitude, near.longitude);
  const point = earthPoint(latitude, longitude);
  const metres = near.radiusKm * 1000;
  return sql`(${latitude} is not null and ${longitude} is not null and earth_box(${centre}, ${metres}::float8) @> ${point} and earth_distance(${point}, ${centre}) <= ${metres}::float8)`;
}

/** Keyset condition: rows strictly after `after` in `ordering`. */
export function afterCondition(ordering: Ordering, after: After, id: PgColumn, value: SQL | null): SQL {
  if (ordering === 'ID' || !value || after.value === null) return sql`${id} > ${after.id}`;
  if (ordering === 'DISTANCE') return sql`(${value}, ${id}) > (${after.value}::numeric, ${after.id}::text)`;
  return sql`(${value} < ${after.value}::numeric or (${value} = ${after.value}::numeric and ${id} > ${after.id}))`;
}

/** ORDER BY of `ordering`, tie-breaker id. */
export function orderBy(ordering: Ordering, id: PgColumn, value: SQL | null): SQL[] {
  if (ordering === 'DISTANCE' && value) return [sql`${value} asc`, sql`${id} asc`];
  if (ordering === 'RELEVANCE' && value) return [sql`${value} desc`, sql`${id} asc`];
  return [sql`${id} asc`];
}

/** A short hash of a filter (keys sorted, empty values dropped) and of the ordering it implies. */
export function filterHash(filter: object, ordering: Ordering): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== null && v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => [k, canonical(v)]),
      );
    }
    return value;
  };
  return createHash('sha256').update(JSON.stringify([ordering, canonical(filter)])).digest('base64url').slice(0, 10);
}

export function searchCursor(hash: string, id: string, value: number | null): string {
  return encodeCursor(value === null ? [hash, id] : [hash, id, value]);
}

/** Reads `after`; refuses a cursor issued for another filter or ordering. */
export function readAfter(after: string | null | undefined, hash: string): After | null {
  if (!after) return null;
  const [cursorHash, id, value] = decodeCursor(after);
  if (typeof cursorHash !== 'string' || typeof id !== 'string' || (value !== undefined && typeof value !== 'number')) {
    throw new HubError('BAD_USER_INPUT', 'The cursor given in `after` is not one this server issued.', { argumentName: 'after' });
  }
  if (cursorHash !== hash) {
    throw new HubError('BAD_USER_INPUT', 'The cursor given in `after` was issued for another filter; start again without `after`.', {
      argumentName: 'after',
    });
  }
  return { id, value: value ?? null };
}
