/**
 * The console's menu comes from the signed-in user's effective rights (web/src/rights.ts), read
 * from `me { roleAssignments { effectiveRights } }` like the console does: each demo user sees
 * exactly the screens their roles open, and the answer buttons follow the right's perimeter.
 */
import { describe, it, expect, inject } from 'vitest';
import { CAPACITY_RIGHTS, answersFor, holdsOn, readsRegionTensions, rightsOf, screenOf, screensFor, type Me } from '../web/src/rights.js';
import { gql } from './helpers/graphql.js';
import { asUser } from './helpers/tokens.js';

const graphql = inject('hubs').pglite!.graphql;
// The console's own query (web/src/operations/me.ts), kept valid by test/console-operations.test.ts.
const ME = 'query { me { id firstName lastName account { login } roleAssignments { id role right perimeterKind perimeterId effectiveRights } defaultGrants { rights perimeterKind perimeterId } } }';

async function meOf(login: string): Promise<Me> {
  const result = await gql<{ me: Me }>(graphql, ME, {}, { authorization: await asUser(graphql, login) });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.me;
}

const titles = (me: Me) => screensFor(rightsOf(me)).map((screen) => screen.title);

describe('console menu by rights', () => {
  it('shows each demo user the screens their rights open, and nothing else', async () => {
    // Exact menus, in the menu's order (SCREENS): why each user gets each screen is in the comments.
    const expected: Record<string, string[]> = {
      // Asks for places, follows its requests; no capacity, tension or offer right. A member of the
      // demo CPTS: reads its crisis cell.
      'medecin.ville.orleans': ['Cellule de crise CPTS', 'Recherche de place', 'Demandes d’admission'],
      // The demo CPTS's coordinator: its crisis cell only.
      'coord.cpts.orleans': ['Cellule de crise CPTS'],
      // BED_MANAGER on CHR Orléans: synthesis (dashboard), capacity reading, answers requests.
      'gestionnaire.lits.orleans': ['Tableau de bord', 'Lits disponibles', 'Recherche de place', 'Demandes d’admission'],
      // Capacity entry on CH Châteauroux, with the synthesis of its establishment.
      'saisie.lits.chateauroux': ['Tableau de bord', 'Lits disponibles'],
      // The ARS: admission indicators and capacity reading region-wide (dashboard, beds), alert
      // rights (tensions, EDs), CPTS crisis cells read region-wide, establishment referent on
      // everything (offer, professionals).
      'admin.ars': ['Tableau de bord', 'Lits disponibles', 'Tensions', 'Urgences', 'Cellule de crise CPTS', 'Offre', 'Professionnels'],
      // A tension declarant reads its ED's indicators, nothing of the capacities.
      'decl.tension.bourges': ['Tensions', 'Urgences'],
      // The Plan blanc referent also follows its establishment's capacities and ED.
      'ref.planblanc.chartres': ['Lits disponibles', 'Tensions', 'Urgences'],
      'ref.planbleu.blois': ['Tensions'],
      'ref.etab.orleans': ['Tensions', 'Urgences', 'Offre', 'Professionnels'],
      // On a unit, a Référent UO keeps ORU_ROR_UNITE_EDIT (and ORU_ADMISSION_REPONSE) but none of the
      // professionals' rights (legal-entity or transversal ones).
      'ref.uo.tours': ['Lits disponibles', 'Tensions', 'Urgences', 'Demandes d’admission', 'Offre'],
      // The territorial coordinator of a sector: its dashboard only (docs/territory.md).
      'coord.territoire.centre': ['Gestion territoriale'],
    };
    const logins = Object.keys(expected);
    const mes = await Promise.all(logins.map(meOf));
    expect(Object.fromEntries(logins.map((login, i) => [login, titles(mes[i]!)]))).toEqual(expected);
    expect(rightsOf(mes[logins.indexOf('admin.ars')]!).has('ORU_ADMISSION_INDICATEURS')).toBe(true);
  });

  it('opens the Tensions region view to the ARS only, and sub-paths to their screen', async () => {
    const [declarant, planBlanc, planBleu, ars] = await Promise.all(['decl.tension.bourges', 'ref.planblanc.chartres', 'ref.planbleu.blois', 'admin.ars'].map(meOf));
    expect(readsRegionTensions(ars!)).toBe(true);
    // An establishment's declarant or alert holder reads its own tensions, not the region's.
    expect(readsRegionTensions(declarant!)).toBe(false);
    expect(readsRegionTensions(planBlanc!)).toBe(false);
    expect(readsRegionTensions(planBleu!)).toBe(false);
    expect(screenOf(screensFor(rightsOf(declarant!)), '/tensions/declarer')?.title).toBe('Tensions');
    expect(screenOf(screensFor(rightsOf(ars!)), '/tensionsX')).toBeUndefined();
  });

  it('offers the answer buttons only on units of the answer right’s perimeter', async () => {
    const manager = await meOf('gestionnaire.lits.orleans'); // BED_MANAGER on legal entity 450000088
    expect(answersFor(manager, { unitId: '450002613-1105', establishmentId: '450002613', organizationId: '450000088' })).toBe(true);
    expect(answersFor(manager, { unitId: '180000010-1', establishmentId: '180000010', organizationId: '180000028' })).toBe(false);
    const gp = await meOf('medecin.ville.orleans'); // asks, never answers
    expect(answersFor(gp, { unitId: '450002613-1105', establishmentId: '450002613', organizationId: '450000088' })).toBe(false);
  });

  it('offers capacity entry boxes only on units of the entry right’s perimeter', async () => {
    const [entry, ars] = await Promise.all([meOf('saisie.lits.chateauroux'), meOf('admin.ars')]); // BED_ENTRY on legal entity 360000053; ARS reads region-wide
    const chateauroux = { unitId: '360000137-1720', establishmentId: '360000137', organizationId: '360000053' };
    const orleans = { unitId: '450002613-1105', establishmentId: '450002613', organizationId: '450000088' };
    expect(holdsOn(entry, CAPACITY_RIGHTS.entry, chateauroux)).toBe(true);
    expect(holdsOn(entry, CAPACITY_RIGHTS.entry, orleans)).toBe(false);
    expect(holdsOn(ars, CAPACITY_RIGHTS.read, orleans)).toBe(true);
    expect(holdsOn(ars, CAPACITY_RIGHTS.entry, chateauroux)).toBe(false);
  });
});
