/**
 * The "Offre" and "Professionnels" screens in a real browser. An establishment referent of CHR
 * Orléans (ref.etab.orleans) finds one of its units, edits it (a value the hub refuses shows its
 * French error under the field, then a valid one is saved), sees the change in the record's
 * history, sees a change made elsewhere appear live (who, when), and reports an error on the
 * record; the regional team (admin.ars, a second context)
 * finds the report among those to handle and closes it. admin.ars then filters the professionals
 * (profession and establishment), opens a record, assigns a role on a perimeter (a perimeter the
 * hub refuses first) and revokes it. axe-core on search, record, edit form, history, the reports
 * and the professionals' list and record; the record at tablet size (768×1024).
 * Uses CHR Orléans (450000088) records only, not its unit 450002613-1105 nor its capacities.
 */
import { it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from '../helpers/browser.js';
import { consoleUser, menuOf, shot, type ConsoleRun } from '../helpers/console.js';
import { gql } from '../helpers/graphql.js';
import { asUser } from '../helpers/tokens.js';

const UNIT_ID = '450002613-1851'; // DERMATOLOGIE, CHR Orléans - Hôpital de la Source: patients 18 to 120 years
const ESTABLISHMENT = 'CHR ORLÉANS - HÔPITAL DE LA SOURCE';

/** Whether the page scrolls sideways (content wider than the window): unusable on a tablet. */
const scrollsSideways = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');

export function offerScenarios(current: () => ConsoleRun): void {
  it('a referent edits a CHR Orléans unit (French error, then saved), sees it in the history and another’s change live, reports an error; the ARS closes the report', { timeout: 120_000 }, async ({ expect }) => {
    const [referent, ars] = await Promise.all([consoleUser(current(), 'ref.etab.orleans'), consoleUser(current(), 'admin.ars')]);
    // Their rights open both screens (ORU_ROR_* and ORU_PROFESSIONNEL_* / adminRoles); other
    // screens may be listed too (test/console-rights.test.ts checks each demo user's menu).
    expect(await menuOf(referent)).toEqual(expect.arrayContaining(['Offre', 'Professionnels']));
    expect(await menuOf(ars)).toEqual(expect.arrayContaining(['Offre', 'Professionnels']));

    // Search by name (unit name then establishment name): the unit of La Source among the others.
    await referent.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Offre' }).click();
    await referent.getByLabel('Nom de l’établissement ou de l’unité').fill('x');
    await referent.getByRole('button', { name: 'Rechercher' }).click();
    await referent.getByText('Saisissez au moins 2 caractères du nom.').waitFor();
    await referent.getByLabel('Nom de l’établissement ou de l’unité').fill('dermatologie orléans');
    await referent.getByRole('button', { name: 'Rechercher' }).click();
    const row = referent.getByRole('row').filter({ hasText: ESTABLISHMENT }).filter({ has: referent.getByRole('link', { name: 'DERMATOLOGIE', exact: true }) });
    await row.waitFor();
    await expectAccessible(referent);
    await row.getByRole('link', { name: 'DERMATOLOGIE', exact: true }).click();

    // The record: identity, nomenclatures with their NOS labels, the establishment's address.
    await referent.getByRole('heading', { level: 1, name: 'DERMATOLOGIE' }).waitFor();
    expect(referent.url()).toBe(`${current().base}/offre/unites/${UNIT_ID}`);
    const identity = referent.getByRole('region', { name: 'Identité' });
    await expect(identity.textContent()).resolves.toContain('À partir de 18 ans');
    const activities = await referent.getByRole('region', { name: 'Activités et nomenclatures' }).textContent();
    expect(activities).toMatch(/Champ d’activité.*[A-Za-zé]+.*\(\w+\)/);
    await expectAccessible(referent);
    await shot(current(), referent, 'offer-record.png');

    // Edit: a maximum age below the minimum is refused by the hub, in French under the field.
    await referent.getByRole('button', { name: 'Modifier la fiche' }).click();
    const form = referent.getByRole('form', { name: 'Modifier la fiche de l’unité' });
    await form.getByLabel('Âge maximal des patients (ans)').fill('10');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    const refusal = 'L’âge maximal doit être compris entre 0 et 150 ans, et ne pas être inférieur à l’âge minimal.';
    await form.getByText(refusal).waitFor();
    // Next to its field: in the field's DSFR input group, not in an alert above the form.
    await form.locator('.fr-input-group', { has: referent.getByLabel('Âge maximal des patients (ans)') }).getByText(refusal).waitFor();
    await expectAccessible(referent);
    await shot(current(), referent, 'offer-edit.png');
    await form.getByLabel('Âge maximal des patients (ans)').fill('110');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await identity.getByText('De 18 à 110 ans').waitFor();

    // The history names the change, who made it and when.
    const history = referent.getByRole('region', { name: 'Historique des modifications' });
    await history.getByText('Âge maximal : 150 → 110').waitFor();
    await expect(history.textContent()).resolves.toMatch(/Modification — \d\d\/\d\d\/\d{4} \d\d:\d\d, par ref\.etab\.orleans/);
    await expectAccessible(referent);

    // Live: the regional team changes the unit elsewhere; the open record shows it, who and when, without a reload.
    const arsToken = await asUser(current().hub.urls.graphql, 'admin.ars');
    const changed = await gql(current().hub.urls.graphql, 'mutation($id: ID!) { updateUnit(id: $id, input: { accessDetails: "Bâtiment D, 2e étage" }) { id } }', { id: UNIT_ID }, { authorization: arsToken });
    expect(changed.errors).toBeUndefined();
    await referent.getByText(/^Dernière modification : modification par admin\.ars, \d\d\/\d\d\/\d{4} \d\d:\d\d\.$/).waitFor();
    await referent.getByRole('region', { name: 'Adresse et contacts' }).getByText('Bâtiment D, 2e étage').waitFor();
    await history.getByText(/^Accès : .+ → Bâtiment D, 2e étage$/).waitFor();

    // On a tablet the record reflows: nothing wider than the window.
    await referent.setViewportSize({ width: 768, height: 1024 });
    await referent.getByRole('heading', { level: 1, name: 'DERMATOLOGIE' }).waitFor();
    expect(await scrollsSideways(referent)).toBe(false);
    await referent.setViewportSize({ width: 1366, height: 768 });

    // "Signaler une erreur": an empty message is refused in French; then it is sent.
    const message = `Le secrétariat de dermatologie répond désormais au 02 38 51 40 40 (test ${current().kind}).`;
    await referent.getByRole('button', { name: 'Signaler une erreur sur cette fiche' }).click();
    await referent.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await referent.getByText('Décrivez l’erreur constatée.').waitFor();
    await referent.getByLabel('Erreur constatée').fill(message);
    await referent.getByRole('button', { name: 'Envoyer le signalement' }).click();
    const sent = await referent.getByText(/^Signalement n° \d+ envoyé à l’équipe régionale\.$/).textContent();
    const reportId = /n° (\d+)/.exec(sent ?? '')![1]!;

    // The regional team finds it among the reports to handle, and closes it with a note.
    await ars.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Offre' }).click();
    await ars.getByRole('link', { name: 'Signalements à traiter' }).click();
    const report = ars.getByRole('article', { name: `Signalement n° ${reportId} — Unité` });
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain(message);
    await expect(report.textContent()).resolves.toContain('Envoyé par ref.etab.orleans');
    await expectAccessible(ars);
    await report.getByLabel('Note de clôture (facultative)').fill('Numéro corrigé sur la fiche.');
    await report.getByRole('button', { name: 'Clore le signalement' }).click();
    await report.waitFor({ state: 'detached' });
    await ars.getByText('Clos', { exact: true }).click();
    const closed = ars.getByRole('article', { name: `Signalement n° ${reportId} — Unité` });
    await expect(closed.textContent()).resolves.toContain('clos par admin.ars');
    await expect(closed.textContent()).resolves.toContain('Note de clôture : Numéro corrigé sur la fiche.');
    await Promise.all([referent.context().close(), ars.context().close()]);
  });

  it('the ARS filters the professionals, opens a CHR Orléans record, assigns a role on a perimeter and revokes it', { timeout: 120_000 }, async ({ expect }) => {
    const ars = await consoleUser(current(), 'admin.ars');
    await ars.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Professionnels' }).click();
    await ars.getByLabel('Établissement (n° FINESS)').fill('4500');
    await ars.getByRole('button', { name: 'Filtrer' }).click();
    await ars.getByText('Un n° FINESS établissement compte 9 caractères, par exemple 450002613.').waitFor();
    await ars.getByLabel('Établissement (n° FINESS)').fill('450002613');
    await ars.getByLabel('Profession', { exact: true }).selectOption({ label: 'Infirmier' });
    await ars.getByRole('button', { name: 'Filtrer' }).click();
    const table = ars.getByRole('table', { name: /professionnels?$/ });
    await table.waitFor();
    const professions = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(professions.length).toBeGreaterThan(0);
    expect(new Set(professions)).toEqual(new Set(['Infirmier']));
    // The function column (issue 18): the demo gives nurses the function « Infirmier ».
    expect(new Set(await table.locator('tbody tr td:nth-child(2)').allTextContents())).toEqual(new Set(['Infirmier']));
    await expectAccessible(ars);
    await shot(current(), ars, 'professionals.png');

    // The first nurse of La Source (P000329): not a demo account, used by no other scenario.
    const name = 'DUMONT CELINE';
    await expect(table.getByRole('link').first().textContent()).resolves.toBe(name);
    await table.getByRole('link', { name }).click();
    await ars.getByRole('heading', { level: 1, name }).waitFor();
    const record = ars.getByRole('region', { name: 'Fiche' });
    await expect(record.textContent()).resolves.toContain('Infirmier (60)');
    await expect(record.textContent()).resolves.toContain('CHR ORLÉANS - HÔPITAL DE LA SOURCE (450002613)');
    await expect(record.textContent()).resolves.toMatch(/Fonction dans l’établissement\s*Infirmier/);
    const roles = ars.getByRole('region', { name: 'Rôles et droits' });
    await roles.getByRole('form', { name: 'Attribuer un rôle' }).waitFor();

    // A perimeter that is no FINESS number: the hub's refusal in French under the field.
    const assign = roles.getByRole('form', { name: 'Attribuer un rôle' });
    await assign.getByLabel('Rôle', { exact: true }).selectOption('TENSION_DECLARANT');
    await assign.getByLabel('Type de périmètre', { exact: true }).selectOption('ESTABLISHMENT');
    await assign.getByRole('textbox', { name: /^Périmètre/ }).fill('45000261');
    await assign.getByRole('button', { name: 'Attribuer' }).click();
    await assign.locator('.fr-input-group', { has: ars.getByRole('textbox', { name: /^Périmètre/ }) }).getByText(/^Périmètre refusé/).waitFor();
    await assign.getByRole('textbox', { name: /^Périmètre/ }).fill('450002613');
    await assign.getByRole('button', { name: 'Attribuer' }).click();
    await roles.getByText(/^Rôle attribué : \d+ droits accordés/).waitFor();
    const granted = roles.getByRole('listitem').filter({ hasText: 'Déclaration tension — Établissement 450002613' });
    await granted.waitFor();
    await expectAccessible(ars);

    await granted.getByRole('button', { name: 'Retirer' }).click();
    await roles.getByText('Attribution retirée.').waitFor();
    await granted.waitFor({ state: 'detached' });
    await ars.context().close();
  });
}
