/**
 * Role administration end to end: who may assign roles and grant rights (holders of
 * OuruRorCredentials_adminRoles covering the perimeter), which perimeter kinds a right or a role
 * accepts, revocation, who sees a professional's assignments, and the assignments reaching the
 * gateway as effective grants.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { GrantSpec } from './helpers/professionals.js';
import { endToEndKinds, type TestHub } from './helpers/hub.js';
import { ANONYMOUS, callAs, clientIdentity, codeOf, startProfessionalsHub, SYSTEM, userIdentity, type Call } from './helpers/professionals.js';

const ASSIGN = `mutation($p: ID!, $role: Role!, $kind: PerimeterKind!, $id: ID) {
  assignRole(professionalId: $p, role: $role, perimeterKind: $kind, perimeterId: $id) {
    assignment { id role right perimeterKind perimeterId effectiveRights grantedAt } grantedRights ignoredRights
  }
}`;
const GRANT = `mutation($p: ID!, $right: String!, $kind: PerimeterKind!, $id: ID) {
  grantRight(professionalId: $p, right: $right, perimeterKind: $kind, perimeterId: $id) {
    assignment { id role right perimeterKind perimeterId effectiveRights } grantedRights ignoredRights
  }
}`;
const REVOKE = `mutation($id: ID!) { revokeRoleAssignment(id: $id) { id role perimeterKind perimeterId } }`;
const ROLES_OF = `query($id: ID!) { professional(id: $id) { id roleAssignments { id role right perimeterKind perimeterId effectiveRights } } }`;

interface Payload {
  assignment: { id: string; role: string | null; right: string | null; perimeterKind: string; perimeterId: string | null; effectiveRights: string[] };
  grantedRights: string[];
  ignoredRights: string[];
}

describe.each(endToEndKinds('pglite'))('role administration on %s', (kind) => {
  let hub: TestHub;
  /** Admin of CHR Orléans (legal entity 450000088), admin of CHRU Tours, a unit referent (no admin right), the ARS. */
  let orleans: Call, tours: Call, unitReferent: Call, ars: Call, anonymous: Call;
  const as = async (professionalId: string, specs: GrantSpec[]) => callAs(hub.urls.subgraphs.professionals, await userIdentity(hub, professionalId, specs));

  beforeAll(async () => {
    hub = await startProfessionalsHub(kind);
    orleans = await as('P000328', [{ role: 'ESTABLISHMENT_REFERENT', kind: 'ORGANIZATION', id: '450000088' }]);
    tours = await as('P000212', [{ role: 'ESTABLISHMENT_REFERENT', kind: 'ORGANIZATION', id: '370000481' }]);
    unitReferent = await as('P000330', [{ role: 'UNIT_REFERENT', kind: 'ORGANIZATION', id: '450000088' }]);
    ars = await as('P000369', [{ role: 'ESTABLISHMENT_REFERENT', kind: 'TRANSVERSAL', id: null }]);
    anonymous = callAs(hub.urls.subgraphs.professionals, ANONYMOUS);
  });
  afterAll(() => hub?.close());

  it('assigns a role on a perimeter the admin covers, reporting the rights granted and ignored', async () => {
    const res = await orleans<{ assignRole: Payload }>(ASSIGN, { p: 'P000331', role: 'UNIT_REFERENT', kind: 'UNIT', id: '450002613-4554' });
    expect(res.errors).toBeUndefined();
    const { assignment, grantedRights, ignoredRights } = res.data!.assignRole;
    expect(assignment).toMatchObject({ role: 'UNIT_REFERENT', right: null, perimeterKind: 'UNIT', perimeterId: '450002613-4554' });
    expect(grantedRights).toEqual(expect.arrayContaining(['ORU_ALERTE', 'ORU_ROR_UNITE_EDIT', 'OruLitsDispos_litsdispos_saisie', 'ORU_CAPACITE_DISPONIBLE_EDIT']));
    expect(ignoredRights).toEqual(expect.arrayContaining(['ORU_ALERTE_NEW', 'ORU_PROFESSIONNEL_NEW', 'ORU_PROFESSIONNEL_DELETE', 'ORU_CAPACITE_DISPONIBLE_SHOW']));
    expect(assignment.effectiveRights).toEqual(grantedRights);
    expect([...grantedRights, ...ignoredRights].sort()).toHaveLength(16); // 15 of rights.md + ORU_ADMISSION_REPONSE

    const twice = await orleans<{ assignRole: Payload }>(ASSIGN, { p: 'P000331', role: 'UNIT_REFERENT', kind: 'UNIT', id: '450002613-4554' });
    expect(twice.data!.assignRole.assignment.id).toBe(assignment.id);
  });

  it('is refused outside the admin perimeter, to callers without the admin right, and to anonymous callers', async () => {
    const outside = await orleans(ASSIGN, { p: 'P000331', role: 'TENSION_DECLARANT', kind: 'ESTABLISHMENT', id: '370000481' });
    expect(codeOf(outside)).toBe('FORBIDDEN');
    expect(outside.errors![0]!.message).toMatch(/^Missing right OuruRorCredentials_adminRoles .* on establishment 370000481\.$/);
    expect(codeOf(await orleans(ASSIGN, { p: 'P000331', role: 'TENSION_DECLARANT', kind: 'TRANSVERSAL', id: null }))).toBe('FORBIDDEN');
    expect(codeOf(await tours(ASSIGN, { p: 'P000331', role: 'TENSION_DECLARANT', kind: 'ESTABLISHMENT', id: '450002613' }))).toBe('FORBIDDEN');
    expect(codeOf(await unitReferent(ASSIGN, { p: 'P000331', role: 'TENSION_DECLARANT', kind: 'ESTABLISHMENT', id: '450002613' }))).toBe('FORBIDDEN');
    expect(codeOf(await unitReferent(GRANT, { p: 'P000331', right: 'ORU_ALERTE', kind: 'UNIT', id: '450002613-4554' }))).toBe('FORBIDDEN');
    expect(codeOf(await anonymous(ASSIGN, { p: 'P000331', role: 'TENSION_DECLARANT', kind: 'ESTABLISHMENT', id: '450002613' }))).toBe('UNAUTHENTICATED');
    const app = callAs(hub.urls.subgraphs.professionals, clientIdentity(['professional.read']));
    expect(codeOf(await app(ASSIGN, { p: 'P000331', role: 'TENSION_DECLARANT', kind: 'ESTABLISHMENT', id: '450002613' }))).toBe('FORBIDDEN');
    const transversal = await ars<{ assignRole: Payload }>(ASSIGN, { p: 'P000331', role: 'TENSION_DECLARANT', kind: 'ESTABLISHMENT', id: '370000481' });
    expect(transversal.errors).toBeUndefined();
  });

  it('refuses a right on a perimeter kind it does not allow, naming the right, the kind and the allowed kinds', async () => {
    const res = await ars(GRANT, { p: 'P000331', right: 'ORU_ALERTE_NEW', kind: 'UNIT', id: '450002613-4554' });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toBe('Right ORU_ALERTE_NEW (create alerts) cannot be granted on a UNIT perimeter; allowed kinds: TRANSVERSAL, ORGANIZATION.');
    expect(res.errors![0]!.extensions!.argumentName).toBe('perimeterKind');
    const unknown = await ars(GRANT, { p: 'P000331', right: 'ORU_EVERYTHING', kind: 'TRANSVERSAL', id: null });
    expect(unknown.errors![0]!.message).toMatch(/^Unknown right "ORU_EVERYTHING"/);
    const ok = await ars<{ grantRight: Payload }>(GRANT, { p: 'P000331', right: 'ORU_CAPACITE_DISPONIBLE_EDIT', kind: 'ESTABLISHMENT', id: '450002613' });
    expect(ok.data!.grantRight).toMatchObject({ grantedRights: ['ORU_CAPACITE_DISPONIBLE_EDIT'], ignoredRights: [], assignment: { role: null, right: 'ORU_CAPACITE_DISPONIBLE_EDIT' } });
  });

  it('refuses a role on a perimeter kind where none of its rights is grantable', async () => {
    for (const [role, perimeterKind, id] of [['TENSION_DECLARANT', 'UNIT', '450002613-4554'], ['PLAN_BLEU_REFERENT', 'PROFESSIONAL', 'P000331']] as const) {
      const res = await ars(ASSIGN, { p: 'P000331', role, kind: perimeterKind, id });
      expect(codeOf(res), role).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toMatch(new RegExp(`^Role ${role} \\(.*\\) grants none of its rights on a ${perimeterKind} perimeter`));
    }
  });

  it('checks the perimeter id against its kind', async () => {
    const cases: Array<[string, string | null, string]> = [
      ['TRANSVERSAL', '450000088', 'BAD_USER_INPUT'],
      ['ORGANIZATION', null, 'BAD_USER_INPUT'],
      ['ESTABLISHMENT', 'Orleans', 'BAD_USER_INPUT'],
      ['UNIT', '450002613', 'BAD_USER_INPUT'],
      ['PROFESSIONAL', 'P999999', 'NOT_FOUND'],
    ];
    for (const [perimeterKind, id, code] of cases) {
      expect(codeOf(await ars(ASSIGN, { p: 'P000331', role: 'ESTABLISHMENT_REFERENT', kind: perimeterKind, id })), `${perimeterKind} ${id}`).toBe(code);
    }
    expect(codeOf(await ars(ASSIGN, { p: 'P999999', role: 'ESTABLISHMENT_REFERENT', kind: 'TRANSVERSAL', id: null }))).toBe('NOT_FOUND');
  });

  it('grants on a professional perimeter covered through the establishments the professional works in', async () => {
    const covered = await orleans<{ grantRight: Payload }>(GRANT, { p: 'P000331', right: 'ORU_PROFESSIONNEL_EDIT', kind: 'PROFESSIONAL', id: 'P000329' });
    expect(covered.errors).toBeUndefined();
    expect(codeOf(await orleans(GRANT, { p: 'P000331', right: 'ORU_PROFESSIONNEL_EDIT', kind: 'PROFESSIONAL', id: 'P000001' }))).toBe('FORBIDDEN');
  });

  it('revokes, by admins covering the perimeter only', async () => {
    const { data } = await orleans<{ assignRole: Payload }>(ASSIGN, { p: 'P000331', role: 'PLAN_BLANC_REFERENT', kind: 'ESTABLISHMENT', id: '450002613' });
    const id = data!.assignRole.assignment.id;
    expect(codeOf(await tours(REVOKE, { id }))).toBe('FORBIDDEN');
    expect(codeOf(await unitReferent(REVOKE, { id }))).toBe('FORBIDDEN');
    const revoked = await orleans<{ revokeRoleAssignment: { id: string; role: string } }>(REVOKE, { id });
    expect(revoked.data!.revokeRoleAssignment).toMatchObject({ id, role: 'PLAN_BLANC_REFERENT', perimeterKind: 'ESTABLISHMENT' });
    expect(codeOf(await orleans(REVOKE, { id }))).toBe('NOT_FOUND');
    for (const bad of ['abc', '0', '99999999999']) expect(codeOf(await orleans(REVOKE, { id: bad })), bad).toBe('NOT_FOUND');
  });

  it('shows assignments to the professional and to admins covering them only', async () => {
    await orleans(ASSIGN, { p: 'P000331', role: 'UNIT_REFERENT', kind: 'UNIT', id: '450002613-4554' });
    const self = await as('P000331', []);
    const mine = await self<{ professional: { roleAssignments: Array<{ role: string | null }> } }>(ROLES_OF, { id: 'P000331' });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.professional.roleAssignments.map((r) => r.role)).toContain('UNIT_REFERENT');
    expect((await orleans(ROLES_OF, { id: 'P000331' })).errors).toBeUndefined();
    expect((await callAs(hub.urls.subgraphs.professionals, SYSTEM)(ROLES_OF, { id: 'P000331' })).errors).toBeUndefined();
    const denied = await tours<{ professional: { id: string; roleAssignments: null } | null }>(ROLES_OF, { id: 'P000331' });
    expect(codeOf(denied)).toBe('FORBIDDEN');
    expect(codeOf(await self(ROLES_OF, { id: 'P000330' }))).toBe('FORBIDDEN');
  });

  it('reach the gateway as effective grants that the subgraph then honours', async () => {
    // The ARS grants the Blois Plan bleu referent the right to archive professionals of CH Blois (EJ 410000087).
    const granted = await ars<{ grantRight: Payload }>(GRANT, { p: 'P000235', right: 'ORU_PROFESSIONNEL_DELETE', kind: 'ORGANIZATION', id: '410000087' });
    expect(granted.errors).toBeUndefined();
    const system = callAs(hub.urls.subgraphs.professionals, SYSTEM);
    const { data } = await system<{ accountGrants: { professionalId: string; assignments: Array<{ rights: string[]; kind: string; id: string }> } }>(
      `{ accountGrants(login: "ref.planbleu.blois") { professionalId assignments { rights kind id } } }`,
    );
    const grants = data!.accountGrants.assignments;
    expect(grants).toContainEqual({ rights: ['ORU_PROFESSIONNEL_DELETE'], kind: 'ORGANIZATION', id: '410000087' });
    const blois = await as(data!.accountGrants.professionalId, grants.map((g) => ({ rights: g.rights as GrantSpec['rights'], kind: g.kind as GrantSpec['kind'], id: g.id })));
    const archive = `mutation($id: ID!) { archiveProfessional(id: $id) { archived } }`;
    expect((await blois(archive, { id: 'P000236' })).data).toEqual({ archiveProfessional: { archived: true } }); // works at 410000020
    expect(codeOf(await blois(archive, { id: 'P000001' }))).toBe('FORBIDDEN'); // Bourges
  });
});
