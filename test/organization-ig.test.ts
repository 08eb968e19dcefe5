/**
 * Organization as the IG draws it (issue 17): an establishment's FINESS closure (closing type,
 * organization-period), helicopter landing zone, internal organisation names (its pôles) and
 * médico-social prices, end to end on its database kind: written through GraphQL (allowed and
 * refused by right and rule), through the FINESS import (POST /imports/finess) and through FHIR
 * PUT/PATCH, then read and searched with fhir-kit-client against answers computed by hand. One
 * private hub per kind (the writes), and the shared demo hubs for what the demo region holds.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client } from 'fhir-kit-client';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asUser } from './helpers/tokens.js';
import { loadR4Definitions, r4Issues } from './helpers/fhir/validate.js';
import { CODE_SYSTEMS, EXTENSIONS } from '../fhir/codes.js';
import { buildDemoRegion } from '../scripts/demo/region.js';

const hubs = inject('hubs');

/** In ref.etab.orleans's perimeter (EJ 450000088): the CHR's long-stay site (USLD, category 362) and its Gien site. */
const SARAN = '450010442';
const GIEN = '450021449';
const LA_SOURCE = '450002613';

type Json = Record<string, unknown>;
interface Bundle {
  total?: number;
  entry?: Array<{ resource: Json & { id: string } }>;
}
interface Outcome {
  issue: Array<{ code: string; diagnostics?: string; expression?: string[] }>;
}

const UPDATE = `mutation($id: ID!, $input: EstablishmentUpdate!) { updateEstablishment(id: $id, input: $input) { id dropZone prices { type { code display } amount } } }`;
const READ = `query($id: ID!) { establishment(id: $id) {
  openedOn closedOn closingType { code display } dropZone
  prices { type { code } unit { code } amount currency validFrom dependencyLevel { code display } residentialType { code } welcomeType { code } specialPrice { code } }
  history(first: 1) { totalCount edges { node { actor changes { field } } } } } }`;

/** USLD tariffs as an établissement de soins de longue durée publishes them (illustrative amounts). */
const SARAN_PRICES = [
  { typeCode: '02', unitCode: '2', amount: 62.4, validFrom: '2026-01-01', residentialTypeCode: '02', welcomeTypeCode: '02', specialPriceCode: '01' },
  { typeCode: '02', unitCode: '2', amount: 58.1, validFrom: '2026-01-01', residentialTypeCode: '01', welcomeTypeCode: '02', specialPriceCode: '02' },
  { typeCode: '03', unitCode: '2', amount: 21.37, validFrom: '2026-01-01', dependencyLevelCode: '01', welcomeTypeCode: '02' },
  { typeCode: '03', unitCode: '2', amount: 13.56, validFrom: '2026-01-01', dependencyLevelCode: '02', welcomeTypeCode: '02' },
  { typeCode: '03', unitCode: '2', amount: 5.75, validFrom: '2025-07-01', dependencyLevelCode: '03', welcomeTypeCode: '02' },
];

/** The demo CSV's row of an establishment, with a FINESS closure added (the demo's layout takes the two columns). */
function closureFile(id: string, closedOn: string, closingType: string): string {
  const [header, ...rows] = readFileSync(new URL('../scripts/demo/data/finess-cvl.csv', import.meta.url), 'utf8').trim().split('\n');
  const row = rows.find((r) => r.startsWith(`${id};`))!;
  return `${header};datefermeture;typefermeture\n${row};${closedOn};${closingType}\n`;
}

const ids = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource.id).sort();
const extensionsOf = (resource: Json, url: string) => ((resource.extension as Array<Json & { url: string }> | undefined) ?? []).filter((e) => e.url === url);

async function refusal(promise: Promise<unknown>): Promise<{ status: number; outcome: Outcome }> {
  const error = (await promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  )) as { response: { status: number; data: Outcome } };
  return { status: error.response.status, outcome: error.response.data };
}

beforeAll(() => loadR4Definitions());

describe.each(endToEndKinds('postgres'))('Organization IG elements, written and searched on %s', (kind) => {
  let hub: TestHub;
  let orleans = '';
  let tours = '';
  let ars = '';
  const as = <T = Json>(token: string | null, query: string, variables: Json = {}) => gql<T>(hub.urls.graphql, query, variables, token ? { authorization: token } : {});
  const fhir = (auth?: string) => new Client({ baseUrl: hub.urls.fhir, customHeaders: auth ? { authorization: auth } : {} });
  const search = async (params: Record<string, string>) => (await fhir().search({ resourceType: 'Organization', searchParams: params })) as unknown as Bundle;
  const read = async (id: string) => (await as<{ establishment: Json & { prices: Json[] } }>(ars, READ, { id })).data!.establishment;

  beforeAll(async () => {
    hub = await startTestHub(kind);
    [orleans, tours, ars] = await Promise.all([asUser(hub.urls.graphql, 'ref.etab.orleans'), asUser(hub.urls.graphql, 'ref.uo.tours'), asUser(hub.urls.graphql, 'admin.ars')]);
  }, 120_000);
  afterAll(async () => hub?.close());

  it('lets the establishment referent record prices and the landing zone, with labels from the national files and an audit row', async () => {
    const r = await as<{ updateEstablishment: { dropZone: boolean; prices: Array<{ type: { code: string; display: string }; amount: number }> } }>(orleans, UPDATE, {
      id: SARAN,
      input: { dropZone: false, prices: SARAN_PRICES },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateEstablishment.dropZone).toBe(false);
    expect(r.data!.updateEstablishment.prices.map((p) => [p.type.display, p.amount])).toEqual([
      ['Forfait socle hébergement', 62.4],
      ['Forfait socle hébergement', 58.1],
      ['Dépendance', 21.37],
      ['Dépendance', 13.56],
      ['Dépendance', 5.75],
    ]);
    const saran = await read(SARAN);
    expect(saran.prices[2]).toEqual({
      type: { code: '03' },
      unit: { code: '2' },
      amount: 21.37,
      currency: 'EUR',
      validFrom: '2026-01-01',
      dependencyLevel: { code: '01', display: 'GIR 1-2' },
      residentialType: null,
      welcomeType: { code: '02' },
      specialPrice: null,
    });
    const audit = (saran.history as { edges: Array<{ node: { actor: string; changes: Array<{ field: string }> } }> }).edges[0]!.node;
    expect(audit.actor).toBe('ref.etab.orleans');
    expect(audit.changes.map((c) => c.field).sort()).toEqual(['dropZone', 'prices']);
    // The same prices again change nothing, and record nothing.
    expect((await as(orleans, UPDATE, { id: SARAN, input: { prices: SARAN_PRICES } })).errors).toBeUndefined();
    expect(await read(SARAN)).toEqual(saran);
  });

  it('refuses callers without ORU_ROR_ETABLISSEMENT_EDIT and prices against the code lists or the tariff model, writing nothing', async () => {
    const before = await read(SARAN);
    const anonymous = await as(null, UPDATE, { id: SARAN, input: { dropZone: true } });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const unitReferent = await as(tours, UPDATE, { id: SARAN, input: { prices: [] } });
    expect(unitReferent.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(unitReferent.errors![0]!.message).toContain('ORU_ROR_ETABLISSEMENT_EDIT');
    const cases: Array<[Json, string]> = [
      [{ typeCode: '99', unitCode: '2', amount: 10 }, 'prices[0].typeCode'],
      [{ typeCode: '02', unitCode: '2', amount: 10, dependencyLevelCode: '01' }, 'prices[0].dependencyLevelCode'],
      [{ typeCode: '03', unitCode: '2', amount: 10 }, 'prices[0].dependencyLevelCode'],
      [{ typeCode: '03', unitCode: '2', amount: 10, dependencyLevelCode: '04' }, 'prices[0].dependencyLevelCode'],
      [{ typeCode: '02', unitCode: '2', amount: 10.005 }, 'prices[0].amount'],
      [{ typeCode: '02', unitCode: '2', amount: -1 }, 'prices[0].amount'],
      [{ typeCode: '02', unitCode: '2', amount: 10, validFrom: '2026-02-30' }, 'prices[0].validFrom'],
    ];
    for (const [price, field] of cases) {
      const bad = await as(orleans, UPDATE, { id: SARAN, input: { dropZone: true, prices: [price] } });
      expect([bad.errors?.[0]?.extensions?.code, bad.errors?.[0]?.extensions?.field], JSON.stringify(price)).toEqual(['BAD_USER_INPUT', field]);
    }
    const twice = await as(orleans, UPDATE, { id: SARAN, input: { prices: [SARAN_PRICES[0], SARAN_PRICES[0]] } });
    expect(twice.errors![0]!.extensions!.field).toBe('prices[1]');
    expect(await read(SARAN)).toEqual(before);
  });

  it('records a closure from the FINESS import, refused when the type is not TRE_R286', async () => {
    const post = async (body: string) =>
      fetch(`${hub.urls.graphql.replace(/\/graphql$/, '')}/imports/finess`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: ars }, body });
    const wrong = await post(closureFile(GIEN, '2026-09-30', 'XYZ'));
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { problems: Array<{ message: string }> }).problems[0]!.message).toContain('typefermeture "XYZ" is not a FINESS closing type');
    const response = await post(closureFile(GIEN, '2026-09-30', 'DEF'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ updated: 1, changes: [{ id: GIEN, outcome: 'updated', fields: ['closedOn', 'closingTypeCode'] }] });
    expect(await read(GIEN)).toMatchObject({ openedOn: '2019-12-01', closedOn: '2026-09-30', closingType: { code: 'DEF', display: 'Définitive' } });
  });

  it('serves the elements on Organization as the IG draws them, valid R4', async () => {
    const saran = (await fhir().read({ resourceType: 'Organization', id: SARAN })) as unknown as Json;
    expect(r4Issues(saran as never)).toEqual([]);
    expect(extensionsOf(saran, EXTENSIONS.organizationDropZone)).toEqual([{ url: EXTENSIONS.organizationDropZone, valueBoolean: false }]);
    expect(extensionsOf(saran, EXTENSIONS.organizationPeriod)).toEqual([{ url: EXTENSIONS.organizationPeriod, valuePeriod: { start: '1979-05-02' } }]);
    expect(extensionsOf(saran, EXTENSIONS.organizationClosingType)).toEqual([]);
    const prices = extensionsOf(saran, EXTENSIONS.organizationPrice);
    expect(prices).toHaveLength(5);
    expect(prices[2]).toEqual({
      url: EXTENSIONS.organizationPrice,
      extension: [
        { url: 'priceType', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.typeTarif, code: '03', display: 'Dépendance' }] } },
        { url: 'priceUnit', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.unitePrix, code: '2', display: 'Tarif journalier' }] } },
        { url: 'amount', valueMoney: { value: 21.37, currency: 'EUR' } },
        { url: 'startDate', valueDateTime: '2026-01-01' },
        { url: 'welcomeType', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.temporaliteAccueil, code: '02', display: 'Permanent' }] } },
        { url: 'dependencyLevel', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.groupeTarifaireDependance, code: '01', display: 'GIR 1-2' }] } },
      ],
    });
    const gien = (await fhir().read({ resourceType: 'Organization', id: GIEN })) as unknown as Json;
    expect(extensionsOf(gien, EXTENSIONS.organizationClosingType)).toEqual([
      { url: EXTENSIONS.organizationClosingType, valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.typeFermeture, code: 'DEF', display: 'Définitive' }] } },
    ]);
    expect(extensionsOf(gien, EXTENSIONS.organizationPeriod)).toEqual([{ url: EXTENSIONS.organizationPeriod, valuePeriod: { start: '2019-12-01', end: '2026-09-30' } }]);
    // Pôles are the internal organisations: La Source has several, each an oi-name.
    const laSource = (await fhir().read({ resourceType: 'Organization', id: LA_SOURCE })) as unknown as Json;
    const poles = (await as<{ establishment: { poles: Array<{ name: string }> } }>(ars, `{ establishment(id: "${LA_SOURCE}") { poles { name } } }`)).data!.establishment.poles;
    expect(poles.length).toBeGreaterThan(1);
    expect(extensionsOf(laSource, EXTENSIONS.organizationOiName).map((e) => e.valueString)).toEqual(poles.map((p) => p.name));
  });

  it('finds them with each IG search parameter, as computed from what was written', async () => {
    // Only SARAN has prices, only the Gien site a closure, only SARAN a landing-zone answer on this hub.
    const cases: Array<[Record<string, string>, string[]]> = [
      [{ 'price-type': `${CODE_SYSTEMS.typeTarif}|03` }, [SARAN]],
      [{ 'price-type': '04' }, []],
      [{ 'price-dependency-level': '01' }, [SARAN]],
      [{ 'price-dependency-level': `${CODE_SYSTEMS.unitePrix}|01` }, []],
      [{ 'price-residential-type': '01' }, [SARAN]],
      [{ 'price-residential-type': '03' }, []],
      [{ 'price-welcome-type': '02' }, [SARAN]],
      [{ 'price-welcome-type': '01' }, []],
      [{ 'special-price': '02' }, [SARAN]],
      [{ 'special-price': '03' }, []],
      [{ 'price-unit': '2' }, [SARAN]],
      [{ 'price-unit': '3' }, []],
      [{ 'price-amount-value': 'gt62' }, [SARAN]],
      [{ 'price-amount-value': 'gt62.4' }, []],
      [{ 'price-amount-value': '5.75' }, [SARAN]],
      [{ 'price-amount-value': 'lt5.75' }, []],
      [{ 'price-validity-start-date': 'lt2026' }, [SARAN]],
      [{ 'price-validity-start-date': 'gt2026-01-01' }, []],
      [{ 'drop-zone': 'false' }, [SARAN]],
      [{ 'drop-zone': 'true' }, []],
      [{ 'closing-type': 'DEF' }, [GIEN]],
      [{ 'closing-type': 'PRO' }, []],
      [{ 'period-end': '2026-09' }, [GIEN]],
      [{ 'period-end': 'ne2026-09-30' }, []],
      [{ 'period-end': 'le2026-09-29' }, []],
      [{ _filter: 'price-amount-value gt 60 and price-type eq 02' }, [SARAN]],
      [{ _filter: 'closing-type eq DEF or drop-zone eq false' }, [GIEN, SARAN].sort()],
    ];
    for (const [params, expected] of cases) {
      const bundle = await search(params);
      expect([ids(bundle), bundle.total], JSON.stringify(params)).toEqual([expected, expected.length]);
    }
    const refused = await refusal(search({ 'drop-zone': 'yes' }));
    expect(refused.status).toBe(400);
  });

  it('writes the landing zone and prices through FHIR PUT and PATCH, refusing what FINESS or the pôles keep', async () => {
    const referent = fhir(orleans);
    const current = (await referent.read({ resourceType: 'Organization', id: SARAN })) as unknown as Json & { extension: Array<Json & { url: string }> };
    const withoutPrices = current.extension.filter((e) => e.url !== EXTENSIONS.organizationPrice && e.url !== EXTENSIONS.organizationDropZone);
    const price = {
      url: EXTENSIONS.organizationPrice,
      extension: [
        { url: 'priceType', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.typeTarif, code: '05' }] } },
        { url: 'priceUnit', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.unitePrix, code: '2' }] } },
        { url: 'amount', valueMoney: { value: 35, currency: 'EUR' } },
        { url: 'specialPrice', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.conditionTarifaire, code: '01' }] } },
      ],
    };
    const put = (await referent.update({
      resourceType: 'Organization',
      id: SARAN,
      body: { ...current, extension: [...withoutPrices, { url: EXTENSIONS.organizationDropZone, valueBoolean: true }, price] } as never,
    })) as unknown as Json;
    expect(extensionsOf(put, EXTENSIONS.organizationPrice)).toHaveLength(1);
    expect(await read(SARAN)).toMatchObject({ dropZone: true, prices: [{ type: { code: '05' }, amount: 35, specialPrice: { code: '01' } }] });
    expect(ids(await search({ 'price-type': '05', 'drop-zone': 'true' }))).toEqual([SARAN]);

    // PATCH away the landing zone answer: unknown again, so neither true nor false finds it.
    const served = (await referent.read({ resourceType: 'Organization', id: SARAN })) as unknown as { extension: Array<{ url: string }> };
    const at = served.extension.findIndex((e) => e.url === EXTENSIONS.organizationDropZone);
    await referent.patch({ resourceType: 'Organization', id: SARAN, jsonPatch: [{ op: 'remove', path: `/extension/${at}` }] });
    expect((await read(SARAN)).dropZone).toBeNull();
    expect(ids(await search({ 'drop-zone': 'true,false' }))).toEqual([]);

    const refusedPut = async (extension: unknown[]) => {
      const body = (await referent.read({ resourceType: 'Organization', id: SARAN })) as unknown as Json & { extension: unknown[] };
      return refusal(referent.update({ resourceType: 'Organization', id: SARAN, body: { ...body, extension: [...body.extension, ...extension] } as never }));
    };
    const closing = await refusedPut([{ url: EXTENSIONS.organizationClosingType, valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.typeFermeture, code: 'PRO' }] } }]);
    expect([closing.status, closing.outcome.issue[0]!.code, closing.outcome.issue[0]!.diagnostics]).toEqual([422, 'business-rule', expect.stringContaining('FINESS')]);
    const oiName = await refusedPut([{ url: EXTENSIONS.organizationOiName, valueString: 'Pôle Long Séjour' }]);
    expect(oiName.outcome.issue[0]!.diagnostics).toContain('pôle');
    const unknownPart = await refusedPut([{ ...price, extension: [...price.extension, { url: 'under60', valueBoolean: true }] }]);
    expect([unknownPart.status, unknownPart.outcome.issue[0]!.expression]).toEqual([422, [`Organization.extension('${EXTENSIONS.organizationPrice}')`]]);
    const badCode = await refusedPut([{ ...price, extension: [{ url: 'priceType', valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.typeTarif, code: '77' }] } }, ...price.extension.slice(1)] }]);
    expect([badCode.status, badCode.outcome.issue[0]!.expression]).toEqual([422, [`Organization.extension('${EXTENSIONS.organizationPrice}')`]]);
    const outsider = await refusal(
      fhir(tours).update({ resourceType: 'Organization', id: SARAN, body: { ...current, extension: [...withoutPrices, { url: EXTENSIONS.organizationDropZone, valueBoolean: false }] } as never }),
    );
    expect(outsider.status).toBe(403);
    expect(await read(SARAN)).toMatchObject({ dropZone: null, prices: [{ type: { code: '05' } }] });
  });
});

describe.each(endToEndKinds('postgres'))('Organization IG elements on the demo region (%s, shared hub)', (kind) => {
  const region = buildDemoRegion();
  const fhir = () => new Client({ baseUrl: hubs[kind]!.fhir });

  it('finds the establishments of a pôle by oi-name, as the demo region builds them', async () => {
    const expected = [...new Set(region.poles.filter((p) => p.name === 'Pôle Gériatrie').map((p) => p.establishmentId))].sort();
    expect(expected.length).toBeGreaterThan(1);
    const found: string[] = [];
    let bundle = (await fhir().search({ resourceType: 'Organization', searchParams: { 'oi-name': 'pole geriatrie', _count: '200' } })) as unknown as Bundle & { link?: Array<{ relation: string; url: string }> };
    found.push(...ids(bundle));
    while (bundle.link?.some((l) => l.relation === 'next')) {
      bundle = (await fhir().nextPage({ bundle } as never)) as unknown as typeof bundle;
      found.push(...ids(bundle));
    }
    // Seeded establishments only: other files on the shared hubs add their own.
    expect(found.filter((id) => region.establishments.some((e) => e.id === id)).sort()).toEqual(expected);
    const exact = (await fhir().search({ resourceType: 'Organization', searchParams: { 'oi-name:exact': 'Pôle gériatrie' } })) as unknown as Bundle;
    expect(exact.total).toBe(0);
  });

  it('declares the IG parameters in the CapabilityStatement with their IG definitions', async () => {
    const statement = (await fhir().capabilityStatement()) as unknown as { rest: Array<{ resource: Array<{ type: string; searchParam: Array<{ name: string; definition: string; type: string }> }> }> };
    const organization = statement.rest[0]!.resource.find((r) => r.type === 'Organization')!;
    const declared = new Map(organization.searchParam.map((p) => [p.name, p]));
    const ig = JSON.parse(readFileSync(new URL('./fixtures/ror-ig/CapabilityStatement-ror-serveur.json', import.meta.url), 'utf8')) as typeof statement;
    const igParams = ig.rest[0]!.resource.find((r) => r.type === 'Organization')!.searchParam.filter((p) => p.definition.includes('/ig/fhir/ror/'));
    expect(igParams.length).toBe(11);
    for (const p of igParams) expect([p.name, declared.get(p.name)?.definition, declared.get(p.name)?.type]).toEqual([p.name, p.definition, p.type]);
    expect(declared.get('oi-name')?.type).toBe('string');
  });
});
