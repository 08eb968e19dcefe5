/**
 * The place search through the gateway (docs/admissions.md § Place search), with real tokens, on
 * a private hub per database kind: the GP's "free beds for an 82-year-old woman within 40 km of
 * Orléans" by point, commune and postal code; order, free beds by sex, staleness, paging and
 * cursors bound to their criteria; validation; who may search; sensitive units; admission contacts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { asApp, asUser } from './helpers/tokens.js';
import { gql } from './helpers/graphql.js';
import { envelopeHeader } from './helpers/envelope.js';
import type { Identity } from '../platform/auth/identity.js';

const ORLEANS = { latitude: 47.9029, longitude: 1.9093 };
const CHR_ORLEANS = '450000088';

const SEARCH = `query($criteria: PlaceSearchInput!, $first: Int, $after: String) {
  placeSearch(criteria: $criteria, first: $first, after: $after) {
    totalCount
    centre { latitude longitude radiusKm communeCode communeName }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { distanceKm freeBeds installedBeds updatedAt stale unit { id name establishment { id organization { id } } } } }
  }
}`;

interface Place {
  distanceKm: number;
  freeBeds: number;
  installedBeds: number | null;
  updatedAt: string | null;
  stale: boolean;
  unit: { id: string; name: string; establishment: { id: string; organization: { id: string } } };
}
interface Connection {
  totalCount: number;
  centre: { latitude: number; longitude: number; radiusKm: number; communeCode: string | null; communeName: string | null };
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: Place }>;
}

const womanOf82 = { patientAge: 82, patientSex: 'FEMALE', freeBedsOnly: true };

describe.each(databaseKinds())('place search through the gateway (%s)', (kind) => {
  let hub: TestHub;
  let gp: Record<string, string>;
  let app: Record<string, string>;

  const search = async (criteria: Record<string, unknown>, headers: Record<string, string>, first?: number, after?: string) =>
    gql<{ placeSearch: Connection }>(hub.urls.graphql, SEARCH, { criteria, first, after }, headers);

  /** Every page of a search, following endCursor. */
  async function allPages(criteria: Record<string, unknown>, first: number): Promise<Place[]> {
    const places: Place[] = [];
    let after: string | undefined;
    for (;;) {
      const r = await search(criteria, gp, first, after);
      expect(r.errors).toBeUndefined();
      places.push(...r.data!.placeSearch.edges.map((e) => e.node));
      if (!r.data!.placeSearch.pageInfo.hasNextPage) return places;
      after = r.data!.placeSearch.pageInfo.endCursor!;
    }
  }

  beforeAll(async () => {
    hub = await startTestHub(kind);
    gp = { authorization: await asUser(hub.urls.graphql, 'medecin.ville.orleans') };
    app = { authorization: await asApp(hub.urls.graphql, 'place-search') };
  }, 120_000);
  afterAll(async () => {
    (hub?.db.orm as unknown as { $client?: { on?: (event: string, fn: () => void) => void } } | undefined)?.$client?.on?.('error', () => undefined);
    await hub?.close();
  });

  it('finds free beds for an 82-year-old woman within 40 km of Orléans, nearest first, CHR Orléans units among them', async () => {
    const r = await search({ near: { ...ORLEANS, radiusKm: 40 }, ...womanOf82 }, gp, 100);
    expect(r.errors).toBeUndefined();
    const c = r.data!.placeSearch;
    expect(c.totalCount).toBeGreaterThan(0);
    expect(c.centre).toEqual({ ...ORLEANS, radiusKm: 40, communeCode: null, communeName: null });
    const places = c.edges.map((e) => e.node);
    expect(places.some((p) => p.unit.establishment.organization.id === CHR_ORLEANS)).toBe(true);
    for (const p of places) {
      expect(p.freeBeds).toBeGreaterThan(0);
      expect(p.distanceKm).toBeLessThanOrEqual(40);
      expect(p.unit.name).toEqual(expect.any(String));
    }
    // distance, then free beds descending, then unit id
    for (let i = 1; i < places.length; i++) {
      const [a, b] = [places[i - 1]!, places[i]!];
      const inOrder = a.distanceKm < b.distanceKm || (a.distanceKm === b.distanceKm && (a.freeBeds > b.freeBeds || (a.freeBeds === b.freeBeds && a.unit.id < b.unit.id)));
      expect(inOrder).toBe(true);
    }
  });

  it('centres a commune search on the commune (INSEE 45234, postal code 45000: Orléans) with the same units', async () => {
    const byCommune = await search({ communeCode: '45234', radiusKm: 40, ...womanOf82 }, gp, 5);
    const byPostalCode = await search({ postalCode: '45000', radiusKm: 40, ...womanOf82 }, gp, 5);
    expect(byCommune.errors).toBeUndefined();
    expect(byPostalCode.errors).toBeUndefined();
    const centre = byCommune.data!.placeSearch.centre;
    expect(centre).toMatchObject({ communeCode: '45234', communeName: 'Orléans', radiusKm: 40 });
    // The commune's point is derived from its establishments' positions: within Orléans.
    expect(Math.abs(centre.latitude - ORLEANS.latitude)).toBeLessThan(0.1);
    expect(Math.abs(centre.longitude - ORLEANS.longitude)).toBeLessThan(0.1);
    expect(byPostalCode.data!.placeSearch.centre).toEqual(centre);
    expect(byPostalCode.data!.placeSearch.edges.map((e) => e.node.unit.id)).toEqual(byCommune.data!.placeSearch.edges.map((e) => e.node.unit.id));
    expect(byCommune.data!.placeSearch.totalCount).toBeGreaterThan(0);
    // default radius 30 km
    const defaultRadius = await search({ communeCode: '45234' }, gp, 1);
    expect(defaultRadius.data!.placeSearch.centre.radiusKm).toBe(30);
  });

  it('counts women\'s or men\'s beds plus undifferentiated ones; freeBedsOnly drops units without', async () => {
    const all = await search({ near: { ...ORLEANS, radiusKm: 40 }, patientAge: 82 }, gp, 100);
    const unitId = all.data!.placeSearch.edges[0]!.node.unit.id;
    await hub.db.rows(sql`update capacities.unit_capacity set available_men = 0, available_women = 3, available_undifferentiated = 1, available_beds = 4 where unit_id = ${unitId}`);
    const near = { near: { latitude: ORLEANS.latitude, longitude: ORLEANS.longitude, radiusKm: 40 }, patientAge: 82 };
    const freeFor = async (criteria: Record<string, unknown>) => {
      const r = await search(criteria, gp, 100);
      expect(r.errors).toBeUndefined();
      return r.data!.placeSearch.edges.find((e) => e.node.unit.id === unitId)?.node.freeBeds;
    };
    expect(await freeFor({ ...near, patientSex: 'FEMALE' })).toBe(4);
    expect(await freeFor({ ...near, patientSex: 'MALE' })).toBe(1);
    expect(await freeFor(near)).toBe(4);
    await hub.db.rows(sql`update capacities.unit_capacity set available_men = 2, available_women = 0, available_undifferentiated = 0, available_beds = 2 where unit_id = ${unitId}`);
    expect(await freeFor({ ...near, patientSex: 'FEMALE' })).toBe(0);
    expect(await freeFor({ ...near, patientSex: 'FEMALE', freeBedsOnly: true })).toBeUndefined();
    expect(await freeFor({ ...near, patientSex: 'MALE', freeBedsOnly: true })).toBe(2);
  });

  it('flags old or absent figures stale and drops them with maxFiguresAgeMinutes', async () => {
    const criteria = { near: { ...ORLEANS, radiusKm: 40 } };
    const all = await search(criteria, gp, 100);
    const target = all.data!.placeSearch.edges.map((e) => e.node).filter((p) => p.updatedAt !== null)[1]!.unit.id;
    await hub.db.rows(sql`update capacities.unit_capacity set updated_at = now() - interval '2 days' where unit_id = ${target}`);
    const again = await search(criteria, gp, 100);
    const old = again.data!.placeSearch.edges.find((e) => e.node.unit.id === target)!.node;
    expect(old.stale).toBe(true);
    expect(Date.now() - Date.parse(old.updatedAt!)).toBeGreaterThan(47 * 3600_000);
    // stale = absent, or older than ROR_ADMISSION_STALE_MINUTES (720 by default)
    for (const { node } of again.data!.placeSearch.edges) {
      expect(node.stale).toBe(node.updatedAt === null || Date.now() - Date.parse(node.updatedAt) > 720 * 60_000);
      if (node.updatedAt === null) expect(node).toMatchObject({ freeBeds: 0, installedBeds: null });
    }
    const recent = await search({ ...criteria, maxFiguresAgeMinutes: 24 * 60 }, gp, 100);
    expect(recent.errors).toBeUndefined();
    expect(recent.data!.placeSearch.edges.map((e) => e.node.unit.id)).not.toContain(target);
    expect(recent.data!.placeSearch.totalCount).toBeLessThan(again.data!.placeSearch.totalCount);
    for (const { node } of recent.data!.placeSearch.edges) expect(Date.now() - Date.parse(node.updatedAt!)).toBeLessThanOrEqual(24 * 3600_000);
  });

  it('pages with cursors: every unit once, in order; a cursor reused with other criteria is refused', async () => {
    const criteria = { near: { ...ORLEANS, radiusKm: 20 }, patientAge: 82 };
    const whole = await search(criteria, gp, 100);
    expect(whole.data!.placeSearch.totalCount).toBeLessThanOrEqual(100);
    const paged = await allPages(criteria, 3);
    expect(paged.map((p) => p.unit.id)).toEqual(whole.data!.placeSearch.edges.map((e) => e.node.unit.id));
    const first = await search(criteria, gp, 3);
    expect(first.data!.placeSearch.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await search(criteria, gp, 3, first.data!.placeSearch.pageInfo.endCursor!);
    expect(second.data!.placeSearch.pageInfo.hasPreviousPage).toBe(true);
    const other = await search({ ...criteria, patientSex: 'MALE' }, gp, 3, first.data!.placeSearch.pageInfo.endCursor!);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    const forged = await search(criteria, gp, 3, 'bm90LWEtY3Vyc29y');
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('refuses bad criteria with BAD_USER_INPUT naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string, number?]> = [
      [{ near: { ...ORLEANS, radiusKm: 250 } }, 'criteria.near.radiusKm'],
      [{ communeCode: '45234', radiusKm: 201 }, 'criteria.radiusKm'],
      [{}, 'criteria'],
      [{ near: { ...ORLEANS, radiusKm: 10 }, communeCode: '45234' }, 'criteria'],
      [{ communeCode: '99999' }, 'criteria.communeCode'],
      [{ communeCode: 'Orléans' }, 'criteria.communeCode'],
      [{ postalCode: '00000' }, 'criteria.postalCode'],
      [{ near: { ...ORLEANS, radiusKm: 10 }, patientAge: 131 }, 'criteria.patientAge'],
      [{ near: { ...ORLEANS, radiusKm: 10 }, patientAge: -1 }, 'criteria.patientAge'],
      [{ near: { ...ORLEANS, radiusKm: 10 }, disciplines: ['MEDICINE', 'ASTROLOGY'] }, 'criteria.disciplines'],
      [{ near: { ...ORLEANS, radiusKm: 10 }, activityCodes: ['999999'] }, 'criteria.activityCodes'],
      [{ near: { ...ORLEANS, radiusKm: 10 }, careModeCodes: ['ZZ'] }, 'criteria.careModeCodes'],
      [{ near: { ...ORLEANS, radiusKm: 10 }, equipmentCodes: ['ZZZ'] }, 'criteria.equipmentCodes'],
      [{ near: { ...ORLEANS, radiusKm: 10 }, maxFiguresAgeMinutes: -5 }, 'criteria.maxFiguresAgeMinutes'],
      [{ near: { ...ORLEANS, radiusKm: 10 } }, 'first', 101],
    ];
    for (const [criteria, field, first] of cases) {
      const r = await search(criteria, gp, first ?? 5);
      expect(r.errors?.[0]?.extensions, JSON.stringify(criteria)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(r.data?.placeSearch ?? null).toBeNull();
    }
  });

  it('filters on discipline, activity, care mode and age with valid codes', async () => {
    const base = { near: { ...ORLEANS, radiusKm: 40 } };
    const medicine = await search({ ...base, disciplines: ['MEDICINE'] }, gp, 100);
    const all = await search(base, gp, 100);
    expect(medicine.errors).toBeUndefined();
    expect(medicine.data!.placeSearch.totalCount).toBeGreaterThan(0);
    expect(medicine.data!.placeSearch.totalCount).toBeLessThan(all.data!.placeSearch.totalCount);
    const disciplines = await gql<{ placeSearch: { edges: Array<{ node: { unit: { discipline: string } } }> } }>(
      hub.urls.graphql,
      `query($c: PlaceSearchInput!) { placeSearch(criteria: $c, first: 100) { edges { node { unit { discipline } } } } }`,
      { c: { ...base, disciplines: ['MEDICINE'] } },
      gp,
    );
    expect(new Set(disciplines.data!.placeSearch.edges.map((e) => e.node.unit.discipline))).toEqual(new Set(['MEDICINE']));
    // activity (any), care mode (any), equipment (all): the codes of a unit of the radius find it, and only units holding them
    type Coded = { id: string; operationalActivities: Array<{ code: string }>; careMode: { code: string }; equipment: Array<{ code: string }> };
    const coded = await gql<{ placeSearch: { edges: Array<{ node: { unit: Coded } }> } }>(
      hub.urls.graphql,
      `query($c: PlaceSearchInput!) { placeSearch(criteria: $c, first: 100) { edges { node { unit { id operationalActivities { code } careMode { code } equipment { code } } } } } }`,
      { c: base },
      gp,
    );
    const sample = coded.data!.placeSearch.edges.map((e) => e.node.unit).find((u) => u.operationalActivities.length > 0 && u.equipment.length > 0)!;
    expect(sample).toBeDefined();
    const activity = sample.operationalActivities[0]!.code;
    const equipment = sample.equipment.map((e) => e.code);
    const narrowed = await gql<{ placeSearch: { totalCount: number; edges: Array<{ node: { unit: Coded } }> } }>(
      hub.urls.graphql,
      `query($c: PlaceSearchInput!) { placeSearch(criteria: $c, first: 100) { totalCount edges { node { unit { id operationalActivities { code } careMode { code } equipment { code } } } } } }`,
      { c: { ...base, activityCodes: [activity], careModeCodes: [sample.careMode.code], equipmentCodes: equipment } },
      gp,
    );
    expect(narrowed.errors).toBeUndefined();
    const found = narrowed.data!.placeSearch.edges.map((e) => e.node.unit);
    expect(found.map((u) => u.id)).toContain(sample.id);
    for (const u of found) {
      expect(u.operationalActivities.map((a) => a.code)).toContain(activity);
      expect(u.careMode.code).toBe(sample.careMode.code);
      for (const code of equipment) expect(u.equipment.map((e) => e.code)).toContain(code);
    }
    const children = await gql<{ placeSearch: { edges: Array<{ node: { unit: { patientAge: { min: number | null; max: number | null } } } }> } }>(
      hub.urls.graphql,
      `query($c: PlaceSearchInput!) { placeSearch(criteria: $c, first: 100) { edges { node { unit { patientAge { min max } } } } } }`,
      { c: { ...base, patientAge: 6 } },
      gp,
    );
    for (const e of children.data!.placeSearch.edges) {
      const { min, max } = e.node.unit.patientAge;
      expect((min ?? 0) <= 6 && (max ?? 200) >= 6).toBe(true);
    }
  });

  it('refuses anonymous callers (UNAUTHENTICATED) and callers without the right or scope (FORBIDDEN), before validating', async () => {
    const anonymous = await search({ near: { ...ORLEANS, radiusKm: 500 } }, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const declarant = { authorization: await asUser(hub.urls.graphql, 'decl.tension.bourges') };
    const forbidden = await search({ near: { ...ORLEANS, radiusKm: 500 } }, declarant);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const directory = { authorization: await asApp(hub.urls.graphql, 'sante-fr-directory') }; // offer.read only
    const refusedApp = await search({ near: { ...ORLEANS, radiusKm: 20 } }, directory, 1);
    expect(refusedApp.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', scopes: ['admission.request', 'capacity.read'] });
    expect(refusedApp.data?.placeSearch ?? null).toBeNull();
    // a bed-entry user (capacity read right) may search
    const entry = { authorization: await asUser(hub.urls.graphql, 'saisie.lits.chateauroux') };
    const allowed = await search({ near: { ...ORLEANS, radiusKm: 20 } }, entry, 1);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.placeSearch.totalCount).toBeGreaterThan(0);
  });

  it('lets the place-search application search, without sensitive units, which hub users see', async () => {
    const [sensitive] = await hub.db.rows<{ id: string; latitude: number; longitude: number }>(
      sql`select u.id, coalesce(u.latitude, e.latitude) as latitude, coalesce(u.longitude, e.longitude) as longitude
          from offer.unit u join offer.establishment e on e.id = u.establishment_id
          where u.sensitive and not u.archived and e.latitude is not null order by u.id limit 1`,
    );
    expect(sensitive).toBeDefined();
    const criteria = { near: { latitude: Number(sensitive!.latitude), longitude: Number(sensitive!.longitude), radiusKm: 5 } };
    const asGp = await search(criteria, gp, 100);
    const asApplication = await search(criteria, app, 100);
    expect(asGp.errors).toBeUndefined();
    expect(asApplication.errors).toBeUndefined();
    const gpIds = asGp.data!.placeSearch.edges.map((e) => e.node.unit.id);
    const appIds = asApplication.data!.placeSearch.edges.map((e) => e.node.unit.id);
    expect(gpIds).toContain(sensitive!.id);
    expect(appIds).not.toContain(sensitive!.id);
    expect(appIds.length).toBeGreaterThan(0);
    expect(asApplication.data!.placeSearch.totalCount).toBe(asGp.data!.placeSearch.totalCount - 1);
    // access profile 1 (capacity.read) sees it, as hub users do
    const aggregator = { authorization: await asApp(hub.urls.graphql, 'national-aggregator') };
    const asProfile1 = await search(criteria, aggregator, 100);
    expect(asProfile1.data!.placeSearch.edges.map((e) => e.node.unit.id)).toEqual(gpIds);
  });

  it('shows the admission contacts: professionals\' level to the requesting application, beyond its `contacts`', async () => {
    const q = `query($c: PlaceSearchInput!) { placeSearch(criteria: $c, first: 100) { edges { node { unit { id kind discipline
      contacts { nature { code } confidentiality { code } value }
      admissionContacts { nature { code } role channel { code } confidentiality { code } value } } } } } }`;
    type Contact = { nature: { code: string }; confidentiality: { code: string }; value: string };
    type Edge = { node: { unit: { id: string; contacts: Contact[]; admissionContacts: Contact[] } } };
    const criteria = { near: { ...ORLEANS, radiusKm: 40 }, disciplines: ['MEDICINE'] };
    const viaApp = await gql<{ placeSearch: { edges: Edge[] } }>(hub.urls.graphql, q, { c: criteria }, app);
    const viaGp = await gql<{ placeSearch: { edges: Edge[] } }>(hub.urls.graphql, q, { c: criteria }, gp);
    expect(viaApp.errors).toBeUndefined();
    expect(viaGp.errors).toBeUndefined();
    const unit = viaApp.data!.placeSearch.edges.map((e) => e.node.unit).find((u) => u.admissionContacts.some((c) => c.confidentiality.code === '2'))!;
    expect(unit).toBeDefined();
    // the app's own `contacts` stop at open access; its admission contacts add the professionals' line
    expect(unit.contacts.every((c) => c.confidentiality.code === '1')).toBe(true);
    expect(unit.admissionContacts.map((c) => c.confidentiality.code).sort()).toEqual(['1', '2']);
    for (const e of [...viaApp.data!.placeSearch.edges, ...viaGp.data!.placeSearch.edges]) {
      for (const c of e.node.unit.admissionContacts) {
        expect(['01', '03', '05', '07', '16']).toContain(c.nature.code);
        expect(c.confidentiality.code).not.toBe('3');
      }
    }
    // a hub user sees the same admission contacts, all within what `contacts` shows them
    const gpUnit = viaGp.data!.placeSearch.edges.find((e) => e.node.unit.id === unit.id)!.node.unit;
    expect(gpUnit.admissionContacts).toEqual(unit.admissionContacts);
    for (const c of gpUnit.admissionContacts) expect(gpUnit.contacts).toContainEqual(expect.objectContaining({ value: c.value, nature: c.nature }));
  });

  it('keeps the internal queries off the gateway\'s API', async () => {
    const r = await gql(hub.urls.graphql, `{ placeCandidates(criteria: { near: { latitude: 47.9, longitude: 1.9, radiusKm: 5 } }) { unitIds } }`, {}, gp);
    expect(r.errors?.[0]?.message).toMatch(/placeCandidates/);
    const f = await gql(hub.urls.graphql, `{ unitFigures(unitIds: ["x"]) { unitIds } }`, {}, gp);
    expect(f.errors?.[0]?.message).toMatch(/unitFigures/);
  });

  it('answers the internal queries to the system identity only, on the subgraphs themselves', async () => {
    const client: Identity = { kind: 'client', subject: 'place-search', name: 'place-search', scopes: ['offer.read', 'capacity.read', 'admission.request'], accessLevel: 1 };
    const offer = await gql(hub.urls.subgraphs.offer, `{ placeCandidates(criteria: { near: { latitude: 47.9, longitude: 1.9, radiusKm: 5 } }) { unitIds } }`, {}, await envelopeHeader('offer', client));
    expect(offer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const point = await gql(hub.urls.subgraphs.offer, `{ communePoint(inseeCode: "45234") { latitude } }`, {}, await envelopeHeader('offer', client));
    expect(point.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const figures = await gql(hub.urls.subgraphs.capacities, `{ unitFigures(unitIds: ["x"]) { unitIds } }`, {}, await envelopeHeader('capacities', client));
    expect(figures.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const system = await gql<{ placeCandidates: { unitIds: string[]; distancesKm: number[] } }>(
      hub.urls.subgraphs.offer,
      `{ placeCandidates(criteria: { near: { latitude: 47.9, longitude: 1.9, radiusKm: 5 } }) { unitIds distancesKm } }`,
      {},
      await envelopeHeader('offer', { kind: 'system', subject: 'gateway' }),
    );
    expect(system.errors).toBeUndefined();
    const { unitIds, distancesKm } = system.data!.placeCandidates;
    expect(unitIds.length).toBeGreaterThan(0);
    expect(distancesKm).toHaveLength(unitIds.length);
    expect([...distancesKm].sort((a, b) => a - b)).toEqual(distancesKm);
    expect(Math.max(...distancesKm)).toBeLessThanOrEqual(5);
  });
});
