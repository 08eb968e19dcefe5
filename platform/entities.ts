/**
 * `_entities` with each representation resolved on its own. @apollo/subgraph's resolver maps the
 * batch in one go: when a representation throws synchronously (an unknown `__typename`, a
 * malformed key), the promises already returned for the earlier ones are dropped while they may
 * still reject, and one such rejection was enough to stop the process (issue 12, case 2). Here a
 * bad representation becomes the error of its own item (`_entities[i]` null, with a coded error),
 * every other item resolves or fails alone, and no promise is left without a handler.
 */
import { GraphQLError, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { ResolverMap } from './resolver-maps.js';
import { HubError } from './errors.js';

/** Key fields of an entity type, from its `@key(fields: "…")` directives (simple field sets only: ours are all `id`). */
function keyFieldsOf(type: GraphQLObjectType): string[][] {
  return (type.astNode?.directives ?? [])
    .concat(type.extensionASTNodes.flatMap((n) => n.directives ?? []))
    .filter((d) => d.name.value === 'key')
    .map((d) => d.arguments?.find((a) => a.name.value === 'fields')?.value)
    .flatMap((v) => (v?.kind === 'StringValue' && !/[{}]/.test(v.value) ? [v.value.trim().split(/\s+/)] : []));
}

/** Why a representation cannot be resolved, or null when it is well formed. */
function problemOf(schema: GraphQLSchema, entityTypes: ReadonlySet<string>, representation: unknown): string | null {
  if (representation === null || typeof representation !== 'object' || Array.isArray(representation)) return 'is not an object';
  const { __typename: typename } = representation as Record<string, unknown>;
  if (typeof typename !== 'string') return 'has no __typename';
  if (!entityTypes.has(typename)) return `names "${typename.slice(0, 100)}", which is not an entity type of this subgraph`;
  const type = schema.getType(typename) as GraphQLObjectType;
  const keys = keyFieldsOf(type);
  const complete = keys.some((fields) => fields.every((f) => typeof (representation as Record<string, unknown>)[f] === 'string'));
  if (keys.length > 0 && !complete) return `lacks the key of ${typename} (${keys.map((k) => k.join(' ')).join(' or ')}, as strings)`;
  return null;
}

type ReferenceResolver = (reference: object, context: unknown, info: GraphQLResolveInfo) => unknown;

/** The type's `__resolveReference` in the subgraph's own resolver map (none: the representation is the entity). */
function referenceResolverOf(resolvers: ResolverMap<unknown>, typename: string): ReferenceResolver | undefined {
  const fields = resolvers[typename] as Record<string, unknown> | undefined;
  const resolve = fields?.__resolveReference;
  return typeof resolve === 'function' ? (resolve as ReferenceResolver) : undefined;
}

/** The entity, marked with the type the gateway asked for (how `_Entity` tells its members apart). */
async function asEntityOf(value: unknown, typename: string): Promise<unknown> {
  const entity = await value;
  if (entity === null || typeof entity !== 'object') return entity;
  if ('__typename' in entity) return entity.__typename === typename ? entity : { ...entity, __typename: typename };
  // Not enumerable, as @apollo/subgraph does: the object may be a row other code serialises.
  return Object.defineProperty(entity, '__typename', { value: typename });
}

/**
 * Replaces the schema's `Query._entities` resolver by the isolating one (the schema is changed in
 * place). Our entity types are object types with `@key(fields: "id")`: no interface entities.
 */
export function isolateEntities(schema: GraphQLSchema, resolvers: ResolverMap<unknown>): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const union = schema.getType('_Entity');
  if (!field || !union) return schema;
  const entityTypes = new Set(schema.getPossibleTypes(union as never).filter(isObjectType).map((t) => t.name));
  const resolve: GraphQLFieldResolver<unknown, unknown, { representations: unknown[] }> = (_source, { representations }, context, info) =>
    representations.map((representation, index) => {
      const problem = problemOf(schema, entityTypes, representation);
      if (problem) return new HubError('BAD_USER_INPUT', `Representation ${index} ${problem}.`, { field: 'representations' });
      try {
        const { __typename: typename } = representation as { __typename: string };
        const resolveReference = referenceResolverOf(resolvers, typename);
        return asEntityOf(resolveReference ? resolveReference(representation as object, context, info) : representation, typename);
      } catch (error) {
        // A synchronous throw of a __resolveReference: this item's error, the others go on.
        return error instanceof Error ? error : new GraphQLError(String(error));
      }
    });
  field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  return schema;
}
