/**
 * The console's menu comes from the signed-in user's effective rights (web/src/rights.ts), read
 * from `me { roleAssignments { effectiveRights } }` like the console does: each demo user sees
 * exactly the screens their roles open, and the answer buttons follow the right's perimeter.
 */
import { describe, it, expect, inject } from 'vitest';
import { answersFor, rightsOf, screensFor, type Me } from '../web/src/rights.js';
import { gql } from './helpers/graphql.js';
import { asUser } from './helpers/tokens.js';

const graphql = inject('hubs').pglite!.graphql;
// The console's own query (web/src/operations/me.ts), kept valid by test/console-operations.test.ts.
const ME = 'query { me { id firstName lastName account { login } roleAssignments { id role right perimeterKind perimeterId effectiveRights } } }';

async function meOf(login: string): Promise<Me> {
  const result = await gql<{ me: Me }>(graphql, ME, {}, { authorization: await asUser(graphql, login) });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.me;
}

const titles = (me: Me) => screensFor(rightsOf(me)).map((screen) => screen.title);

describe('console menu by rights', () => {
  it('shows each demo user the screens their rights open, and nothing else', async () => {
    const [gp, manager, entry, ars, declarant] = await Promise.all(['medecin.ville.orleans', 'gestionnaire.lits.orleans', 'saisie.lits.chateauroux', 'admin.ars', 'decl.tension.bourges'].map(meOf));
    expect(titles(gp!)).toEqual(['Recherche de place', 'Demandes d’admission']);
    // The bed manager's synthesis right opens the dashboard.
    expect(titles(manager!)).toEqual(['Recherche de place', 'Demandes d’admission', 'Tableau de bord']);
    // Capacity entry: the synthesis of its establishment's capacities.
    expect(titles(entry!)).toEqual(['Tableau de bord']);
    // The ARS: the tension read rights (ORU_ALERTE_NEW) and the admission indicators, region-wide.
    expect(rightsOf(ars!).has('ORU_ADMISSION_INDICATEURS')).toBe(true);
    expect(titles(ars!)).toEqual(['Urgences', 'Tableau de bord']);
    // A tension declarant reads its ED's indicators, nothing of the capacities' synthesis.
    expect(titles(declarant!)).toEqual(['Urgences']);
  });

  it('offers the answer buttons only on units of the answer right’s perimeter', async () => {
    const manager = await meOf('gestionnaire.lits.orleans'); // BED_MANAGER on legal entity 450000088
    expect(answersFor(manager, { unitId: '450002613-1105', establishmentId: '450002613', organizationId: '450000088' })).toBe(true);
    expect(answersFor(manager, { unitId: '180000010-1', establishmentId: '180000010', organizationId: '180000028' })).toBe(false);
    const gp = await meOf('medecin.ville.orleans'); // asks, never answers
    expect(answersFor(gp, { unitId: '450002613-1105', establishmentId: '450002613', organizationId: '450000088' })).toBe(false);
  });
});
