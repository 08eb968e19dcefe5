/**
 * Directors declare tensions for their establishment by default (rights.md; issue 18): a hub
 * user whose function (jobTitle) is a director's holds OruTension_tension_creation on each
 * establishment where they work, without a role assignment, and loses it with the function. Over
 * HTTP through the gateway, with real tokens (a new token after each change: identities are
 * cached per token).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, userToken } from '../scripts/token.js';
import { endToEndKinds, startTestHub, type TestHub } from './helpers/hub.js';
import { gql } from './helpers/graphql.js';
import { asUser } from './helpers/tokens.js';

const DECLARE = `mutation($establishmentId: ID!) {
  declareTension(input: { establishmentId: $establishmentId, disciplineGroupCode: "URGENCES", levelCode: HET_1, notes: "Afflux aux urgences" }) { id status level }
}`;
const SET_FUNCTION = `mutation($id: ID!, $jobTitle: String) { updateProfessional(id: $id, input: { jobTitle: $jobTitle }) { id jobTitle } }`;
const ME = '{ me { id jobTitle establishments { id } defaultGrants { rights perimeterKind perimeterId } } }';

const codeOf = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

describe.each(endToEndKinds('postgres'))('default grants by function on %s', (kind) => {
  let hub: TestHub;
  let url: string;
  const freshToken = async (login: string) => `Bearer ${await userToken(url.replace(/\/graphql$/, ''), login, DEMO_PASSWORD)}`;

  beforeAll(async () => {
    hub = await startTestHub(kind);
    url = hub.urls.graphql;
  });
  afterAll(() => hub?.close());

  it('lets a director declare for their own establishment only, and no longer once the function changes', async () => {
    // The Plan bleu referent of CH Blois (410000020): no tension right by role.
    const before = await asUser(url, 'ref.planbleu.blois');
    const me = await gql<{ me: { id: string; establishments: Array<{ id: string }>; defaultGrants: unknown[] } }>(url, ME, {}, { authorization: before });
    const { id, establishments } = me.data!.me;
    expect(establishments.map((e) => e.id)).toContain('410000020');
    expect(me.data!.me.defaultGrants).toEqual([]);
    expect(codeOf(await gql(url, DECLARE, { establishmentId: '410000020' }, { authorization: before }))).toBe('FORBIDDEN');

    const ars = { authorization: await asUser(url, 'admin.ars') };
    const named = await gql(url, SET_FUNCTION, { id, jobTitle: 'Directrice de l’établissement' }, ars);
    expect(named.errors).toBeUndefined();

    const director = await freshToken('ref.planbleu.blois');
    const grants = await gql<{ me: { defaultGrants: Array<{ rights: string[]; perimeterKind: string; perimeterId: string }> } }>(url, ME, {}, { authorization: director });
    expect(grants.data!.me.defaultGrants).toEqual(establishments.map((e) => ({ rights: ['OruTension_tension_creation'], perimeterKind: 'ESTABLISHMENT', perimeterId: e.id })));
    const declared = await gql<{ declareTension: { id: string; status: string } }>(url, DECLARE, { establishmentId: '410000020' }, { authorization: director });
    expect(declared.errors).toBeUndefined();
    expect(declared.data!.declareTension.status).toBe('IN_PROGRESS');
    // Not for an establishment where the director does not work.
    expect(codeOf(await gql(url, DECLARE, { establishmentId: '180000010' }, { authorization: director }))).toBe('FORBIDDEN');

    // Another function: the default right goes with it.
    expect((await gql(url, SET_FUNCTION, { id, jobTitle: 'Cadre de santé' }, ars)).errors).toBeUndefined();
    const manager = await freshToken('ref.planbleu.blois');
    expect(codeOf(await gql(url, DECLARE, { establishmentId: '410000020' }, { authorization: manager }))).toBe('FORBIDDEN');
  });

  it('shows default grants like role assignments: to the person and to role administrators only', async () => {
    const someone = await gql<{ professionals: { edges: Array<{ node: { id: string } }> } }>(
      url,
      '{ professionals(filter: { establishmentId: "180000010" }, first: 1) { edges { node { id } } } }',
      {},
      { authorization: await asUser(url, 'admin.ars') },
    );
    const id = someone.data!.professionals.edges[0]!.node.id;
    const query = '{ professional(id: "' + id + '") { defaultGrants { rights } } }';
    expect((await gql(url, query, {}, { authorization: await asUser(url, 'admin.ars') })).errors).toBeUndefined();
    expect(codeOf(await gql(url, query, {}, { authorization: await asUser(url, 'ref.planblanc.chartres') }))).toBe('FORBIDDEN');
  });
});
