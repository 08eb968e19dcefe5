/**
 * The offer's stored unit point (migration 0013, D234) against its rule, for the tests
 * of every write path: a unit's point is its own address's position when it has an address of its
 * own, else its establishment's; no position, no point.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';

/** Ids of the units whose stored point differs from what the rule gives (none when every writer kept it). */
export async function misplacedUnits(db: Database): Promise<string[]> {
  const rows = await db.rows<{ id: string }>(sql`
    select u.id from offer.unit u join offer.establishment e on e.id = u.establishment_id
     where u.place is distinct from (case when u.address_line is not null or u.postal_code is not null or u.city is not null
                                          then ll_to_earth(u.latitude, u.longitude) else ll_to_earth(e.latitude, e.longitude) end)
     order by u.id`);
  return rows.map((r) => r.id);
}

/** The stored point of a unit as latitude and longitude (degrees, 6 decimals), or null. */
export async function storedPoint(db: Database, unitId: string): Promise<{ latitude: number; longitude: number } | null> {
  const [row] = await db.rows<{ latitude: number | null; longitude: number | null }>(sql`
    select round(latitude(place)::numeric, 6)::float8 as latitude, round(longitude(place)::numeric, 6)::float8 as longitude from offer.unit where id = ${unitId}`);
  return row?.latitude === null || row?.latitude === undefined ? null : { latitude: Number(row.latitude), longitude: Number(row.longitude) };
}
