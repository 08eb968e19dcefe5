/**
 * The "Gestion territoriale" screen in a real browser, as the Centre sector's territorial
 * coordinator (coord.territoire.centre) uses it: the menu its one role opens, the bed-manager
 * dashboard whose totals and rows match territoryDashboard, a row updated live when a patient
 * waiting for a downstream place is entered in a Blois unit (through the API, as another client
 * would), the bed blockers by destination, a département's emergency table; axe-core; a shot.
 * Writes one bed blocker in a CH Blois medicine unit (41), discharged at the end.
 */
import { it } from 'vitest';
import { expectAccessible } from '../helpers/browser.js';
import { consoleUser, menuOf, shot, type ConsoleRun } from '../helpers/console.js';
import { gql } from '../helpers/graphql.js';
import { asUser } from '../helpers/tokens.js';

const BLOIS = '410000020';
const COORDINATOR = 'coord.territoire.centre';
const fr = (value: number) => value.toLocaleString('fr-FR');

export function territoryScenarios(current: () => ConsoleRun): void {
  it('coord.territoire.centre follows its sector’s dashboard, live, with its bed blockers and emergency tables', { timeout: 180_000 }, async ({ expect }) => {
    const run = current();
    const token = await asUser(run.hub.urls.graphql, COORDINATOR);
    const api = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const result = await gql<T>(run.hub.urls.graphql, query, variables, { authorization: token });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data!;
    };
    const page = await consoleUser(run, COORDINATOR);
    expect(await menuOf(page)).toEqual(['Gestion territoriale']);
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Gestion territoriale' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gestion territoriale des lits' }).waitFor();
    const table = page.getByRole('table', { name: 'Tableau de bord des bed managers' });
    await table.getByRole('row', { name: /^Total du secteur/ }).waitFor();

    const { territoryDashboard: d } = await api<{ territoryDashboard: { totals: { establishments: number; availableBeds: number; bedBlockers: number }; establishments: Array<{ establishment: { id: string }; availableBeds: number; bedBlockers: number }> } }>(
      'query { territoryDashboard(code: "CVL-CENTRE") { totals { establishments availableBeds bedBlockers } establishments { establishment { id } availableBeds bedBlockers } } }',
    );
    await table.getByRole('row', { name: new RegExp(`^Total du secteur \\(${d.totals.establishments} établissements\\)`) }).waitFor();
    const total = await table.getByRole('row', { name: /^Total du secteur/ }).getByRole('cell').allTextContents();
    expect(total[2]).toBe(fr(d.totals.availableBeds));
    expect(total[5]).toBe(fr(d.totals.bedBlockers));
    const blois = d.establishments.find((e) => e.establishment.id === BLOIS)!;
    const row = table.locator(`tr[data-establishment="${BLOIS}"]`);
    await expect(row.locator('td[data-free-beds]').textContent()).resolves.toBe(fr(blois.availableBeds));
    await expect(row.locator('td[data-bed-blockers]').textContent()).resolves.toBe(fr(blois.bedBlockers));

    // A patient of a Blois medicine unit becomes fit for discharge: the row changes without a reload.
    await page.getByText(/se mettent à jour ici sans recharger la page/).waitFor();
    const units = await api<{ units: { edges: Array<{ node: { id: string } }> } }>('query { units(filter: { establishmentId: "410000020", discipline: MEDICINE }, first: 1) { edges { node { id } } } }');
    const unitId = units.units.edges[0]!.node.id;
    const since = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    // The page's subscription may still be opening upstream when the first one is entered (the
    // page says nothing of it): a change it missed is followed by another, at most five, waiting
    // 1, 2, 4 then 8 s for each (an event that was only slow is counted all the same: `added`).
    const added: string[] = [];
    const live = page.getByText(/^Mis à jour en direct : CH BLOIS SIMONE VEIL \(patients en attente d’aval\)/);
    for (let attempt = 0; attempt < 5 && !(await live.isVisible()); attempt++) {
      added.push((await api<{ addBedBlocker: { id: string } }>('mutation($u: ID!, $s: String!) { addBedBlocker(unitId: $u, input: { destination: SMR, fitSince: $s }) { id } }', { u: unitId, s: since })).addBedBlocker.id);
      if (attempt < 4) await live.waitFor({ timeout: 1_000 * 2 ** attempt }).catch(() => undefined);
    }
    await live.waitFor();
    const now = await api<{ territoryDashboard: { establishments: Array<{ establishment: { id: string }; bedBlockers: number; maturity: { percent: number; score: number; outOf: number } }> } }>(
      'query { territoryDashboard(code: "CVL-CENTRE") { establishments { establishment { id } bedBlockers maturity { percent score outOf } } } }',
    );
    const expected = now.territoryDashboard.establishments.find((e) => e.establishment.id === BLOIS)!.bedBlockers;
    expect(expected).toBe(blois.bedBlockers + added.length);
    await expect.poll(() => row.locator('td[data-bed-blockers]').textContent(), { timeout: 60_000 }).toBe(fr(expected));
    await page.getByRole('heading', { name: /^Patients en attente d’aval \(bed blockers\) : / }).waitFor();
    // The maturity index of its bed management (a bed blocker entered: its "tracked" criterion is met).
    const maturity = now.territoryDashboard.establishments.find((e) => e.establishment.id === BLOIS)!.maturity;
    await expect.poll(() => row.locator('td[data-maturity]').textContent()).toContain(`${maturity.percent} % (${maturity.score}/${maturity.outOf})`);
    await row.locator('td[data-maturity] summary', { hasText: 'Critères' }).click();
    await row.getByText(/^Bed blockers suivis .* : Oui$/).waitFor();
    // The coordinator declares Blois's criteria (all met): the row's index comes back live.
    await row.locator('td[data-maturity] summary', { hasText: 'Déclarer' }).click();
    const form = row.getByRole('form', { name: /^Déclaration de maturité/ });
    for (const box of await form.getByRole('checkbox').all()) await box.check({ force: true }); // DSFR draws its own box over the native one
    await form.getByRole('button', { name: 'Enregistrer la déclaration' }).click();
    const declared = async () =>
      (await api<{ establishment: { bedManagementMaturity: { percent: number; score: number; declaredBy: string | null } } }>(`query { establishment(id: "${BLOIS}") { bedManagementMaturity { percent score declaredBy } } }`)).establishment.bedManagementMaturity;
    await expect.poll(async () => (await declared()).declaredBy).toBe(COORDINATOR);
    const after = await declared();
    expect(after.score).toBeGreaterThanOrEqual(7);
    await expect.poll(() => row.locator('td[data-maturity]').textContent()).toContain(`${after.percent} % (${after.score}/11)`);

    // Each département of the sector has its emergency table, totals first.
    await page.getByRole('heading', { name: 'Urgences et BJML — département 37' }).waitFor();
    await page.getByRole('heading', { name: 'Urgences et BJML — département 41' }).waitFor();
    await page.getByRole('table', { name: /^Passages du .*, BJML de la semaine/ }).first().waitFor();
    await expectAccessible(page);
    await shot(run, page, 'territory-dashboard.png');
    for (const id of added) await api('mutation($id: ID!) { dischargeBedBlocker(id: $id) { id } }', { id });
  });
}
