/**
 * Runs the TypeScript sources on Node's own type stripping (Node 24; no tsx, no build step):
 * `node --import ./scripts/runtime/ts-resolve.ts scripts/start.ts`.
 *
 * The sources import each other as `./x.js` (TypeScript's NodeNext convention, which `tsc`
 * checks), and Node resolves specifiers literally: this resolve hook maps a relative `.js`
 * import made from a `.ts` file to the `.ts` file beside it, and leaves every other specifier
 * to Node. Type stripping itself needs erasable syntax only (tsconfig `erasableSyntaxOnly`).
 * `registerHooks` runs in the loading thread, synchronously: no loader worker (D102).
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const fromSource = context.parentURL?.startsWith('file:') && context.parentURL.endsWith('.ts');
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (fromSource && relative && specifier.endsWith('.js')) {
      try {
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      } catch {
        // A real .js file next to the source (none today): resolved as written below.
      }
    }
    return nextResolve(specifier, context);
  },
});
