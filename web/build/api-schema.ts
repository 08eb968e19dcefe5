/**
 * The public API schema of the committed supergraph: what a client such as the console may ask
 * (no join__ machinery, no @inaccessible fields). Codegen types the console's operations from it,
 * and the operations test validates them against it.
 */
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

export const SUPERGRAPH_PATH = new URL('../../schemas/supergraph.graphql', import.meta.url);

export function apiSchema(): GraphQLSchema {
  return Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
}

export function apiSchemaSdl(): string {
  return printSchema(lexicographicSortSchema(apiSchema()));
}
