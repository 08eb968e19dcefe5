/**
 * How in-process callers (the FHIR adapter) run GraphQL through the gateway, so every read goes
 * through the same planner, subgraphs and authorisation as an HTTP client's.
 */
import type { FormattedExecutionResult } from 'graphql';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** Credentials of the original caller, forwarded unchanged (the gateway verifies them). */
export interface CallerCredentials {
  authorization?: string;
}

export type GraphQLExecutor = <TData = Record<string, unknown>>(
  request: GraphQLRequest,
  caller: CallerCredentials,
) => Promise<FormattedExecutionResult<TData>>;
