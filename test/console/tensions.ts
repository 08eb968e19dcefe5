/**
 * The Tensions screen in a real browser, as the seeds' people use it at once: the declarant of
 * CH Bourges (decl.tension.bourges) declares an HET through the wizard (discipline group, level,
 * an action of the repertoire), raises its level and lifts it; the ARS (admin.ars), whose ARS
 * view is already open, sees the declaration appear, change and leave "en cours" without a
 * reload, with who and when, and the crisis-cell mails it caused. A step the declarant leaves
 * empty is refused in French next to its field, and so is the hub's refusal of a start in the
 * future. The Plan blanc referent of CH Chartres edits the form; the hub's refusal of an e-mail
 * shows under that contact's field. axe-core on the wizard, the lists, the ARS view and the plan;
 * one wizard step at tablet size (768×1024).
 * Uses CH Bourges (180000010, HET) and CH Chartres (280504267, Plan blanc) only.
 */
import { it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from '../helpers/browser.js';
import { consoleUser, menuOf, shot as shotOf, type ConsoleRun } from '../helpers/console.js';

// A comment no seeded declaration carries, to tell ours apart in the timeline.
const NOTE = 'Essai navigateur : afflux aux urgences, 40 patients en attente.';

export function tensionScenarios(current: () => ConsoleRun): void {
  const shot = (page: Page, name: string) => shotOf(current(), page, name);

  it('decl.tension.bourges declares an HET with the wizard, raises and lifts it; the ARS view shows it live with who and when', { timeout: 120_000 }, async ({ expect }) => {
    const [declarant, ars] = await Promise.all([consoleUser(current(), 'decl.tension.bourges'), consoleUser(current(), 'admin.ars')]);
    // Tension rights open "Tensions" (test/console-rights.test.ts covers the other users).
    expect(await menuOf(declarant)).toEqual(['Tensions', 'Urgences']);
    expect(await menuOf(ars)).toEqual(expect.arrayContaining(['Tensions'])); // the exact menus: test/console-rights.test.ts

    // The ARS opens its view before the declaration exists, on the Cher (18).
    await ars.getByRole('link', { name: 'Tensions' }).first().click();
    await ars.getByRole('link', { name: 'Vue ARS' }).click();
    await ars.getByLabel('Département').selectOption('18');
    // The names come from the API (the administrative division), not from a table in the console.
    expect(await ars.getByLabel('Département').locator('option[value="41"]').textContent()).toBe('41 — Loir-et-Cher');
    await ars.getByRole('heading', { name: /^Déclarations en cours \(\d+\)$/ }).waitFor();
    await ars.getByText('Alertes HET (déclarations)').waitFor();
    // The heading counts the rows shown, live.
    const arsCount = async () => Number((await ars.getByRole('heading', { name: /^Déclarations en cours/ }).textContent())?.match(/\((\d+)\)/)?.[1]);
    const arsRows = () => ars.locator('tr[data-tension]').count();

    // The declarant's lists: "HET en cours" first; the declaration's own page is reached from them.
    await declarant.getByRole('link', { name: 'Tensions' }).first().click();
    await declarant.getByRole('heading', { name: /^HET en cours \(\d+\)$/ }).waitFor();
    await expectAccessible(declarant);

    // The wizard: the establishment of the perimeter is the only choice, already chosen.
    await declarant.getByRole('link', { name: 'Déclarer une HET' }).click();
    await expect(declarant.getByLabel('Établissement', { exact: true }).inputValue()).resolves.toBe('180000010');
    await declarant.getByRole('button', { name: 'Suivant' }).click();
    // Step 2 left empty: refused in French under the field, nothing sent.
    await declarant.getByRole('button', { name: 'Suivant' }).click();
    await declarant.getByText('Choisissez le groupe de disciplines concerné.').waitFor();
    await declarant.getByLabel('Groupe de disciplines', { exact: true }).selectOption('URGENCES');
    await declarant.getByRole('button', { name: 'Suivant' }).click();

    // Step 3 at tablet size: the levels fit the width, chosen with the keyboard.
    await declarant.setViewportSize({ width: 768, height: 1024 });
    await declarant.getByRole('heading', { name: /Niveau de tension/ }).first().waitFor();
    expect(await declarant.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(768);
    await declarant.getByLabel('HET niveau 2 – tension accentuée').focus();
    await declarant.keyboard.press('Space');
    await expect(declarant.getByLabel('HET niveau 2 – tension accentuée').isChecked()).resolves.toBe(true);
    await declarant.setViewportSize({ width: 1366, height: 768 });
    await declarant.getByRole('button', { name: 'Suivant' }).click();

    // Step 4: an action of the repertoire, in its category.
    await declarant.getByRole('button', { name: 'Gouvernance – pilotage' }).click();
    // Keyboard: DSFR draws the box over the input, as a person sees it.
    // The category opens with DSFR's collapse: on a loaded machine a Space pressed while it settles
    // was seen lost (2 runs in 4), so the press is repeated until the box is checked, never once more.
    const crisisCell = declarant.getByLabel('Activation d’une cellule de crise');
    await vi.waitFor(
      async () => {
        if (!(await crisisCell.isChecked())) {
          await crisisCell.focus();
          await declarant.keyboard.press('Space');
        }
        await declarant.getByRole('button', { name: /^Gouvernance – pilotage \(1\)$/ }).waitFor({ timeout: 5_000 });
      },
      { timeout: 60_000, interval: 250 },
    );
    await expectAccessible(declarant);
    await declarant.evaluate('window.scrollTo(0, 0)');
    await shot(declarant, 'tensions-wizard.png');
    await declarant.getByRole('button', { name: 'Suivant' }).click();

    // Step 5: a start tomorrow is the hub's to refuse (its clock decides): shown in French under the field.
    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}T08:00`;
    await declarant.getByLabel(/^Début de la tension/).fill(local);
    await declarant.getByLabel('Commentaire (facultatif)', { exact: true }).fill(NOTE);
    await declarant.getByRole('button', { name: 'Déclarer la tension' }).click();
    await declarant.getByText('Le début de la tension ne peut pas être dans le futur.').waitFor();
    await declarant.getByLabel(/^Début de la tension/).fill('');
    await declarant.getByRole('button', { name: 'Déclarer la tension' }).click();
    await declarant.waitForURL(/\/tensions\/T\d+$/);
    const id = new URL(declarant.url()).pathname.split('/').pop()!;
    await declarant.getByRole('heading', { name: new RegExp(`^${id} — `) }).waitFor();
    await declarant.getByText(`« ${NOTE} »`).waitFor();
    await declarant.getByText(/Action : Activation d’une cellule de crise — decl\.tension\.bourges/).waitFor();

    // The ARS sees it arrive, with who and when.
    const row = ars.locator(`tr[data-tension="${id}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/HET niveau 2 – tension accentuée/);
    await ars.getByText(new RegExp(`^Dernière mise à jour en direct : déclaration de ${id} \\(.*\\) par decl\\.tension\\.bourges, \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d\\.$`)).waitFor();
    expect(await arsCount()).toBe(await arsRows());
    // The crisis cell was mailed (the mailer follows the change feed: the view reads again).
    await ars.getByRole('cell', { name: new RegExp(`\\(${id}\\)$`) }).first().waitFor({ timeout: 30_000 });
    await expectAccessible(ars);
    await shot(ars, 'tensions-ars.png');

    // The declarant raises the level; the ARS row follows.
    await declarant.getByRole('button', { name: 'Changer le niveau' }).click();
    await declarant.getByLabel('Nouveau niveau', { exact: true }).selectOption('HET_3');
    await declarant.getByRole('button', { name: 'Enregistrer le niveau' }).click();
    await declarant.getByText(/Changement de niveau — decl\.tension\.bourges/).waitFor();
    await row.filter({ hasText: 'HET niveau 3' }).waitFor();

    // "Lever la tension": it leaves the ARS's "en cours" list, the change told with who and when.
    await declarant.getByRole('button', { name: 'Lever la tension' }).click();
    await declarant.getByRole('button', { name: 'Confirmer la levée' }).click();
    await declarant.getByRole('heading', { name: new RegExp(`^${id} — .* Levée$`) }).waitFor();
    await row.waitFor({ state: 'detached' });
    await ars.getByText(new RegExp(`^Dernière mise à jour en direct : levée de ${id} \\(.*\\) par decl\\.tension\\.bourges`)).waitFor();
    expect(await arsCount()).toBe(await arsRows());

    // History J-7: the declaration, lifted.
    await declarant.getByRole('link', { name: 'HET en cours et historique' }).click();
    await declarant.getByText('J-7', { exact: true }).click();
    const closed = declarant.locator(`tr[data-tension="${id}"]`);
    await closed.filter({ hasText: 'Levée le' }).waitFor();
    await expectAccessible(declarant);
  });

  it('the Plan blanc referent of CH Chartres edits the form; a refused e-mail shows under its field', { timeout: 90_000 }, async ({ expect }) => {
    const referent = await consoleUser(current(), 'ref.planblanc.chartres');
    expect(await menuOf(referent)).toEqual(['Lits disponibles', 'Tensions', 'Urgences']);
    await referent.getByRole('link', { name: 'Tensions' }).first().click();
    await referent.getByRole('link', { name: 'Plan blanc / Plan bleu' }).click();
    const plan = referent.getByRole('article', { name: /^Plan blanc — / });
    await plan.waitFor();
    const version = Number((await plan.getByText(/^Version \d+,/).textContent())?.match(/^Version (\d+)/)?.[1]);
    await expectAccessible(referent);
    // A screen without live data lets graphql-ws close its idle socket: that is no lost connection.
    expect(await referent.getByText('Connexion perdue — reconnexion…').count()).toBe(0);
    await shot(referent, 'tensions-plan.png');

    await plan.getByRole('button', { name: 'Modifier le Plan blanc' }).click();
    await plan.getByRole('button', { name: 'Ajouter : contact' }).click();
    const contacts = plan.getByRole('group', { name: /^Contact \d+$/ });
    const n = await contacts.count();
    await referent.getByLabel(`Contact ${n} — Fonction`).fill('Cadre de santé de garde');
    await referent.getByLabel(`Contact ${n} — Nom`).fill('Mme Essai');
    await referent.getByLabel(`Contact ${n} — Courriel`).fill('pas-une-adresse');
    await plan.getByRole('button', { name: 'Enregistrer le plan' }).click();
    await plan.getByText('Adresse électronique invalide.').waitFor();
    await referent.getByLabel(`Contact ${n} — Courriel`).fill('garde@ch-chartres.fr');
    await plan.getByRole('button', { name: 'Enregistrer le plan' }).click();
    await plan.getByText(new RegExp(`^Version ${version + 1}, enregistrée par ref\\.planblanc\\.chartres`)).waitFor();
    await plan.getByText(/Cadre de santé de garde : Mme Essai — garde@ch-chartres\.fr/).waitFor();
    await expectAccessible(referent);
  });
}
