/**
 * The only place the adapter touches the network: one GraphQL operation through the gateway's
 * executor, with the caller's credentials, turned into "the record, or null when it does not
 * exist". Every other GraphQL error becomes an OperationOutcomeError (status from its code).
 */
import type { CallerCredentials, GraphQLExecutor } from '../platform/executor.js';
import type { VersionStore } from './history/store.js';
import { OperationOutcomeError, fromGraphQLErrors } from './outcomes.js';
import type { SearchRequest } from './search/engine.js';

/** What a handler gets for one FHIR request. */
export interface HandlerContext {
  execute: GraphQLExecutor;
  caller: CallerCredentials;
  /** The request's search parameters (query string and form body), base URL and lenient handling. */
  search?: SearchRequest;
  /** The request's query, body and preconditions, for interactions that read them (patch). */
  request?: RequestDetails;
  /** The version store (vread, history); absent when the plugin runs without its runtime. */
  versions?: VersionStore;
  /** Base URL of this FHIR endpoint, for Bundle fullUrls. */
  baseUrl?: string;
}

export interface RequestDetails {
  query: Readonly<Record<string, string | string[] | undefined>>;
  body?: unknown;
  /** The If-Match header (a write's precondition on the resource's ETag). */
  ifMatch?: string;
  /** The body's media type (a PATCH is a FHIRPath Patch or a JSON Patch, by resource). */
  contentType?: string;
  /** A conditional create's criteria (If-None-Exist: `identifier=…`). */
  ifNoneExist?: string;
}

/**
 * An error path as the client's selection sees it. The federation gateway reports an error
 * raised while resolving an entity in another subgraph with that subgraph's path, e.g.
 * `['unit', '_entities', '0', 'capacity']` for `unit.capacity`: the `_entities` step and its
 * index are dropped.
 */
export function selectionPath(path: readonly (string | number)[]): (string | number)[] {
  const result: (string | number)[] = [];
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '_entities') i++;
    else result.push(path[i] as string | number);
  }
  return result;
}

/** Whether an error is about exactly the field at `target` (GraphQL paths hold field names and list indexes). */
function isAt(errorPath: readonly (string | number)[] | undefined, target: readonly string[]): boolean {
  if (errorPath === undefined) return false;
  const path = selectionPath(errorPath);
  return path.length === target.length && path.every((segment, i) => segment === target[i]);
}

/**
 * Runs `query` with `{ id }` and returns `data[field]`. A NOT_FOUND error on the root field
 * itself means "no such record" (some resolvers raise it instead of returning null).
 *
 * `hiddenWhenForbidden` lists nullable fields (full paths, e.g. `['unit', 'capacity']`) whose
 * FORBIDDEN error only means "this caller may not see that part": the field is then null and
 * the resource is served without it, as GraphQL clients get the rest of the unit. Partial data
 * with any other error is refused: a resource silently missing its capacity because a subgraph
 * failed would be worse than an error.
 */
export async function fetchRecord<TData extends object, K extends keyof TData & string>(
  ctx: HandlerContext,
  query: string,
  field: K,
  id: string,
  hiddenWhenForbidden: readonly (readonly string[])[] = [],
): Promise<NonNullable<TData[K]> | null> {
  const result = await ctx.execute<TData>({ query, variables: { id } }, ctx.caller);
  const errors = (result.errors ?? []).filter(
    (e) => !(e.extensions?.code === 'FORBIDDEN' && hiddenWhenForbidden.some((path) => isAt(e.path, path))),
  );
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
