/**
 * The console's GraphQL operations against the supergraph (docs/console.md § Typed operations):
 * every `graphql(...)` document under web/src validates against the supergraph's API schema
 * (graphql-js `validate`, fragments of every file in scope), and web/src/gql/ is exactly what
 * graphql-codegen writes from them today. A schema change that breaks an operation, or an
 * operation edited without `npm run codegen`, fails here.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, NoUnusedFragmentsRule, parse, specifiedRules, validate, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import { apiSchema } from '../web/build/api-schema.js';
import { GENERATED_DIR, runCodegen } from '../web/build/codegen.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'web/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join(ROOT, GENERATED_DIR).replace(/\/$/, '') ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every `graphql(\`...\`)` document of the console's sources, with the file it is in. */
function operationDocuments(): { file: string; document: DocumentNode }[] {
  return sources(SRC).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bgraphql\(\s*`([^`]*)`\s*\)/g)].map((match) => ({ file: relative(ROOT, file), document: parse(match[1]!) })),
  );
}

// A fragment's own document uses it nowhere: the documents using it validate it in context.
const RULES = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

function spreads(definitions: readonly DefinitionNode[]): Set<string> {
  const names = new Set<string>();
  for (const definition of definitions) visit(definition, { FragmentSpread: (node) => void names.add(node.name.value) });
  return names;
}

/** Validation errors of one document, with the console's fragments it spreads in scope (as codegen does). */
function errorsOf(schema: GraphQLSchema, document: DocumentNode, fragments: readonly FragmentDefinitionNode[]): string[] {
  const definitions = [...document.definitions];
  const present = () => new Set(definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
  for (let missing = [...spreads(definitions)].filter((n) => !present().has(n)); missing.length; missing = [...spreads(definitions)].filter((n) => !present().has(n))) {
    const found = fragments.filter((f) => missing.includes(f.name.value));
    if (!found.length) break; // unknown fragments: validate says so
    definitions.push(...found);
  }
  return validate(schema, { ...document, definitions }, RULES).map((error) => error.message);
}

describe('console operations', () => {
  let schema: GraphQLSchema;
  let documents: ReturnType<typeof operationDocuments>;
  let fragments: FragmentDefinitionNode[];
  beforeAll(() => {
    schema = apiSchema();
    documents = operationDocuments();
    fragments = documents.flatMap(({ document }) => document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION));
  });

  it('every operation of web/src validates against the supergraph API schema', () => {
    const names = documents.flatMap(({ document }) => document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value] : [])));
    // The screens' operations are all there: a regex that stopped matching would validate nothing.
    expect(names).toEqual(expect.arrayContaining(['ConsoleMe', 'ConsolePlaceSearch', 'ConsoleRequestAdmission', 'ConsoleAdmissionRequests', 'ConsoleAnswerAdmissionRequest', 'ConsoleAdmissionRequestChanged']));
    const failures = documents.flatMap(({ file, document }) => errorsOf(schema, document, fragments).map((message) => `${file}: ${message}`));
    expect(failures).toEqual([]);
  });

  it('the check fails on an operation the supergraph does not have', () => {
    const broken = parse('query Broken { placeSearch(criteria: { postalCode: "45000" }) { edges { node { freeBedz } } } }');
    expect(errorsOf(schema, broken, fragments)).toEqual([expect.stringContaining('Cannot query field "freeBedz" on type "Place"')]);
  });

  it('web/src/gql/ is what graphql-codegen generates now (run `npm run codegen` after editing an operation)', async () => {
    const generated = await runCodegen(false);
    expect([...generated.keys()].sort()).toEqual([`${GENERATED_DIR}gql.ts`, `${GENERATED_DIR}graphql.ts`, `${GENERATED_DIR}index.ts`]);
    for (const [file, content] of generated) expect(readFileSync(join(ROOT, file), 'utf8'), `${file} is stale: npm run codegen`).toBe(content);
  });
});
