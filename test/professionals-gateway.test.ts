/**
 * The professionals subgraph through the gateway, with real bearer tokens (a test OpenID issuer):
 * the demo identities at work, applications by scope, the hidden `accountGrants`, and a whole
 * account life: created by a referent, password set from the mailed link, signed in, given a role
 * that another subgraph then honours.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { endToEndKinds } from './helpers/hub.js';
import { codeOf, startGatewayHub, type Call, type GatewayHub } from './helpers/professionals.js';

describe.each(endToEndKinds('pglite'))('professionals through the gateway on %s', (kind) => {
  let gateway: GatewayHub;
  let orleans: Call, bourges: Call, ars: Call, anonymous: Call;

  beforeAll(async () => {
    gateway = await startGatewayHub(kind);
    orleans = await gateway.as('ref.etab.orleans');
    bourges = await gateway.as('decl.tension.bourges');
    ars = await gateway.as('admin.ars');
    anonymous = await gateway.as(null);
  });
  afterAll(() => gateway?.close());

  it('hides accountGrants from the public API', async () => {
    const query = await anonymous<{ __type: { fields: Array<{ name: string }> } }>(`{ __type(name: "Query") { fields { name } } }`);
    const fields = query.data!.__type.fields.map((f) => f.name);
    expect(fields).toEqual(expect.arrayContaining(['professional', 'professionals', 'similarProfessionals', 'me']));
    expect(fields).not.toContain('accountGrants');
    for (const type of ['AccountGrants', 'GrantedAssignment']) {
      expect((await anonymous<{ __type: null }>(`{ __type(name: "${type}") { name } }`)).data!.__type, type).toBeNull();
    }
    const supergraph = readFileSync(new URL('../schemas/supergraph.graphql', import.meta.url), 'utf8');
    const field = supergraph.split('\n').find((line) => line.trim().startsWith('accountGrants('));
    expect(field).toContain('@inaccessible');
    expect(supergraph).toMatch(/type AccountGrants\s+@join__type\(graph: PROFESSIONALS\)\s+@inaccessible/);
    expect(codeOf(await ars(`{ accountGrants(login: "admin.ars") { login } }`))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('lets every user read professionals, and the last login only with the right', async () => {
    const me = await orleans<{ me: { id: string; account: { login: string } } }>(`{ me { id account { login } } }`);
    expect(me.data!.me).toEqual({ id: 'P000328', account: { login: 'ref.etab.orleans' } });
    const query = `{ professional(id: "P000328") { lastName lastLoginAt } }`;
    expect((await ars<{ professional: { lastName: string } }>(query)).errors).toBeUndefined();
    const partial = await bourges<{ professional: { lastName: string; lastLoginAt: null } }>(query);
    expect(partial.data!.professional).toEqual({ lastName: 'ARNAUD', lastLoginAt: null });
    expect(codeOf(partial)).toBe('FORBIDDEN');
    const unit = await bourges<{ unit: { professionals: Array<{ id: string }> } }>(`{ unit(id: "180000010-1458") { professionals { id } } }`);
    expect(unit.data!.unit.professionals.map((p) => p.id)).toEqual(expect.arrayContaining(['P000001', 'P000004']));
  });

  it('serves applications by scope', async () => {
    const query = `{ establishment(id: "180000010") { professionals { id lastName } } }`;
    const allowed = await (await gateway.asApplication('offer.read professional.read'))<{ establishment: { professionals: unknown[] } }>(query);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.establishment.professionals.length).toBeGreaterThan(0);
    const refused = await (await gateway.asApplication('offer.read'))<{ establishment: { professionals: null } }>(query);
    expect(refused.data!.establishment.professionals).toBeNull();
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const anonymousRead = await anonymous<{ establishment: { professionals: null } }>(query);
    expect(codeOf(anonymousRead)).toBe('UNAUTHENTICATED');
  });

  it('enforces perimeters on writes', async () => {
    const create = `mutation($e: ID!) { createProfessional(input: { lastName: "Gateway", firstName: "Perimetre", establishmentIds: [$e] }, confirmSimilar: true) { id establishments { id } } }`;
    expect((await orleans(create, { e: '450021449' })).errors).toBeUndefined(); // Gien, a site of CHR Orléans
    expect(codeOf(await orleans(create, { e: '370000481' }))).toBe('FORBIDDEN');
    expect(codeOf(await bourges(create, { e: '180000010' }))).toBe('FORBIDDEN'); // the tension declarant role creates no one
    expect(codeOf(await anonymous(create, { e: '450021449' }))).toBe('UNAUTHENTICATED');
  });

  it('carries an account from creation to sign-in and to a role another subgraph honours', async () => {
    const created = await orleans<{ createProfessional: { id: string } }>(
      `mutation { createProfessional(input: { lastName: "Nouvelle", firstName: "Recrue", establishmentIds: ["450002613"], account: { login: "n.recrue", rescueEmail: "n.recrue@chr-orleans.example" } }, confirmSimilar: true) { id } }`,
    );
    const id = created.data!.createProfessional.id;
    const [mail] = await gateway.hub.db.rows<{ body: string }>(sql`select body from professionals.mail_outbox where recipient = 'n.recrue@chr-orleans.example'`);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail!.body)![1]!;
    const password = await anonymous<{ createPassword: { login: string } }>(`mutation($t: String!) { createPassword(token: $t, password: "Premier-mot-de-passe-1") { login } }`, { t: token });
    expect(password.data!.createPassword.login).toBe('n.recrue');

    const recruit = await gateway.as('n.recrue');
    expect((await recruit<{ me: { id: string } }>(`{ me { id } }`)).data!.me.id).toBe(id);
    const tensions = `{ establishment(id: "450002613") { tensions { id } } }`;
    expect(codeOf(await recruit(tensions))).toBe('FORBIDDEN');

    const assigned = await orleans(`mutation($p: ID!) { assignRole(professionalId: $p, role: TENSION_DECLARANT, perimeterKind: ESTABLISHMENT, perimeterId: "450002613") { grantedRights } }`, { p: id });
    expect(assigned.errors).toBeUndefined();
    const signedInAgain = await gateway.as('n.recrue'); // a new token: identities are cached per token
    expect((await signedInAgain(tensions)).errors).toBeUndefined();
    const changed = await signedInAgain<{ changeMyPassword: { login: string } }>(
      `mutation { changeMyPassword(currentPassword: "Premier-mot-de-passe-1", newPassword: "Second-mot-de-passe-2") { login } }`,
    );
    expect(changed.data!.changeMyPassword.login).toBe('n.recrue');
  });
});
