/**
 * Each unit's stored point (migration 0013, D234: its own address's position, else its
 * establishment's) stays right through every write that moves a unit: the demo seed, the offer's
 * editing (own address set and removed, transfer, creation, copy), the FINESS import moving an
 * establishment, and SQL by hand; and near-searches find the unit where it now is. The FHIR
 * writes check the same rule in fhir-write.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { asUser } from './helpers/tokens.js';
import { gql } from './helpers/graphql.js';
import { misplacedUnits, storedPoint } from './helpers/unit-place.js';

const DEMO_FINESS = join(fileURLToPath(new URL('..', import.meta.url)), 'scripts/demo/data/finess-cvl.csv');
/** Bourges' cathedral: far from every Loiret establishment. */
const BOURGES = { latitude: 47.082214, longitude: 2.399592 };

const UPDATE_UNIT = `mutation($id: ID!, $input: UnitUpdate!) { updateUnit(id: $id, input: $input) { id } }`;
const TRANSFER = `mutation($id: ID!, $to: ID!) { transferUnit(id: $id, toEstablishmentId: $to) { id } }`;
const COPY = `mutation($id: ID!, $name: String!, $uf: String!) { copyUnit(id: $id, name: $name, ufCode: $uf) { id } }`;
const NEAR = `query($near: NearInput!) { unitSearch(criteria: { near: $near }, first: 5) { edges { distanceKm node { id } } matchingIds(max: 1000) } }`;

interface Found {
  unitSearch: { edges: Array<{ distanceKm: number; node: { id: string } }>; matchingIds: string[] | null };
}

describe.each(databaseKinds())('the units’ stored points on %s', (kind) => {
  let hub: TestHub;
  let ars = '';
  /** A Loiret unit without an address of its own, its establishment, and another establishment elsewhere. */
  let unit = '';
  let home = { id: '', latitude: 0, longitude: 0 };
  let other = { id: '', latitude: 0, longitude: 0 };
  /** A copy of `unit`, left in the home establishment. */
  let copy = '';

  const as = async <T>(query: string, variables: Record<string, unknown>) => {
    const r = await gql<T>(hub.urls.graphql, query, variables, { authorization: ars });
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const near = (p: { latitude: number; longitude: number }, radiusKm = 0.5) => as<Found>(NEAR, { near: { latitude: p.latitude, longitude: p.longitude, radiusKm } });

  beforeAll(async () => {
    hub = await startTestHub(kind);
    ars = await asUser(hub.urls.graphql, 'admin.ars');
    const [picked] = await hub.db.rows<{ unit: string; id: string; latitude: number; longitude: number }>(sql`
      select u.id as unit, e.id, e.latitude, e.longitude from offer.unit u join offer.establishment e on e.id = u.establishment_id
       where e.department_code = '45' and not u.archived and e.latitude is not null
         and u.address_line is null and u.postal_code is null and u.city is null
       order by u.id limit 1`);
    unit = picked!.unit;
    home = { id: picked!.id, latitude: Number(picked!.latitude), longitude: Number(picked!.longitude) };
    const [away] = await hub.db.rows<{ id: string; latitude: number; longitude: number }>(sql`
      select id, latitude, longitude from offer.establishment where department_code = '37' and latitude is not null order by id limit 1`);
    other = { id: away!.id, latitude: Number(away!.latitude), longitude: Number(away!.longitude) };
  }, 120_000);
  afterAll(() => hub?.close());

  it('the seeded units each have their point, by the rule', async () => {
    expect(await misplacedUnits(hub.db)).toEqual([]);
    const [counts] = await hub.db.rows<{ units: number; placed: number }>(sql`select count(*)::int as units, count(place)::int as placed from offer.unit`);
    expect(counts!.placed).toBeGreaterThan(0.9 * counts!.units);
    expect(await storedPoint(hub.db, unit)).toEqual({ latitude: home.latitude, longitude: home.longitude });
  });

  it('an own address with a position moves the unit there; removing it brings the unit back to its establishment', async () => {
    await as(UPDATE_UNIT, { id: unit, input: { ownAddress: { line: '1 place Étienne Dolet', postalCode: '18000', city: 'Bourges', inseeCode: '18033', ...BOURGES } } });
    expect(await storedPoint(hub.db, unit)).toEqual(BOURGES);
    const there = (await near(BOURGES)).unitSearch;
    expect(there.edges.map((e) => e.node.id)).toContain(unit);
    expect(there.matchingIds).toContain(unit);
    expect((await near(home)).unitSearch.matchingIds).not.toContain(unit);

    await as(UPDATE_UNIT, { id: unit, input: { ownAddress: null } });
    expect(await storedPoint(hub.db, unit)).toEqual({ latitude: home.latitude, longitude: home.longitude });
    expect((await near(BOURGES)).unitSearch.matchingIds).not.toContain(unit);
    expect((await near(home)).unitSearch.matchingIds).toContain(unit);
    expect(await misplacedUnits(hub.db)).toEqual([]);
  });

  it('an own address without a position leaves the unit in no radius', async () => {
    await as(UPDATE_UNIT, { id: unit, input: { ownAddress: { line: '2 rue de la Gare', postalCode: '45100', city: 'Orléans' } } });
    expect(await storedPoint(hub.db, unit)).toBeNull();
    expect((await near(home, 200)).unitSearch.matchingIds).not.toContain(unit);
    await as(UPDATE_UNIT, { id: unit, input: { ownAddress: null } });
    expect(await misplacedUnits(hub.db)).toEqual([]);
  });

  it('a transfer takes the point of the new establishment; a copy that of its own', async () => {
    const [{ uf }] = (await hub.db.rows<{ uf: string }>(sql`select uf_code as uf from offer.unit where id = ${unit}`)) as [{ uf: string }];
    copy = (await as<{ copyUnit: { id: string } }>(COPY, { id: unit, name: 'copie de test', uf: `${uf}C` })).copyUnit.id;
    await as(TRANSFER, { id: unit, to: other.id });
    expect(await storedPoint(hub.db, unit)).toEqual({ latitude: other.latitude, longitude: other.longitude });
    expect(await storedPoint(hub.db, copy)).toEqual({ latitude: home.latitude, longitude: home.longitude });
    expect((await near(other)).unitSearch.matchingIds).toContain(unit);
    expect(await misplacedUnits(hub.db)).toEqual([]);
  });

  it('the FINESS import moving an establishment moves its units without an address of their own', { timeout: 60_000 }, async () => {
    // The demo file with the home establishment 0.1° further north (≈ 11 km).
    const moved = { latitude: Math.round((home.latitude + 0.1) * 1e6) / 1e6, longitude: home.longitude };
    const lines = readFileSync(DEMO_FINESS, 'utf8').split('\n');
    const header = lines[0]!.split(';');
    const [lat, lon] = [header.indexOf('latitude'), header.indexOf('longitude')];
    const csv = lines
      .map((line) => {
        const cells = line.split(';');
        if (cells[0] !== home.id) return line;
        cells[lat] = String(moved.latitude);
        cells[lon] = String(moved.longitude);
        return cells.join(';');
      })
      .join('\n');
    const response = await fetch(`${hub.urls.graphql.replace(/\/graphql$/, '')}/imports/finess`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: ars }, body: csv });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ updated: 1, written: true });
    expect(await storedPoint(hub.db, copy)).toEqual(moved);
    expect((await near(moved)).unitSearch.matchingIds).toContain(copy);
    expect((await near(home)).unitSearch.matchingIds).not.toContain(copy);
    expect(await misplacedUnits(hub.db)).toEqual([]);
  });

  it('a point written by hand is computed again by the rule', async () => {
    await hub.db.rows(sql`update offer.unit set place = ll_to_earth(0, 0) where id = ${unit}`);
    await hub.db.rows(sql`update offer.establishment set latitude = latitude where id = ${other.id}`);
    expect(await misplacedUnits(hub.db)).toEqual([]);
  });
});
