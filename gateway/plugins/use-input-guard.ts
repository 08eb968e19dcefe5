/**
 * Caller input is checked once, where every GraphQL operation enters (HTTP /graphql and the FHIR
 * adapter's in-process executor both run these): strings with U+0000 or over the generic maximum
 * are refused with BAD_USER_INPUT before any subgraph is called (platform/input-guard.ts), and the
 * hub's custom scalars are parsed with their real implementation, so an invalid DateTime is a
 * validation or variable error of the caller, never a subgraph failure.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { operationInputProblem } from '../../platform/input-guard.js';
import { DateTime } from '../../platform/scalars.js';

const SCALARS = [DateTime];

export function useInputGuard<Ctx extends BaseContext>(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problem = operationInputProblem(document, request.variables);
          // Refused before execution, as Apollo refuses a bad variable: HTTP 400.
          if (problem) throw new GraphQLError(problem.message, { extensions: { ...problem.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}

/**
 * The supergraph declares `scalar DateTime` without code, so the gateway would accept anything and
 * leave the subgraph to fail on it. Gives the gateway's API schema (the one Apollo Server
 * validates and coerces with) the parsing of platform/scalars.ts; serialising stays as the
 * subgraphs send it.
 */
export function bindScalars(schema: GraphQLSchema): void {
  for (const scalar of SCALARS) {
    const type = schema.getType(scalar.name);
    if (!type || !('parseLiteral' in type)) continue;
    Object.assign(type, { parseValue: scalar.parseValue, parseLiteral: scalar.parseLiteral });
  }
}
