/**
 * FHIR RESTful routing, independent of Fastify: a method and a path below the FHIR base become
 * an interaction, and the registry says whether it is served. Known resource types with an
 * unimplemented interaction get 405, unknown types and paths 404, malformed ids 400.
 */
import { buildCapabilityStatement, type CapabilityOptions } from './capability.js';
import { allOk, badRequest, unknownPath, unsupportedInteraction, unsupportedMediaType, unsupportedType } from './outcomes.js';
import { RESOURCE_HANDLERS, findHandler, type HandlerContext, type ResourceHandler } from './registry.js';
import type { FhirResource, OperationOutcome, TypeInteraction } from './types.js';

/** Interactions of the FHIR RESTful API beyond the type-level ones a handler can implement. */
type Interaction = TypeInteraction | 'capabilities' | 'search-system' | 'history-system' | 'batch' | 'operation';

export type ParsedRequest =
  | { kind: 'system'; interaction: Interaction }
  | { kind: 'type'; resourceType: string; interaction: Interaction; id?: string; versionId?: string }
  | { kind: 'unknown' };

const RESOURCE_TYPE = /^[A-Z][A-Za-z]+$/;
/** R4 id datatype. */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** [base]/[type] and [base]/[type]/[id], by HTTP method (conditional forms included). */
const TYPE_LEVEL: Partial<Record<string, Interaction>> = {
  GET: 'search-type',
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};
const INSTANCE_LEVEL: Partial<Record<string, Interaction>> = { GET: 'read', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

/** Which interaction a method and path (segments below the base) ask for. Pure. */
export function parseRequest(method: string, segments: readonly string[]): ParsedRequest {
  const m = method === 'HEAD' ? 'GET' : method;
  const [first, second, third, fourth] = segments;
  if (first === undefined) {
    if (m === 'GET') return { kind: 'system', interaction: 'search-system' };
    if (m === 'POST') return { kind: 'system', interaction: 'batch' };
    return { kind: 'unknown' };
  }
  if (first === 'metadata' && segments.length === 1) return { kind: 'system', interaction: 'capabilities' };
  if (first === '_history' && segments.length === 1) return { kind: 'system', interaction: 'history-system' };
  if (first.startsWith('$')) return { kind: 'system', interaction: 'operation' };
  if (!RESOURCE_TYPE.test(first)) return { kind: 'unknown' };

  const onType = (interaction: Interaction | undefined, id?: string): ParsedRequest =>
    interaction ? { kind: 'type', resourceType: first, interaction, ...(id !== undefined ? { id } : {}) } : { kind: 'unknown' };

  switch (segments.length) {
    case 1:
      return onType(TYPE_LEVEL[m]);
    case 2:
      if (second === '_search') return onType(m === 'POST' ? 'search-type' : undefined);
      if (second === '_history') return onType(m === 'GET' ? 'history-type' : undefined);
      if (second?.startsWith('$')) return onType('operation');
      return onType(INSTANCE_LEVEL[m], second);
    case 3:
      if (third === '_history') return onType(m === 'GET' ? 'history-instance' : undefined, second);
      if (third?.startsWith('$')) return onType('operation', second);
      return { kind: 'unknown' };
    case 4: {
      if (third !== '_history' || fourth === undefined) return { kind: 'unknown' };
      const vread = onType(m === 'GET' ? 'vread' : undefined, second);
      return vread.kind === 'type' ? { ...vread, versionId: fourth } : vread;
    }
    default:
      return { kind: 'unknown' };
  }
}

export type RouteResult = [OperationOutcome, FhirResource?];

/**
 * The ETag of a resource carrying `meta.versionId` (FHIR R4 http.html#versioning): weak, since
 * equal versions need not be byte-identical JSON.
 */
export function etagOf(resource: FhirResource | undefined): string | undefined {
  const versionId = resource && 'meta' in resource ? resource.meta?.versionId : undefined;
  return versionId ? `W/"${versionId}"` : undefined;
}

/** The opaque part of an entity tag, for weak comparison (W/"1" matches "1"). */
const opaqueTag = (tag: string): string => tag.trim().replace(/^W\//, '');

/**
 * Whether a read answers 304: If-None-Match is `*` or lists the current ETag (RFC 9110 §13.1.2,
 * weak comparison). Not an If-None-Match on a write: the server has none.
 */
export function notModified(ifNoneMatch: string | undefined, etag: string | undefined): boolean {
  if (!ifNoneMatch || !etag) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => opaqueTag(tag) === opaqueTag(etag));
}

/** 415 when a patch's body is not of a media type the handler's patch reads; undefined when it is. */
function patchMediaRefusal(handler: ResourceHandler, contentType: string | undefined): OperationOutcome | undefined {
  const accepted = handler.patchMediaTypes;
  const essence = contentType?.split(';')[0]!.trim().toLowerCase();
  if (!accepted || (essence && accepted.includes(essence))) return undefined;
  return unsupportedMediaType(`PATCH ${handler.resourceType} takes ${accepted.join(' or ')}${essence ? `, not ${essence}` : ''}.`);
}

/** Serves one request: the CapabilityStatement, a handler's interaction, or the outcome saying why not. */
export async function dispatch(
  method: string,
  path: string,
  ctx: HandlerContext,
  capability: CapabilityOptions,
): Promise<RouteResult> {
  const segments = path.split('/').filter((s) => s.length > 0);
  const parsed = parseRequest(method, segments);
  if (parsed.kind === 'unknown') return [unknownPath(method, `/${segments.join('/')}`)];
  if (parsed.kind === 'system') {
    if (parsed.interaction === 'capabilities' && (method === 'GET' || method === 'HEAD')) {
      return [allOk, buildCapabilityStatement(RESOURCE_HANDLERS, capability)];
    }
    return [unsupportedInteraction('the system', parsed.interaction)];
  }
  const handler = findHandler(parsed.resourceType);
  if (!handler) return [unsupportedType(parsed.resourceType)];
  if (parsed.id !== undefined && !FHIR_ID.test(parsed.id)) return [badRequest(`Invalid ${parsed.resourceType} id "${parsed.id}"`)];
  const { read, vread, 'history-instance': history } = handler.interactions;
  if (parsed.interaction === 'read' && read && parsed.id !== undefined) return read(parsed.id, ctx);
  if (parsed.interaction === 'vread' && vread && parsed.id !== undefined && parsed.versionId !== undefined) {
    if (!FHIR_ID.test(parsed.versionId)) return [badRequest(`Invalid version id "${parsed.versionId}"`)];
    return vread(parsed.id, parsed.versionId, ctx);
  }
  if (parsed.interaction === 'history-instance' && history && parsed.id !== undefined) return history(parsed.id, ctx);
  if (parsed.interaction === 'patch' && handler.interactions.patch) {
    const refusal = patchMediaRefusal(handler, ctx.request?.contentType);
    return refusal ? [refusal] : handler.interactions.patch(parsed.id, ctx);
  }
  if (parsed.interaction === 'update' && handler.interactions.update && parsed.id !== undefined) return handler.interactions.update(parsed.id, ctx);
  if (parsed.interaction === 'create' && handler.interactions.create && parsed.id === undefined) return handler.interactions.create(ctx);
  const search = handler.interactions['search-type'];
  if (parsed.interaction === 'search-type' && search) return search(ctx);
  return [unsupportedInteraction(parsed.resourceType, parsed.interaction)];
}
