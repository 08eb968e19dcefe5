/**
 * National-size data for the benches: copies of the demo region's legal entities, establishments,
 * units and capacity records under synthetic FINESS numbers of the other regions, until about
 * `targetUnits` units have a capacity record. Written with plain SQL in bulk (a bench may seed
 * through SQL; no production path does), one statement per table and copy, so that seeding a
 * national directory takes seconds, not the hours the APIs would.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { luhnCheckDigit } from '../../platform/luhn.js';
import { claimPeriod } from '../../platform/periodic-job.js';
import { DEPARTMENTS, PREFECTURES } from './departments.js';
import { POPULATION_JOB, SNAPSHOT_EVERY_MS } from '../../subgraphs/offer/population/series.js';

export interface SeedResult {
  copies: number;
  units: number;
  unitsWithCapacity: number;
  establishments: number;
  organizations: number;
  ms: number;
}

const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Columns of a table in order, so copies take every column the migrations created. */
async function columnsOf(db: Database, schema: string, table: string): Promise<string[]> {
  const rows = await db.rows<{ column_name: string }>(
    sql`select column_name from information_schema.columns where table_schema = ${schema} and table_name = ${table} order by ordinal_position`,
  );
  return rows.map((r) => r.column_name);
}

/** `insert into t (cols) select <override or src.col> … <from>`: a copy with some columns replaced. */
async function copyStatement(db: Database, schema: string, table: string, overrides: Record<string, string>, from: string, skip: string[] = []): Promise<(with_: string) => string> {
  const columns = (await columnsOf(db, schema, table)).filter((c) => !skip.includes(c));
  const select = columns.map((c) => overrides[c] ?? `src.${c}`).join(', ');
  return (withClause) => `${withClause} insert into ${schema}.${table} (${columns.join(', ')}) select ${select} ${from}`;
}

/** A FINESS-shaped number: département, a kind digit (8 legal entity, 9 establishment), serial, Luhn key. */
function finess(department: string, kind: '8' | '9', serial: number): string {
  const body = `${department}${kind}${String(serial).padStart(5, '0')}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** Mean position of each legal entity's establishments (the point its copies are moved from). */
async function organizationCentres(db: Database): Promise<Map<string, { lat: number; lon: number }>> {
  const rows = await db.rows<{ id: string; lat: number | null; lon: number | null }>(
    sql`select organization_id as id, avg(latitude)::float8 as lat, avg(longitude)::float8 as lon from offer.establishment group by organization_id`,
  );
  return new Map(rows.flatMap((r) => (r.lat === null || r.lon === null ? [] : [[r.id, { lat: Number(r.lat), lon: Number(r.lon) }]])));
}

/**
 * The offset that moves a legal entity's copy from its centre to the département's prefecture,
 * plus a deterministic jitter of up to ±0.15° (≈ 15 km) so that copies do not stack on one
 * point. Units and establishments keep their positions relative to each other.
 */
function shiftTo(department: string, centre: { lat: number; lon: number } | undefined, seed: number): { dlat: number; dlon: number } {
  const target = PREFECTURES[department];
  if (!target) throw new Error(`No prefecture position for département ${department}`);
  if (!centre) return { dlat: 0, dlon: 0 };
  const jitter = (k: number) => ((((seed * 2654435761 + k * 40503) >>> 0) % 3001) / 10000) - 0.15;
  return { dlat: target[0] - centre.lat + jitter(1), dlon: target[1] - centre.lon + jitter(2) };
}

export async function seedNationalData(db: Database, targetUnits: number, progress: (line: string) => void): Promise<SeedResult> {
  const started = performance.now();
  // A new database's first daily snapshot is due at the first check that finds units (D61): left
  // alone, the scheduler took one of the 30,000 units a minute after start, in the middle of the
  // bench (it held PGlite's thread for seconds). Today's is recorded as taken, empty, instead.
  const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  await db.rows(sql`insert into capacities.capacity_snapshot (day, taken_at, units) values (${parisDay}, now(), 0) on conflict do nothing returning day`);
  // Likewise the hourly population snapshot (D112's periodic job, first tick a minute after start):
  // it read every establishment in one transaction, 23 s of PGlite's one connection at 30,000 units
  // under load, and landed in the measured updates of slow runs. Its current and next periods are
  // claimed as run.
  for (const ahead of [0, 1]) await claimPeriod(db, POPULATION_JOB, SNAPSHOT_EVERY_MS, ahead);
  const [{ n: demoUnits } = { n: 0 }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from offer.unit`);
  const organizations = (await db.rows<{ id: string }>(sql`select id from offer.organization order by id`)).map((r) => r.id);
  const establishments = await db.rows<{ id: string; organization_id: string }>(sql`select id, organization_id from offer.establishment order by id`);
  const centres = await organizationCentres(db);
  const copies = Math.max(0, Math.round((targetUnits - demoUnits) / Math.max(1, demoUnits)));

  // with map(old_est, old_org, new_est, new_org, dept, region, region_name, copy, dlat, dlon) as (values …)
  const copyOrg = await copyStatement(db, 'offer', 'organization', { id: 'm.new_org', name: "src.name || ' #' || m.copy", siren: 'null' },
    'from (select distinct on (new_org) * from map) m join offer.organization src on src.id = m.old_org');
  const copyEst = await copyStatement(db, 'offer', 'establishment', {
    id: 'm.new_est', organization_id: 'm.new_org', siret: 'null', department_code: 'm.dept', region_code: 'm.region', region_name: 'm.region_name',
    name: "src.name || ' #' || m.copy", latitude: 'src.latitude + m.dlat', longitude: 'src.longitude + m.dlon',
  }, 'from map m join offer.establishment src on src.id = m.old_est');
  const copyUnit = await copyStatement(db, 'offer', 'unit', {
    id: "m.new_est || '-' || src.uf_code", establishment_id: 'm.new_est', pole_id: 'null', latitude: 'src.latitude + m.dlat', longitude: 'src.longitude + m.dlon',
  },
    'from map m join offer.unit src on src.establishment_id = m.old_est');
  // Capacity rows are found by the unit id's establishment part (the capacities schema has no establishment).
  const unitKey = "split_part(src.unit_id, '-', 1)";
  const newUnitId = "m.new_est || substr(src.unit_id, length(m.old_est) + 1)";
  const copyCapacity = await copyStatement(db, 'capacities', 'unit_capacity', { unit_id: newUnitId, version: '1', updated_by: "'bench-seed'" },
    `from map m join capacities.unit_capacity src on ${unitKey} = m.old_est`);
  const copyHistory = await copyStatement(db, 'capacities', 'capacity_history', { unit_id: newUnitId },
    `from map m join capacities.capacity_history src on ${unitKey} = m.old_est`, ['id']);

  const serials = new Map<string, number>();
  const next = (key: string) => {
    const n = (serials.get(key) ?? 0) + 1;
    serials.set(key, n);
    return n;
  };
  for (let copy = 1; copy <= copies; copy += 1) {
    // One département per legal entity and copy: a legal entity's establishments stay together.
    const orgMap = new Map(organizations.map((id, j) => {
      const dept = DEPARTMENTS[(copy * organizations.length + j) % DEPARTMENTS.length]!;
      return [id, { dept, id: finess(dept.code, '8', next(`${dept.code}8`)), shift: shiftTo(dept.code, centres.get(id), copy * organizations.length + j) }];
    }));
    const values = establishments.map((e) => {
      const org = orgMap.get(e.organization_id)!;
      const est = finess(org.dept.code, '9', next(`${org.dept.code}9`));
      return `(${[e.id, e.organization_id, est, org.id, org.dept.code, org.dept.regionCode, org.dept.regionName].map(lit).join(', ')}, ${copy}, ${org.shift.dlat}::float8, ${org.shift.dlon}::float8)`;
    });
    const withMap = `with map(old_est, old_org, new_est, new_org, dept, region, region_name, copy, dlat, dlon) as (values ${values.join(', ')})`;
    await db.orm.transaction(async (tx) => {
      for (const statement of [copyOrg, copyEst, copyUnit, copyCapacity, copyHistory]) await tx.execute(sql.raw(statement(withMap)));
    });
    if (copy % 5 === 0 || copy === copies) progress(`  seeding: copy ${copy}/${copies} of the demo region (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  // Fresh statistics, as a national database that has lived would have.
  for (const table of ['offer.organization', 'offer.establishment', 'offer.unit', 'capacities.unit_capacity', 'capacities.capacity_history']) {
    await db.rows(sql.raw(`analyze ${table}`));
  }
  const [counts] = await db.rows<{ units: number; capacities: number; establishments: number; organizations: number }>(sql`
    select (select count(*)::int from offer.unit) as units, (select count(*)::int from capacities.unit_capacity) as capacities,
           (select count(*)::int from offer.establishment) as establishments, (select count(*)::int from offer.organization) as organizations`);
  return {
    copies,
    units: counts!.units,
    unitsWithCapacity: counts!.capacities,
    establishments: counts!.establishments,
    organizations: counts!.organizations,
    ms: performance.now() - started,
  };
}
