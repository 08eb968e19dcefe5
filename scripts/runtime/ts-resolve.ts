/**
 * Runs the TypeScript sources on Node's own type stripping (Node 24; no tsx, no build step):
 * `node --import ./scripts/runtime/ts-resolve.ts scripts/start.ts`.
 *
 * The sources import each other as `./x.js` (TypeScript's NodeNext convention, which `tsc`
 * checks), and Node resolves specifiers literally: this resolve hook maps a relative `.js`
 * import made from a `.ts` file to the `.ts` file beside it, and leaves every other specifier
 * to Node. Type stripping itself needs erasable syntax only (tsconfig `erasableSyntaxOnly`).
 * `registerHooks` runs in the loading thread, synchronously: no loader worker (D102).
 *
 * Node's on-disk compile cache is switched on here too (issue 16): V8's compiled code of every
 * module, and the type-stripped source of each .ts file, are kept in the system's temporary
 * folder (`node-compile-cache`, keyed by each file's content), so a second start of the hub or
 * of a CLI skips most of parsing, stripping and compiling its ~2,500 modules. Nothing changes if
 * the folder cannot be written; `NODE_DISABLE_COMPILE_CACHE=1` turns it off, `NODE_COMPILE_CACHE`
 * moves it.
 */
import { enableCompileCache, registerHooks } from 'node:module';

enableCompileCache();

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
