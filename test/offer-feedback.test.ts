/**
 * Reports, suggestions and assistance requests (docs/feedback.md) through the gateway: any hub
 * user sends one, it is stored and mailed to the regional team (a real SMTP server on loopback);
 * anonymous callers and applications are refused; the team lists and closes them, others cannot.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asApp, asUser } from './helpers/tokens.js';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp.js';

const TEAM = 'equipe-ror@ars-test.localhost';

const REPORT = `mutation($type: FeedbackSubjectType!, $id: ID, $search: String, $message: String!) {
  reportError(subjectType: $type, subjectId: $id, searchText: $search, message: $message) {
    id kind status message senderLogin senderProfessionalId createdAt closedAt subject { type id searchText }
  }
}`;
const LIST = `query($status: FeedbackStatus, $first: Int) {
  feedback(status: $status, first: $first) { totalCount edges { node { id kind status senderLogin closedBy closingNote closedAt } } }
}`;
const ASSIST = `mutation($input: AssistanceRequestInput!) {
  requestAssistance(input: $input) { id kind message senderLogin assistance { lastName firstName phone email departmentCode establishment jobTitle type subject } }
}`;
/** The form as the deck shows it filled in (« Les demandes d'assistance »). */
const assistance = (over: Record<string, unknown> = {}) => ({
  lastName: 'HARLICOT',
  firstName: 'CLAUDE',
  phone: '+33 06 07 21 94 65',
  email: 'charlicot@esante-centre.example',
  departmentCode: '41',
  establishment: 'GIP CENTRE VAL DE LOIRE eSANTE',
  jobTitle: 'Coordinatrice ROR',
  type: 'TECHNICAL',
  subject: 'Connexion impossible',
  message: 'Mon lien de creation de mot de passe a expire.',
  ...over,
});
const CLOSE = `mutation($id: ID!, $note: String) { closeFeedback(id: $id, note: $note) { id status closedBy closingNote closedAt } }`;

interface FeedbackNode {
  id: string;
  kind: string;
  status: string;
  senderLogin: string;
  closedBy: string | null;
  closingNote: string | null;
  closedAt: string | null;
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(endToEndKinds('postgres'))('offer feedback on %s', (kind) => {
  let hub: TestHub;
  let smtp: TestSmtpServer;
  let url: string;
  let unitId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    hub = await startTestHub(kind, {
      SMTP_URL: smtp.url,
      ROR_REGIONAL_TEAM_EMAIL: TEAM,
      ROR_INTERNAL_SECRET: randomBytes(24).toString('hex'),
    });
    url = hub.urls.graphql;
    const units = await gql<{ units: { edges: Array<{ node: { id: string } }> } }>(url, '{ units(first: 1) { edges { node { id } } } }');
    unitId = units.data!.units.edges[0]!.node.id;
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await smtp?.close();
  });

  const report = async (auth: string | null, variables: Record<string, unknown>) =>
    gql<{ reportError: { id: string; kind: string; status: string; senderLogin: string; subject: { type: string; id: string } } }>(
      url,
      REPORT,
      variables,
      auth ? { authorization: auth } : {},
    );

  it('stores a user report on a unit and mails it to the regional team', async () => {
    const user = await asUser(url, 'ref.etab.orleans');
    const result = await report(user, { type: 'UNIT', id: unitId, message: 'Le numéro de téléphone du service est faux.' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.reportError).toMatchObject({
      kind: 'REPORT_ERROR',
      status: 'OPEN',
      senderLogin: 'ref.etab.orleans',
      subject: { type: 'UNIT', id: unitId },
    });
    const rows = await hub.db.rows<{ sender_login: string; subject_id: string; sender_professional_id: string }>(
      sql`select sender_login, subject_id, sender_professional_id from offer.feedback where id = ${Number(result.data!.reportError.id)}`,
    );
    expect(rows).toEqual([{ sender_login: 'ref.etab.orleans', subject_id: unitId, sender_professional_id: 'P000328' }]);
    await waitFor(() => smtp.received.some((m) => m.raw.includes('ref.etab.orleans')));
    const mail = smtp.received.find((m) => m.raw.includes('ref.etab.orleans'))!;
    expect(mail.to).toEqual([TEAM]);
    expect(mail.raw).toContain(unitId);
    expect(mail.raw).toContain('P000328');
  });

  it('accepts suggestions, assistance requests and search reports from any user', async () => {
    const user = await asUser(url, 'decl.tension.bourges');
    const suggestion = await gql(url, 'mutation { suggestTheme(message: "Ajouter la thématique soins palliatifs") { kind subject { type } } }', {}, { authorization: user });
    expect(suggestion.errors).toBeUndefined();
    expect(suggestion.data).toEqual({ suggestTheme: { kind: 'SUGGESTION', subject: { type: 'NONE' } } });
    const help = await gql(url, ASSIST, { input: assistance({ message: 'Je ne trouve pas mon unité' }) }, { authorization: user });
    expect(help.data).toMatchObject({ requestAssistance: { kind: 'ASSISTANCE' } });
    const search = await report(user, { type: 'SEARCH', search: JSON.stringify({ name: 'cardiologie', departmentCode: '18' }), message: 'Résultats manquants' });
    expect(search.errors).toBeUndefined();
    expect(search.data!.reportError.subject.type).toBe('SEARCH');
  });

  it('stores the assistance form with its fields and mails them to the regional team', async () => {
    const user = await asUser(url, 'ref.uo.tours');
    const res = await gql<{ requestAssistance: { id: string; assistance: Record<string, unknown> } }>(url, ASSIST, { input: assistance() }, { authorization: user });
    expect(res.errors).toBeUndefined();
    expect(res.data!.requestAssistance.assistance).toEqual({
      lastName: 'HARLICOT',
      firstName: 'CLAUDE',
      phone: '+330607219465',
      email: 'charlicot@esante-centre.example',
      departmentCode: '41',
      establishment: 'GIP CENTRE VAL DE LOIRE eSANTE',
      jobTitle: 'Coordinatrice ROR',
      type: 'TECHNICAL',
      subject: 'Connexion impossible',
    });
    await waitFor(() => smtp.received.some((m) => m.raw.includes('charlicot@esante-centre.example')));
    const mail = smtp.received.find((m) => m.raw.includes('charlicot@esante-centre.example'))!;
    expect(mail.raw).toContain('Connexion impossible');
    expect(mail.raw).toContain('+330607219465');
    // The team reads it back with the form.
    const team = await asUser(url, 'admin.ars');
    const list = await gql<{ feedback: { edges: Array<{ node: { id: string; assistance: { subject: string } | null } }> } }>(
      url,
      '{ feedback(kind: ASSISTANCE, first: 50) { edges { node { id assistance { subject } } } } }',
      {},
      { authorization: team },
    );
    expect(list.data!.feedback.edges.find((e) => e.node.id === res.data!.requestAssistance.id)?.node.assistance).toEqual({ subject: 'Connexion impossible' });
  });

  it('refuses a malformed assistance form, naming the field, storing nothing', async () => {
    const user = await asUser(url, 'ref.uo.tours');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ departmentCode: '99' }, 'input.departmentCode'],
      [{ phone: '06 AB' }, 'input.phone'],
      [{ email: 'not-an-address' }, 'input.email'],
      [{ subject: '   ' }, 'input.subject'],
      [{ jobTitle: 'x'.repeat(201) }, 'input.jobTitle'],
      [{ message: ' ' }, 'message'],
    ];
    for (const [over, argument] of cases) {
      const res = await gql(url, ASSIST, { input: assistance({ establishment: 'REFUSE-ME', ...over }) }, { authorization: user });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(over)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.argumentName, JSON.stringify(over)).toBe(argument);
    }
    expect((await gql(url, ASSIST, { input: assistance({ type: 'URGENT' }) }, { authorization: user })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(url, ASSIST, { input: assistance() })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(url, ASSIST, { input: assistance() }, { authorization: await asApp(url, 'place-search') })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [{ n }] = await hub.db.rows<{ n: number }>(sql`select count(*)::int as n from offer.feedback where assistance->>'establishment' = 'REFUSE-ME'`);
    expect(n).toBe(0);
  });

  it('refuses anonymous callers and applications', async () => {
    const anonymous = await report(null, { type: 'NONE', message: 'x' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const app = await report(await asApp(url, 'place-search'), { type: 'UNIT', id: unitId, message: 'x' });
    expect(app.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(app.errors?.[0]?.message).toMatch(/offer\.report/);
    const suggestion = await gql(url, 'mutation { suggestTheme(message: "x") { id } }', {}, { authorization: await asApp(url, 'place-search') });
    expect(suggestion.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(suggestion.errors?.[0]?.message).toMatch(/hub users/);
  });

  it('answers NOT_FOUND for an unknown record and BAD_USER_INPUT for a bad message', async () => {
    const user = await asUser(url, 'ref.etab.orleans');
    const unknown = await report(user, { type: 'UNIT', id: 'no-such-unit', message: 'Erreur' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const empty = await report(user, { type: 'UNIT', id: unitId, message: '   ' });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const long = await report(user, { type: 'UNIT', id: unitId, message: 'x'.repeat(4001) });
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const [{ n }] = await hub.db.rows<{ n: number }>(sql`select count(*)::int as n from offer.feedback where subject_id = 'no-such-unit'`);
    expect(n).toBe(0);
  });

  it('lets the regional team list open items and close one', async () => {
    const team = await asUser(url, 'admin.ars');
    const open = await gql<{ feedback: { totalCount: number; edges: Array<{ node: FeedbackNode }> } }>(url, LIST, { status: 'OPEN' }, { authorization: team });
    expect(open.errors).toBeUndefined();
    expect(open.data!.feedback.totalCount).toBeGreaterThanOrEqual(4);
    expect(open.data!.feedback.edges.every((e) => e.node.status === 'OPEN')).toBe(true);
    const target = open.data!.feedback.edges.find((e) => e.node.kind === 'REPORT_ERROR' && e.node.senderLogin === 'ref.etab.orleans')!.node;

    const closed = await gql<{ closeFeedback: FeedbackNode }>(url, CLOSE, { id: target.id, note: 'Corrigé' }, { authorization: team });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeFeedback).toMatchObject({ id: target.id, status: 'CLOSED', closedBy: 'admin.ars', closingNote: 'Corrigé' });
    expect(closed.data!.closeFeedback.closedAt).toBeTruthy();

    const listed = await gql<{ feedback: { edges: Array<{ node: FeedbackNode }> } }>(url, LIST, { status: 'CLOSED' }, { authorization: team });
    expect(listed.data!.feedback.edges.map((e) => e.node.id)).toContain(target.id);
    const stillOpen = await gql<{ feedback: { edges: Array<{ node: FeedbackNode }> } }>(url, LIST, { status: 'OPEN' }, { authorization: team });
    expect(stillOpen.data!.feedback.edges.map((e) => e.node.id)).not.toContain(target.id);

    const again = await gql(url, CLOSE, { id: target.id }, { authorization: team });
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await gql(url, CLOSE, { id: '999999' }, { authorization: team });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('pages the list with cursors', async () => {
    const team = await asUser(url, 'admin.ars');
    const query = `query($after: String) { feedback(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { feedback: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const first = await gql<Page>(url, query, {}, { authorization: team });
    expect(first.data!.feedback.edges).toHaveLength(2);
    expect(first.data!.feedback.pageInfo.hasNextPage).toBe(true);
    const second = await gql<Page>(url, query, { after: first.data!.feedback.pageInfo.endCursor }, { authorization: team });
    const ids = [...first.data!.feedback.edges, ...second.data!.feedback.edges].map((e) => Number(e.node.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('refuses the list and closing to users outside the regional team, naming the right', async () => {
    const user = await asUser(url, 'ref.etab.orleans');
    const list = await gql(url, LIST, {}, { authorization: user });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(list.errors?.[0]?.message).toContain('ORU_ROR_ETABLISSEMENT_EDIT');
    const close = await gql(url, CLOSE, { id: '1' }, { authorization: user });
    expect(close.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(close.errors?.[0]?.message).toContain('ORU_ROR_ETABLISSEMENT_EDIT');
    const anonymous = await gql(url, LIST, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
