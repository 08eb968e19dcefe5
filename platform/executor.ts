/**
 * How in-process callers (the FHIR adapter) run GraphQL through the gateway, so every read goes
 * through the same planner, subgraphs and authorisation as an HTTP client's.
 */
import type { FormattedExecutionResult } from 'graphql';
import type { Scope } from './auth/identity.js';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/**
 * Someone the hub acts for later, without their token: the owner of a FHIR subscription or of a
 * bulk export. The gateway re-reads the principal's current registration (application) or grants
 * (user) on every execution, so a disabled client or a withdrawn role takes effect at once.
 * `scopes` are those the application's token carried when the work was requested: the gateway
 * keeps only those still registered.
 */
export type Principal =
  | { kind: 'client'; clientId: string; scopes: Scope[] }
  | { kind: 'user'; accountId: string; login: string };

/**
 * Who runs an operation: the original caller's `Authorization` header, forwarded unchanged (the
 * gateway verifies it), or a stored principal (never both).
 */
export interface CallerCredentials {
  authorization?: string;
  principal?: Principal;
}

export type GraphQLExecutor = <TData = Record<string, unknown>>(
  request: GraphQLRequest,
  caller: CallerCredentials,
) => Promise<FormattedExecutionResult<TData>>;

/**
 * The principal a bearer token stands for, to store with work done later; null for anonymous
 * callers. Throws a GraphQLError (extensions.code UNAUTHENTICATED) for an invalid token.
 */
export type PrincipalResolver = (authorization: string | undefined) => Promise<Principal | null>;
