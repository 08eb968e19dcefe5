/**
 * Subgraphs assemble their resolver maps from parts (a domain and its sub-domains each add fields
 * to Query, Mutation or an entity). Merging is type by type: a type several parts define gets all
 * their fields; a scalar (a class instance, not a field map) is taken as it is.
 */
import type { GraphQLFieldResolver, GraphQLScalarType } from 'graphql';

/**
 * A subgraph's resolvers, as `buildSubgraphSchema` takes them. @apollo/subgraph exports this type
 * only from its `dist/` tree, which is not its public API (issue 19): the same shape, declared once.
 */
export interface ResolverMap<Ctx = unknown> {
  [typeName: string]:
    | {
        [fieldName: string]:
          | GraphQLFieldResolver<any, Ctx> // eslint-disable-line @typescript-eslint/no-explicit-any -- a parent's type differs per field
          | { requires?: string; resolve?: GraphQLFieldResolver<any, Ctx>; subscribe?: GraphQLFieldResolver<any, Ctx> }; // eslint-disable-line @typescript-eslint/no-explicit-any
      }
    | GraphQLScalarType
    | { [enumValue: string]: string | number };
}

const isFieldMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

export function mergeResolverMaps<M extends object>(...maps: readonly object[]): M {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [type, value] of Object.entries(map)) {
      const current = merged[type];
      merged[type] = isFieldMap(current) && isFieldMap(value) ? { ...current, ...value } : value;
    }
  }
  return merged as M;
}
