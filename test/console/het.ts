/**
 * The HET follow-up views of "Tensions" in a real browser (docs/het-follow-up.md): CHR Orléans's
 * referent (ref.etab.orleans, ORU_ALERTE_NEW on its legal entity) raises a « Nouvelle alerte » at
 * La Source through the form (an empty reason refused in French first); the ARS (admin.ars), its
 * Alertes view already open, sees it arrive without a reload and takes it into account; then the
 * ARS's map shows CH Bourges's declaration as a marker, and « Procédure ARS » the seeded record of
 * T0005. axe-core on the form and the map. Writes one alert at La Source (450002613) only.
 */
import { it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from '../helpers/browser.js';
import { consoleUser, shot, type ConsoleRun } from '../helpers/console.js';

const MESSAGE = 'Essai navigateur : 47 patients aux urgences, 12 en attente de lit.';

const openView = async (page: Page, view: string) => {
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Tensions' }).click();
  await page.getByRole('navigation', { name: 'Vues de l’écran Tensions' }).getByRole('link', { name: view, exact: true }).click();
};

export function hetScenarios(current: () => ConsoleRun): void {
  it('ref.etab.orleans raises a Nouvelle alerte; the ARS sees it live, takes it into account, and reads the map and its procedure record', { timeout: 180_000 }, async ({ expect }) => {
    const run = current();
    const [referent, ars] = await Promise.all([consoleUser(run, 'ref.etab.orleans'), consoleUser(run, 'admin.ars')]);
    await openView(ars, 'Alertes');
    await ars.getByRole('heading', { name: /^Alertes ouvertes \(\d+\)$/ }).waitFor();

    await openView(referent, 'Alertes');
    await referent.getByRole('link', { name: 'Nouvelle alerte' }).click();
    await referent.getByRole('heading', { level: 2, name: 'Nouvelle alerte' }).waitFor();
    await referent.getByLabel('Établissement', { exact: true }).selectOption('450002613');
    await referent.getByLabel('Groupe de disciplines').selectOption('URGENCES');
    await referent.getByLabel('Situation').fill(MESSAGE);
    await referent.getByRole('button', { name: 'Lever l’alerte' }).click();
    await referent.getByText('Choisissez le motif de l’alerte.').waitFor(); // nothing sent
    await expectAccessible(referent);
    await referent.getByLabel('Motif').selectOption('ED_INFLOW');
    await referent.getByRole('button', { name: 'Lever l’alerte' }).click();
    await referent.getByRole('heading', { name: /^Alertes ouvertes/ }).waitFor();
    expect(referent.url()).toBe(`${run.base}/tensions/alertes`);

    // The ARS's list, open before the alert existed, shows it without a reload.
    const row = ars.locator('tr[data-alert]').filter({ hasText: MESSAGE });
    await row.waitFor();
    await ars.getByText(/Dernière mise à jour en direct : nouvelle alerte A\d+/).waitFor();
    await row.getByRole('button', { name: 'Prendre en compte' }).click();
    await row.getByText(/Prise en compte par admin\.ars/).waitFor();
    // The referent's list follows too.
    await referent.locator('tr[data-alert]').filter({ hasText: MESSAGE }).getByText(/Prise en compte par admin\.ars/).waitFor();

    await openView(ars, 'Carte');
    await ars.getByRole('img', { name: /Établissements en tension ou en alerte/ }).waitFor();
    await ars.locator('g[data-marker="180000010"]').waitFor(); // CH Bourges, HET 2 in progress (T0005)
    await ars.locator('g[data-marker="450002613"]').waitFor(); // La Source: open alerts only
    await ars.getByRole('table', { name: 'Établissements de la carte' }).getByRole('link', { name: 'T0005' }).waitFor();
    await expectAccessible(ars);
    await shot(run, ars, 'het-map.png');

    await openView(ars, 'Procédure ARS');
    const record = ars.locator('article[data-procedure="T0005"]');
    await record.getByText(/Contact avec la direction de l’établissement — .*Directeur de garde joint/).waitFor();
    await Promise.all([referent.context().close(), ars.context().close()]);
  });
}
