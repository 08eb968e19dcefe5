/**
 * vread and instance `_history` (FHIR R4 http.html#vread, #history). Both first read the resource
 * now with the caller's credentials, through the same handler as `read`: a caller that may not
 * read it gets that outcome (404, 401, 403), never its history. The current full view is stored
 * if the store lacks it (versions from before the feed consumer started, or one it has not
 * reached yet), then the stored versions are shown through redact.ts.
 */
import { allOk, badRequest, getStatus, notFound, unsupportedInteraction } from '../outcomes.js';
import type { HandlerContext, RequestDetails } from '../records.js';
import type { DomainResource, HistoryBundle, OperationOutcome } from '../types.js';
import { materialise, type ReadFn } from './materialise.js';
import { redactorFor } from './redact.js';
import type { VersionStore } from './store.js';

export const DEFAULT_HISTORY_COUNT = 50;
export const MAX_HISTORY_COUNT = 200;

/** Parameters `_history` accepts; anything else is refused (400), as unknown search parameters are. */
const HISTORY_PARAMETERS = new Set(['_count', '_since', '_format']);

type Result<R> = [OperationOutcome, R?];

interface HistoryParameters {
  count: number;
  since: number | null;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/** `_count` (1–200, default 50) and `_since` (an instant or date); an outcome for anything wrong. */
export function historyParameters(query: RequestDetails['query'] = {}): HistoryParameters | OperationOutcome {
  const unknown = Object.keys(query).filter((name) => !HISTORY_PARAMETERS.has(name));
  if (unknown.length) return badRequest(`Unknown _history parameter(s): ${unknown.join(', ')} (accepted: _count, _since)`);
  const countText = single(query._count);
  const count = countText === undefined ? DEFAULT_HISTORY_COUNT : Number(countText);
  if (!Number.isInteger(count) || count < 1 || count > MAX_HISTORY_COUNT) {
    return badRequest(`_count must be an integer from 1 to ${MAX_HISTORY_COUNT}`);
  }
  const sinceText = single(query._since);
  if (sinceText === undefined) return { count, since: null };
  const since = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(sinceText) ? Date.parse(sinceText) : NaN;
  if (Number.isNaN(since)) return badRequest(`_since must be a FHIR instant or date, e.g. 2026-12-01T10:00:00Z (got "${sinceText}")`);
  return { count, since };
}

/** The caller's current view, and every version it may see, newest first, one per versionId. */
async function visibleVersions(
  resourceType: string,
  id: string,
  read: ReadFn,
  ctx: HandlerContext,
  versions: VersionStore,
): Promise<Result<DomainResource[]>> {
  const [outcome, current] = await read(id, ctx);
  if (getStatus(outcome) >= 400 || !current) return [outcome];
  // The full view is materialised on every call: it names the current unit class, and is stored
  // when the store lacks it (not yet reached by the feed consumer, or older than it).
  const full = await materialise(read, resourceType, id, ctx.execute);
  let stored = await versions.list(resourceType, id);
  if (full && !stored.some((v) => v.versionId === full.body.meta.versionId)) {
    await versions.save(full.body, full.unitClass);
    stored = await versions.list(resourceType, id);
  }
  const redact = redactorFor(current, full ? full.unitClass : (stored[0]?.unitClass ?? null));
  const seen = new Set<string>([current.meta?.versionId ?? '']);
  const result: DomainResource[] = [current]; // the caller's own current view, exactly as read sends it
  for (const version of stored) {
    const body = redact(version);
    const versionId = body?.meta?.versionId;
    if (!body || !versionId || seen.has(versionId)) continue;
    seen.add(versionId);
    result.push(body);
  }
  result.sort((a, b) => Date.parse(b.meta?.lastUpdated ?? '') - Date.parse(a.meta?.lastUpdated ?? ''));
  return [allOk, result];
}

export async function versionOf<R extends DomainResource>(
  resourceType: R['resourceType'],
  id: string,
  versionId: string,
  read: (id: string, ctx: HandlerContext) => Promise<Result<R>>,
  ctx: HandlerContext,
): Promise<Result<R>> {
  if (!ctx.versions) return [unsupportedInteraction(resourceType, 'vread')];
  const [outcome, all] = await visibleVersions(resourceType, id, read as ReadFn, ctx, ctx.versions);
  if (!all) return [outcome];
  const version = all.find((r) => r.meta?.versionId === versionId);
  return version ? [allOk, version as R] : [notFound(resourceType, `${id}/_history/${versionId}`)];
}

export async function historyOf<R extends DomainResource>(
  resourceType: R['resourceType'],
  id: string,
  read: (id: string, ctx: HandlerContext) => Promise<Result<R>>,
  ctx: HandlerContext,
): Promise<Result<HistoryBundle>> {
  if (!ctx.versions) return [unsupportedInteraction(resourceType, 'history-instance')];
  const parameters = historyParameters(ctx.request?.query);
  if ('resourceType' in parameters) return [parameters];
  const [outcome, all] = await visibleVersions(resourceType, id, read as ReadFn, ctx, ctx.versions);
  if (!all) return [outcome];
  const since = parameters.since;
  const matching = since === null ? all : all.filter((r) => Date.parse(r.meta?.lastUpdated ?? '') >= since);
  return [allOk, historyBundle(matching.slice(0, parameters.count), matching.length, ctx.baseUrl ?? '')];
}

function historyBundle(resources: readonly DomainResource[], total: number, baseUrl: string): HistoryBundle {
  return {
    resourceType: 'Bundle',
    type: 'history',
    total,
    entry: resources.map((resource) => {
      const path = `${resource.resourceType}/${resource.id ?? ''}`;
      const lastUpdated = resource.meta?.lastUpdated;
      return {
        fullUrl: `${baseUrl}/${path}`,
        resource,
        // The hub keeps no record of how a version came to be: every version is told as an update.
        request: { method: 'PUT' as const, url: path },
        response: {
          status: '200 OK',
          etag: `W/"${resource.meta?.versionId ?? ''}"`,
          ...(lastUpdated ? { lastModified: lastUpdated } : {}),
        },
      };
    }),
  };
}
