/**
 * Codes for errors of a GraphQL request itself (syntax, validation), as Apollo Server gives them
 * over HTTP. Paths that run parse/validate themselves (the gateway's and the subgraphs'
 * WebSocket subscriptions) tag their errors with them, so the error formatters, which mask any
 * uncoded error, show the caller its real message (issue 12, case 9).
 */
import { GraphQLError } from 'graphql';

export type RequestErrorCode = 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED';

export function withRequestCode(errors: readonly GraphQLError[], code: RequestErrorCode): GraphQLError[] {
  return errors.map(
    (e) =>
      new GraphQLError(e.message, {
        nodes: e.nodes,
        source: e.source,
        positions: e.positions,
        path: e.path,
        originalError: e.originalError,
        extensions: { ...e.extensions, code },
      }),
  );
}
