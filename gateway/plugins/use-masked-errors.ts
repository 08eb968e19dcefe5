/**
 * Gateway error hygiene (Apollo `formatError`): errors with a code (domain errors from subgraphs,
 * GraphQL validation) travel as they are; anything else is an unexpected failure, logged in full
 * with an id and masked for the client.
 */
import type { GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../platform/logger.js';

const MASKED_PREFIX = 'Internal error (id ';

export function useMaskedErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    if (formatted.message.startsWith(MASKED_PREFIX)) return formatted; // already masked by a subgraph
    const errorId = randomUUID();
    logger.error({ err: error, errorId }, 'unexpected gateway error');
    return { message: `${MASKED_PREFIX}${errorId}).`, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } };
  };
}
