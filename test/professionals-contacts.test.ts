/**
 * Issue 18, records: a professional's function and work contacts (establishment e-mail, phone,
 * MSSanté address), the list filters by profession, function and identifier, the specialty
 * checked against the TRE_R38 list, and the rights catalogue read through the API. Calls go to the
 * professionals subgraph with a signed identity envelope, as the gateway sends them; the
 * catalogue also through the gateway with real tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endToEndKinds, type TestHub } from './helpers/hub.js';
import { sharedHub, type SharedHub } from './helpers/shared-hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { ANONYMOUS, callAs, clientIdentity, codeOf, startProfessionalsHub, userIdentity, type Call } from './helpers/professionals.js';

const FIELDS = 'id jobTitle workEmail workPhone mssanteAddress specialty { code display }';
const CREATE = `mutation($input: CreateProfessionalInput!) { createProfessional(input: $input, confirmSimilar: true) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProfessionalInput!) { updateProfessional(id: $id, input: $input) { ${FIELDS} } }`;
const LIST = `query($filter: ProfessionalFilter) { professionals(filter: $filter, first: 200) { edges { node { id jobTitle profession { code } rppsNumber } } totalCount } }`;

type Record_ = { id: string; jobTitle: string | null; workEmail: string | null; workPhone: string | null; mssanteAddress: string | null; specialty: { code: string; display: string | null } | null };

describe.each(endToEndKinds('pglite'))('professional function and contacts on %s', (kind) => {
  let hub: TestHub;
  let orleans: Call, tours: Call, app: Call, anonymous: Call;

  beforeAll(async () => {
    hub = await startProfessionalsHub(kind);
    const url = hub.urls.subgraphs.professionals;
    orleans = callAs(url, await userIdentity(hub, 'P000328', [{ role: 'ESTABLISHMENT_REFERENT', kind: 'ORGANIZATION', id: '450000088' }]));
    tours = callAs(url, await userIdentity(hub, 'P000212', [{ role: 'ESTABLISHMENT_REFERENT', kind: 'ORGANIZATION', id: '370000481' }]));
    app = callAs(url, clientIdentity(['professional.read']));
    anonymous = callAs(url, ANONYMOUS);
  });
  afterAll(() => hub?.close());

  it('stores the function and contacts given at creation, normalised, and reads them back', async () => {
    const res = await orleans<{ createProfessional: Record_ }>(CREATE, {
      input: {
        lastName: 'Criton',
        firstName: 'Nadia',
        professionCode: '10',
        specialtyCode: 'sm59',
        establishmentIds: ['450002613'],
        jobTitle: '  Directrice   des soins ',
        workEmail: 'direction.soins@chr-orleans.example',
        workPhone: '02 38 51 44 44',
        mssanteAddress: 'Nadia.Criton@CHR-Orleans.MSSante.fr',
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createProfessional).toMatchObject({
      jobTitle: 'Directrice des soins',
      workEmail: 'direction.soins@chr-orleans.example',
      workPhone: '0238514444',
      mssanteAddress: 'nadia.criton@chr-orleans.mssante.fr',
      specialty: { code: 'SM59', display: "Médecine d'urgence (SM)" },
    });
    // Readable like the record: by an application with professional.read too.
    const read = await app<{ professional: Record_ }>(`query($id: ID!) { professional(id: $id) { ${FIELDS} } }`, { id: res.data!.createProfessional.id });
    expect(read.data!.professional.mssanteAddress).toBe('nadia.criton@chr-orleans.mssante.fr');
  });

  it('refuses malformed contacts and specialty codes outside TRE_R38 with BAD_USER_INPUT naming the argument, writing nothing', async () => {
    const base = { lastName: 'Refus', firstName: 'Contact', professionCode: '10', establishmentIds: ['450002613'] };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ workEmail: 'not an address' }, 'input.workEmail'],
      [{ workPhone: '12' }, 'input.workPhone'],
      [{ workPhone: '02 38 AB 44 44' }, 'input.workPhone'],
      [{ mssanteAddress: 'nadia@gmail.com' }, 'input.mssanteAddress'],
      [{ mssanteAddress: 'nadia@mssante.fr.evil.example' }, 'input.mssanteAddress'],
      [{ jobTitle: 'x'.repeat(101) }, 'input.jobTitle'],
      [{ specialtyCode: 'SM99' }, 'input.specialtyCode'],
      [{ specialtyCode: 'XX01' }, 'input.specialtyCode'],
    ];
    for (const [over, argument] of cases) {
      const res = await orleans(CREATE, { input: { ...base, ...over } });
      expect(codeOf(res), JSON.stringify(over)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.argumentName).toBe(argument);
    }
    const list = await orleans<{ professionals: { totalCount: number } }>(LIST, { filter: { name: 'refus contact' } });
    expect(list.data!.professionals.totalCount).toBe(0);
  });

  it('updates and clears contacts with ORU_PROFESSIONNEL_EDIT, and refuses callers without it', async () => {
    const created = await orleans<{ createProfessional: Record_ }>(CREATE, {
      input: { lastName: 'Askoul', firstName: 'Waheed', establishmentIds: ['450002613'], jobTitle: 'Médecin', workPhone: '0238514444' },
    });
    const id = created.data!.createProfessional.id;
    const updated = await orleans<{ updateProfessional: Record_ }>(UPDATE, { id, input: { jobTitle: 'Chef de service', workPhone: null, workEmail: 'urgences@chr-orleans.example' } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateProfessional).toMatchObject({ jobTitle: 'Chef de service', workPhone: null, workEmail: 'urgences@chr-orleans.example' });
    const refused = await tours(UPDATE, { id, input: { jobTitle: 'Intrus' } });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(codeOf(await anonymous(UPDATE, { id, input: { jobTitle: 'Intrus' } }))).toBe('UNAUTHENTICATED');
    const after = await orleans<{ professional: Record_ }>(`query($id: ID!) { professional(id: $id) { ${FIELDS} } }`, { id });
    expect(after.data!.professional.jobTitle).toBe('Chef de service');
  });

  it('filters the list by profession, by function (accents and case ignored) and by identifier', async () => {
    const directors = await orleans<{ professionals: { edges: Array<{ node: { id: string; jobTitle: string } }>; totalCount: number } }>(LIST, { filter: { jobTitle: 'DIRECTRICE DES SOINS' } });
    expect(directors.data!.professionals.totalCount).toBe(1);
    const nurses = await orleans<{ professionals: { edges: Array<{ node: { jobTitle: string | null; profession: { code: string } | null } }> } }>(LIST, {
      filter: { professionCode: '60', jobTitle: 'infirmier', establishmentId: '450002613' },
    });
    expect(nurses.data!.professionals.edges.length).toBeGreaterThan(0);
    for (const { node } of nurses.data!.professionals.edges) {
      expect(node.profession?.code).toBe('60');
      expect(node.jobTitle).toMatch(/infirmier/i);
    }
    // Wildcards are literal: "%" finds nobody rather than everybody.
    const wildcard = await orleans<{ professionals: { totalCount: number } }>(LIST, { filter: { jobTitle: '%' } });
    expect(wildcard.data!.professionals.totalCount).toBe(0);

    const someone = nurses.data!.professionals.edges[0]!.node as unknown as { id: string; rppsNumber: string };
    const byRpps = await orleans<{ professionals: { edges: Array<{ node: { id: string } }> } }>(LIST, { filter: { identifier: someone.rppsNumber.replace(/(\d{2})(\d{4})/, '$1 $2 ') } });
    expect(byRpps.data!.professionals.edges.map((e) => e.node.id)).toEqual([someone.id]);
    const byId = await orleans<{ professionals: { edges: Array<{ node: { id: string } }> } }>(LIST, { filter: { identifier: someone.id.toLowerCase() } });
    expect(byId.data!.professionals.edges.map((e) => e.node.id)).toEqual([someone.id]);
    const nobody = await orleans<{ professionals: { totalCount: number } }>(LIST, { filter: { identifier: '99999999999' } });
    expect(nobody.data!.professionals.totalCount).toBe(0);
  });

  it('seeds the demo region with functions, switchboard phones and doctors’ MSSanté addresses', async () => {
    const doctors = await app<{ professionals: { edges: Array<{ node: { id: string } }> } }>(LIST, { filter: { professionCode: '10', establishmentId: '450002613' } });
    const id = doctors.data!.professionals.edges[0]!.node.id;
    const doctor = await app<{ professional: Record_ }>(`query($id: ID!) { professional(id: $id) { ${FIELDS} } }`, { id });
    expect(doctor.data!.professional).toMatchObject({ jobTitle: 'Médecin', mssanteAddress: expect.stringMatching(/@450002613\.mssante\.fr$/), workPhone: expect.stringMatching(/^\d{10}$/) });
  });
});

describe.each(endToEndKinds('pglite'))('the rights catalogue through the gateway on %s', (kind) => {
  let hub: SharedHub;
  beforeAll(() => {
    hub = sharedHub(kind); // reads only, through the gateway: the run's hub
  });
  afterAll(() => hub?.close());

  const CATALOGUE = '{ rightsCatalogue { code meaning perimeterKinds } roleCatalogue { role label rights } }';

  it('is readable by any signed-in user, with every right and role', async () => {
    const url = hub.urls.graphql;
    const res = await gql<{ rightsCatalogue: Array<{ code: string; meaning: string; perimeterKinds: string[] }>; roleCatalogue: Array<{ role: string; label: string; rights: string[] }> }>(
      url,
      CATALOGUE,
      {},
      { authorization: await asUser(url, 'decl.tension.bourges') },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.rightsCatalogue).toContainEqual({ code: 'ORU_PROFESSIONNEL_MAIL_SECOURS_EDIT', meaning: expect.stringMatching(/does not grant reading it/), perimeterKinds: ['PROFESSIONAL', 'ORGANIZATION'] });
    expect(res.data!.rightsCatalogue.length).toBeGreaterThanOrEqual(41);
    expect(res.data!.roleCatalogue).toContainEqual({
      role: 'TENSION_DECLARANT',
      label: 'Déclaration tension',
      rights: ['OruTension_tension_creation', 'OruTension_tension_pageNouvelleDeclaration', 'OruTension_alerte_cloture', 'OruTensionBundle_visuRepertoireHet'],
    });
    // Every right a role groups is in the catalogue.
    const codes = new Set(res.data!.rightsCatalogue.map((r) => r.code));
    for (const role of res.data!.roleCatalogue) for (const right of role.rights) expect(codes.has(right), right).toBe(true);
  });

  it('is refused to anonymous callers and to applications', async () => {
    const url = hub.urls.graphql;
    expect(codeOf(await gql(url, CATALOGUE))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(url, CATALOGUE, {}, { authorization: await asApp(url, 'national-aggregator') }))).toBe('FORBIDDEN');
  });
});
