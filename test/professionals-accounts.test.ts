/**
 * Accounts end to end: opening one queues the welcome mail with a single-use 48-hour password
 * link (only its hash stored), passwords are created and changed by whom the rules allow, the
 * sign-in helpers of the OpenID provider refuse unusable accounts, the gateway alone reads grants,
 * and the demo identities are seeded with their roles.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { findAccountByLogin, findActiveAccount, recordLogin, verifyAccountPassword } from '../subgraphs/professionals/accounts.js';
import { DEMO_PASSWORD } from '../scripts/demo/identities.js';
import { databaseKinds, TEST_PASSWORD_LOG2N, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { ANONYMOUS, callAs, clientIdentity, codeOf, startProfessionalsHub, SYSTEM, userIdentity, type Call } from './helpers/professionals.js';

const PASSWORD = 'Un-mot-de-passe-2026';
const CREATE_PASSWORD = `mutation($token: String!, $password: String!) { createPassword(token: $token, password: $password) { professionalId login changedAt } }`;
const GRANTS = `query($accountId: ID, $login: String) { accountGrants(accountId: $accountId, login: $login) { accountId login professionalId enabled assignments { rights kind id } } }`;

interface Mail {
  recipient: string;
  subject: string;
  body: string;
  status: string;
}

interface AccountGrants {
  accountId: string;
  login: string;
  professionalId: string;
  enabled: boolean;
  assignments: Array<{ rights: string[]; kind: string; id: string | null }>;
}

describe.each(databaseKinds())('accounts and passwords on %s', (kind) => {
  let hub: TestHub;
  let orleans: Call, tours: Call, ars: Call, system: Call;

  beforeAll(async () => {
    hub = await startProfessionalsHub(kind);
    const url = hub.urls.subgraphs.professionals;
    orleans = callAs(url, await userIdentity(hub, 'P000328', [{ role: 'ESTABLISHMENT_REFERENT', kind: 'ORGANIZATION', id: '450000088' }]));
    tours = callAs(url, await userIdentity(hub, 'P000212', [{ role: 'ESTABLISHMENT_REFERENT', kind: 'ORGANIZATION', id: '370000481' }]));
    ars = callAs(url, await userIdentity(hub, 'P000369', [{ role: 'ESTABLISHMENT_REFERENT', kind: 'TRANSVERSAL', id: null }]));
    system = callAs(url, SYSTEM);
  });
  afterAll(() => hub?.close());

  const mailsTo = (recipient: string) =>
    hub.db.rows<Mail>(sql`select recipient, subject, body, status from professionals.mail_outbox where recipient = ${recipient} order by id`);
  const tokenIn = (mail: Mail) => /\/password\/create\?token=([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;

  /** A new professional at CHR Orléans with an account; returns its id and the token mailed. */
  async function withAccount(login: string, email: string): Promise<{ id: string; token: string }> {
    const res = await orleans<{ createProfessional: { id: string; account: { login: string; hasPassword: boolean } } }>(
      `mutation($input: CreateProfessionalInput!) { createProfessional(input: $input, confirmSimilar: true) { id account { login enabled hasPassword } } }`,
      { input: { lastName: 'Compte', firstName: login.replace(/[^a-z]/g, ' '), establishmentIds: ['450002613'], account: { login, rescueEmail: email } } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createProfessional.account).toMatchObject({ login: login.toLowerCase(), hasPassword: false });
    const [mail] = await mailsTo(email);
    return { id: res.data!.createProfessional.id, token: tokenIn(mail!) };
  }

  describe('opening an account', () => {
    it('queues the welcome mail with the login and a link to the public base, and stores only the hash of its token', async () => {
      const { id, token } = await withAccount('Marc.Welcome', 'marc.welcome@example.org');
      const [mail] = await mailsTo('marc.welcome@example.org');
      expect(mail).toMatchObject({ subject: 'ROR : votre compte a été créé', status: 'PENDING' });
      expect(mail!.body).toContain('Votre identifiant : marc.welcome');
      // The link's base is the configured issuer without /oidc, i.e. the gateway's own origin.
      const origin = new URL(hub.urls.graphql).origin;
      expect(mail!.body).toContain(`${origin}/password/create?token=${token}`);
      expect(mail!.body).toMatch(/valable 48 heures/);

      const tokens = await hub.db.rows<{ token_hash: string; hours: number }>(sql`
        select t.token_hash, extract(epoch from (t.expires_at - t.created_at)) / 3600 as hours
        from professionals.password_token t join professionals.account a on a.id = t.account_id where a.professional_id = ${id}`);
      expect(tokens).toHaveLength(1);
      expect(tokens[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(Math.round(Number(tokens[0]!.hours))).toBe(48);
      const [stored] = await hub.db.rows<{ n: number }>(sql`select count(*)::int as n from professionals.password_token where token_hash = ${token}`);
      expect(stored!.n).toBe(0);
    });

    it('refuses a login taken in any case, and then queues nothing', async () => {
      await withAccount('taken.login', 'taken.first@example.org');
      const res = await orleans(`mutation { createProfessional(input: { lastName: "Double", firstName: "Login", establishmentIds: ["450002613"], account: { login: "TAKEN.Login", rescueEmail: "taken.second@example.org" } }, confirmSimilar: true) { id } }`);
      expect(codeOf(res)).toBe('CONFLICT');
      expect(res.errors![0]!.message).toBe('Login "taken.login" is already taken.');
      expect(await mailsTo('taken.second@example.org')).toEqual([]);
    });

    it('opens an account for an existing record once it has a rescue e-mail, with ORU_PROFESSIONNEL_EDIT', async () => {
      const open = `mutation($id: ID!) { createAccount(professionalId: $id, login: "p000329.late") { id account { login hasPassword } } }`;
      expect(codeOf(await tours(open, { id: 'P000329' }))).toBe('FORBIDDEN');
      const noEmail = await orleans(open, { id: 'P000329' });
      expect(codeOf(noEmail)).toBe('BAD_USER_INPUT');
      expect(noEmail.errors![0]!.message).toMatch(/no rescue e-mail/);
      await orleans(`mutation { setRescueEmail(professionalId: "P000329", email: "dumont.late@example.org") { id } }`);
      const opened = await orleans<{ createAccount: { account: { login: string } } }>(open, { id: 'P000329' });
      expect(opened.data!.createAccount.account.login).toBe('p000329.late');
      expect(await mailsTo('dumont.late@example.org')).toHaveLength(1);
    });
  });

  describe('password links', () => {
    it('are single use, public, and check the password first', async () => {
      const { id, token } = await withAccount('single.use', 'single.use@example.org');
      const weak = await gql(hub.urls.graphql, CREATE_PASSWORD, { token, password: 'short' });
      expect(codeOf(weak)).toBe('BAD_USER_INPUT');
      const created = await gql<{ createPassword: { professionalId: string; login: string } }>(hub.urls.graphql, CREATE_PASSWORD, { token, password: PASSWORD });
      expect(created.errors).toBeUndefined();
      expect(created.data!.createPassword).toMatchObject({ professionalId: id, login: 'single.use' });
      expect(await verifyAccountPassword(hub.db.orm, 'SINGLE.USE', PASSWORD, TEST_PASSWORD_LOG2N)).toMatchObject({ login: 'single.use', professionalId: id });

      const again = await gql(hub.urls.graphql, CREATE_PASSWORD, { token, password: 'Another-password-2026' });
      expect(codeOf(again)).toBe('BAD_USER_INPUT');
      expect(again.errors![0]!.extensions).toMatchObject({ argumentName: 'token', reason: 'USED' });
      expect(await verifyAccountPassword(hub.db.orm, 'single.use', 'Another-password-2026', TEST_PASSWORD_LOG2N)).toBeNull();
      const forged = await gql(hub.urls.graphql, CREATE_PASSWORD, { token: 'not-a-token', password: PASSWORD });
      expect(forged.errors![0]!.extensions).toMatchObject({ reason: 'INVALID' });
    });

    it('expire after 48 hours; a referent with ORU_PROFESSIONNEL_CHANGE_PASSWORD sends a new one', async () => {
      const { id, token } = await withAccount('late.user', 'late.user@example.org');
      await hub.db.rows(sql`update professionals.password_token set expires_at = now() - interval '1 minute'
        where account_id = (select id from professionals.account where login = 'late.user')`);
      const expired = await gql(hub.urls.graphql, CREATE_PASSWORD, { token, password: PASSWORD });
      expect(expired.errors![0]!.extensions).toMatchObject({ reason: 'EXPIRED' });
      expect(expired.errors![0]!.message).toMatch(/expired .* 48 hours/);

      const resend = `mutation($id: ID!) { sendPasswordLink(professionalId: $id) { id } }`;
      expect(codeOf(await tours(resend, { id }))).toBe('FORBIDDEN');
      expect((await orleans(resend, { id })).errors).toBeUndefined();
      const mails = await mailsTo('late.user@example.org');
      expect(mails.map((m) => m.subject)).toEqual(['ROR : votre compte a été créé', 'ROR : lien de création de mot de passe']);
      const fresh = tokenIn(mails[1]!);
      expect((await gql(hub.urls.graphql, CREATE_PASSWORD, { token: fresh, password: PASSWORD })).errors).toBeUndefined();
    });
  });

  describe('password changes', () => {
    it("of another user need ORU_PROFESSIONNEL_CHANGE_PASSWORD covering them; one's own needs the current password", async () => {
      const { id, token } = await withAccount('changing.user', 'changing.user@example.org');
      await gql(hub.urls.graphql, CREATE_PASSWORD, { token, password: PASSWORD });
      const change = `mutation($id: ID!, $p: String!) { changePassword(professionalId: $id, newPassword: $p) { login changedAt } }`;
      expect(codeOf(await tours(change, { id, p: 'Tours-is-not-allowed-1' }))).toBe('FORBIDDEN');
      expect(codeOf(await callAs(hub.urls.subgraphs.professionals, ANONYMOUS)(change, { id, p: 'Anonymous-not-allowed-1' }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await orleans(change, { id, p: 'weak' }))).toBe('BAD_USER_INPUT');
      expect((await orleans(change, { id, p: 'Set-by-the-referent-1' })).errors).toBeUndefined();
      expect(await verifyAccountPassword(hub.db.orm, 'changing.user', 'Set-by-the-referent-1', TEST_PASSWORD_LOG2N)).not.toBeNull();
      expect(await verifyAccountPassword(hub.db.orm, 'changing.user', PASSWORD, TEST_PASSWORD_LOG2N)).toBeNull();

      const self = callAs(hub.urls.subgraphs.professionals, await userIdentity(hub, id, []));
      const mine = `mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) { professionalId login } }`;
      const wrong = await self(mine, { c: 'not-the-password-1', n: 'My-own-new-password-1' });
      expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'currentPassword' });
      const done = await self<{ changeMyPassword: { professionalId: string } }>(mine, { c: 'Set-by-the-referent-1', n: 'My-own-new-password-1' });
      expect(done.data!.changeMyPassword.professionalId).toBe(id);
      expect(await verifyAccountPassword(hub.db.orm, 'changing.user', 'My-own-new-password-1', TEST_PASSWORD_LOG2N)).not.toBeNull();
      expect(codeOf(await callAs(hub.urls.subgraphs.professionals, clientIdentity(['professional.read']))(mine, { c: 'x', n: 'y' }))).toBe('FORBIDDEN');
      expect(codeOf(await gql(hub.urls.graphql, mine, { c: 'x', n: 'y' }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('sign-in helpers of the OpenID provider', () => {
    it('verify passwords only for enabled accounts of active professionals, and record logins', async () => {
      const { id, token } = await withAccount('signing.in', 'signing.in@example.org');
      expect(await verifyAccountPassword(hub.db.orm, 'signing.in', PASSWORD, TEST_PASSWORD_LOG2N)).toBeNull(); // no password yet
      await gql(hub.urls.graphql, CREATE_PASSWORD, { token, password: PASSWORD });
      const account = await verifyAccountPassword(hub.db.orm, ' Signing.In ', PASSWORD, TEST_PASSWORD_LOG2N);
      expect(account).toMatchObject({ login: 'signing.in', professionalId: id });
      expect(await verifyAccountPassword(hub.db.orm, 'signing.in', 'wrong-password-123', TEST_PASSWORD_LOG2N)).toBeNull();
      expect(await verifyAccountPassword(hub.db.orm, 'nobody.here', PASSWORD, TEST_PASSWORD_LOG2N)).toBeNull();
      expect(await findAccountByLogin(hub.db.orm, 'SIGNING.IN')).toMatchObject({ id: account!.id, enabled: true, hasPassword: true, archived: false });

      const at = new Date('2026-11-22T07:30:00Z');
      await recordLogin(hub.db.orm, account!.id, at);
      const read = await orleans<{ professional: { lastLoginAt: string } }>(`query($id: ID!) { professional(id: $id) { lastLoginAt } }`, { id });
      expect(read.data!.professional.lastLoginAt).toBe(at.toISOString());

      const disable = await orleans(`mutation($id: ID!) { updateProfessional(id: $id, input: { accountEnabled: false }) { account { enabled } } }`, { id });
      expect(disable.data).toEqual({ updateProfessional: { account: { enabled: false } } });
      expect(await verifyAccountPassword(hub.db.orm, 'signing.in', PASSWORD, TEST_PASSWORD_LOG2N)).toBeNull();
      expect(await findActiveAccount(hub.db.orm, account!.id)).toBeNull();
      expect((await system<{ accountGrants: AccountGrants }>(GRANTS, { login: 'signing.in' })).data!.accountGrants.enabled).toBe(false);
      await orleans(`mutation($id: ID!) { updateProfessional(id: $id, input: { accountEnabled: true }) { id } }`, { id });
      expect(await findActiveAccount(hub.db.orm, account!.id)).toMatchObject({ login: 'signing.in' });

      const archiver = callAs(hub.urls.subgraphs.professionals, await userIdentity(hub, 'P000369', [{ rights: ['ORU_PROFESSIONNEL_DELETE'], kind: 'TRANSVERSAL', id: null }]));
      await archiver(`mutation($id: ID!) { archiveProfessional(id: $id) { id } }`, { id });
      expect(await verifyAccountPassword(hub.db.orm, 'signing.in', PASSWORD, TEST_PASSWORD_LOG2N)).toBeNull();
      expect((await system<{ accountGrants: AccountGrants }>(GRANTS, { accountId: account!.id })).data!.accountGrants.enabled).toBe(false);
    });
  });

  describe('accountGrants', () => {
    it('answers the gateway only, and is absent from the public API', async () => {
      const ok = await system<{ accountGrants: AccountGrants }>(GRANTS, { login: 'REF.ETAB.ORLEANS' });
      expect(ok.data!.accountGrants).toMatchObject({ login: 'ref.etab.orleans', professionalId: 'P000328', enabled: true });
      expect(codeOf(await ars(GRANTS, { login: 'ref.etab.orleans' }))).toBe('FORBIDDEN');
      expect(codeOf(await callAs(hub.urls.subgraphs.professionals, ANONYMOUS)(GRANTS, { login: 'ref.etab.orleans' }))).toBe('FORBIDDEN');
      expect(codeOf(await callAs(hub.urls.subgraphs.professionals, clientIdentity(['professional.read']))(GRANTS, { login: 'x' }))).toBe('FORBIDDEN');
      expect((await system<{ accountGrants: null }>(GRANTS, { login: 'nobody' })).data!.accountGrants).toBeNull();
      expect(codeOf(await system(GRANTS, {}))).toBe('BAD_USER_INPUT');
      const viaGateway = await gql(hub.urls.graphql, GRANTS, { login: 'ref.etab.orleans' });
      expect(viaGateway.status).toBe(400);
      expect(codeOf(viaGateway)).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('gives each demo identity its role on its perimeter, as effective rights', async () => {
      const expected: Array<[string, string, string | null, string]> = [
        ['ref.etab.orleans', 'ORGANIZATION', '450000088', 'OuruRorCredentials_adminRoles'],
        ['ref.uo.tours', 'UNIT', '370004467-4557', 'ORU_ALERTE'],
        ['decl.tension.bourges', 'ESTABLISHMENT', '180000010', 'OruTension_tension_creation'],
        ['ref.planblanc.chartres', 'ESTABLISHMENT', '280504267', 'ORU_PLAN_BLANC_EDIT'],
        ['ref.planbleu.blois', 'ORGANIZATION', '410000087', 'ORU_PLAN_BLEU_EDIT'],
        ['saisie.lits.chateauroux', 'ORGANIZATION', '360000053', 'OruLitsDispos_litsdispos_saisie'],
        ['admin.ars', 'TRANSVERSAL', null, 'OuruRorCredentials_adminRoles'],
      ];
      for (const [login, perimeterKind, perimeterId, right] of expected) {
        const { data } = await system<{ accountGrants: AccountGrants }>(GRANTS, { login });
        expect(data!.accountGrants.enabled, login).toBe(true);
        const [first] = data!.accountGrants.assignments;
        expect(first, login).toMatchObject({ kind: perimeterKind, id: perimeterId });
        expect(first!.rights, login).toContain(right);
        expect(await verifyAccountPassword(hub.db.orm, login, DEMO_PASSWORD, TEST_PASSWORD_LOG2N), login).not.toBeNull();
      }
      const ars = (await system<{ accountGrants: AccountGrants }>(GRANTS, { login: 'admin.ars' })).data!.accountGrants;
      expect(ars.assignments[1]).toEqual({ rights: ['ORU_CAPACITE_DISPONIBLE_SHOW'], kind: 'TRANSVERSAL', id: null });
      // A unit referent gets only the rights a unit perimeter allows (not ORU_PROFESSIONNEL_NEW).
      const unit = (await system<{ accountGrants: AccountGrants }>(GRANTS, { login: 'ref.uo.tours' })).data!.accountGrants;
      expect(unit.assignments[0]!.rights).not.toContain('ORU_PROFESSIONNEL_NEW');
    });
  });
});
