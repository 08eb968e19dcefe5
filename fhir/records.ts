/**
 * The only place the adapter touches the network: one GraphQL operation through the gateway's
 * executor, with the caller's credentials, turned into "the record, or null when it does not
 * exist". Every other GraphQL error becomes an OperationOutcomeError (status from its code).
 */
import type { CallerCredentials, GraphQLExecutor } from '../platform/executor.js';
import { OperationOutcomeError, fromGraphQLErrors } from './outcomes.js';

/** What a handler gets for one FHIR request. */
export interface HandlerContext {
  execute: GraphQLExecutor;
  caller: CallerCredentials;
}

/**
 * Runs `query` with `{ id }` and returns `data[field]`. A NOT_FOUND error on the root field
 * itself means "no such record" (some resolvers raise it instead of returning null). Partial
 * data with any other error is refused: a resource silently missing its capacity, say, would be
 * worse than an error.
 */
export async function fetchRecord<TData extends object, K extends keyof TData & string>(
  ctx: HandlerContext,
  query: string,
  field: K,
  id: string,
): Promise<NonNullable<TData[K]> | null> {
  const result = await ctx.execute<TData>({ query, variables: { id } }, ctx.caller);
  const errors = result.errors ?? [];
  if (errors.length > 0) {
    const rootNotFound = errors.every(
      (e) => e.extensions?.code === 'NOT_FOUND' && (e.path === undefined || (e.path.length === 1 && e.path[0] === field)),
    );
    if (rootNotFound) return null;
    throw new OperationOutcomeError(fromGraphQLErrors(errors));
  }
  const record = result.data?.[field];
  return record === undefined || record === null ? null : (record as NonNullable<TData[K]>);
}
