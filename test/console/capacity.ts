/**
 * "Lits disponibles" in a real browser, as the seed's people use it: the bed-entry nurse of CH
 * Châteauroux (saisie.lits.chateauroux) changes a unit's free beds and validates; the ARS
 * (admin.ars), whose grid is already open, sees the new figure arrive without reloading, with
 * who and when. "Valider" with unchanged figures confirms them; "Tout valider" validates the
 * whole perimeter at once; a saved filter is saved, applied and deleted; a planned closure is
 * added and removed; the synthesis and closures views pass axe-core. A stale edit (the unit
 * changed while the nurse's page heard nothing) shows both values, and the nurse's choice is
 * what the hub keeps, checked through the API, once for each choice, on a tablet-sized page.
 * Uses CH Châteauroux (36) units only.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from '../helpers/browser.js';
import { consoleUser as openConsole, menuOf, shot as shotOf, type ConsoleRun } from '../helpers/console.js';
import { gql } from '../helpers/graphql.js';
import { asApp, asUser } from '../helpers/tokens.js';

const CHATEAUROUX = '360000137';
const LIVE_UNIT = { id: '360000137-1720', name: 'MEDECINE POLYVALENTE' };
const CONFIRMED_UNIT = { id: '360000137-1748', name: 'NEUROLOGIE' };
const STALE_UNIT = { id: '360000137-1782', name: 'PNEUMOLOGIE' };
const NOTED_UNIT = { id: '360000137-1520', name: 'GASTRO-ENTEROLOGIE' };
const CLOSED_UNIT = 'UROLOGIE';
/** The name bed-manager-chateauroux (CH Châteauroux's bed-management application) writes under. */
const SYSTEM = 'Gestion des lits — CH Châteauroux';

interface Figures {
  version: number;
  updatedBy: string | null;
  notes: string | null;
  available: { men: number; women: number; undifferentiated: number };
}
const READ = 'query($id: ID!) { unit(id: $id) { capacity { version updatedBy notes available { men women undifferentiated } } } }';
const WRITE = `mutation($unitId: ID!, $input: CapacityInput!, $v: Int!) { updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $v) { version } }`;

export function capacityScenarios(current: () => ConsoleRun): void {
  const graphql = () => current().hub.urls.graphql;
  const shot = (page: Page, name: string) => shotOf(current(), page, name);
  const reader = () => asUser(graphql(), 'saisie.lits.chateauroux');

  async function figures(unitId: string): Promise<Figures> {
    const result = await gql<{ unit: { capacity: Figures } }>(graphql(), READ, { id: unitId }, { authorization: await reader() });
    expect(result.errors).toBeUndefined();
    return result.data!.unit.capacity;
  }

  /** CH Châteauroux's bed-management application sets the unit's undifferentiated free beds (men and women 0). */
  async function writeElsewhere(unitId: string, undifferentiated: number): Promise<void> {
    const installed = await gql<{ unit: { capacity: { installedBeds: number; version: number; closedBeds: number; reopenedBeds: number; reopenableBeds: number; mobilisedBeds: number } } }>(
      graphql(),
      'query($id: ID!) { unit(id: $id) { capacity { installedBeds version closedBeds reopenedBeds reopenableBeds mobilisedBeds } } }',
      { id: unitId },
      { authorization: await reader() },
    );
    const { version, ...rest } = installed.data!.unit.capacity;
    const input = { ...rest, availableMen: 0, availableWomen: 0, availableUndifferentiated: undifferentiated };
    const written = await gql(graphql(), WRITE, { unitId, input, v: version }, { authorization: await asApp(graphql(), 'bed-manager-chateauroux') });
    expect(written.errors).toBeUndefined();
  }

  /** The first screen, as a person arriving sees it: typing scrolled the page and the grid. */
  async function topOf(page: Page): Promise<void> {
    await page.evaluate('window.scrollTo(0, 0); document.querySelectorAll(".capacity-scroll").forEach((element) => { element.scrollLeft = 0; })');
  }

  async function openScreen(page: Page): Promise<void> {
    // From the home page's tile: on a tablet the header's menu is folded behind "Menu".
    await page.getByRole('main').getByRole('link', { name: 'Lits disponibles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lits disponibles' }).waitFor();
  }
  // CH Châteauroux's table: CH du Blanc, of the same legal entity, has units of the same names.
  const table = (page: Page) => page.getByRole('region', { name: 'CH CHATEAUROUX', exact: true });
  const row = (page: Page, name: string) => table(page).getByRole('row', { name, exact: true });
  const box = (page: Page, label: string, unit: string) => table(page).getByLabel(`${label} — ${unit}`, { exact: true });

  it('a bed-entry nurse validates a unit and the ARS sees it live; Tout valider, saved filters, synthesis and closures', { timeout: 180_000 }, async ({ expect }) => {
    const [nurse, ars] = await Promise.all([openConsole(current(), 'saisie.lits.chateauroux'), openConsole(current(), 'admin.ars')]);
    expect(await menuOf(nurse)).toContain('Lits disponibles');
    expect(await menuOf(ars)).toContain('Lits disponibles');

    // The ARS reads the region one establishment at a time, without entry boxes (no entry right).
    await openScreen(ars);
    await ars.getByLabel('Établissement', { exact: true }).selectOption(CHATEAUROUX);
    await row(ars, LIVE_UNIT.name).waitFor();
    await expect(row(ars, LIVE_UNIT.name).getByRole('textbox').count()).resolves.toBe(0);
    await expect(ars.getByRole('button', { name: 'Tout valider' }).count()).resolves.toBe(0);
    // Only the grid: admin.ars has no synthesis, closure or export right.
    await expect(ars.getByRole('tab').allTextContents()).resolves.toEqual(['Saisie des capacités']);

    // The nurse sees every unit of CH Châteauroux's legal entity, and the day's national snapshot.
    await openScreen(nurse);
    await nurse.getByText(/^Instantané national du jour : /).waitFor();
    const before = await figures(LIVE_UNIT.id);
    const next = before.available.undifferentiated === 3 ? 4 : 3;
    await box(nurse, 'Lits libres hommes', LIVE_UNIT.name).fill('0');
    await box(nurse, 'Lits libres femmes', LIVE_UNIT.name).fill('0');
    // A figure that is not a number is refused in French next to its box, before anything is sent.
    await box(nurse, 'Lits libres indifférenciés', LIVE_UNIT.name).fill('deux');
    await row(nurse, LIVE_UNIT.name).getByRole('button', { name: /^Valider/ }).click();
    await row(nurse, LIVE_UNIT.name).getByText('Nombre entier de 0 à 10 000.').waitFor();
    // The hub's own rule (free beds within the operational total), in French next to the box.
    await box(nurse, 'Lits libres indifférenciés', LIVE_UNIT.name).fill('9999');
    await box(nurse, 'Lits libres indifférenciés', LIVE_UNIT.name).press('Enter');
    await row(nurse, LIVE_UNIT.name).getByText('Les lits libres (hommes + femmes + indifférenciés) ne peuvent dépasser le total opérationnel.').waitFor();
    await box(nurse, 'Lits libres indifférenciés', LIVE_UNIT.name).fill(String(next));
    await row(nurse, LIVE_UNIT.name).getByRole('button', { name: /^Valider/ }).click();
    await row(nurse, LIVE_UNIT.name).getByText('Validé.').waitFor();
    expect((await figures(LIVE_UNIT.id)).available).toEqual({ men: 0, women: 0, undifferentiated: next });

    // The ARS's open grid shows it without a reload, with who and when.
    const arsRow = row(ars, LIVE_UNIT.name);
    await arsRow.getByText('en direct').waitFor();
    await expect(arsRow.getByRole('cell').nth(2).textContent()).resolves.toBe(String(next));
    await expect(arsRow.textContent()).resolves.toMatch(/à l’instantpar saisie\.lits\.chateauroux|il y a 1 minpar saisie\.lits\.chateauroux/);
    await ars.getByText(`Dernière mise à jour en direct : ${LIVE_UNIT.name}, par saisie.lits.chateauroux`, { exact: false }).waitFor();
    await expectAccessible(ars);
    await expectAccessible(nurse);
    await topOf(nurse);
    await shot(nurse, 'capacity-grid.png');

    // "Valider" with unchanged figures confirms them: a new version, by the nurse, same figures.
    const unchanged = await figures(CONFIRMED_UNIT.id);
    await row(nurse, CONFIRMED_UNIT.name).getByRole('button', { name: /^Valider/ }).click();
    await row(nurse, CONFIRMED_UNIT.name).getByText('Validé.').waitFor();
    const confirmed = await figures(CONFIRMED_UNIT.id);
    expect(confirmed.version).toBe(unchanged.version + 1);
    expect(confirmed.updatedBy).toBe('saisie.lits.chateauroux');
    expect(confirmed.available).toEqual(unchanged.available);

    // "Tout valider": one batch for the perimeter, the typed note included.
    const note = `Tout valider ${Date.now()}`;
    await box(nurse, 'Notes', NOTED_UNIT.name).fill(note);
    await nurse.getByRole('button', { name: 'Tout valider' }).click();
    await nurse.getByText(/^\d+ unités validées à /).waitFor();
    expect((await figures(NOTED_UNIT.id)).notes).toBe(note);

    // Filters: discipline and text narrow the grid; a saved filter comes back from "Mes filtres".
    await nurse.getByLabel('Discipline', { exact: true }).selectOption('SURGERY');
    await row(nurse, LIVE_UNIT.name).waitFor({ state: 'detached' });
    await row(nurse, CLOSED_UNIT).waitFor();
    const name = `Chirurgie ${Date.now()}`;
    await nurse.getByText('Mes filtres enregistrés').click();
    await nurse.getByRole('textbox', { name: /^Enregistrer les filtres sous le nom/ }).fill(name);
    await nurse.getByRole('button', { name: 'Enregistrer le filtre' }).click();
    await nurse.getByText(`Filtre « ${name} » enregistré.`).waitFor();
    await nurse.getByLabel('Discipline', { exact: true }).selectOption('');
    await nurse.getByLabel('Unité (nom ou UF)', { exact: true }).fill('pneumo');
    await row(nurse, STALE_UNIT.name).waitFor();
    await expect(row(nurse, LIVE_UNIT.name).count()).resolves.toBe(0);
    await nurse.getByLabel('Mes filtres', { exact: true }).selectOption({ label: name });
    await expect(nurse.getByLabel('Discipline', { exact: true }).inputValue()).resolves.toBe('SURGERY');
    await row(nurse, CLOSED_UNIT).waitFor();
    await nurse.getByRole('button', { name: 'Supprimer ce filtre' }).click();
    await nurse.getByText(`Filtre « ${name} » supprimé.`).waitFor();
    await nurse.getByLabel('Discipline', { exact: true }).selectOption('');

    // The synthesis follows live changes: a change made elsewhere moves its totals.
    await nurse.getByRole('tab', { name: 'Synthèse' }).click();
    const totalRow = nurse.getByRole('row', { name: /^Total/ });
    // The synthesis asks the offer subgraph for every unit of the reach: slow on a loaded 2-core machine.
    await totalRow.waitFor({ timeout: 60_000 });
    await nurse.getByRole('row', { name: /^CH CHATEAUROUX\b/ }).first().waitFor();
    // Issue 18: crisis beds and temporarily assigned beds are columns of the synthesis.
    await nurse.getByRole('columnheader', { name: 'Mobilisés pour une crise' }).waitFor();
    await nurse.getByRole('columnheader', { name: 'En affectation temporaire' }).waitFor();
    await expectAccessible(nurse);
    await topOf(nurse);
    await shot(nurse, 'capacity-synthesis.png');
    const totalBefore = Number(await totalRow.getByRole('cell').nth(1).textContent());
    await writeElsewhere(LIVE_UNIT.id, next + 2);
    await expect.poll(async () => Number(await totalRow.getByRole('cell').nth(1).textContent()), { timeout: 20_000 }).toBe(totalBefore + 2);

    // Planned closures: add one for UROLOGIE, see it listed, remove it.
    await nurse.getByRole('tab', { name: 'Fermetures prévues' }).click();
    await nurse.getByRole('heading', { name: 'Prévoir une fermeture' }).waitFor();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await nurse.getByLabel('Unité', { exact: true }).selectOption({ label: `${CLOSED_UNIT} (CH CHATEAUROUX)` });
    await nurse.getByLabel('Premier jour fermé', { exact: true }).fill(day(10));
    await nurse.getByLabel('Dernier jour fermé', { exact: true }).fill(day(5));
    await nurse.getByLabel('Lits fermés', { exact: true }).fill('4');
    await nurse.getByRole('button', { name: 'Enregistrer la fermeture' }).click();
    await nurse.getByText('Le dernier jour doit suivre le premier.').waitFor();
    await nurse.getByLabel('Dernier jour fermé', { exact: true }).fill(day(20));
    await nurse.getByRole('button', { name: 'Enregistrer la fermeture' }).click();
    await nurse.getByText(`Fermeture de ${CLOSED_UNIT} enregistrée.`).waitFor();
    const closure = nurse.getByRole('row', { name: new RegExp(`^${CLOSED_UNIT}, du `) });
    await expect(closure.textContent()).resolves.toContain('Fermeture saisonnière');
    await expectAccessible(nurse);
    await closure.getByRole('button', { name: /^Supprimer/ }).click();
    await nurse.getByText(`Fermeture de ${CLOSED_UNIT} supprimée.`).waitFor();
    await closure.waitFor({ state: 'detached' });
    await Promise.all([nurse.context().close(), ars.context().close()]);
  });

  it('a stale edit shows both values; "Garder ma saisie" and "Prendre la valeur actuelle" keep what the nurse chose (tablet)', { timeout: 120_000 }, async ({ expect }) => {
    // While true, the page receives nothing from its WebSocket: it misses the change made elsewhere.
    let deaf = false;
    const nurse = await openConsole(current(), 'saisie.lits.chateauroux', {
      viewport: { width: 768, height: 1024 },
      prepare: (page) =>
        page.routeWebSocket(/\/graphql$/, (socket) => {
          const server = socket.connectToServer();
          server.onMessage((message) => {
            if (!deaf) socket.send(message);
          });
        }),
    });
    await openScreen(nurse);
    await row(nurse, STALE_UNIT.name).waitFor();
    const conflict = nurse.getByRole('alert', { name: `Conflit — ${STALE_UNIT.name}` });

    // 1. The hospital's system writes 5 meanwhile; the nurse, typing 7, keeps her figure.
    deaf = true;
    await writeElsewhere(STALE_UNIT.id, 5);
    await box(nurse, 'Lits libres hommes', STALE_UNIT.name).fill('0');
    await box(nurse, 'Lits libres femmes', STALE_UNIT.name).fill('0');
    await box(nurse, 'Lits libres indifférenciés', STALE_UNIT.name).fill('7');
    await row(nurse, STALE_UNIT.name).getByRole('button', { name: /^Valider/ }).click();
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('Votre saisie n’a pas été enregistrée');
    const text = await conflict.textContent();
    expect(text).toContain(`modifiée par ${SYSTEM}`);
    expect(text).toMatch(/Votre saisie : H 0 · F 0 · Indiff\. 7 · /);
    expect(text).toMatch(new RegExp(`Valeur actuelle \\(${SYSTEM}, \\d\\d:\\d\\d\\) : H 0 · F 0 · Indiff\\. 5 · `));
    await expectAccessible(nurse);
    await conflict.scrollIntoViewIfNeeded();
    await shot(nurse, 'capacity-conflict-tablet.png');
    await conflict.getByRole('button', { name: 'Garder ma saisie' }).click();
    await row(nurse, STALE_UNIT.name).getByText('Validé.').waitFor();
    await conflict.waitFor({ state: 'detached' });
    let now = await figures(STALE_UNIT.id);
    expect(now.available.undifferentiated).toBe(7);
    expect(now.updatedBy).toBe('saisie.lits.chateauroux');

    // 2. The system writes 6 meanwhile; the nurse, typing 8, takes the current value instead.
    await writeElsewhere(STALE_UNIT.id, 6);
    const written = await figures(STALE_UNIT.id);
    await box(nurse, 'Lits libres indifférenciés', STALE_UNIT.name).fill('8');
    await row(nurse, STALE_UNIT.name).getByRole('button', { name: /^Valider/ }).click();
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Prendre la valeur actuelle' }).click();
    await conflict.waitFor({ state: 'detached' });
    await expect(box(nurse, 'Lits libres indifférenciés', STALE_UNIT.name).inputValue()).resolves.toBe('6');
    now = await figures(STALE_UNIT.id);
    expect(now.available.undifferentiated).toBe(6);
    expect(now.version).toBe(written.version);
    deaf = false;
    await nurse.context().close();
  });
}
