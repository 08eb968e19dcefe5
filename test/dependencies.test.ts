/**
 * package.json says what the code uses (issue 19): every package the sources import is declared
 * (a transitive one can vanish at the next `npm ci`), no source reaches into a package's `dist/`
 * tree (not its public API: it moves between minor versions), and every declared package is used.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import ts from 'typescript';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);

/** Declared and used by name only (a tool's command, a config string, ambient types). */
const USED_WITHOUT_IMPORT: Record<string, string> = {
  typescript: "typescript-eslint's parser (eslint.config.js names it; its JavaScript API, which TypeScript 7 does not ship)",
  typescript7: 'tsc of TypeScript 7, npm run typecheck and scripts/test.sh (D248)',
  '@graphql-codegen/client-preset': "the 'client' preset named in web/build/codegen.ts",
  '@types/node': 'ambient types',
  '@types/nodemailer': 'types of nodemailer',
  '@types/pg': 'types of pg',
  '@types/react': 'types of react',
  '@types/react-dom': 'types of react-dom',
  '@types/smtp-server': 'types of smtp-server',
  '@types/ws': 'types of ws',
  '@graphql-mesh/transport-http': "loaded by name by @graphql-hive/gateway-runtime (the gateway bench's Hive)",
};

const sources = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mts', '*.js', '*.mjs', '*.cjs'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);

/** Bare specifiers of a file: static and dynamic imports (TypeScript's own scanner), require and require.resolve. */
function specifiersOf(text: string): string[] {
  const imports = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  const required = [...text.matchAll(/(?:\brequire|\brequire\.resolve|\)\.resolve)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return [...imports, ...required].filter((s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('node:'));
}

const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const builtins = new Set(builtinModules);
const uses = sources.flatMap((file) => specifiersOf(readFileSync(new URL(file, root), 'utf8')).map((specifier) => ({ file, specifier })));

describe('dependencies', () => {
  it('reads imports from the sources (the scan itself works)', () => {
    expect(uses.some((u) => u.specifier === '@apollo/gateway')).toBe(true);
    expect(uses.some((u) => u.specifier.startsWith('@etalab/decoupage-administratif/'))).toBe(true);
  });

  it('declares every package the sources import', () => {
    const undeclared = uses.filter((u) => !builtins.has(packageOf(u.specifier)) && !declared.has(packageOf(u.specifier)));
    expect(undeclared).toEqual([]);
  });

  it("imports no package's dist/ tree", () => {
    expect(uses.filter((u) => /^(?:@[^/]+\/)?[^/]+\/(?:.*\/)?dist\//.test(u.specifier))).toEqual([]);
  });

  it('uses every declared package', () => {
    const used = new Set(uses.map((u) => packageOf(u.specifier)));
    expect([...declared].filter((name) => !used.has(name) && !(name in USED_WITHOUT_IMPORT))).toEqual([]);
  });
});
