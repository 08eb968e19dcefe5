/**
 * Practitioner and PractitionerRole against the shared demo hubs (read-only), with
 * fhir-kit-client and the demo applications and users, every resource validated offline; and the
 * GraphQL lookups the adapter's search and bulk export build on.
 */
import { describe, it, expect, inject, beforeAll } from 'vitest';
import { Client } from 'fhir-kit-client';
import { endToEndKinds } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { loadR4Definitions, r4Issues, rorIssues } from './helpers/fhir/validate.js';
import { CODE_SYSTEMS, IDENTIFIER_SYSTEMS, PROFILES } from '../fhir/codes.js';
import { PRACTITIONER_CHANGES_QUERY, PRACTITIONER_ROLES_QUERY, type PractitionerChangesData, type PractitionerRolesData } from '../fhir/queries.js';
import type { FhirResource, Practitioner, PractitionerRole } from '../fhir/types.js';

const hubs = inject('hubs');

interface DemoProfessional {
  id: string;
  rppsNumber: string | null;
  profession: { code: string } | null;
  units: { id: string }[];
}

beforeAll(() => loadR4Definitions());

function expectConformant(resource: FhirResource): void {
  expect(r4Issues(resource)).toEqual([]);
  expect(rorIssues(resource)).toEqual([]);
}

const bare = (bearer: string) => bearer.replace(/^Bearer /, '');

describe.each(endToEndKinds('postgres'))('FHIR Practitioner and PractitionerRole on %s', (kind) => {
  let aggregator = '';
  let doctor: DemoProfessional;
  let unnumbered: DemoProfessional;
  const fhir = () => hubs[kind]!.fhir;
  const client = (bearer: string) => new Client({ baseUrl: fhir(), bearerToken: bare(bearer) });

  beforeAll(async () => {
    aggregator = await asApp(hubs[kind]!.graphql, 'national-aggregator');
    const { data, errors } = await gql<{ professionals: { edges: { node: DemoProfessional }[] } }>(
      hubs[kind]!.graphql,
      `{ professionals(first: 200) { edges { node { id rppsNumber profession { code } units { id } } } } }`,
      {},
      { authorization: aggregator },
    );
    expect(errors).toBeUndefined();
    const people = data!.professionals.edges.map((e) => e.node).filter((p) => p.units.length > 0);
    doctor = people.find((p) => p.rppsNumber && p.profession?.code === '10')!;
    // The regional ARS team's record: no profession, no RPPS nor ADELI (the demo's only one).
    const ars = await gql<{ professionals: { edges: { node: DemoProfessional }[] } }>(
      hubs[kind]!.graphql,
      `{ professionals(filter: { name: "EQUIPE REGIONALE ARS" }, first: 5) { edges { node { id rppsNumber profession { code } units { id } } } } }`,
      {},
      { authorization: aggregator },
    );
    unnumbered = ars.data!.professionals.edges.map((e) => e.node).find((p) => !p.rppsNumber && !p.profession)!;
    expect([doctor, unnumbered].every(Boolean), 'the demo region has a doctor with RPPS and a record without number').toBe(true);
  });

  it('reads a doctor as ror-practitioner with idNat_PS = 8 + RPPS', async () => {
    const practitioner = (await client(aggregator).read({ resourceType: 'Practitioner', id: doctor.id })) as Practitioner;
    expectConformant(practitioner);
    expect(practitioner.meta?.profile).toEqual([PROFILES.practitioner]);
    expect(practitioner.identifier).toEqual([{ use: 'official', system: IDENTIFIER_SYSTEMS.idNatPs, value: `8${doctor.rppsNumber!}` }]);
    expect(practitioner.active).toBe(true);
    expect(practitioner.name?.[0]?.family).toMatch(/^[A-Z ]+$/);
    const again = await fetch(`${fhir()}/Practitioner/${doctor.id}`, { headers: { authorization: aggregator, 'if-none-match': `W/"${practitioner.meta!.versionId!}"` } });
    expect(again.status).toBe(304);
  });

  it('serves no Practitioner for a record without RPPS nor ADELI: 404, as ror-practitioner needs idNat_PS', async () => {
    const response = await fetch(`${fhir()}/Practitioner/${unnumbered.id}`, { headers: { authorization: aggregator } });
    expect(response.status).toBe(404);
    expectConformant((await response.json()) as FhirResource);
    // GraphQL still lists the record: only the national exposure leaves it out.
    const { data } = await gql<{ professional: { id: string } | null }>(hubs[kind]!.graphql, `query($id: ID!) { professional(id: $id) { id } }`, { id: unnumbered.id }, { authorization: aggregator });
    expect(data!.professional).toEqual({ id: unnumbered.id });
  });

  it('reads each situation as ror-practitionerrole: practitioner, unit, establishment, profession', async () => {
    const unit = doctor.units[0]!;
    const role = (await client(aggregator).read({ resourceType: 'PractitionerRole', id: `${doctor.id}.${unit.id}` })) as PractitionerRole;
    expectConformant(role);
    expect(role).toMatchObject({
      id: `${doctor.id}.${unit.id}`,
      active: true,
      practitioner: { reference: `Practitioner/${doctor.id}` },
      healthcareService: [{ reference: `HealthcareService/${unit.id}` }],
      location: [{ reference: `Location/${unit.id}` }],
      code: [{ coding: [{ system: CODE_SYSTEMS.professionSante, code: '10', display: 'Médecin' }] }],
      identifier: [{ use: 'official', system: IDENTIFIER_SYSTEMS.situation, value: expect.stringMatching(/^S\d{7,}$/) }],
    });
    expect(role.organization?.reference).toMatch(/^Organization\/\d[0-9AB]{2}\d{6}$/);
    expect(role.meta?.versionId).toBe((await client(aggregator).read({ resourceType: 'Practitioner', id: doctor.id }) as Practitioner).meta?.versionId);
  });

  it('gives each demo situation its exercise mode (TRE_R23): libéral for doctors of private for-profit clinics, else salarié', async () => {
    type Row = { id: string; profession: { code: string } | null; situations: Array<{ id: string; exerciseMode: { code: string } | null; establishment: { organization: { legalStatus: { code: string } | null } } }> };
    const { data, errors } = await gql<{ professionals: { edges: { node: Row }[] } }>(
      hubs[kind]!.graphql,
      `{ professionals(first: 200) { edges { node { id profession { code } situations { id exerciseMode { code } establishment { organization { legalStatus { code } } } } } } } }`,
      {},
      { authorization: aggregator },
    );
    expect(errors).toBeUndefined();
    const situations = data!.professionals.edges.flatMap(({ node }) => node.situations.map((s) => ({ ...s, profession: node.profession?.code })));
    const expected = (s: (typeof situations)[number]) => (s.profession === '10' && /^(7\d|9[1-9])$/.test(s.establishment.organization.legalStatus?.code ?? '') ? 'L' : 'S');
    expect(situations.filter((s) => s.exerciseMode?.code !== expected(s))).toEqual([]);
    const liberal = situations.find((s) => s.exerciseMode?.code === 'L')!;
    const salaried = situations.find((s) => s.exerciseMode?.code === 'S')!;
    for (const [situation, code] of [[liberal, 'L'], [salaried, 'S']] as const) {
      const role = (await client(aggregator).read({ resourceType: 'PractitionerRole', id: situation.id })) as PractitionerRole;
      expectConformant(role);
      expect(role.extension?.find((e) => e.url.endsWith('/ror-practitionerrole-unit-exercise-mode'))?.valueCodeableConcept?.coding).toEqual([
        expect.objectContaining({ system: CODE_SYSTEMS.modeExercice, code }),
      ]);
    }
  });

  it('answers 404 for a situation that does not exist and 400 for an id FHIR refuses', async () => {
    const other = `${doctor.id}.000000000-0000`;
    await expect(client(aggregator).read({ resourceType: 'PractitionerRole', id: other })).rejects.toMatchObject({ response: { status: 404 } });
    await expect(client(aggregator).read({ resourceType: 'Practitioner', id: 'P999999' })).rejects.toMatchObject({ response: { status: 404 } });
    const malformed = await fetch(`${fhir()}/PractitionerRole/a_b`, { headers: { authorization: aggregator } });
    expect(malformed.status).toBe(400);
  });

  it('refuses applications without professional.read (403) and anonymous callers (401); hub users read', async () => {
    const paths = [`Practitioner/${doctor.id}`, `PractitionerRole/${doctor.id}.${doctor.units[0]!.id}`];
    for (const clientId of ['sante-fr-directory', 'place-search']) {
      const bearer = await asApp(hubs[kind]!.graphql, clientId);
      for (const path of paths) {
        const response = await fetch(`${fhir()}/${path}`, { headers: { authorization: bearer } });
        expect({ clientId, path, status: response.status }).toEqual({ clientId, path, status: 403 });
        expectConformant((await response.json()) as FhirResource);
      }
    }
    for (const path of paths) expect((await fetch(`${fhir()}/${path}`)).status).toBe(401);
    const user = await asUser(hubs[kind]!.graphql, 'decl.tension.bourges');
    for (const path of paths) {
      const [resourceType, id] = path.split('/') as [string, string];
      expectConformant((await client(user).read({ resourceType, id })) as FhirResource);
    }
  });

  it('looks professionals up by ids, by RPPS number and situations by unit, as the adapter will', async () => {
    const url = hubs[kind]!.graphql;
    const headers = { authorization: aggregator };
    const byIds = await gql<{ professionalsByIds: { id: string }[] }>(url, `query($ids: [ID!]!) { professionalsByIds(ids: $ids) { id } }`, { ids: [unnumbered.id, 'P999999', doctor.id] }, headers);
    expect(byIds.data?.professionalsByIds.map((p) => p.id)).toEqual([unnumbered.id, doctor.id]);
    const byNumber = await gql<{ professionalByNumber: { id: string } | null }>(url, `query($n: String!) { professionalByNumber(number: $n) { id } }`, { n: doctor.rppsNumber }, headers);
    expect(byNumber.data?.professionalByNumber?.id).toBe(doctor.id);
    const refused = await gql(url, `{ professionalByNumber(number: "12") { id } }`, {}, headers);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const unitId = doctor.units[0]!.id;
    const roles = await gql<PractitionerRolesData>(url, PRACTITIONER_ROLES_QUERY, { unitIds: [unitId] }, headers);
    expect(roles.errors).toBeUndefined();
    expect(roles.data!.situations.map((s) => s.id)).toContain(`${doctor.id}.${unitId}`);
    expect(roles.data!.situations.every((s) => s.unit.id === unitId)).toBe(true);
    const both = await gql(url, PRACTITIONER_ROLES_QUERY, { unitIds: [unitId], professionalIds: [doctor.id] }, headers);
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists every professional once through the keyset-paged changes, and none changed after now', async () => {
    const url = hubs[kind]!.graphql;
    const headers = { authorization: aggregator };
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: { data?: PractitionerChangesData | null; errors?: unknown } = await gql<PractitionerChangesData>(url, PRACTITIONER_CHANGES_QUERY, { first: 200, after }, headers);
      expect(result.errors).toBeUndefined();
      const { edges, pageInfo } = result.data!.professionalChanges;
      seen.push(...edges.map((e) => e.node.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    const total = await gql<{ professionals: { totalCount: number } }>(url, `{ professionals(filter: { includeArchived: true }) { totalCount } }`, {}, headers);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total.data!.professionals.totalCount);
    const later = await gql<PractitionerChangesData>(url, PRACTITIONER_CHANGES_QUERY, { since: new Date(Date.now() + 60_000).toISOString() }, headers);
    expect(later.data!.professionalChanges.edges).toEqual([]);
  });
});
