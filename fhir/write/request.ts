/**
 * What every FHIR write of the offer shares (docs/fhir-write.md): credentials before anything,
 * the body's shape, If-Match against the served version, and the GraphQL mutation's refusals as
 * OperationOutcomes naming the element. The write itself is always a GraphQL mutation run through
 * the gateway's executor with the caller's credentials: the subgraph's rights, rules, terminology
 * checks, audit trail and change feed apply exactly as for a GraphQL client.
 */
import type { GraphQLFormattedError } from 'graphql';
import { OperationOutcomeError, badRequest, fromGraphQLErrors, outcomeAt } from '../outcomes.js';
import type { HandlerContext } from '../records.js';
import type { IssueType, OperationOutcome } from '../types.js';
import type { Json } from './elements.js';

/** 401 before any lookup: a write always needs a bearer token. */
export function requireCredentials(ctx: HandlerContext): void {
  if (ctx.caller.authorization || ctx.caller.principal) return;
  throw new OperationOutcomeError(
    fromGraphQLErrors([{ message: 'Writing needs a bearer token (Authorization: Bearer …).', extensions: { code: 'UNAUTHENTICATED' } }]),
  );
}

/** The body as a resource of `resourceType`; on an update its id must be the URL's (R4 http.html#update). */
export function resourceBody(ctx: HandlerContext, resourceType: string, id?: string): Json {
  const body = ctx.request?.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new OperationOutcomeError(badRequest(`The body must be a ${resourceType} resource (application/fhir+json).`));
  const resource = body as Json;
  if (resource.resourceType !== resourceType) {
    throw new OperationOutcomeError(outcomeAt('invalid', 'invalid', `The body is a ${String(resource.resourceType)}, not a ${resourceType}.`, 'resourceType'));
  }
  if (id !== undefined && resource.id !== id) {
    throw new OperationOutcomeError(outcomeAt('invalid', 'invalid', `An update carries the resource's id: ${resourceType}/${id} needs "id": "${id}", not ${JSON.stringify(resource.id ?? null)}.`, `${resourceType}.id`));
  }
  return resource;
}

/** 412 unless If-Match (when sent) names the served version, W/"<versionId>" (weak comparison) or `*`. */
export function checkIfMatch(ctx: HandlerContext, current: Json): void {
  const ifMatch = ctx.request?.ifMatch;
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const versionId = (current.meta as { versionId?: string } | undefined)?.versionId ?? '';
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  if (ifMatch.split(',').some((tag) => opaque(tag) === `"${versionId}"`)) return;
  throw new OperationOutcomeError(
    outcomeAt('precondition-failed', 'conflict', `If-Match ${ifMatch} is not the current version of ${String(current.resourceType)}/${String(current.id)} (W/"${versionId}").`, String(current.resourceType)),
  );
}

/**
 * What the mutation must still find when If-Match names a version: the served version's instant
 * (versionId is `updatedAt` in milliseconds, mappers/common.ts), which the subgraph's UPDATE checks
 * (`expectedUpdatedAt`, platform/db/optimistic.ts). So a write landing between the read and this
 * one is a 412, not overwritten. No If-Match (or `*`): last writer wins, as R4 allows.
 */
export function expectedVersion(ctx: HandlerContext, current: Json): { expectedUpdatedAt?: string } {
  const ifMatch = ctx.request?.ifMatch;
  const lastUpdated = (current.meta as { lastUpdated?: string } | undefined)?.lastUpdated;
  return ifMatch === undefined || ifMatch.trim() === '*' || !lastUpdated ? {} : { expectedUpdatedAt: lastUpdated };
}

/** One refusal per element, all reported at once (422): an element the hub does not record or lets no one change here. */
export interface ElementRefusal {
  element: string;
  diagnostics: string;
  code?: IssueType;
}

export function refuseElements(resourceType: string, refusals: readonly ElementRefusal[]): void {
  if (refusals.length === 0) return;
  const outcome: OperationOutcome = {
    resourceType: 'OperationOutcome',
    id: 'unprocessable',
    issue: refusals.map((r) => ({
      severity: 'error',
      code: r.code ?? 'not-supported',
      details: { text: r.diagnostics },
      diagnostics: r.diagnostics,
      expression: [`${resourceType}.${r.element}`],
    })),
  };
  throw new OperationOutcomeError(outcome);
}

/**
 * A mutation's errors as FHIR answers: a stale version with If-Match 412; BAD_USER_INPUT (a rule of the subgraph: a code unknown to
 * the terminology, a UF code taken, ages out of range…) is a 422 pointing at the element the
 * input field came from; FORBIDDEN 403, UNAUTHENTICATED 401, CONFLICT 409, as on reads.
 */
function mutationRefusal(ctx: HandlerContext, errors: readonly GraphQLFormattedError[], resourceType: string, elementOf: (field: string) => string): OperationOutcomeError {
  const first = errors[0]!;
  const field = first.extensions?.field;
  // The record changed since the version If-Match named (RFC 9110: the precondition failed).
  if (first.extensions?.code === 'CONFLICT' && first.extensions.expectedUpdatedAt !== undefined && ctx.request?.ifMatch !== undefined) {
    return new OperationOutcomeError(outcomeAt('precondition-failed', 'conflict', `If-Match ${ctx.request.ifMatch}: ${first.message}`, resourceType));
  }
  if (first.extensions?.code === 'BAD_USER_INPUT') {
    const element = typeof field === 'string' ? elementOf(field) : resourceType;
    return new OperationOutcomeError(outcomeAt('unprocessable', 'business-rule', first.message, element === resourceType ? element : `${resourceType}.${element}`));
  }
  if (first.extensions?.code === 'CONFLICT') {
    return new OperationOutcomeError(outcomeAt('conflict', 'business-rule', first.message, typeof field === 'string' ? `${resourceType}.${elementOf(field)}` : resourceType));
  }
  return new OperationOutcomeError(fromGraphQLErrors(errors));
}

/** Runs a mutation with the caller's credentials; its data, or the refusal as an OperationOutcome. */
export async function runMutation<T>(
  ctx: HandlerContext,
  query: string,
  variables: Record<string, unknown>,
  resourceType: string,
  elementOf: (field: string) => string,
): Promise<T> {
  const result = await ctx.execute<T>({ query, variables }, ctx.caller);
  if (result.errors?.length) throw mutationRefusal(ctx, result.errors, resourceType, elementOf);
  return result.data as T;
}
