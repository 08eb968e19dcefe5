/**
 * Practitioner and PractitionerRole search, and the PractitionerRole includes of the IG's offer
 * extraction, against the shared demo hubs (read-only), with fhir-kit-client. Every answer is
 * checked against an independent GraphQL read of the same data and validated offline (R4 + ROR).
 */
import { describe, it, expect, inject, beforeAll } from 'vitest';
import { Client } from 'fhir-kit-client';
import { endToEndKinds } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { loadR4Definitions, r4Issues, searchBundleIssues } from './helpers/fhir/validate.js';
import { CODE_SYSTEMS, IDENTIFIER_SYSTEMS } from '../fhir/codes.js';
import type { FhirResource } from '../fhir/types.js';

const hubs = inject('hubs');

interface GqlProfessional {
  id: string;
  lastName: string;
  firstName: string;
  rppsNumber: string | null;
  adeliNumber: string | null;
  profession: { code: string } | null;
  specialty: { code: string } | null;
  updatedAt: string;
  establishments: Array<{ address: { regionCode: string } }>;
  situations: Array<{ id: string; identifier: string; exerciseMode: { code: string } | null; unit: { id: string }; establishment: { id: string; address: { regionCode: string } } }>;
}

type Resource = { resourceType: string; id: string; meta: { lastUpdated: string }; [key: string]: unknown };
type Entry = { fullUrl: string; resource: Resource; search: { mode: string } };
interface Bundle {
  resourceType: 'Bundle';
  total?: number;
  link: Array<{ relation: string; url: string }>;
  entry?: Entry[];
}

const PROFESSIONAL_FIELDS = `id lastName firstName rppsNumber adeliNumber profession { code } specialty { code } updatedAt establishments { address { regionCode } }
  situations { id identifier exerciseMode { code } unit { id } establishment { id address { regionCode } } }`;

/**
 * What FHIR serves of the GraphQL records, computed here independently of the adapter: a
 * Practitioner needs idNat_PS, a PractitionerRole also a profession, a specialty and an exercise
 * mode (fhir/README.md § Practitioner and PractitionerRole).
 */
function exposedOf(everyone: readonly GqlProfessional[]): GqlProfessional[] {
  return everyone
    .filter((p) => p.rppsNumber || p.adeliNumber)
    .map((p) => ({ ...p, situations: p.situations.filter((s) => p.profession && p.specialty && s.exerciseMode) }));
}

/** The Bundle and every resource in it are valid R4 and conform to their ROR profile, without tolerance. */
function expectValid(bundle: Bundle): void {
  expect(searchBundleIssues(bundle as never)).toEqual([]);
}

const bare = (bearer: string) => bearer.replace(/^Bearer /, '');
const ids = (bundle: Bundle, mode = 'match', type?: string) =>
  (bundle.entry ?? []).filter((e) => e.search.mode === mode && (!type || e.resource.resourceType === type)).map((e) => e.resource.id);
const sorted = (list: readonly string[]) => [...list].sort();

beforeAll(() => loadR4Definitions());

describe.each(endToEndKinds('pglite'))('FHIR Practitioner and PractitionerRole search on %s', (kind) => {
  let aggregator = '';
  /** Every record GraphQL lists, and what FHIR serves of them. */
  let everyone: GqlProfessional[] = [];
  let people: GqlProfessional[] = [];
  let doctor: GqlProfessional;
  const fhir = () => hubs[kind]!.fhir;
  const client = (bearer = aggregator) => new Client({ baseUrl: fhir(), bearerToken: bare(bearer) });
  const search = async (resourceType: string, params: Record<string, string | number | string[]>, bearer = aggregator) => {
    const bundle = (await client(bearer).search({ resourceType, searchParams: params as never })) as unknown as Bundle;
    expectValid(bundle);
    return bundle;
  };
  /** Every match of a search, following `next` links to the end, each page validated. */
  const all = async (resourceType: string, params: Record<string, string | number | string[]>, bearer = aggregator) => {
    const c = client(bearer);
    let bundle = (await c.search({ resourceType, searchParams: params as never })) as unknown as Bundle;
    const found: string[] = [];
    for (let page = 0; page < 200; page++) {
      expectValid(bundle);
      found.push(...ids(bundle));
      if (!bundle.link.some((l) => l.relation === 'next')) break;
      bundle = (await c.nextPage({ bundle } as never)) as unknown as Bundle;
    }
    return found;
  };
  const situations = () => people.flatMap((p) => p.situations);

  beforeAll(async () => {
    aggregator = await asApp(hubs[kind]!.graphql, 'national-aggregator');
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const result: { data?: { professionals: { edges: { node: GqlProfessional }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null; errors?: unknown } = await gql(
        hubs[kind]!.graphql,
        `query($after: String) { professionals(filter: { includeArchived: true }, first: 200, after: $after) { edges { node { ${PROFESSIONAL_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        { authorization: aggregator },
      );
      expect(result.errors).toBeUndefined();
      everyone.push(...result.data!.professionals.edges.map((e) => e.node));
      if (!result.data!.professionals.pageInfo.hasNextPage) break;
      after = result.data!.professionals.pageInfo.endCursor;
    }
    people = exposedOf(everyone);
    expect(people.length, 'the demo region has records FHIR does not serve (no idNat_PS)').toBeLessThan(everyone.length);
    doctor = people.find((p) => p.rppsNumber && p.situations.length > 0 && p.profession?.code === '10')!;
    expect(doctor, 'the demo region has a doctor with RPPS working in a unit').toBeDefined();
    expect(situations().length).toBeGreaterThan(20);
  });

  it('finds offers by their PractitionerRoles (_has:PractitionerRole:service:…), each _has on its own', async () => {
    const offers = new Set(await all('HealthcareService', { _count: 200 }));
    const unitsOf = (keep: (p: GqlProfessional) => boolean) => sorted([...new Set(people.filter(keep).flatMap((p) => p.situations.map((s) => s.unit.id)))].filter((id) => offers.has(id)));
    const withDoctors = unitsOf((p) => p.profession?.code === '10');
    expect(withDoctors.length).toBeGreaterThan(1);
    expect(await all('HealthcareService', { '_has:PractitionerRole:service:role': `${CODE_SYSTEMS.professionSante}|10`, _count: 200 })).toEqual(withDoctors);
    expect(await all('HealthcareService', { '_has:PractitionerRole:service:practitioner': `Practitioner/${doctor.id}` })).toEqual(unitsOf((p) => p.id === doctor.id));
    const nurse = people.find((p) => p.profession?.code === '60' && p.situations.length > 0)!;
    // Two _has: a unit where some doctor works and where this nurse works (not one situation for both).
    expect(await all('HealthcareService', { '_has:PractitionerRole:service:role': '10', '_has:PractitionerRole:service:practitioner': nurse.id, _count: 200 })).toEqual(
      unitsOf((p) => p.id === nurse.id).filter((id) => withDoctors.includes(id)),
    );
    expect(ids(await search('HealthcareService', { '_has:PractitionerRole:service:role': `${CODE_SYSTEMS.professionSante}|nope` }))).toEqual([]);
    const unknown = await fetch(`${fhir()}/HealthcareService?_has:PractitionerRole:service:nope=1`, { headers: { authorization: aggregator } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
  }, 120_000); // pages through every offer, each validated

  it('pages Practitioner to the end without duplicates, as many as GraphQL counts, by id', async () => {
    const found = await all('Practitioner', { _count: 13 });
    expect(new Set(found).size).toBe(found.length);
    expect(found).toEqual(sorted(people.map((p) => p.id)));
    const count = await search('Practitioner', { _summary: 'count' });
    expect(count.total).toBe(people.length);
  });

  it('finds a practitioner by idNat_PS (8 + RPPS), with or without system; other values match nobody', async () => {
    const value = `8${doctor.rppsNumber!}`;
    expect(ids(await search('Practitioner', { identifier: `${IDENTIFIER_SYSTEMS.idNatPs}|${value}` }))).toEqual([doctor.id]);
    expect(ids(await search('Practitioner', { identifier: value }))).toEqual([doctor.id]);
    expect(ids(await search('Practitioner', { identifier: `${IDENTIFIER_SYSTEMS.finess}|${value}` }))).toEqual([]);
    expect(ids(await search('Practitioner', { identifier: doctor.rppsNumber! }))).toEqual([]);
    const numbered = people.filter((p) => p.rppsNumber || p.adeliNumber).map((p) => p.id);
    expect(await all('Practitioner', { identifier: `${IDENTIFIER_SYSTEMS.idNatPs}|`, _count: 200 })).toEqual(sorted(numbered));
    expect(await all('Practitioner', { 'identifier:not': `${IDENTIFIER_SYSTEMS.idNatPs}|`, _count: 200 })).toEqual(sorted(people.filter((p) => !numbered.includes(p.id)).map((p) => p.id)));
  });

  it('serves no Practitioner without idNat_PS: absent from searches, 404 on read', async () => {
    const unnumbered = everyone.find((p) => !p.rppsNumber && !p.adeliNumber)!;
    expect(unnumbered, 'the ARS team has no RPPS nor ADELI number').toBeDefined();
    expect(ids(await search('Practitioner', { _id: unnumbered.id }))).toEqual([]);
    expect(ids(await search('Practitioner', { family: unnumbered.lastName, _count: 200 }))).not.toContain(unnumbered.id);
    expect((await fetch(`${fhir()}/Practitioner/${unnumbered.id}`, { headers: { authorization: aggregator } })).status).toBe(404);
  });

  it("finds a PractitionerRole by its identifiantSituationOperationnelle, with or without system; other values match nobody", async () => {
    const situation = doctor.situations[0]!;
    expect(situation.identifier).toMatch(/^S\d{7,}$/);
    expect(new Set(situations().map((s) => s.identifier)).size).toBe(situations().length);
    const [role] = (await search('PractitionerRole', { identifier: `${IDENTIFIER_SYSTEMS.situation}|${situation.identifier}` })).entry!.map((e) => e.resource);
    expect(role).toMatchObject({ id: situation.id, identifier: [{ system: IDENTIFIER_SYSTEMS.situation, value: situation.identifier }] });
    expect(ids(await search('PractitionerRole', { identifier: situation.identifier }))).toEqual([situation.id]);
    const other = situations().find((s) => s.id !== situation.id)!;
    expect(sorted(ids(await search('PractitionerRole', { identifier: `${situation.identifier},${other.identifier}` })))).toEqual(sorted([situation.id, other.id]));
    expect(ids(await search('PractitionerRole', { identifier: `${IDENTIFIER_SYSTEMS.idNatPs}|${situation.identifier}` }))).toEqual([]);
    for (const value of [situation.identifier.slice(1), 'S', 'Sx1', 'S99999999999']) expect(ids(await search('PractitionerRole', { identifier: value }))).toEqual([]);
    expect(await all('PractitionerRole', { 'identifier:not': situation.identifier, _count: 200 })).toHaveLength(situations().length - 1);
  });

  it('searches Practitioner and PractitionerRole by region tag (_tag), as meta.tag carries it', async () => {
    const regions = [...new Set(situations().map((s) => s.establishment.address.regionCode))];
    const region = regions[0]!;
    const roles = situations().filter((s) => s.establishment.address.regionCode === region).map((s) => s.id);
    expect(sorted(await all('PractitionerRole', { _tag: `${CODE_SYSTEMS.regionOM}|${region}`, _count: 200 }))).toEqual(sorted(roles));
    expect(sorted(await all('PractitionerRole', { _tag: region, _count: 200 }))).toEqual(sorted(roles));
    expect(sorted(await all('PractitionerRole', { '_tag:not': region, _count: 200 }))).toEqual(sorted(situations().map((s) => s.id).filter((id) => !roles.includes(id))));
    expect(ids(await search('PractitionerRole', { _tag: `${CODE_SYSTEMS.professionSante}|${region}` }))).toEqual([]);
    // A Practitioner's tag is the one region all its establishments share (none without establishments).
    const tagged = people.filter((p) => p.establishments.length > 0 && p.establishments.every((e) => e.address.regionCode === region)).map((p) => p.id);
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.length).toBeLessThan(people.length);
    expect(await all('Practitioner', { _tag: region, _count: 200 })).toEqual(sorted(tagged));
    expect(await all('Practitioner', { '_tag:not': `${CODE_SYSTEMS.regionOM}|${region}`, _count: 200 })).toEqual(sorted(people.map((p) => p.id).filter((id) => !tagged.includes(id))));
    const bundle = await search('Practitioner', { _id: doctor.id, _tag: region });
    expect(bundle.entry?.[0]?.resource.meta).toMatchObject({ tag: [{ system: CODE_SYSTEMS.regionOM, code: region }] });
    expect(ids(await search('Practitioner', { _tag: '99' }))).toEqual([]);
  });

  it('searches names as strings: case/accent-insensitive prefix, :exact, :contains, family, given, name', async () => {
    const family = doctor.lastName.slice(0, 3);
    const lowered = family.toLowerCase().replace(/e/, 'é');
    const expected = people.filter((p) => p.lastName.startsWith(family)).map((p) => p.id);
    expect(await all('Practitioner', { family: lowered, _count: 200 })).toEqual(sorted(expected));
    expect(ids(await search('Practitioner', { 'family:exact': doctor.lastName, _count: 200 }))).toEqual(sorted(people.filter((p) => p.lastName === doctor.lastName).map((p) => p.id)));
    expect(ids(await search('Practitioner', { 'family:exact': doctor.lastName.toLowerCase() }))).toEqual([]);
    const inner = doctor.firstName.slice(1, 4);
    expect(await all('Practitioner', { 'given:contains': inner.toLowerCase(), _count: 200 })).toEqual(sorted(people.filter((p) => p.firstName.includes(inner)).map((p) => p.id)));
    const given = doctor.firstName.slice(0, 2);
    expect(await all('Practitioner', { name: given, _count: 200 })).toEqual(sorted(people.filter((p) => p.firstName.startsWith(given) || p.lastName.startsWith(given)).map((p) => p.id)));
    // AND across parameters, OR across comma-separated values.
    const other = people.find((p) => p.lastName[0] !== doctor.lastName[0])!;
    const either = `${doctor.lastName},${other.lastName}`;
    expect(ids(await search('Practitioner', { 'family:exact': either, given: doctor.firstName, _count: 200 }))).toEqual(
      sorted(people.filter((p) => [doctor.lastName, other.lastName].includes(p.lastName) && p.firstName.startsWith(doctor.firstName)).map((p) => p.id)),
    );
  });

  it('filters and sorts on _lastUpdated, and sorts by family with the id as tie-breaker', async () => {
    const stamps = people.map((p) => p.updatedAt).sort();
    const middle = stamps[Math.floor(stamps.length / 2)]!;
    const since = people.filter((p) => p.updatedAt >= middle).map((p) => p.id);
    expect(await all('Practitioner', { _lastUpdated: `ge${middle}`, _count: 200 })).toEqual(sorted(since));
    expect(await all('Practitioner', { _lastUpdated: `lt${middle}`, _count: 200 })).toEqual(sorted(people.filter((p) => !since.includes(p.id)).map((p) => p.id)));
    const newest = await all('Practitioner', { _sort: '-_lastUpdated', _count: 17 });
    expect(sorted(newest)).toEqual(sorted(people.map((p) => p.id)));
    const stampsInOrder = newest.map((id) => people.find((p) => p.id === id)!.updatedAt);
    expect(stampsInOrder).toEqual([...stampsInOrder].sort().reverse());
    // GraphQL `professionals` lists by last name, first name and id, in the database's collation: the same order.
    expect(await all('Practitioner', { _sort: 'family', _count: 19 })).toEqual(people.map((p) => p.id));
  });

  it('revincludes the PractitionerRoles of the practitioners found', async () => {
    const bundle = await search('Practitioner', { _id: doctor.id, _revinclude: 'PractitionerRole:practitioner' });
    expect(ids(bundle)).toEqual([doctor.id]);
    expect(sorted(ids(bundle, 'include', 'PractitionerRole'))).toEqual(sorted(doctor.situations.map((s) => s.id)));
  });

  it('pages PractitionerRole to the end without duplicates, as many as GraphQL situations', async () => {
    const found = await all('PractitionerRole', { _count: 37 });
    expect(new Set(found).size).toBe(found.length);
    expect(sorted(found)).toEqual(sorted(situations().map((s) => s.id)));
    expect((await search('PractitionerRole', { _summary: 'count' })).total).toBe(situations().length);
    const graphql = await gql<{ situationSearch: { totalCount: number } }>(hubs[kind]!.graphql, `{ situationSearch(criteria: {}, first: 0) { totalCount } }`, {}, { authorization: aggregator });
    expect(graphql.data!.situationSearch.totalCount).toBe(everyone.flatMap((p) => p.situations).length);
  });

  it('searches PractitionerRole by practitioner, service, location, organization, role, specialty, _id and _lastUpdated', async () => {
    const situation = doctor.situations[0]!;
    const unit = situation.unit.id;
    const inUnit = situations().filter((s) => s.unit.id === unit).map((s) => s.id);
    expect(sorted(ids(await search('PractitionerRole', { practitioner: `Practitioner/${doctor.id}` })))).toEqual(sorted(doctor.situations.map((s) => s.id)));
    expect(sorted(ids(await search('PractitionerRole', { service: `HealthcareService/${unit}`, _count: 200 })))).toEqual(sorted(inUnit));
    expect(sorted(ids(await search('PractitionerRole', { location: unit, _count: 200 })))).toEqual(sorted(inUnit));
    expect(ids(await search('PractitionerRole', { service: `Location/${unit}` }))).toEqual([]);
    const establishment = situation.establishment.id;
    expect(sorted(await all('PractitionerRole', { organization: `Organization/${establishment}`, _count: 200 }))).toEqual(sorted(situations().filter((s) => s.establishment.id === establishment).map((s) => s.id)));
    const doctors = people.filter((p) => p.profession?.code === '10').flatMap((p) => p.situations.map((s) => s.id));
    expect(sorted(await all('PractitionerRole', { role: `${CODE_SYSTEMS.professionSante}|10`, _count: 200 }))).toEqual(sorted(doctors));
    expect(sorted(await all('PractitionerRole', { 'role:not': '10', _count: 200 }))).toEqual(sorted(situations().map((s) => s.id).filter((id) => !doctors.includes(id))));
    expect(ids(await search('PractitionerRole', { role: `${CODE_SYSTEMS.specialiteOrdinale}|10` }))).toEqual([]);
    const specialised = people.filter((p) => p.specialty).flatMap((p) => p.situations.map((s) => s.id));
    expect(sorted(await all('PractitionerRole', { specialty: `${CODE_SYSTEMS.typeSavoirFaire}|S`, _count: 200 }))).toEqual(sorted(specialised));
    expect(ids(await search('PractitionerRole', { _id: `${situation.id},${doctor.id}.000000000-0000` }))).toEqual([situation.id]);
    const stamp = doctor.updatedAt;
    const same = people.filter((p) => p.updatedAt === stamp).flatMap((p) => p.situations.map((s) => s.id));
    expect(sorted(await all('PractitionerRole', { _lastUpdated: stamp, _count: 200 }))).toEqual(sorted(same));
  });

  it('_filter on Practitioner and PractitionerRole: and / or / parentheses over their parameters, in one query', async () => {
    const family = doctor.lastName.slice(0, 3);
    const other = people.find((p) => p.rppsNumber && !p.lastName.startsWith(family))!;
    const stamps = people.map((p) => p.updatedAt).sort();
    const middle = stamps[Math.floor(stamps.length / 2)]!;
    const expected = people.filter((p) => (p.lastName.startsWith(family) || p.id === other.id) && p.updatedAt >= middle).map((p) => p.id);
    expect(await all('Practitioner', { _filter: `(family sw ${family.toLowerCase()} or identifier eq 8${other.rppsNumber!}) and _lastUpdated ge ${middle}`, _count: 200 })).toEqual(sorted(expected));
    expect(await all('Practitioner', { _filter: `given co "${doctor.firstName.slice(1, 4)}" or family eq ${other.lastName}`, _count: 200 })).toEqual(
      sorted(people.filter((p) => p.firstName.includes(doctor.firstName.slice(1, 4)) || p.lastName === other.lastName).map((p) => p.id)),
    );
    const establishment = doctor.situations[0]!.establishment.id;
    const unit = doctor.situations[0]!.unit.id;
    const professionOf = new Map(people.flatMap((p) => p.situations.map((s) => [s.id, p.profession?.code] as const)));
    const roles = situations().filter((s) => professionOf.get(s.id) === '60' || s.establishment.id === establishment).map((s) => s.id);
    expect(roles.length).toBeLessThan(situations().length);
    expect(sorted(await all('PractitionerRole', { _filter: `role eq ${CODE_SYSTEMS.professionSante}|60 or organization eq Organization/${establishment}`, _count: 200 }))).toEqual(sorted(roles));
    expect(sorted(await all('PractitionerRole', { _filter: `role ne 10 and (service eq HealthcareService/${unit} or practitioner eq Practitioner/${doctor.id})`, _count: 200 }))).toEqual(
      sorted(situations().filter((s) => professionOf.get(s.id) !== '10' && (s.unit.id === unit || doctor.situations.some((d) => d.id === s.id))).map((s) => s.id)),
    );
    const refused = await fetch(`${fhir()}/PractitionerRole?${new URLSearchParams({ _filter: 'role sw 10' })}`, { headers: { authorization: aggregator } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('unsupported operator \\"sw\\" on role');
    // The subgraph bounds nested alternatives itself.
    let criteria = '{}';
    for (let i = 0; i < 10; i++) criteria = `{ anyOf: [${criteria}] }`;
    const deep = await gql(hubs[kind]!.graphql, `{ situationSearch(criteria: ${criteria}, first: 1) { totalCount } }`, {}, { authorization: aggregator });
    expect(JSON.stringify(deep.errors)).toContain('nested more than 8 levels');
  });

  it('_content on Practitioner: every word in the family or given name', async () => {
    const words = [doctor.lastName.slice(1, 4), doctor.firstName.slice(0, 2)];
    const expected = people.filter((p) => words.every((w) => p.lastName.includes(w) || p.firstName.includes(w))).map((p) => p.id);
    expect(expected).toContain(doctor.id);
    expect(await all('Practitioner', { _content: words.map((w) => w.toLowerCase()).join(' '), _count: 200 })).toEqual(sorted(expected));
  });

  it('includes the practitioner, the offer and the establishment of PractitionerRoles', async () => {
    const unit = doctor.situations[0]!.unit.id;
    const bundle = await search('PractitionerRole', {
      service: unit,
      _count: 200,
      _include: ['PractitionerRole:practitioner', 'PractitionerRole:service', 'PractitionerRole:organization', 'PractitionerRole:location'],
    });
    const roles = situations().filter((s) => s.unit.id === unit);
    expect(sorted(ids(bundle))).toEqual(sorted(roles.map((s) => s.id)));
    expect(sorted(ids(bundle, 'include', 'Practitioner'))).toEqual(sorted([...new Set(roles.map((s) => s.id.split('.')[0]!))]));
    expect(ids(bundle, 'include', 'HealthcareService')).toEqual([unit]);
    expect(ids(bundle, 'include', 'Location')).toEqual([unit]);
    expect(sorted(ids(bundle, 'include', 'Organization'))).toEqual(sorted([...new Set(roles.map((s) => s.establishment.id))]));
  });

  it("serves the IG's full-offer extraction: HealthcareService with its PractitionerRoles and their Practitioners", async () => {
    const units = [...new Set(situations().map((s) => s.unit.id))].slice(0, 3);
    const bundle = await search('HealthcareService', {
      _id: units.join(','),
      _revinclude: 'PractitionerRole:service',
      _include: ['PractitionerRole:practitioner', 'HealthcareService:organization'],
      '_include:iterate': 'Organization:partof',
    });
    expect(sorted(ids(bundle))).toEqual(sorted(units));
    const roles = situations().filter((s) => units.includes(s.unit.id));
    expect(sorted(ids(bundle, 'include', 'PractitionerRole'))).toEqual(sorted(roles.map((s) => s.id)));
    expect(sorted(ids(bundle, 'include', 'Practitioner'))).toEqual(sorted([...new Set(roles.map((s) => s.id.split('.')[0]!))]));
    expect(ids(bundle, 'include', 'Organization').length).toBeGreaterThan(0);
    const statement = (await client().capabilityStatement()) as unknown as { rest: { resource: { type: string; searchInclude?: string[]; searchRevInclude?: string[]; interaction: { code: string }[] }[] }[] };
    const hs = statement.rest[0]!.resource.find((r) => r.type === 'HealthcareService')!;
    expect(hs.searchRevInclude).toContain('PractitionerRole:service');
    expect(hs.searchInclude).toContain('PractitionerRole:practitioner');
    for (const type of ['Practitioner', 'PractitionerRole']) {
      expect(statement.rest[0]!.resource.find((r) => r.type === type)!.interaction.map((i) => i.code)).toContain('search-type');
    }
  });

  it('refuses applications without professional.read (403), anonymous callers (401); hub users search', async () => {
    const directory = await asApp(hubs[kind]!.graphql, 'sante-fr-directory');
    const unit = doctor.situations[0]!.unit.id;
    const identifier = doctor.situations[0]!.identifier;
    for (const path of ['Practitioner?family=a', 'Practitioner?_tag=24', 'PractitionerRole?_count=5', `PractitionerRole?identifier=${identifier}`, 'PractitionerRole?_tag=24', `HealthcareService?_id=${unit}&_revinclude=PractitionerRole:service`]) {
      const denied = await fetch(`${fhir()}/${path}`, { headers: { authorization: directory } });
      expect({ path, status: denied.status }).toEqual({ path, status: 403 });
      const outcome = (await denied.json()) as FhirResource;
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(r4Issues(outcome)).toEqual([]);
      expect((await fetch(`${fhir()}/${path}`)).status).toBe(401);
    }
    // Without the revinclude, the directory's HealthcareService search still answers.
    expect(ids(await search('HealthcareService', { _id: unit }, directory))).toEqual([unit]);
    const user = await asUser(hubs[kind]!.graphql, 'decl.tension.bourges');
    expect(ids(await search('PractitionerRole', { practitioner: doctor.id }, user))).toEqual(sorted(doctor.situations.map((s) => s.id)));
    expect(ids(await search('PractitionerRole', { identifier }, user))).toEqual([doctor.situations[0]!.id]);
  });

  it('refuses unknown parameters, bad references and foreign cursors with 400', async () => {
    for (const path of ['Practitioner?birthdate=2000', 'PractitionerRole?_sort=family', 'PractitionerRole?practitioner=a_b', 'Practitioner?_revinclude=PractitionerRole:service']) {
      const response = await fetch(`${fhir()}/${path}`, { headers: { authorization: aggregator } });
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
    }
    const first = await search('PractitionerRole', { _count: 5 });
    const next = first.link.find((l) => l.relation === 'next')!.url;
    const cursor = new URL(next).searchParams.get('_cursor')!;
    const foreign = await fetch(`${fhir()}/Practitioner?_count=5&_cursor=${cursor}`, { headers: { authorization: aggregator } });
    expect(foreign.status).toBe(400);
  });

  it('answers the structured searches in GraphQL too, refusing bad criteria with BAD_USER_INPUT', async () => {
    const url = hubs[kind]!.graphql;
    const headers = { authorization: aggregator };
    const PROFESSIONAL_SEARCH = `query($c: ProfessionalSearchCriteria!, $after: String) { professionalSearch(criteria: $c, first: 3, after: $after) { totalCount edges { node { id } } pageInfo { endCursor } } }`;
    const doctors = everyone.filter((p) => p.profession?.code === '10');
    const first = await gql<{ professionalSearch: { totalCount: number; pageInfo: { endCursor: string } } }>(url, PROFESSIONAL_SEARCH, { c: { codes: [{ anyOf: [{ field: 'PROFESSION', code: '10' }] }] } }, headers);
    expect(first.errors).toBeUndefined();
    expect(first.data!.professionalSearch.totalCount).toBe(doctors.length);
    const codeOf = async (criteria: unknown, after?: string) => (await gql(url, PROFESSIONAL_SEARCH, { c: criteria, after }, headers)).errors?.[0]?.extensions?.code;
    expect(await codeOf({ codes: [{ anyOf: [{ field: 'UNIT', code: 'x' }] }] })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ codes: [{ anyOf: [] }] })).toBe('BAD_USER_INPUT');
    expect(await codeOf({ codes: [{ anyOf: Array.from({ length: 1001 }, (_, i) => ({ field: 'PROFESSIONAL', code: `P${i}` })) }] })).toBe('BAD_USER_INPUT');
    expect(await codeOf({}, first.data!.professionalSearch.pageInfo.endCursor)).toBe('BAD_USER_INPUT');
    const directory = await asApp(url, 'sante-fr-directory');
    const denied = await gql(url, `{ situationSearch(criteria: {}) { totalCount } }`, {}, { authorization: directory });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql(url, `{ professionalSearch(criteria: {}) { totalCount } }`, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
