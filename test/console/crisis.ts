/**
 * The "Cellule de crise CPTS" screen in a real browser (docs/console.md, docs/crisis.md): the
 * demo CPTS's coordinator (coord.cpts.orleans) activates its crisis cell at level 2, raises it to
 * level 3 (triggering a procedure of level 2 on the way) and deactivates it, while a member (medecin.ville.orleans, the GP) watches the same
 * screen without the form and sees each change arrive live (graphql-ws): the badge, the
 * procedures of the current level, the indicators and the history. Then the coordinator edits the
 * protocol (a cell member added, modified, removed; a triggered procedure refused removal) and
 * the member sees it live. axe-core on the screen. Only the demo CPTS
 * (450099990) is written; no other scenario touches it.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from '../helpers/browser.js';
import { consoleUser, menuOf, shot, type ConsoleRun } from '../helpers/console.js';

const open = async (run: ConsoleRun, page: Page) => {
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Cellule de crise CPTS' }).click();
  await page.getByRole('heading', { level: 1, name: 'Cellule de crise CPTS' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'CPTS Orléans Ouest (démo)' }).waitFor();
  expect(page.url()).toBe(`${run.base}/cellule-de-crise`);
};

export function crisisScenarios(current: () => ConsoleRun): void {
  it('the coordinator activates, raises and deactivates the CPTS crisis cell; a member sees each change live', { timeout: 180_000 }, async ({ expect }) => {
    const run = current();
    const [coord, member] = await Promise.all([consoleUser(run, 'coord.cpts.orleans'), consoleUser(run, 'medecin.ville.orleans')]);
    expect(await menuOf(coord)).toEqual(['Cellule de crise CPTS']);
    expect(await menuOf(member)).toContain('Cellule de crise CPTS');
    await Promise.all([open(run, coord), open(run, member)]);
    const state = (page: Page) => page.getByTestId('cell-state');
    await expect.poll(() => state(member).textContent()).toContain('Cellule non activée');
    expect(await member.getByRole('form', { name: 'Activation de la cellule' }).count()).toBe(0); // a member does not activate
    await coord.getByRole('table', { name: /Membres de la cellule/ }).getByRole('cell', { name: 'CPAM du Loiret' }).waitFor();
    await coord.getByRole('table', { name: /Ressources mobilisables/ }).getByRole('cell', { name: /^Masques FFP2/ }).waitFor();
    await expectAccessible(coord);

    await coord.getByRole('form', { name: 'Activation de la cellule' }).getByLabel('Niveau d’alerte').selectOption('LEVEL_2');
    await coord.getByLabel('Motif (facultatif)').fill('Épidémie de grippe');
    await coord.getByRole('button', { name: 'Activer la cellule' }).click();
    await expect.poll(() => state(coord).textContent()).toContain('Cellule activée – Niveau 2 – Alerte');
    // The member's screen changes without a reload: badge, procedures of level 2, history, status line.
    await expect.poll(() => state(member).textContent()).toContain('Cellule activée – Niveau 2 – Alerte');
    await member.getByRole('listitem').filter({ hasText: 'Continuité des soins des patients chroniques' }).waitFor();
    await member.getByText(/Activation \(Niveau 2 – Alerte\) par coord\.cpts\.orleans — Épidémie de grippe/).waitFor();
    await member.getByRole('status').getByText(/Mise à jour en direct : Activation – CPTS Orléans Ouest \(démo\)/).waitFor();
    // The coordinator triggers a procedure of the level; the member sees it triggered and counted.
    expect(await member.getByRole('button', { name: 'Déclencher' }).count()).toBe(0);
    await coord.getByRole('listitem').filter({ hasText: 'Continuité des soins des patients chroniques' }).getByRole('button', { name: 'Déclencher' }).click();
    await member.getByRole('listitem').filter({ hasText: 'Continuité des soins des patients chroniques' }).getByText(/déclenchée le/).waitFor();
    await expect.poll(() => member.getByTestId('crisis-indicators').textContent()).toContain('1 activation(s), 1 procédure(s) déclenchée(s)');
    await shot(run, member, 'crisis-cell.png');

    await coord.getByRole('form', { name: 'Activation de la cellule' }).getByLabel('Niveau d’alerte').selectOption('LEVEL_3');
    await coord.getByRole('button', { name: 'Changer de niveau' }).click();
    await expect.poll(() => state(coord).textContent()).toContain('Niveau 3 – Crise');
    await expect.poll(() => state(member).textContent()).toContain('Niveau 3 – Crise');
    await member.getByRole('listitem').filter({ hasText: 'Ouverture du centre de consultation dédié' }).waitFor();

    await coord.getByRole('button', { name: 'Désactiver la cellule' }).click();
    await expect.poll(() => state(member).textContent()).toContain('Cellule non activée');
    await member.getByText('Aucune : la cellule n’est pas activée.').waitFor();

    // The coordinator edits the protocol: a partner joins the cell, a procedure is added then
    // removed; the member sees it live and has no form.
    const cellForm = coord.getByRole('form', { name: /^Membres de la cellule – .* : ajouter un membre$/ });
    expect(await member.getByRole('form', { name: /ajouter un membre$/ }).count()).toBe(0);
    await cellForm.getByRole('button', { name: 'Ajouter' }).click(); // empty: refused, the field says why
    await cellForm.getByText('Obligatoire, 200 caractères au plus.').first().waitFor();
    await cellForm.getByLabel('Nom').fill('M. Petit');
    await cellForm.getByLabel('Rôle dans la cellule').fill('Référent sécurité civile');
    await cellForm.getByLabel('Organisme (CPTS, ARS, CPAM, mairie…)').fill('Préfecture du Loiret');
    await cellForm.getByRole('button', { name: 'Ajouter' }).click();
    await member.getByRole('table', { name: /Membres de la cellule/ }).getByRole('cell', { name: 'Préfecture du Loiret' }).waitFor();
    await member.getByRole('status').getByText(/Mise à jour en direct : Protocole modifié/).waitFor();
    await coord.getByRole('button', { name: 'Modifier M. Petit' }).click();
    await coord.getByRole('form', { name: /modifier un membre$/ }).getByLabel('Rôle dans la cellule').fill('Référent ORSAN');
    await coord.getByRole('form', { name: /modifier un membre$/ }).getByRole('button', { name: 'Enregistrer' }).click();
    await member.getByRole('table', { name: /Membres de la cellule/ }).getByRole('cell', { name: 'Référent ORSAN' }).waitFor();
    await coord.getByRole('button', { name: 'Retirer M. Petit' }).click();
    await expect.poll(() => member.getByRole('table', { name: /Membres de la cellule/ }).getByRole('cell', { name: 'Préfecture du Loiret' }).count()).toBe(0);
    // A triggered procedure is kept: the coordinator is told why.
    await coord.getByRole('button', { name: 'Retirer Continuité des soins des patients chroniques' }).click();
    await coord.getByText(/Retrait impossible : des réunions ou des déclenchements y sont rattachés/).waitFor();
    await expectAccessible(coord);
    await Promise.all([coord.context().close(), member.context().close()]);
  });
}
