/**
 * create (POST), update (PUT) and patch (PATCH) of a written type, built the same way for each:
 * the type says how its served resource is read, how changed elements become its GraphQL
 * mutation, and how a new one is created (docs/fhir-write.md).
 */
import { OperationOutcomeError, allOk, badRequest, created, outcomeAt } from '../outcomes.js';
import type { HandlerContext } from '../records.js';
import type { HandlerResult } from '../registry.js';
import type { OperationOutcome } from '../types.js';
import { changedElements, type Json } from './elements.js';
import { applyPatch, readPatch } from './patch.js';
import { checkIfMatch, requireCredentials, resourceBody } from './request.js';

export interface WritableType<R> {
  resourceType: string;
  /** The served resource (the registry's read), or its outcome (404…). */
  read: (id: string, ctx: HandlerContext) => Promise<HandlerResult<R>>;
  /** Writes the elements of `next` that differ from `current` (names in `changed`), refusing those it cannot record. */
  update: (id: string, current: Json, next: Json, changed: readonly string[], ctx: HandlerContext) => Promise<void>;
  /** Creates the resource; returns its id. Absent: the type is not created over FHIR. */
  create?: (resource: Json, ctx: HandlerContext) => Promise<string>;
  /** The ids an `identifier` search value names (conditional create, If-None-Exist). */
  byIdentifier?: (value: string, ctx: HandlerContext) => Promise<string[]>;
}

async function readServed<R>(type: WritableType<R>, id: string, ctx: HandlerContext): Promise<R> {
  const [outcome, resource] = await type.read(id, ctx);
  if (!resource) throw new OperationOutcomeError(outcome);
  return resource;
}

/**
 * The resource after a write, as the caller is now served it; none when the write hid it from the
 * caller (a unit made sensitive by an application below access profile 1): the write stands, and
 * the answer is its outcome without a body rather than a 404 that would read as a failure.
 */
async function readAfterWrite<R>(type: WritableType<R>, id: string, ctx: HandlerContext, outcome: OperationOutcome): Promise<HandlerResult<R>> {
  const [readOutcome, resource] = await type.read(id, ctx);
  if (resource) return [outcome, resource];
  if (readOutcome.id !== 'not-found') throw new OperationOutcomeError(readOutcome);
  const diagnostics = `${type.resourceType}/${id} was written, but the caller may no longer read it.`;
  return [{ ...outcome, issue: [{ severity: 'information', code: 'informational', details: { text: diagnostics }, diagnostics }] }];
}

/** Writes what changed and answers the resource as now served (unchanged: no write at all). */
async function writeChanges<R>(type: WritableType<R>, id: string, current: Json, next: Json, ctx: HandlerContext): Promise<HandlerResult<R>> {
  const changed = changedElements(current, next);
  if (changed.length > 0) await type.update(id, current, next, changed, ctx);
  return readAfterWrite(type, id, ctx, allOk);
}

export function updateWith<R>(type: WritableType<R>) {
  return async (id: string, ctx: HandlerContext): Promise<HandlerResult<R>> => {
    requireCredentials(ctx);
    const next = resourceBody(ctx, type.resourceType, id);
    const current = (await readServed(type, id, ctx)) as Json;
    checkIfMatch(ctx, current);
    return writeChanges(type, id, current, next, ctx);
  };
}

export function patchWith<R>(type: WritableType<R>) {
  return async (id: string | undefined, ctx: HandlerContext): Promise<HandlerResult<R>> => {
    requireCredentials(ctx);
    if (id === undefined) throw new OperationOutcomeError(badRequest(`PATCH ${type.resourceType} takes an id: ${type.resourceType}/[id].`));
    const patch = readPatch(ctx.request?.contentType, ctx.request?.body);
    const current = (await readServed(type, id, ctx)) as Json;
    checkIfMatch(ctx, current);
    const next = applyPatch(current, patch);
    return writeChanges(type, id, current, next, ctx);
  };
}

/** `identifier=[system|]value` of If-None-Exist; anything else is a 400 (a criterion the hub would not apply). */
function identifierCriterion(ifNoneExist: string, resourceType: string): string {
  const params = [...new URLSearchParams(ifNoneExist.replace(/^.*\?/, ''))];
  const values = params.filter(([name]) => name === 'identifier').map(([, value]) => value);
  if (params.length !== 1 || values.length !== 1 || values[0]!.trim() === '') {
    throw new OperationOutcomeError(badRequest(`If-None-Exist on ${resourceType} takes one criterion: identifier=[system|]value, not "${ifNoneExist}".`));
  }
  const value = values[0]!;
  return value.includes('|') ? value.slice(value.indexOf('|') + 1) : value;
}

export function createWith<R>(type: WritableType<R>) {
  const create = type.create;
  if (!create) throw new Error(`${type.resourceType} has no create`);
  return async (ctx: HandlerContext): Promise<HandlerResult<R>> => {
    requireCredentials(ctx);
    const resource = resourceBody(ctx, type.resourceType);
    const ifNoneExist = ctx.request?.ifNoneExist;
    if (ifNoneExist !== undefined && !type.byIdentifier) {
      throw new OperationOutcomeError(badRequest(`${type.resourceType} has no conditional create (If-None-Exist): the hub holds no identifier for it.`));
    }
    if (ifNoneExist !== undefined && type.byIdentifier) {
      const found = await type.byIdentifier(identifierCriterion(ifNoneExist, type.resourceType), ctx);
      if (found.length > 1) {
        throw new OperationOutcomeError(outcomeAt('multiple-matches', 'multiple-matches', `If-None-Exist ${ifNoneExist} matches ${found.length} resources.`, type.resourceType));
      }
      // R4 conditional create: one match is answered as is (200), nothing is created.
      if (found.length === 1) return [allOk, await readServed(type, found[0]!, ctx)];
    }
    const id = await create(resource, ctx);
    return readAfterWrite(type, id, ctx, created(type.resourceType, id));
  };
}
