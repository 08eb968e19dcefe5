/**
 * The rescue e-mail is write-only: set with ORU_PROFESSIONNEL_MAIL_SECOURS_EDIT, unique across
 * professionals ignoring case, and never returned nor logged. Everything goes through the gateway
 * with real bearer tokens; every response body, the schema the gateway serves, the subgraph SDL,
 * the supergraph file and every log line (trace level) are scanned for the addresses.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { sql } from 'drizzle-orm';
import { Kind, parse, type DocumentNode } from 'graphql';
import { endToEndKinds } from './helpers/hub.js';
import { callAs, codeOf, startGatewayHub, SYSTEM, type Call, type GatewayHub } from './helpers/professionals.js';
import { startSmtpServer, type TestSmtpServer } from './helpers/smtp.js';

const ADDRESS = 'Secours.Dumont-7f3k@rescue-test.example';
const SECOND = 'second.rescue-q9z2@rescue-test.example';
const FORBIDDEN_NAME = /rescue|secours/i;

/** Every field of Professional (checked against introspection below, so new fields get scanned too). */
const ALL_FIELDS = `id lastName firstName sex profession { system code display } specialty { system code display } rppsNumber adeliNumber
  jobTitle workEmail workPhone mssanteAddress defaultGrants { rights perimeterKind perimeterId } establishments { id } units { id } situations { id } account { login enabled hasPassword } lastLoginAt
  roleAssignments { id role right perimeterKind perimeterId effectiveRights grantedAt } archived archivedAt createdAt updatedAt`;

/** Names of output fields (object and interface types) of an SDL document that match FORBIDDEN_NAME. */
function outputFieldsNamed(document: DocumentNode): string[] {
  return document.definitions.flatMap((d) =>
    (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION || d.kind === Kind.INTERFACE_TYPE_DEFINITION) && d.fields
      ? d.fields.filter((f) => FORBIDDEN_NAME.test(f.name.value)).map((f) => `${d.name.value}.${f.name.value}`)
      : [],
  );
}

describe.each(endToEndKinds('pglite'))('rescue e-mail on %s', (kind) => {
  let gateway: GatewayHub;
  let smtp: TestSmtpServer;
  const logs: string[] = [];
  const bodies: string[] = [];
  let ars: Call, orleans: Call, unitReferent: Call, anonymous: Call;

  /** Records every response body for the final scan. */
  const recorded = (call: Call): Call => async <T,>(query: string, variables?: Record<string, unknown>) => {
    const result = await call<T>(query, variables);
    bodies.push(JSON.stringify(result));
    return result;
  };

  beforeAll(async () => {
    // The SMTP server refuses recipients quoting them, as real servers do: the worker's failure
    // log is where an address would most likely leak.
    smtp = await startSmtpServer({ refuseRecipients: true });
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString('utf8'));
        done();
      },
    });
    gateway = await startGatewayHub(kind, { env: { SMTP_URL: smtp.url, LOG_LEVEL: 'trace' }, logger: pino({ level: 'trace' }, stream) });
    ars = recorded(await gateway.as('admin.ars'));
    orleans = recorded(await gateway.as('ref.etab.orleans'));
    unitReferent = recorded(await gateway.as('ref.uo.tours'));
    anonymous = recorded(await gateway.as(null));
  });
  afterAll(async () => {
    await gateway?.close();
    await smtp?.close();
  });

  const SET = `mutation($id: ID!, $email: String!) { setRescueEmail(professionalId: $id, email: $email) { ${ALL_FIELDS} } }`;

  it('is set with ORU_PROFESSIONNEL_MAIL_SECOURS_EDIT covering the professional, and the answer holds no address', async () => {
    const set = await orleans<{ setRescueEmail: { id: string } }>(SET, { id: 'P000329', email: ADDRESS });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setRescueEmail.id).toBe('P000329');
    expect(codeOf(await orleans(SET, { id: 'P000001', email: 'other@rescue-test.example' }))).toBe('FORBIDDEN'); // Bourges: outside CHR Orléans
    expect(codeOf(await unitReferent(SET, { id: 'P000215', email: 'other@rescue-test.example' }))).toBe('FORBIDDEN'); // the UO referent role lacks the right
    expect(codeOf(await anonymous(SET, { id: 'P000329', email: 'other@rescue-test.example' }))).toBe('UNAUTHENTICATED');
    const invalid = await orleans(SET, { id: 'P000329', email: 'not an address' });
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    expect(invalid.errors![0]!.message).not.toContain('not an address');
    const [stored] = await gateway.hub.db.rows<{ rescue_email: string }>(sql`select rescue_email from professionals.professional where id = 'P000329'`);
    expect(stored!.rescue_email).toBe(ADDRESS);
  });

  it('is unique across professionals ignoring case; the refusal names neither the address nor its holder', async () => {
    const taken = await ars(SET, { id: 'P000001', email: ADDRESS.toUpperCase() });
    expect(codeOf(taken)).toBe('CONFLICT');
    expect(taken.errors![0]!.message).toBe('This rescue e-mail is already used by another professional.');
    const create = `mutation($email: String!, $login: String!) { createProfessional(input: { lastName: "Secours", firstName: "Nouveau", establishmentIds: ["450002613"], account: { login: $login, rescueEmail: $email } }, confirmSimilar: true) { ${ALL_FIELDS} } }`;
    const again = await orleans(create, { email: ` ${ADDRESS.toLowerCase()} `, login: 'secours.nouveau' });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0]!.extensions!.argumentName).toBe('input.account.rescueEmail');
    const created = await orleans<{ createProfessional: { id: string; account: { login: string } } }>(create, { email: SECOND, login: 'secours.nouveau' });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createProfessional.account.login).toBe('secours.nouveau');
    expect(codeOf(await ars(SET, { id: 'P000329', email: ADDRESS }))).toBeUndefined(); // setting one's own address again is no conflict
  });

  it('never appears in any answer: queries of every field, lists, similar names, entities, errors', async () => {
    const introspected = await ars<{ __type: { fields: Array<{ name: string }> } }>(`{ __type(name: "Professional") { fields { name } } }`);
    const selected = new Set(ALL_FIELDS.replace(/\{[^}]*\}/g, ' ').split(/\s+/).filter(Boolean));
    expect(introspected.data!.__type.fields.map((f) => f.name).sort()).toEqual([...selected].sort());

    await ars(`{ professional(id: "P000329") { ${ALL_FIELDS} } }`);
    await ars(`{ professionals(filter: { name: "secours" }, first: 10) { edges { node { ${ALL_FIELDS} } } } }`);
    await ars(`{ professionals(filter: { establishmentId: "450002613" }, first: 200) { edges { node { ${ALL_FIELDS} } } } }`);
    await ars(`{ similarProfessionals(lastName: "Dumont", firstName: "Celine") { similarity professional { ${ALL_FIELDS} } } }`);
    await ars(`{ establishment(id: "450002613") { professionals { ${ALL_FIELDS} } units { professionals { ${ALL_FIELDS} } } } }`);
    await orleans(`{ me { ${ALL_FIELDS} } }`);
    const similar = await orleans(`mutation { createProfessional(input: { lastName: "Dumont", firstName: "Celine", establishmentIds: ["450002613"] }) { id } }`);
    expect(codeOf(similar)).toBe('CONFIRMATION_REQUIRED');
    const subgraph = callAs(gateway.hub.urls.subgraphs.professionals, SYSTEM);
    bodies.push(JSON.stringify(await subgraph(`{ _entities(representations: [{ __typename: "Professional", id: "P000329" }]) { ... on Professional { ${ALL_FIELDS} } } }`)));
    bodies.push(JSON.stringify(await subgraph(`{ accountGrants(login: "secours.nouveau") { accountId login professionalId enabled assignments { rights } } }`)));

    expect(bodies.length).toBeGreaterThan(15);
    for (const body of bodies) {
      expect(body.toLowerCase()).not.toContain(ADDRESS.toLowerCase());
      expect(body.toLowerCase()).not.toContain(SECOND.toLowerCase());
      expect(body).not.toContain('rescue-test.example');
    }
  });

  it('has no readable field in the schema: gateway introspection, subgraph SDL, supergraph', async () => {
    const schema = await ars<{ __schema: { types: Array<{ name: string; kind: string; fields: Array<{ name: string }> | null; inputFields: Array<{ name: string }> | null }> } }>(
      `{ __schema { types { name kind fields { name } inputFields { name } } } }`,
    );
    const types = schema.data!.__schema.types.filter((t) => !t.name.startsWith('__'));
    const outputs = types.flatMap((t) => (t.fields ?? []).map((f) => `${t.name}.${f.name}`));
    const inputs = types.flatMap((t) => (t.inputFields ?? []).map((f) => `${t.name}.${f.name}`));
    // Write paths only: the mutation that sets it and the input that gives it with a new account.
    expect(outputs.filter((n) => FORBIDDEN_NAME.test(n))).toEqual(['Mutation.setRescueEmail']);
    expect(inputs.filter((n) => FORBIDDEN_NAME.test(n))).toEqual(['AccountInput.rescueEmail']);
    const professional = await ars<{ __type: { fields: Array<{ name: string; type: { name: string | null } }> } }>(`{ __type(name: "Professional") { fields { name type { name } } } }`);
    expect(JSON.stringify(professional.data)).not.toMatch(FORBIDDEN_NAME);

    const { data } = await callAs(gateway.hub.urls.subgraphs.professionals, SYSTEM)<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    expect(outputFieldsNamed(parse(data!._service.sdl))).toEqual(['Mutation.setRescueEmail']);
    const supergraph = readFileSync(new URL('../schemas/supergraph.graphql', import.meta.url), 'utf8');
    expect(outputFieldsNamed(parse(supergraph))).toEqual(['Mutation.setRescueEmail']);
    expect(supergraph).not.toContain('rescue-test.example');
  });

  it('is never logged, not even when the SMTP server refuses the mail quoting the address', async () => {
    const attempted = async () => {
      const rows = await gateway.hub.db.rows<{ last_error: string | null }>(sql`select last_error from professionals.mail_outbox where lower(recipient) = lower(${SECOND})`);
      return rows[0]?.last_error ?? null;
    };
    for (let i = 0; i < 100 && !(await attempted()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await attempted()).toMatch(/550 <<address>>: mailbox unavailable/);
    const all = logs.join('');
    expect(all).toContain('mail will be retried'); // the capture works, and the failure was logged
    expect(all).toContain('"url":"/graphql"'); // request logs at trace level are captured too
    expect(all.toLowerCase()).not.toContain(ADDRESS.toLowerCase());
    expect(all.toLowerCase()).not.toContain(SECOND.toLowerCase());
    expect(all).not.toContain('rescue-test.example');
  });
});
