/**
 * Authentication before existence (issue 12, case 8): every mutation of the supergraph, called by
 * an anonymous caller with made-up ids and otherwise valid arguments, is refused as
 * UNAUTHENTICATED (or FORBIDDEN), never answered NOT_FOUND, BAD_USER_INPUT or anything that says
 * whether a record exists. The list comes from the committed supergraph, so a new mutation is
 * covered without touching this file; the few that anonymous callers may call are listed below.
 */
import { describe, it, expect, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { gql } from './helpers/graphql.js';

const hub = inject('hubs').pglite!;
const schema = buildSchema(readFileSync(new URL('../schemas/supergraph.graphql', import.meta.url), 'utf8'), { assumeValidSDL: true });

/** Mutations anonymous callers may call, with why (docs/authorisation.md). */
const PUBLIC_MUTATIONS: Record<string, string> = {
  createPassword: 'the password link token is the credential (docs/professionals.md)',
};

/** Made-up ids, in the two forms the hub's ids take (numbers, UUIDs). */
const MADE_UP_IDS = ['1', '00000000-0000-4000-8000-000000000001'];

/** A valid made-up value of `type`: required fields only, ids that exist nowhere. */
function sample(type: GraphQLInputType, name: string, id: string): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name, id);
  if (isListType(type)) return [sample(type.ofType, name, id)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, sample(f.type, f.name, id)]));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return /^(expectedVersion|version)$/i.test(name) ? '1' : id;
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return false;
      case 'DateTime':
        return '2026-01-01T00:00:00Z';
      default:
        return /date|day|from|to/i.test(name) ? '2026-01-01' : 'made-up-0001';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

function operationOf(field: string, args: readonly GraphQLArgument[], returnsObject: boolean): string {
  const required = args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const declarations = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = required.length ? `${field}(${required.map((a) => `${a.name}: $${a.name}`).join(', ')})` : field;
  return `mutation${declarations ? `(${declarations})` : ''} { ${call}${returnsObject ? ' { __typename }' : ''} }`;
}

/** Mutations of the API: @inaccessible ones (internal, system identity only) are not in it. */
const mutations = Object.values(schema.getMutationType()!.getFields()).filter((m) => !m.astNode?.directives?.some((d) => d.name.value === 'inaccessible'));

describe('anonymous mutations with made-up ids are refused before any lookup', () => {
  it('covers every mutation of the supergraph', () => {
    expect(mutations.length).toBeGreaterThan(40);
  });

  it.each(mutations.filter((m) => !(m.name in PUBLIC_MUTATIONS)).map((m) => [m.name, m] as const))('%s', async (_name, mutation) => {
    const returnsObject = !isScalarType(getNamedType(mutation.type)) && !isEnumType(getNamedType(mutation.type));
    const query = operationOf(mutation.name, mutation.args, returnsObject);
    for (const id of MADE_UP_IDS) {
      const variables = Object.fromEntries(mutation.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, sample(a.type, a.name, id)]));
      const answer = await gql(hub.graphql, query, variables);
      const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
      expect(codes.length, `${query} ${JSON.stringify(variables)} answered ${JSON.stringify(answer)}`).toBeGreaterThan(0);
      expect(['UNAUTHENTICATED', 'FORBIDDEN'], `${query} ${JSON.stringify(variables)} answered ${JSON.stringify(answer.errors)}`).toContain(codes[0]);
    }
  });
});

/** Queries taking an argument: the public directory may answer null for an unknown id, but no query tells anonymous callers "not found" about a protected record. */
const queries = Object.values(schema.getQueryType()!.getFields()).filter(
  (q) => !q.name.startsWith('_') && q.args.some((a) => isNonNullType(a.type)) && !q.astNode?.directives?.some((d) => d.name.value === 'inaccessible'),
);

describe('anonymous queries with made-up ids never say whether a protected record exists', () => {
  it.each(queries.map((q) => [q.name, q] as const))('%s', async (_name, field) => {
    const returnsObject = !isScalarType(getNamedType(field.type)) && !isEnumType(getNamedType(field.type));
    const query = operationOf(field.name, field.args, returnsObject).replace(/^mutation/, 'query');
    for (const id of MADE_UP_IDS) {
      const variables = Object.fromEntries(field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, sample(a.type, a.name, id)]));
      const answer = await gql(hub.graphql, query, variables);
      const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
      expect(codes, `${query} ${JSON.stringify(variables)} answered ${JSON.stringify(answer.errors)}`).not.toContain('NOT_FOUND');
      expect(codes, `${query} ${JSON.stringify(variables)} answered ${JSON.stringify(answer.errors)}`).not.toContain('INTERNAL_SERVER_ERROR');
    }
  });
});
