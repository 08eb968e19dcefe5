/**
 * What the admissions subgraph's place search asks the offer (schemas/offer.places.graphql,
 * docs/admissions.md § Place search): every active unit within a radius that meets the care
 * criteria, as lean parallel lists of ids and distances (the admissions subgraph joins them with the
 * capacities' figures and pages itself), and a commune's point. Both answer the system identity only: they
 * ignore sensitivity (the caller filters with the `sensitive` flag) and are hidden from the API.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { parse, Kind } from 'graphql';
import type { ResolverMap } from '../../platform/resolver-maps.js';
import type { Orm } from '../../platform/db/client.js';
import type { Identity } from '../../platform/auth/identity.js';
import { HubError } from '../../platform/errors.js';
import { textArray as textArrayLiteral } from '../../platform/db/arrays.js';
import { SCHEMAS_DIR } from '../../platform/sdl.js';
import { validateNear, type Near } from './search.js';
import { codeStatus, type CodeSystemKey } from './terminology/validate.js';
import { establishments, units } from './tables.js';
import { PLACE_KM, placeWithin, unitInBox, unitMetres } from './search-criteria.js';
import type { OfferContext } from './resolvers.js';
import type { UnitRow } from './tables.js';

/** Beyond this many units the search is too wide to join in memory: narrow it. */
export const MAX_PLACE_CANDIDATES = 100_000;

export interface PlaceCandidateCriteria {
  near: Near;
  disciplines?: string[] | null;
  activityCodes?: string[] | null;
  careModeCodes?: string[] | null;
  equipmentCodes?: string[] | null;
  patientAge?: number | null;
}

/** Parallel lists (schemas/offer.places.graphql `PlaceCandidates`): entry i of each is unit i. */
export interface PlaceCandidates {
  unitIds: string[];
  distancesKm: number[];
  sensitiveUnitIds: string[];
}

function requireSystem(identity: Identity): void {
  if (identity.kind !== 'system') throw new HubError('FORBIDDEN', 'This field answers the hub\'s own components only.');
}

/** The Discipline values of schemas/offer.graphql, read once from the SDL (the one place they are listed). */
let disciplineValues: Set<string> | null = null;
function disciplines(): Set<string> {
  if (disciplineValues) return disciplineValues;
  const document = parse(readFileSync(new URL('offer.graphql', SCHEMAS_DIR), 'utf8'));
  const definition = document.definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'Discipline');
  if (!definition || definition.kind !== Kind.ENUM_TYPE_DEFINITION) throw new Error('schemas/offer.graphql has no Discipline enum');
  disciplineValues = new Set((definition.values ?? []).map((v) => v.name.value));
  return disciplineValues;
}

/**
 * Codes a search may name: known in the system (a deprecated code is still searchable, old units
 * hold it). The field is named as the place search's criteria name it, so the error reaches the
 * searcher as is.
 */
function checkCodes(field: string, codes: readonly string[] | null | undefined, known: (code: string) => boolean, what: string): void {
  const unknown = [...new Set(codes ?? [])].filter((c) => !known(c));
  if (unknown.length) {
    throw new HubError('BAD_USER_INPUT', `\`criteria.${field}\`: unknown ${what} ${unknown.map((c) => `"${c}"`).join(', ')}.`, {
      argumentName: 'criteria',
      field: `criteria.${field}`,
      unknownCodes: unknown,
    });
  }
}

const inSystem = (key: CodeSystemKey) => (code: string) => codeStatus(key, code) !== 'UNKNOWN';

export function validatePlaceCriteria(c: PlaceCandidateCriteria): Near {
  checkCodes('disciplines', c.disciplines, (d) => disciplines().has(d), 'discipline(s)');
  checkCodes('activityCodes', c.activityCodes, inSystem('operationalActivity'), 'TRE_R211 code(s)');
  checkCodes('careModeCodes', c.careModeCodes, inSystem('careMode'), 'TRE_R213 code(s)');
  checkCodes('equipmentCodes', c.equipmentCodes, inSystem('equipment'), 'TRE_R212 code(s)');
  if (c.patientAge !== null && c.patientAge !== undefined && (!Number.isInteger(c.patientAge) || c.patientAge < 0 || c.patientAge > 150)) {
    throw new HubError('BAD_USER_INPUT', '`criteria.patientAge` must be an integer between 0 and 150.', { argumentName: 'criteria', field: 'criteria.patientAge' });
  }
  return validateNear(c.near, 'criteria.near')!;
}

/** A text array as one parameter (platform/db/arrays.ts). */
const textArray = (values: readonly string[]): SQL => sql`${textArrayLiteral(values)}::text[]`;

/** The care criteria on the unit (columns of tables.ts `units`). */
function unitConditions(c: PlaceCandidateCriteria): SQL {
  const where: SQL[] = [sql`not ${units.archived}`];
  if (c.disciplines?.length) where.push(sql`${units.discipline} = any(${textArray(c.disciplines)})`);
  // `&&` (any) and `@>` (all) so that the GIN indexes on the code arrays may apply.
  if (c.activityCodes?.length) where.push(sql`${units.operationalActivityCodes} && ${textArray(c.activityCodes)}`);
  if (c.careModeCodes?.length) where.push(sql`${units.careModeCode} = any(${textArray(c.careModeCodes)})`);
  if (c.equipmentCodes?.length) where.push(sql`${units.equipmentCodes} @> ${textArray(c.equipmentCodes)}`);
  if (c.patientAge !== null && c.patientAge !== undefined) {
    where.push(sql`${units.patientAgeMin} <= ${c.patientAge}::int and ${units.patientAgeMax} >= ${c.patientAge}::int`);
  }
  return sql.join(where, sql` and `);
}

/**
 * Every matching unit within the radius with its distance, by distance then id. A unit's position
 * is the point the database keeps for it (its own address's, else its establishment's: migration
 * 0013, D234), read through its GiST index as the FHIR and GraphQL near-searches read it; the
 * distance is rounded to the metre as `unitDistanceKm` rounds it.
 */
function candidatesQuery(c: PlaceCandidateCriteria, near: Near): SQL {
  return sql`
    select id as "unitId", ${PLACE_KM}::float8 as "distanceKm", sensitive
      from (select ${units.id} as id, ${units.sensitive} as sensitive, ${unitMetres(near)} as metres
              from ${units}
             where ${unitInBox(near)} and ${unitConditions(c)}) place
     where ${placeWithin(near)}
     order by 2, 1
     limit ${MAX_PLACE_CANDIDATES + 1}`;
}

export function createPlaces(orm: Orm, identity: Identity) {
  return {
    candidates: async (criteria: PlaceCandidateCriteria): Promise<PlaceCandidates> => {
      requireSystem(identity);
      const near = validatePlaceCriteria(criteria);
      const rows = ((await orm.execute(candidatesQuery(criteria, near))) as unknown as { rows: Array<{ unitId: string; distanceKm: number | string; sensitive: boolean }> }).rows;
      if (rows.length > MAX_PLACE_CANDIDATES) {
        throw new HubError('BAD_USER_INPUT', `More than ${MAX_PLACE_CANDIDATES} units match: narrow the radius or the criteria.`, { argumentName: 'criteria' });
      }
      return {
        unitIds: rows.map((r) => r.unitId),
        distancesKm: rows.map((r) => Number(r.distanceKm)),
        sensitiveUnitIds: rows.filter((r) => r.sensitive).map((r) => r.unitId),
      };
    },

    /** The mean position of the establishments of a commune (INSEE code): the hub has no commune centroids (docs/admissions.md). */
    communePoint: async (inseeCode: string): Promise<{ latitude: number; longitude: number } | null> => {
      requireSystem(identity);
      const [row] = await orm
        .select({ latitude: sql<number | null>`avg(${establishments.latitude})`.mapWith(Number), longitude: sql<number | null>`avg(${establishments.longitude})`.mapWith(Number), n: sql<number>`count(*)`.mapWith(Number) })
        .from(establishments)
        .where(and(eq(establishments.inseeCode, inseeCode), sql`${establishments.latitude} is not null and ${establishments.longitude} is not null`));
      return row && row.n > 0 ? { latitude: row.latitude!, longitude: row.longitude! } : null;
    },
  };
}

export type Places = ReturnType<typeof createPlaces>;

export interface PlacesContext {
  places: Places;
}

const placeResolvers = {
  Query: {
    placeCandidates: (_: unknown, args: { criteria: PlaceCandidateCriteria }, ctx: PlacesContext) => ctx.places.candidates(args.criteria),
    communePoint: (_: unknown, args: { inseeCode: string }, ctx: PlacesContext) => ctx.places.communePoint(args.inseeCode),
  },
  Unit: {
    admissionContacts: (u: UnitRow, _: unknown, ctx: OfferContext) => ctx.offer.admissionContactsOf(u.id),
  },
};

/** The subgraph's resolver map with the place-search queries and `Unit.admissionContacts` added (nothing replaced). */
export function withPlaces<C>(base: ResolverMap<C>): ResolverMap<C & PlacesContext> {
  const merged: Record<string, Record<string, unknown>> = { ...(base as Record<string, Record<string, unknown>>) };
  for (const [type, fields] of Object.entries(placeResolvers)) {
    for (const field of Object.keys(fields)) if (merged[type] && field in merged[type]) throw new Error(`${type}.${field} is resolved twice`);
    merged[type] = { ...merged[type], ...fields };
  }
  return merged as unknown as ResolverMap<C & PlacesContext>;
}
