/**
 * Which documents a subgraph may run compiled (mercurius `jit`, graphql-jit; D245).
 * graphql-jit 0.8 builds its variables' coercion by walking each variable's input type, and never
 * ends on a recursive one (the offer's `UnitCriteria.anyOf: [UnitCriteria!]`): the process grows
 * to its heap limit and dies (zalando-incubator/graphql-jit#81, open). Such documents keep
 * graphql-js's execution; the answer is decided once per parsed document.
 */
import { getNamedType, isInputObjectType, typeFromAST, type DocumentNode, type GraphQLInputObjectType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';

const decided = new WeakMap<DocumentNode, boolean>();

/** Whether `type` reaches itself through its fields (`path`: the input types being walked). */
function recursive(type: GraphQLNamedType, path: Set<GraphQLInputObjectType>): boolean {
  if (!isInputObjectType(type)) return false;
  if (path.has(type)) return true;
  path.add(type);
  for (const field of Object.values(type.getFields())) if (recursive(getNamedType(field.type), path)) return true;
  path.delete(type);
  return false;
}

/** False when a variable of `document` has an input type that contains itself (or an unknown type). */
export function compilable(schema: GraphQLSchema, document: DocumentNode): boolean {
  let answer = decided.get(document);
  if (answer === undefined) {
    answer = document.definitions.every(
      (definition) =>
        definition.kind !== 'OperationDefinition' ||
        (definition.variableDefinitions ?? []).every((variable) => {
          const type = typeFromAST(schema, variable.type);
          return type !== undefined && !recursive(getNamedType(type), new Set());
        }),
    );
    decided.set(document, answer);
  }
  return answer;
}
