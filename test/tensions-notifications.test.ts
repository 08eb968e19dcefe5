/**
 * Tension notification mails (docs/tension-plans.md § Notifications) on a private hub with a real
 * SMTP server on loopback: every declaration, change and closure mails the ARS crisis cell, and
 * the establishment when it opted in; the mail names the establishment (from the offer subgraph),
 * level, group, what changed, author, time and a link; a refused delivery is retried and the
 * status shows on Tension.notifications; one mail per event and recipient; who may configure
 * and read.
 *
 * Kinds (D250): the single-hub scenarios run on PGlite, where the mailer's path is its
 * own (drafts finished after the consumer's commit, which holds the one connection) and the feed
 * wakes it in process; PostgreSQL's mailer (LISTEN, the offset's row lock between processes, a
 * restart on a kept database) is the last block's, on the PostgreSQL server. Both kinds with
 * ROR_TEST_ALL_KINDS=1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createSeededDatabase, endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from './helpers/smtp.js';

const CRISIS = 'crise@ars-test.localhost';
const BOURGES_MAIL = 'direction@ch-bourges-test.localhost';
const BOURGES = '180000010';
const ORLEANS = '450002613';

const SETTING = `mutation($e: ID!, $i: TensionNotificationSettingInput!) { setTensionNotificationSetting(establishmentId: $e, input: $i) { emails enabled updatedBy } }`;
const DECLARE = `mutation($input: DeclareTensionInput!) { declareTension(input: $input) { id version } }`;
const NOTIFS = `query($id: ID!) { tension(id: $id) { notifications { recipient subject status attempts lastError sentAt createdAt } } }`;

type Result<T = Record<string, unknown>> = { data?: T | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
interface Notification {
  recipient: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}
const codeOf = (r: Result) => r.errors?.[0]?.extensions?.code;

/** Subject and text of a received mail (encoded words, quoted-printable or base64 bodies). */
function readMail(mail: ReceivedMail): { subject: string; text: string } {
  const [head = '', ...rest] = mail.raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const words = (s: string) =>
    s.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
    );
  const subject = words(/^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '').trim();
  const body = rest.join('\n\n');
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(unfolded)?.[1]?.trim().toLowerCase();
  const text = encoding === 'quoted-printable' ? qp(body.replace(/=\r?\n/g, '')) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { subject, text: text.replace(/\r\n/g, '\n') };
}
function qp(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

async function waitFor<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(endToEndKinds('pglite'))('tension notifications (%s)', (kind) => {
  let hub: TestHub;
  let smtp: TestSmtpServer;
  let declarant: string;
  let bourgesName: string;
  let tensionId: string;
  const as = <T = Record<string, unknown>>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(hub.urls.graphql, query, variables, token ? { authorization: token } : {});
  const ok = <T>(r: Result<T>): T => {
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const notifications = async (id = tensionId, token = declarant) => ok(await as<{ tension: { notifications: Notification[] } }>(token, NOTIFS, { id })).tension.notifications;
  const mailsAbout = (id: string) => smtp.received.filter((m) => readMail(m).subject.includes(`(${id})`)).map((m) => ({ to: m.to, ...readMail(m) }));

  beforeAll(async () => {
    // The first two messages are refused (451): the declaration's two mails fail their first attempt.
    smtp = await startSmtpServer({ refuseFirst: 2 });
    hub = await startTestHub(kind, { SMTP_URL: smtp.url, ROR_ARS_CRISIS_EMAIL: CRISIS });
    declarant = await asUser(hub.urls.graphql, 'decl.tension.bourges');
    bourgesName = ok(await as<{ establishment: { name: string } }>(null, `{ establishment(id: "${BOURGES}") { name } }`)).establishment.name;
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await smtp?.close();
  });

  it('lets the declarant or the referent of the establishment opt in, and no one else', async () => {
    const set = ok(await as<{ setTensionNotificationSetting: { emails: string[]; enabled: boolean; updatedBy: string } }>(declarant, SETTING, { e: BOURGES, i: { emails: [BOURGES_MAIL], enabled: true } }));
    expect(set.setTensionNotificationSetting).toEqual({ emails: [BOURGES_MAIL], enabled: true, updatedBy: 'decl.tension.bourges' });
    const orleans = await asUser(hub.urls.graphql, 'ref.etab.orleans');
    ok(await as(orleans, SETTING, { e: ORLEANS, i: { emails: ['direction@chr-orleans-test.localhost'], enabled: false } }));
    expect(codeOf(await as(orleans, SETTING, { e: BOURGES, i: { emails: [], enabled: false } }))).toBe('FORBIDDEN');
    expect(codeOf(await as(declarant, SETTING, { e: ORLEANS, i: { emails: [], enabled: false } }))).toBe('FORBIDDEN');
    expect(codeOf(await as(await asApp(hub.urls.graphql, 'national-aggregator'), SETTING, { e: BOURGES, i: { emails: [], enabled: false } }))).toBe('FORBIDDEN');
    expect(codeOf(await as(null, SETTING, { e: BOURGES, i: { emails: [], enabled: false } }))).toBe('UNAUTHENTICATED');
    const bad = await as(declarant, SETTING, { e: BOURGES, i: { emails: ['not-an-address'], enabled: true } });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'emails' });

    const read = `query($id: ID!) { establishment(id: $id) { tensionNotificationSetting { emails enabled } } }`;
    expect(ok(await as<{ establishment: { tensionNotificationSetting: unknown } }>(declarant, read, { id: BOURGES })).establishment.tensionNotificationSetting).toEqual({ emails: [BOURGES_MAIL], enabled: true });
    expect(codeOf(await as(await asUser(hub.urls.graphql, 'ref.planbleu.blois'), read, { id: BOURGES }))).toBe('FORBIDDEN');
  });

  it('mails a declaration to the crisis cell and the establishment, retrying a refused delivery', async () => {
    const declared = ok(await as<{ declareTension: { id: string; version: number } }>(declarant, DECLARE, {
      input: { establishmentId: BOURGES, disciplineGroupCode: 'REA_SI_SC', levelCode: 'HET_2', notes: 'Réanimation saturée', actions: [{ actionCode: 'GOUV_CELLULE_VEILLE' }] },
    })).declareTension;
    tensionId = declared.id;

    // First attempt refused by the server: both mails wait for their retry, with the reason.
    const failed = await waitFor(async () => {
      const list = await notifications();
      return list.length === 2 && list.every((n) => n.attempts === 1 && n.lastError) && list;
    });
    expect(failed.map((n) => n.recipient).sort()).toEqual([CRISIS, BOURGES_MAIL].sort());
    expect(failed.every((n) => n.status === 'PENDING' && n.sentAt === null && n.lastError!.includes('451'))).toBe(true);
    expect(smtp.refused).toBe(2);

    // The backoff has passed (moved to now instead of waiting a minute); the next write wakes the worker.
    await hub.db.rows(sql`update tensions.mail_outbox set next_attempt_at = now() where tension_id = ${tensionId}`);
    ok(await as(declarant, `mutation($id: ID!, $v: Int!) { updateTension(id: $id, input: { levelCode: PLAN_BLANC, notes: "Passage en plan blanc" }, expectedVersion: $v) { id } }`, { id: tensionId, v: declared.version }));

    const sent = await waitFor(async () => {
      const list = await notifications();
      return list.length === 4 && list.every((n) => n.status === 'SENT') && list;
    });
    expect(sent.slice(0, 2).every((n) => n.attempts === 2 && n.sentAt && n.lastError === null)).toBe(true);
    expect(sent.slice(2).every((n) => n.attempts === 1)).toBe(true);

    const [declaration, update] = [mailsAbout(tensionId).filter((m) => m.subject.includes('Déclaration')), mailsAbout(tensionId).filter((m) => m.subject.includes('modifiée'))];
    expect(declaration.map((m) => m.to[0]).sort()).toEqual([CRISIS, BOURGES_MAIL].sort());
    const mail = declaration[0]!;
    const levels = ok(await as<{ tensionLevels: Array<{ code: string; label: string }> }>(declarant, '{ tensionLevels { code label } }')).tensionLevels;
    const het2 = levels.find((l) => l.code === 'HET_2')!.label; // the national label
    expect(mail.subject).toBe(`ROR : Déclaration de tension – ${bourgesName} – ${het2} (${tensionId})`);
    expect(mail.text).toContain(`Niveau : ${het2}`);
    expect(mail.text).toContain(`Établissement : ${bourgesName} (FINESS ${BOURGES})`);
    expect(mail.text).toContain('Groupe de disciplines : Réanimation, soins intensifs adultes et surveillance continue');
    expect(mail.text).toContain('Par : decl.tension.bourges');
    expect(mail.text).toMatch(/- \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} – decl\.tension\.bourges – Déclaration \(Réanimation saturée\)/);
    expect(mail.text).toMatch(/– Action : .+/); // the action taken, by its repertoire label
    expect(mail.text).toContain(`${hub.urls.graphql}?query=`);
    expect(decodeURIComponent(mail.text.split('?query=')[1]!.split('\n')[0]!)).toContain(`tension(id: "${tensionId}")`);
    expect(update).toHaveLength(2);
    expect(update[0]!.text).toContain('Changement de niveau : PLAN_BLANC (Passage en plan blanc)');
  });

  it('mails added actions and the closure, once per event and recipient', async () => {
    ok(await as(declarant, `mutation($id: ID!) { addTensionActions(id: $id, actions: [{ actionCode: "LITS_BED_MANAGER", notes: "8h-20h" }]) { id } }`, { id: tensionId }));
    ok(await as(declarant, `mutation($id: ID!) { closeTension(id: $id, notes: "Retour à la normale") { id } }`, { id: tensionId }));
    await waitFor(async () => (await notifications()).filter((n) => n.status === 'SENT').length === 8);
    const mails = mailsAbout(tensionId);
    expect(mails.filter((m) => m.subject.includes('Nouvelles actions'))).toHaveLength(2);
    const closure = mails.filter((m) => m.subject.includes('Fin de tension'));
    expect(closure.map((m) => m.to[0]).sort()).toEqual([CRISIS, BOURGES_MAIL].sort());
    expect(closure[0]!.text).toContain('Statut : clôturée');
    expect(closure[0]!.text).toContain('Clôture (Retour à la normale)');

    // Exactly once: one outbox row per (event, recipient), one mail received per row.
    const rows = await hub.db.rows<{ event_id: number; n: number }>(sql`select event_id::int, count(*)::int as n from tensions.mail_outbox where tension_id = ${tensionId} group by event_id`);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.n === 2)).toBe(true);
    expect(mails).toHaveLength(8);
  });

  it('mails only the crisis cell when the establishment did not opt in, and shows the status to tension readers only', async () => {
    const orleans = await asUser(hub.urls.graphql, 'ref.etab.orleans');
    const ars = await asUser(hub.urls.graphql, 'admin.ars');
    // admin.ars cannot declare (no OruTension_tension_creation): a declaration at Bourges stands in for Orléans' opt-out below.
    const other = ok(await as<{ declareTension: { id: string } }>(declarant, DECLARE, { input: { establishmentId: BOURGES, disciplineGroupCode: 'MEDECINE', levelCode: 'HET_1' } })).declareTension;
    // Recipients are decided when the mailer handles a change: wait for the declaration's mails before opting out.
    await waitFor(async () => (await notifications(other.id)).length === 2);
    ok(await as(declarant, SETTING, { e: BOURGES, i: { emails: [BOURGES_MAIL], enabled: false } }));
    ok(await as(declarant, `mutation($id: ID!) { closeTension(id: $id) { id } }`, { id: other.id }));
    const list = await waitFor(async () => {
      const l = await notifications(other.id, ars);
      return l.length >= 2 && l.every((n) => n.status === 'SENT') && l;
    });
    // Declared while opted in: two mails; closed after opting out: the crisis cell only.
    expect(list.map((n) => n.recipient)).toEqual([CRISIS, BOURGES_MAIL, CRISIS]);

    expect(codeOf(await as(orleans, NOTIFS, { id: other.id }))).toBe('FORBIDDEN');
    expect(codeOf(await as(await asUser(hub.urls.graphql, 'ref.planbleu.blois'), NOTIFS, { id: other.id }))).toBe('FORBIDDEN');
    expect(codeOf(await as(null, NOTIFS, { id: other.id }))).toBe('UNAUTHENTICATED');
    ok(await as(await asApp(hub.urls.graphql, 'national-aggregator'), NOTIFS, { id: other.id })); // tension.read
  });
});

// Restarts on a kept database: PostgreSQL only (a PGlite test hub is in memory). One database for
// both tests: the second takes the first one's declarations, the mailer's traces removed, as the
// history of a deployment that never mailed (D247: a hub start and a database fewer).
describe.skipIf(!process.env.TEST_DATABASE_URL)('tension mails on a kept PostgreSQL database (postgres)', () => {
  let scratch: { url: string; drop: () => Promise<void> };
  /** The tensions the first test declared (with their versions): the second one's history. */
  const history: Array<{ id: string; version: number }> = [];
  const declare = async (url: string, token: string) => {
    const r = await gql<{ declareTension: { id: string; version: number } }>(url, DECLARE, { input: { establishmentId: BOURGES, disciplineGroupCode: 'MEDECINE', levelCode: 'HET_1' } }, { authorization: token });
    expect(r.errors).toBeUndefined();
    history.push(r.data!.declareTension);
    return r.data!.declareTension.id;
  };

  beforeAll(async () => {
    scratch = await createSeededDatabase();
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it('mails each change once when two processes share the database', async () => {
    const smtp = await startSmtpServer();
    const env = { DATABASE_URL: scratch.url, SMTP_URL: smtp.url, ROR_ARS_CRISIS_EMAIL: CRISIS };
    try {
      // Two processes starting on one database at once, as a deployment's replicas do.
      const [a, b] = await Promise.all([startTestHub('postgres', env), startTestHub('postgres', env)]);
      try {
        const [ta, tb] = await Promise.all([asUser(a.urls.graphql, 'decl.tension.bourges'), asUser(b.urls.graphql, 'decl.tension.bourges')]);
        const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? declare(b.urls.graphql, tb) : declare(a.urls.graphql, ta))));
        await waitFor(() => smtp.received.length >= ids.length);
        // Would a duplicate follow? Each process handles the feed in order: a later declaration
        // through each, once mailed, comes after any duplicate of the first six.
        ids.push(await declare(a.urls.graphql, ta), await declare(b.urls.graphql, tb));
        await waitFor(() => smtp.received.length >= ids.length);
        const subjects = smtp.received.map((m) => readMail(m).subject);
        expect(subjects).toHaveLength(ids.length);
        for (const id of ids) expect(subjects.filter((s) => s.endsWith(`(${id})`))).toHaveLength(1);
      } finally {
        await Promise.all([b.close(), a.close()]);
      }
    } finally {
      await smtp.close();
    }
  }, 120_000);

  it('mails nothing of the history, then every new change', async () => {
    // The first test's declarations, then the mailer's traces removed: as if it had never run here.
    expect(history.length).toBeGreaterThan(0);
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    await admin.query(`delete from feed.consumer_offset where name = 'tension-mail'`);
    await admin.query('delete from tensions.mail_outbox');
    await admin.end();

    const smtp = await startSmtpServer();
    try {
      const after = await startTestHub('postgres', { DATABASE_URL: scratch.url, SMTP_URL: smtp.url, ROR_ARS_CRISIS_EMAIL: CRISIS });
      try {
        const token = await asUser(after.urls.graphql, 'decl.tension.bourges');
        const { id, version } = history[0]!;
        const updated = await gql<{ updateTension: { version: number } }>(after.urls.graphql, `mutation($id: ID!, $v: Int!) { updateTension(id: $id, input: { levelCode: HET_2 }, expectedVersion: $v) { version } }`, { id, v: version }, { authorization: token });
        expect(updated.errors).toBeUndefined();
        await waitFor(() => smtp.received.length >= 1);
        // Would a mail of the history follow? The mailer handles the feed in order: the closure's
        // mail, once received, comes after any mail of the history.
        const closed = await gql(after.urls.graphql, `mutation($id: ID!) { closeTension(id: $id) { id } }`, { id }, { authorization: token });
        expect(closed.errors).toBeUndefined();
        await waitFor(() => smtp.received.length >= 2);
        expect(smtp.received.map((m) => readMail(m).subject.split(' – ')[0])).toEqual(['ROR : Tension modifiée', 'ROR : Fin de tension']);
      } finally {
        await after.close();
      }
    } finally {
      await smtp.close();
    }
  }, 120_000);
});
