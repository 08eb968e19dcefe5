/**
 * The console's menu comes from the signed-in user's effective rights (web/src/rights.ts), read
 * from `me { roleAssignments { effectiveRights } }` like the console does: each demo user sees
 * exactly the screens their roles open, and the answer buttons follow the right's perimeter.
 */
import { describe, it, expect, inject } from 'vitest';
import { answersFor, readsRegionTensions, rightsOf, screenOf, screensFor, type Me } from '../web/src/rights.js';
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
    const [gp, manager, entry, ars] = await Promise.all(['medecin.ville.orleans', 'gestionnaire.lits.orleans', 'saisie.lits.chateauroux', 'admin.ars'].map(meOf));
    expect(titles(gp!)).toEqual(['Recherche de place', 'Demandes d’admission']);
    expect(titles(manager!)).toEqual(['Recherche de place', 'Demandes d’admission']);
    // Capacity entry and the ARS's indicators open none of the two admission screens; the ARS's
    // alert rights (transversal) open Tensions.
    expect(titles(entry!)).toEqual([]);
    expect(rightsOf(ars!).has('ORU_ADMISSION_INDICATEURS')).toBe(true);
    expect(titles(ars!)).toEqual(['Tensions', 'Offre', 'Professionnels']);
  });

  it('opens Tensions to declarants, plan referents and alert holders, and its region view to the ARS only', async () => {
    const [declarant, planBlanc, planBleu, ars] = await Promise.all(['decl.tension.bourges', 'ref.planblanc.chartres', 'ref.planbleu.blois', 'admin.ars'].map(meOf));
    for (const me of [declarant!, planBlanc!, planBleu!]) expect(titles(me)).toEqual(['Tensions']);
    expect(readsRegionTensions(ars!)).toBe(true);
    // An establishment's declarant or alert holder reads its own tensions, not the region's.
    expect(readsRegionTensions(declarant!)).toBe(false);
    expect(readsRegionTensions(planBlanc!)).toBe(false);
    expect(readsRegionTensions(planBleu!)).toBe(false);
    expect(screenOf(screensFor(rightsOf(declarant!)), '/tensions/declarer')?.title).toBe('Tensions');
    expect(screenOf(screensFor(rightsOf(ars!)), '/tensionsX')).toBeUndefined();
  });

  it('opens Offre to the offer’s referents and Professionnels to those who manage professionals', async () => {
    const [establishmentReferent, unitReferent] = await Promise.all(['ref.etab.orleans', 'ref.uo.tours'].map(meOf));
    expect(titles(establishmentReferent!)).toEqual(['Tensions', 'Offre', 'Professionnels']);
    // On a unit, a Référent UO keeps ORU_ROR_UNITE_EDIT (and ORU_ADMISSION_REPONSE) but none of the
    // professionals' rights (legal-entity or transversal ones).
    expect(titles(unitReferent!)).toEqual(['Demandes d’admission', 'Tensions', 'Offre']);
  });

  it('offers the answer buttons only on units of the answer right’s perimeter', async () => {
    const manager = await meOf('gestionnaire.lits.orleans'); // BED_MANAGER on legal entity 450000088
    expect(answersFor(manager, { unitId: '450002613-1105', establishmentId: '450002613', organizationId: '450000088' })).toBe(true);
    expect(answersFor(manager, { unitId: '180000010-1', establishmentId: '180000010', organizationId: '180000028' })).toBe(false);
    const gp = await meOf('medecin.ville.orleans'); // asks, never answers
    expect(answersFor(gp, { unitId: '450002613-1105', establishmentId: '450002613', organizationId: '450000088' })).toBe(false);
  });
});
