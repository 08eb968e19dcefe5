/**
 * The console's browser scenarios of PGlite's half, and every other one when there is no PostgreSQL
 * (test/console/suite.ts); first, that each screen's scenarios are in exactly one half.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consoleSuite, SCREENS, screensOf } from './console/suite.js';

describe('the console scenarios are split between the database kinds', () => {
  it('registers every screen of test/console/ in exactly one half, and all of them on PGlite alone', async () => {
    const folder = new URL('./console/', import.meta.url);
    const modules = readdirSync(folder).filter((file) => file.endsWith('.ts') && file !== 'suite.ts');
    // By name: each scenario module exports one `xxxScenarios` function.
    const exported = await Promise.all(modules.map(async (file) => Object.keys((await import(/* @vite-ignore */ new URL(file, folder).href)) as object)));
    const registered = [...SCREENS.pglite, ...SCREENS.postgres].flat().map((screen) => screen.name);
    for (const [index, names] of exported.entries()) expect(names.filter((name) => registered.includes(name)), modules[index]).toHaveLength(1);
    expect(new Set(registered).size).toBe(registered.length);
    expect(registered).toHaveLength(modules.length);
    expect(screensOf('pglite', ['pglite']).flat().map((screen) => screen.name).sort()).toEqual([...registered].sort());
  });
});

consoleSuite('pglite');
