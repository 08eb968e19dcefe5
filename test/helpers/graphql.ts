/** A minimal GraphQL-over-HTTP client for tests (real HTTP, no client library magic). */
import type { FormattedExecutionResult } from 'graphql';

export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<FormattedExecutionResult<T> & { status: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as FormattedExecutionResult<T>) };
}
