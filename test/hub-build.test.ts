/**
 * The hub's production build (scripts/runtime/hub-build.ts): the rewrite that keeps files read
 * beside a source reachable from the bundle, and the built bundle itself (every file URL it
 * computes lands on a file of the checkout; it is rebuilt only when its inputs change).
 * Running it is covered by the files that start `npm start` (operations.test.ts) and .ci/smoke.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureHubBuilt, hubEntryOf, hubSourcesHash, rewriteFileUrls } from '../scripts/runtime/hub-build.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.build/hub/0123456789abcdef');

describe('rewriteFileUrls', () => {
  it('import.meta.url becomes the original file\'s URL, relative to the bundle; a string that is the words alone is left alone', () => {
    const code = "const migrations = new URL('./migrations', import.meta.url);\nconst text = 'import.meta.url';";
    const out = rewriteFileUrls(code, join(ROOT, 'subgraphs/offer/index.ts'), OUT);
    expect(out).toContain('new URL(\'./migrations\', new URL("../../../subgraphs/offer/index.ts", import.meta.url).href)');
    expect(out).toContain("const text = 'import.meta.url';");
  });

  it('a CommonJS module\'s __dirname and __filename are its own folder and file; a module declaring them keeps its own', () => {
    const file = join(ROOT, 'node_modules/some-package/lib/index.js');
    const cjs = rewriteFileUrls("module.exports = require('path').join(__dirname, 'data.json');", file, OUT);
    expect(cjs.split('\n')[0]).toBe('var __dirname = __rorPath("../../../node_modules/some-package/lib"), __filename = __rorPath("../../../node_modules/some-package/lib/index.js");');
    const esm = "const __dirname = dirname(fileURLToPath(import.meta.url)); export const data = join(__dirname, 'x');";
    expect(rewriteFileUrls(esm, file, OUT)).not.toMatch(/^var __dirname/);
  });
});

describe('the built hub', { timeout: 180_000 }, () => {
  it('is named by its inputs, built once, and every file URL it computes lands on a file of the checkout', async () => {
    const first = await ensureHubBuilt(); // the run's global setup built it already
    expect(first.entry).toBe(hubEntryOf(hubSourcesHash()));
    expect(await ensureHubBuilt()).toEqual({ hash: hubSourcesHash(), entry: first.entry, built: false, seconds: 0 });
    expect(existsSync(hubEntryOf(first.hash, 'run-serve'))).toBe(true); // `npm run serve`'s entry, built with it
    const folder = dirname(first.entry);
    const targets = readdirSync(folder)
      .filter((name) => name.endsWith('.mjs'))
      .flatMap((name) => [...readFileSync(join(folder, name), 'utf8').matchAll(/new URL\("([^"]+)", import\.meta\.url\)|__rorPath\("([^"]+)"\)/g)].map((m) => (m[1] ?? m[2])!));
    expect(targets).toContain('../../../platform/sdl.ts'); // the schemas folder is found from it
    expect(targets).toContain('../../../subgraphs/offer/index.ts'); // and the offer's migrations
    for (const target of new Set(targets)) expect(existsSync(join(folder, target)), target).toBe(true);
  });
});
