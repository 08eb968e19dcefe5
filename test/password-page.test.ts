/**
 * The page of password links, end to end through the gateway: the demo admin creates a
 * professional with an account, the welcome mail arrives on a real SMTP server, its link opens the
 * form, mismatching and weak passwords are refused without changing anything, a good one is set
 * once, the link then refuses a second use, and the new user signs in with the authorization code
 * flow and calls the API. Expired, forged and incomplete links get their own message; tokens and
 * passwords never reach the logs.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../platform/config.js';
import { startHub, type RunningHub } from '../scripts/hub.js';
import { userToken } from '../scripts/token.js';
import { newPasswordLink } from '../subgraphs/professionals/password-links.js';
import { passwordTokens } from '../subgraphs/professionals/tables.js';
import { LINK_REFUSALS, PASSWORDS_DIFFER } from '../subgraphs/professionals/password-page.js';
import { escapeHtml } from '../subgraphs/professionals/oidc/pages.js';
import { endToEndKinds, fromSnapshot, reservePort, startTestHub, testEnv, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { createAccount } from './helpers/oidc.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from './helpers/smtp.js';
import { asUser } from './helpers/tokens.js';

const SECRET = 'password-page-suite-internal-secret-0123456789';
const PASSWORD = 'Mon-nouveau-mot-de-passe-2026';
const CREATE = `mutation($input: CreateProfessionalInput!) { createProfessional(input: $input, confirmSimilar: true) { id account { login hasPassword } } }`;

/** The text body of a mail as sent by nodemailer (quoted-printable, base64 or plain). */
function bodyOf(mail: ReceivedMail): string {
  const split = mail.raw.indexOf('\r\n\r\n');
  const headers = mail.raw.slice(0, split);
  const body = mail.raw.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  const text = body.replace(/=\r?\n/g, ''); // soft line breaks
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

function linkIn(mail: ReceivedMail): URL {
  const match = /(https?:\/\/\S+\/password\/create\?token=[A-Za-z0-9_%-]+)/.exec(bodyOf(mail));
  if (!match) throw new Error('no password link in the mail');
  return new URL(match[1]!);
}

/** The form's action, resolved against the page's URL, and the hidden token it carries. */
function formOf(html: string, page: URL): { action: URL; token: string } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const token = /<input type="hidden" name="token" value="([^"]*)">/.exec(html)?.[1];
  if (!action || token === undefined) throw new Error('no password form in the page');
  return { action: new URL(action.replace(/&amp;/g, '&'), page), token };
}

function post(action: URL, fields: Record<string, string>): Promise<Response> {
  return fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

describe.each(endToEndKinds('postgres'))('password page on %s', (kind) => {
  let smtp: TestSmtpServer;
  let hub: TestHub;
  let gateway: string;
  let admin: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    hub = await startTestHub(kind, { SMTP_URL: smtp.url, ROR_INTERNAL_SECRET: SECRET });
    gateway = hub.urls.graphql.replace(/\/graphql$/, '');
    admin = await asUser(hub.urls.graphql, 'admin.ars');
  });
  afterAll(async () => {
    await hub?.close();
    await smtp?.close();
  });

  /** Waits for the mail the worker sends to `recipient`. */
  async function mailTo(recipient: string): Promise<ReceivedMail> {
    for (let i = 0; i < 200; i++) {
      const mail = smtp.received.find((m) => m.to.includes(recipient));
      if (mail) return mail;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no mail for ${recipient}`);
  }

  /** A professional with an account, created by the demo admin through the gateway; its id and the link mailed. */
  async function professionalWithAccount(login: string, email: string): Promise<{ id: string; link: URL }> {
    const input = { lastName: 'Lien', firstName: login.replace(/[^a-z]/g, ' '), account: { login, rescueEmail: email } };
    const created = await gql<{ createProfessional: { id: string; account: { login: string; hasPassword: boolean } } }>(hub.urls.graphql, CREATE, { input }, { authorization: admin });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createProfessional.account).toEqual({ login, hasPassword: false });
    return { id: created.data!.createProfessional.id, link: linkIn(await mailTo(email)) };
  }

  const linkState = async (login: string) => {
    const [row] = await hub.db.rows<{ has_password: boolean; used: boolean }>(sql`
      select a.password_hash is not null as has_password, t.used_at is not null as used
      from professionals.account a join professionals.password_token t on t.account_id = a.id where a.login = ${login}`);
    return row;
  };

  it('lets the new user choose a password once from the welcome mail, then sign in', async () => {
    const login = 'nouveau.lien';
    const { id, link } = await professionalWithAccount(login, 'nouveau.lien@example.org');
    expect(link.origin).toBe(gateway);

    const opened = await fetch(link);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toMatch(/^text\/html/);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
    expect(opened.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await opened.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toMatch(/<label class="fr-label" for="password">Nouveau mot de passe<span class="fr-hint-text" id="password-rules">/);
    expect(html).toContain('<label class="fr-label" for="confirmation">Confirmation du nouveau mot de passe</label>');
    expect(html).toMatch(/<input id="password" name="password" type="password" autocomplete="new-password"/);
    const form = formOf(html, link);
    expect(form.token).toBe(link.searchParams.get('token'));
    expect(form.action.href).toBe(`${gateway}/password/create`);

    const differ = await post(form.action, { token: form.token, password: PASSWORD, confirmation: `${PASSWORD}x` });
    expect(differ.status).toBe(400);
    const differPage = await differ.text();
    expect(differPage).toContain(`role="alert">${PASSWORDS_DIFFER}</p>`);
    // The message sits right under the confirmation field, which describes itself by it.
    expect(differPage).toMatch(/<input id="confirmation"[^>]* aria-describedby="password-error" aria-invalid="true">\s*<p id="password-error" class="fr-error-text"/);
    expect(differPage).toContain('id="confirmation" name="confirmation" type="password"');
    expect(formOf(differPage, form.action).token).toBe(form.token);
    expect(await linkState(login)).toEqual({ has_password: false, used: false });

    const weak = await post(form.action, { token: form.token, password: 'faible', confirmation: 'faible' });
    expect(weak.status).toBe(400);
    const weakPage = await weak.text();
    expect(weakPage).toContain('role="alert">Le mot de passe doit compter au moins 12 caractères.</p>');
    expect(weakPage).toMatch(/<input id="password"[^>]* aria-describedby="password-rules password-error" aria-invalid="true">/);
    expect(formOf(weakPage, form.action).token).toBe(form.token);
    const lettersOnly = await post(form.action, { token: form.token, password: 'OnlyLettersHere', confirmation: 'OnlyLettersHere' });
    expect(await lettersOnly.text()).toContain('Le mot de passe doit contenir des lettres et au moins un chiffre ou un symbole.');
    expect(await linkState(login)).toEqual({ has_password: false, used: false });

    const set = await post(form.action, { token: form.token, password: PASSWORD, confirmation: PASSWORD });
    expect(set.status).toBe(200);
    const setPage = await set.text();
    expect(setPage).toContain(`Le mot de passe du compte <strong>${login}</strong> est enregistré.`);
    expect(setPage).toContain(`<a class="fr-link" href="${gateway}/">Se connecter à ROR Hub</a>`);
    expect(setPage).not.toContain('<form');
    expect(await linkState(login)).toEqual({ has_password: true, used: true });

    const again = await post(form.action, { token: form.token, password: 'Another-password-2026', confirmation: 'Another-password-2026' });
    expect(again.status).toBe(400);
    const againPage = await again.text();
    expect(againPage).toContain(escapeHtml(LINK_REFUSALS.USED));
    expect(againPage).toContain(`<a class="fr-link" href="${gateway}/">Se connecter à ROR Hub</a>`);
    expect(againPage).not.toContain('<form');
    await expect(userToken(gateway, login, 'Another-password-2026')).rejects.toThrow('invalid login or password');

    const token = await userToken(gateway, login, PASSWORD);
    const me = await gql<{ me: { id: string } }>(hub.urls.graphql, '{ me { id } }', {}, { authorization: `Bearer ${token}` });
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.id).toBe(id);
  });

  it('says when a link has expired, and keeps the account without password', async () => {
    const login = 'lien.expire';
    const { link } = await professionalWithAccount(login, 'lien.expire@example.org');
    await hub.db.rows(sql`update professionals.password_token set expires_at = now() - interval '1 minute'
      where account_id = (select id from professionals.account where login = ${login})`);
    const form = formOf(await (await fetch(link)).text(), link);
    const expired = await post(form.action, { token: form.token, password: PASSWORD, confirmation: PASSWORD });
    expect(expired.status).toBe(400);
    const html = await expired.text();
    expect(html).toContain(escapeHtml(LINK_REFUSALS.EXPIRED));
    expect(html).not.toContain('<form');
    expect(await linkState(login)).toEqual({ has_password: false, used: false });
  });

  it('refuses forged and incomplete links, and escapes what the link carries', async () => {
    const forged = await post(new URL(`${gateway}/password/create`), { token: 'forged-token', password: PASSWORD, confirmation: PASSWORD });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain(escapeHtml(LINK_REFUSALS.INVALID));

    const incomplete = await fetch(`${gateway}/password/create`);
    expect(incomplete.status).toBe(400);
    expect(await incomplete.text()).toContain(escapeHtml(LINK_REFUSALS.INVALID));

    const hostile = new URL(`${gateway}/password/create`);
    hostile.searchParams.set('token', '"><script>alert(1)</script>');
    const html = await (await fetch(hostile)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('ignores an identity envelope sent by the caller: the gateway strips it', async () => {
    const answer = await fetch(`${gateway}/password/create?token=x`, { headers: { 'x-ror-identity': 'forged' } });
    // The subgraph would answer 401 to an envelope it cannot verify: the gateway never passes one on.
    expect(answer.status).toBe(200);
  });
});

describe('password page logs', () => {
  const lines: string[] = [];
  let hub: RunningHub;

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const config = fromSnapshot(loadConfig(testEnv({ PORT: String(await reservePort()), ROR_INTERNAL_SECRET: SECRET, ROR_SEED_DEMO: 'false', LOG_LEVEL: 'trace' })));
    hub = await startHub(config, pino({ level: 'trace' }, stream));
  });
  afterAll(() => hub?.close());

  it('never hold the token or the passwords', async () => {
    const accountId = await createAccount(hub.db, { login: 'logs.lien' });
    const link = newPasswordLink();
    await hub.db.orm.insert(passwordTokens).values({ tokenHash: link.tokenHash, accountId, expiresAt: new Date(Date.now() + 3_600_000) });
    const gateway = hub.urls.graphql.replace(/\/graphql$/, '');
    const page = new URL(`${gateway}/password/create?token=${link.token}`);
    const form = formOf(await (await fetch(page)).text(), page);
    const attempts = [
      { password: 'Premier-essai-2026', confirmation: 'Second-essai-2026' },
      { password: 'faible', confirmation: 'faible' },
      { password: PASSWORD, confirmation: PASSWORD },
      { password: 'Encore-une-fois-2026', confirmation: 'Encore-une-fois-2026' },
    ];
    for (const attempt of attempts) await post(form.action, { token: form.token, ...attempt });
    expect((await hub.db.rows<{ used: boolean }>(sql`select used_at is not null as used from professionals.password_token where account_id = ${accountId}`))[0]).toEqual({ used: true });

    const log = lines.join('');
    expect(log).toContain('/password/create?<redacted>');
    expect(log).toContain('password created through a password link');
    for (const secret of [link.token, link.tokenHash, ...attempts.flatMap((a) => [a.password, a.confirmation])]) expect(log).not.toContain(secret);
  });
});
