/**
 * The authorisation matrix: each demo role (docs/demo-identities.md) × representative operations
 * of each subgraph, on a target inside its perimeter and one outside, through the gateway with
 * real tokens from the embedded OpenID provider. Expected outcomes are written by hand from
 * rights.md (docs/authorisation.md explains the rules), not computed from the code under test.
 */
import { describe, it, expect, inject, beforeAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { endToEndKinds } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asUser } from './helpers/tokens.js';
import { buildDemoRegion } from '../scripts/demo/region.js';
import { buildDemoIdentities } from '../scripts/demo/identities.js';

type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'hidden';
interface Target {
  establishment: string;
  unit: string;
  professional: string;
}
type Operation = (url: string, authorization: string | null, target: Target) => Promise<Outcome>;

const TOURS_UNIT = buildDemoIdentities(buildDemoRegion()).find((i) => i.login === 'ref.uo.tours')!.assignments[0]!.perimeterId!;
/** A unique name of letters only (names are capitals without digits). */
function uniqueName(): string {
  return `MATRICE ${Array.from(randomBytes(8), (b) => String.fromCharCode(65 + (b % 26))).join('')}`;
}

function outcomeOf(result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }): Outcome {
  const code = result.errors?.[0]?.extensions?.code;
  return code === undefined ? 'ok' : (String(code) as Outcome);
}

const headers = (authorization: string | null): Record<string, string> => (authorization ? { authorization } : {});

const OPERATIONS: Record<string, Operation> = {
  'offer: read a sensitive unit': async (url, auth) => {
    const res = await gql<{ unit: { id: string } | null }>(url, `query($id: ID!) { unit(id: $id) { id } }`, { id: SENSITIVE_UNIT }, headers(auth));
    return res.errors ? outcomeOf(res) : res.data!.unit ? 'ok' : 'hidden';
  },
  'capacities: read a unit capacity': async (url, auth, t) =>
    outcomeOf(await gql(url, `query($id: ID!) { unit(id: $id) { capacity { availableBeds } } }`, { id: t.unit }, headers(auth))),
  'tensions: read an establishment tensions': async (url, auth, t) =>
    outcomeOf(await gql(url, `query($id: ID!) { establishment(id: $id) { tensions { id } } }`, { id: t.establishment }, headers(auth))),
  'professionals: create at the establishment': async (url, auth, t) =>
    outcomeOf(
      await gql(
        url,
        `mutation($input: CreateProfessionalInput!) { createProfessional(input: $input, confirmSimilar: true) { id } }`,
        { input: { lastName: uniqueName(), firstName: 'ESSAI', establishmentIds: [t.establishment] } },
        headers(auth),
      ),
    ),
  'professionals: see a last login': async (url, auth, t) =>
    outcomeOf(await gql(url, `query($id: ID!) { professional(id: $id) { lastLoginAt } }`, { id: t.professional }, headers(auth))),
  'professionals: assign a role on the establishment': async (url, auth, t) =>
    outcomeOf(
      await gql(
        url,
        `mutation($p: ID!, $e: ID) { assignRole(professionalId: $p, role: TENSION_DECLARANT, perimeterKind: ESTABLISHMENT, perimeterId: $e) { grantedRights } }`,
        { p: t.professional, e: t.establishment },
        headers(auth),
      ),
    ),
};

/** [in perimeter, out of perimeter] per operation, in the order of OPERATIONS. */
const EXPECTED: Record<string, { in: string; out: string; outcomes: Array<[Outcome, Outcome]> }> = {
  'admin.ars': { in: '450002613', out: '180000010', outcomes: [['ok', 'ok'], ['ok', 'ok'], ['ok', 'ok'], ['ok', 'ok'], ['ok', 'ok'], ['ok', 'ok']] },
  'ref.etab.orleans': { in: '450002613', out: '180000010', outcomes: [['ok', 'ok'], ['FORBIDDEN', 'FORBIDDEN'], ['ok', 'FORBIDDEN'], ['ok', 'FORBIDDEN'], ['ok', 'FORBIDDEN'], ['ok', 'FORBIDDEN']] },
  'ref.uo.tours': { in: '370004467', out: '180000010', outcomes: [['ok', 'ok'], ['ok', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN']] },
  'decl.tension.bourges': { in: '180000010', out: '450002613', outcomes: [['ok', 'ok'], ['FORBIDDEN', 'FORBIDDEN'], ['ok', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN']] },
  'ref.planblanc.chartres': { in: '280504267', out: '180000010', outcomes: [['ok', 'ok'], ['ok', 'FORBIDDEN'], ['ok', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN']] },
  'ref.planbleu.blois': { in: '410000020', out: '180000010', outcomes: [['ok', 'ok'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN']] },
  'saisie.lits.chateauroux': { in: '360000137', out: '180000010', outcomes: [['ok', 'ok'], ['ok', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN'], ['FORBIDDEN', 'FORBIDDEN']] },
  anonymous: { in: '450002613', out: '180000010', outcomes: [['hidden', 'hidden'], ['UNAUTHENTICATED', 'UNAUTHENTICATED'], ['UNAUTHENTICATED', 'UNAUTHENTICATED'], ['UNAUTHENTICATED', 'UNAUTHENTICATED'], ['UNAUTHENTICATED', 'UNAUTHENTICATED'], ['UNAUTHENTICATED', 'UNAUTHENTICATED']] },
};

const SENSITIVE_UNIT = buildDemoRegion().units.find((u) => u.sensitive)!.id;

describe.each(endToEndKinds('postgres'))('authorisation matrix on %s', (kind) => {
  const url = () => inject('hubs')[kind]!.graphql;
  const targets = new Map<string, Target>();

  beforeAll(async () => {
    const admin = await asUser(url(), 'admin.ars');
    const ids = [...new Set(Object.values(EXPECTED).flatMap((e) => [e.in, e.out]))];
    for (const id of ids) {
      const res = await gql<{ establishment: { units: Array<{ id: string }>; professionals: Array<{ id: string }> } }>(
        url(),
        `query($id: ID!) { establishment(id: $id) { units { id } professionals { id } } }`,
        { id },
        { authorization: admin },
      );
      const e = res.data!.establishment;
      targets.set(id, { establishment: id, unit: id === '370004467' ? TOURS_UNIT : e.units[0]!.id, professional: e.professionals[0]!.id });
    }
  });

  for (const [login, expected] of Object.entries(EXPECTED)) {
    it(`${login}: allowed and denied as its rights say`, async () => {
      const authorization = login === 'anonymous' ? null : await asUser(url(), login);
      const actual: Array<[Outcome, Outcome]> = [];
      for (const operation of Object.values(OPERATIONS)) {
        actual.push([
          await operation(url(), authorization, targets.get(expected.in)!),
          await operation(url(), authorization, targets.get(expected.out)!),
        ]);
      }
      const table = (rows: Array<[Outcome, Outcome]>) => Object.keys(OPERATIONS).map((name, i) => `${name}: ${rows[i]!.join(' / ')}`);
      expect(table(actual)).toEqual(table(expected.outcomes));
    });
  }
});
