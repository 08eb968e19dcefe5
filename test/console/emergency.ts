/**
 * The "Urgences" and "Tableau de bord" screens in a real browser, as the ARS's regional team
 * (admin.ars) uses them: the daily indicators of an ED over a chosen period as charts whose data
 * tables match the API, a French error next to a wrong period, the BJML table of Loir-et-Cher
 * (41) with an establishment of insufficient RPU quality on red, a detection proposal taken into
 * account, then the dashboard of Indre-et-Loire (37) whose figures match the API; axe-core on
 * both screens; one step on a tablet (768×1024).
 *
 * Setup, through the hub's RPU import (POST /imports/rpu, as admin.ars), for CH Romorantin (41)
 * only: its ED sent the same ISO week of the past years without MODE_SORTIE (so its BJML cannot
 * be computed), and, on a day of 2021 where it is the only ED with data, a surge of passages, which
 * detectTensions on that day turns into proposals of this ED only. No other establishment's
 * data is written; the dashboard only reads Indre-et-Loire, where no scenario writes.
 */
import { expect, it, type ExpectStatic } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from '../helpers/browser.js';
import { consoleUser, menuOf, shot, type ConsoleRun } from '../helpers/console.js';
import { gql } from '../helpers/graphql.js';
import { asUser } from '../helpers/tokens.js';
import { historyDays } from '../../subgraphs/tensions/emergency/bjml.js';
import { addDays, isoWeekOf, parisToday } from '../../subgraphs/tensions/emergency/dates.js';

const ROMORANTIN = '410000046'; // CH Romorantin-Lanthenay: its RPU quality is made insufficient here
const BLOIS = '410000020'; // CH Blois Simone Veil: read only
const DASHBOARD_DEPARTMENT = '37';
const SURGE_DAY = '2021-06-15'; // before the demo's emergency history (about 3 years back)

const fr = (value: number, digits = 0) => value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const rpuDate = (day: string) => day.split('-').reverse().join('/');

/** One CSV passage: entered at `hh:mm` on `day`, MODE_SORTIE 8 (home) one hour later, or none. */
function passage(day: string, minute: number, birthYear: number, exit: boolean): string {
  const at = `${rpuDate(day)} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const left = minute + 60 < 24 * 60 ? `${rpuDate(day)} ${String(Math.floor((minute + 60) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}` : '';
  return `${ROMORANTIN};41200;ROMORANTIN-LANTHENAY;01/01/${birthYear};F;${at};8;5;PERSO;AUCUN;;2;;${exit && left ? `${left};8` : ';'};;`;
}

async function prepare(run: ConsoleRun, token: string): Promise<{ proposalDay: string }> {
  const as = <T>(query: string, variables: Record<string, unknown> = {}) => gql<T>(run.hub.urls.graphql, query, variables, { authorization: token });
  const week = isoWeekOf(parisToday());
  const years = (await as<{ bjml: { years: number } }>('query($id: ID!) { bjml(establishmentId: $id) { years } }', { id: ROMORANTIN })).data!.bjml.years;
  const rows = ['FINESS;CP;COMMUNE;NAISSANCE;SEXE;ENTREE;MODE_ENTREE;PROVENANCE;TRANSPORT;TRANSPORT_PEC;MOTIF;GRAVITE;DP;SORTIE;MODE_SORTIE;DESTINATION;ORIENT'];
  // Three passages a day without MODE_SORTIE on each history day of this week's BJML.
  for (const day of historyDays(week.year, week.week, years)) for (let i = 0; i < 3; i++) rows.push(passage(day, 600 + i * 120, 1950 + i, false));
  // A surge on a day before the demo's history, so that detection on that day sees this ED alone
  // (a run on a recent day would compute all 26 EDs): 2 to 4 passages on each of the 30 days
  // before (its reference), 300 that day.
  for (let d = 30; d >= 1; d--) for (let i = 0; i < 2 + (d % 3); i++) rows.push(passage(addDays(SURGE_DAY, -d), 480 + i * 90, 1960 + i, true));
  for (let i = 0; i < 300; i++) rows.push(passage(SURGE_DAY, (i * 4) % (23 * 60), 1940 + (i % 60), true));
  const response = await fetch(`${run.base}/imports/rpu`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: token }, body: rows.join('\n') });
  expect(response.status, await response.clone().text()).toBe(200);
  const detection = await as<{ detectTensions: { establishments: number } }>('mutation($date: String) { detectTensions(date: $date) { establishments } }', { date: SURGE_DAY });
  expect(detection.errors).toBeUndefined();
  expect(detection.data!.detectTensions.establishments).toBe(1);
  return { proposalDay: SURGE_DAY };
}

export function emergencyScenarios(current: () => ConsoleRun): void {
  it('admin.ars reads an ED’s charts and the BJML table of Loir-et-Cher, takes a proposal into account, then the dashboard of Indre-et-Loire', { timeout: 180_000 }, async ({ expect }) => {
    const run = current();
    const token = await asUser(run.hub.urls.graphql, 'admin.ars');
    const api = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const result = await gql<T>(run.hub.urls.graphql, query, variables, { authorization: token });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data!;
    };
    const [{ proposalDay }, page] = await Promise.all([prepare(run, token), consoleUser(run, 'admin.ars')]);
    const menu = await menuOf(page);
    expect(menu).toContain('Urgences');
    expect(menu).toContain('Tableau de bord');

    // Urgences, Loir-et-Cher, opened from a bookmarked address (`?departement=41`): opened from the
    // menu, the page first reads the ARS's default département (the Cher: one bjml request per
    // establishment), and those requests, not cancelled by a change of département, delayed the
    // Loir-et-Cher table past a minute on a loaded CI (noted in the session's closing note).
    await page.goto(`${run.base}/urgences?departement=41`);
    await page.getByRole('heading', { level: 1, name: 'Urgences' }).waitFor();
    const bjml = page.getByRole('table', { name: /Besoin journalier minimal en lits \(BJML\) — Loir-et-Cher/ });
    await bjml.waitFor();

    // The ED and a period of 10 days ending yesterday; first a period ending before it starts.
    const to = addDays(parisToday(), -1);
    const from = addDays(to, -9);
    await page.getByLabel('Service d’urgences', { exact: true }).selectOption(BLOIS);
    await page.getByLabel('Du', { exact: true }).fill(from);
    await page.getByLabel('Au', { exact: true }).fill(addDays(from, -1));
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.getByText('La fin doit être le même jour que le début ou après.').waitFor();
    await page.getByLabel('Au', { exact: true }).fill(to);
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.getByText(new RegExp(`CH BLOIS SIMONE VEIL : 10 jours avec des passages du ${rpuDate(from)}`)).waitFor();

    // Each chart is an SVG with its description; its data table says the API's figures.
    const series = await api<{ emergencyIndicators: { days: Array<{ day: string; visits: number; loadAt15: number }> } }>(
      'query($id: ID!, $from: String!, $to: String!) { emergencyIndicators(establishmentId: $id, from: $from, to: $to) { days { day visits loadAt15 } } }',
      { id: BLOIS, from, to },
    );
    expect(series.emergencyIndicators.days).toHaveLength(10);
    const visits = page.getByRole('figure').filter({ has: page.getByRole('heading', { name: 'Passages', exact: true }) });
    await expect(visits.locator('svg').first().getAttribute('aria-label')).resolves.toBe('Passages');
    await visits.getByRole('button', { name: 'Voir les données' }).click();
    const visitRows = await visits.getByRole('table').getByRole('row').allTextContents();
    expect(visitRows.slice(1)).toEqual(series.emergencyIndicators.days.map((d) => `${rpuDate(d.day)}${fr(d.visits)}`));
    const load = page.getByRole('figure').filter({ has: page.getByRole('heading', { name: /^Charge à 15 h/ }) });
    await load.getByRole('button', { name: 'Voir les données' }).click();
    const loadRows = await load.getByRole('table').getByRole('row').allTextContents();
    expect(loadRows.slice(1)).toEqual(series.emergencyIndicators.days.map((d) => `${rpuDate(d.day)}${fr(d.loadAt15 * 100)} %`));
    await visits.getByRole('button', { name: 'Masquer les données' }).click();
    await load.getByRole('button', { name: 'Masquer les données' }).click();
    await expectAccessible(page);
    await page.getByRole('heading', { name: 'Indicateurs d’un service d’urgences' }).scrollIntoViewIfNeeded();
    await shot(run, page, 'emergency-charts.png');

    // The BJML table: Romorantin on red with the reason in words, Blois computed as the API says.
    const romorantin = bjml.getByRole('row', { name: /CH ROMORANTIN-LANTHENAY/ });
    await expect(romorantin.getAttribute('data-quality')).resolves.toBe('EXIT_MODE_UNFILLED');
    await expect(romorantin.textContent()).resolves.toContain('Insuffisante : mode de sortie renseigné dans moins de 80 % des passages');
    await expect(romorantin.getByRole('cell').first().textContent()).resolves.toBe('Non calculé');
    const background = await romorantin.getByRole('cell').first().evaluate((cell) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { backgroundColor: string } }).getComputedStyle(cell).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    const blois = (await api<{ bjml: { quality: string; bjml: number; mean: number; p75: number } }>('query($id: ID!) { bjml(establishmentId: $id) { quality bjml mean p75 } }', { id: BLOIS })).bjml;
    expect(blois.quality).toBe('OK');
    const bloisCells = await bjml.getByRole('row', { name: /CH BLOIS SIMONE VEIL/ }).getByRole('cell').allTextContents();
    expect(bloisCells.slice(0, 3)).toEqual([fr(blois.bjml, 1), fr(blois.mean, 1), fr(blois.p75, 1)]);
    await expect(bjml.getByRole('row', { name: /^Total du département \(hors 1 établissement non calculé/ }).isVisible()).resolves.toBe(true);
    await bjml.scrollIntoViewIfNeeded();
    await shot(run, page, 'emergency-bjml.png');

    // The surge detected yesterday: taken into account, then listed with who did it.
    const proposal = page.getByRole('article', { name: `CH ROMORANTIN-LANTHENAY — Passages, ${rpuDate(proposalDay)}` });
    await proposal.getByRole('button', { name: 'Prendre en compte' }).click();
    await page.getByText('Propositions déjà traitées', { exact: false }).click();
    const decided = page.getByRole('article', { name: `CH ROMORANTIN-LANTHENAY — Passages, ${rpuDate(proposalDay)}` });
    await decided.getByText(/prise en compte par admin\.ars/).waitFor();
    const stored = await api<{ alertProposals: Array<{ signal: string; status: string; decidedBy: string }> }>(
      'query($id: ID!, $day: String!) { alertProposals(establishmentId: $id, from: $day, to: $day) { signal status decidedBy } }',
      { id: ROMORANTIN, day: proposalDay },
    );
    expect(stored.alertProposals.find((p) => p.signal === 'VISITS')).toMatchObject({ status: 'ACKNOWLEDGED', decidedBy: 'admin.ars' });

    // On a tablet the charts and the table fit the width (the table scrolls inside its frame).
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('heading', { name: 'Indicateurs d’un service d’urgences' }).scrollIntoViewIfNeeded();
    await expect(visits.locator('svg').first().isVisible()).resolves.toBe(true);
    const width = await page.evaluate(`[document.documentElement.scrollWidth, [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 768).slice(0, 5).map((e) => e.tagName + '.' + e.className).join(' ')]`);
    expect(width, JSON.stringify(width)).toEqual([768, '']);
    await page.setViewportSize({ width: 1366, height: 768 });

    await dashboard(run, page, api, expect);
  });
}

async function dashboard(run: ConsoleRun, page: Page, api: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>, expect: ExpectStatic): Promise<void> {
  await page.getByRole('link', { name: 'Tableau de bord' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
  await page.getByLabel('Département', { exact: true }).selectOption(DASHBOARD_DEPARTMENT);
  await page.getByRole('heading', { name: 'Lits disponibles par discipline — Indre-et-Loire' }).waitFor();
  const figures = await api<{
    tensions: { totalCount: number };
    populationIndicators: Array<{ sector: string | null; establishments: number; populated: number }>;
  }>(
    `query($d: String!) {
      tensions(filter: { departmentCode: $d, status: IN_PROGRESS }) { totalCount }
      populationIndicators(level: DEPARTMENT, departmentCode: $d) { sector establishments populated }
    }`,
    { d: DASHBOARD_DEPARTMENT },
  );
  // admin.ars reads capacities unit by unit (no synthesis right): the sums of the units' figures.
  const sums = { available: 0, installed: 0, medicine: 0 };
  for (let after: string | null = null, first = true; first || after; first = false) {
    const list: { units: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { discipline: string | null; capacity: { availableBeds: number; installedBeds: number } | null } }> } } = await api(
      'query($d: String!, $after: String) { units(filter: { departmentCode: $d }, first: 200, after: $after) { pageInfo { hasNextPage endCursor } edges { node { discipline capacity { availableBeds installedBeds } } } } }',
      { d: DASHBOARD_DEPARTMENT, after },
    );
    for (const { node } of list.units.edges) {
      if (!node.discipline || !node.capacity) continue;
      sums.available += node.capacity.availableBeds;
      sums.installed += node.capacity.installedBeds;
      if (node.discipline === 'MEDICINE') sums.medicine += node.capacity.availableBeds;
    }
    after = list.units.pageInfo.hasNextPage ? list.units.pageInfo.endCursor : null;
  }
  expect(sums.installed).toBeGreaterThan(0);
  const beds = page.getByRole('table', { name: 'Lits disponibles par discipline' });
  await beds.getByRole('row', { name: /^Total/ }).waitFor();
  const total = await beds.getByRole('row', { name: /^Total/ }).getByRole('cell').allTextContents();
  expect(total.slice(0, 2)).toEqual([fr(sums.available), fr(sums.installed)]);
  await expect(beds.locator('tr[data-discipline="MEDICINE"] td').first().textContent()).resolves.toBe(fr(sums.medicine));
  await page.getByRole('heading', { name: `Tensions en cours (${figures.tensions.totalCount})` }).waitFor();
  const all = figures.populationIndicators.find((r) => r.sector === null)!;
  await page.locator('tr[data-sector="ALL"]').waitFor();
  const population = await page.locator('tr[data-sector="ALL"] td').allTextContents();
  expect(population.slice(0, 2)).toEqual([String(all.establishments), String(all.populated)]);
  await page.getByRole('heading', { name: /^Demandes d’admission directe/ }).waitFor();
  await expectAccessible(page);
  await shot(run, page, 'dashboard.png');
}
