/**
 * Runs a search on one type: parse against its registry, prepare its backend criteria, collect a
 * page (keyset, through the offer's cursors; a second source may thin each batch), add
 * `_revinclude` then `_include` then `:iterate` resources, and answer a searchset Bundle whose
 * `next` link carries an opaque cursor. Clients follow links; they never build page URLs.
 */
import { createHash } from 'node:crypto';
import { OperationOutcomeError, badRequest } from '../outcomes.js';
import type { HandlerContext } from '../records.js';
import type { Bundle, BundleLink, FhirSearchResource, OperationOutcome } from '../types.js';
import { searchBundle } from './bundle.js';
import type { FetchedPage, PreparedSearch, SearchType } from './definitions.js';
import { MAX_COUNT, parseSearch, type IncludeRequest, type ParsedSearch } from './parse.js';

/** What the router hands a search: every parameter (query string and form body), the base URL, `Prefer`. */
export interface SearchRequest {
  params: Array<[string, string]>;
  baseUrl: string;
  lenient: boolean;
}

/** Resources `_include`/`_revinclude` may add to one page, all kinds together. */
export const MAX_INCLUDED = 500;
/** Batches a filtered search reads for one page before answering a shorter page with a next link. */
export const MAX_ROUNDS = 5;
/** Rounds of `:iterate`. */
const MAX_ITERATIONS = 3;

/** Search resources can be looked up by type to resolve includes. */
export type TypeLookup = (resourceType: string) => SearchType | undefined;

// ---- cursor ----

const paramsOf = (request: SearchRequest) => request.params.filter(([k]) => k !== '_cursor' && k !== '_format');

function paramsHash(request: SearchRequest): string {
  const canonical = paramsOf(request)
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('&');
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

/** Where a page starts, and the search's total as counted on its first page. */
interface CursorState {
  after: string;
  total: number;
}

/**
 * The opaque `_cursor`: where the next page starts and the total counted on the first page (so
 * following pages carry `Bundle.total` without counting again), bound to the search it was issued for.
 */
function encodeCursor(request: SearchRequest, state: CursorState): string {
  return Buffer.from(JSON.stringify({ h: paramsHash(request), a: state.after, t: state.total })).toString('base64url');
}

function decodeCursor(request: SearchRequest, cursor: string): CursorState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const { h, a, t } = (parsed ?? {}) as { h?: unknown; a?: unknown; t?: unknown };
  if (typeof h !== 'string' || typeof a !== 'string' || !Number.isSafeInteger(t) || (t as number) < 0) throw new OperationOutcomeError(badRequest('_cursor is not one this server issued: follow the Bundle links'));
  if (h !== paramsHash(request)) throw new OperationOutcomeError(badRequest('_cursor was issued for another search: follow the Bundle links unchanged'));
  return { after: a, total: t as number };
}

function link(relation: BundleLink['relation'], type: SearchType, request: SearchRequest, cursor?: string): BundleLink {
  const query = new URLSearchParams(paramsOf(request));
  if (cursor) query.append('_cursor', cursor);
  const text = query.toString();
  return { relation, url: `${request.baseUrl}/${type.resourceType}${text ? `?${text}` : ''}` };
}

// ---- page ----

interface Page {
  items: FetchedPage['items'];
  /** Cursor after the last row read, when more may follow. */
  next: string | null;
}

/**
 * Reads rows until the page is full. Without a filter that is one fetch. With one, each batch is
 * thinned by it, and after MAX_ROUNDS batches the page is answered short with a next link
 * (FHIR allows short pages), so one request's work stays bounded whatever the selectivity.
 */
async function collect(prepared: PreparedSearch, search: ParsedSearch, start: string | null): Promise<Page> {
  const page = await collectRows(prepared, search, start);
  return prepared.hydrate ? { ...page, items: await prepared.hydrate(page.items) } : page;
}

async function collectRows(prepared: PreparedSearch, search: ParsedSearch, start: string | null): Promise<Page> {
  const items: Page['items'] = [];
  let after = start;
  for (let round = 1; ; round++) {
    const page = await prepared.fetch(search.sort, search.count, after);
    const kept = prepared.filter ? await prepared.filter(page.items.map((i) => i.resource.id ?? '')) : null;
    for (const [index, item] of page.items.entries()) {
      if (items.length === search.count) return { items, next: after };
      after = item.cursor;
      if (!kept || kept.has(item.resource.id ?? '')) items.push(item);
      if (items.length === search.count && index === page.items.length - 1) return { items, next: page.hasNext ? after : null };
    }
    if (!page.hasNext) return { items, next: null };
    if (!prepared.filter || round >= MAX_ROUNDS) return { items, next: after };
  }
}

// ---- includes ----

const keyOf = (r: FhirSearchResource) => `${r.resourceType}/${r.id ?? ''}`;

class Included {
  readonly resources: FhirSearchResource[] = [];
  readonly keys: Set<string>;
  truncated = false;
  constructor(matches: readonly FhirSearchResource[]) {
    this.keys = new Set(matches.map(keyOf));
  }
  add(resources: readonly FhirSearchResource[]): FhirSearchResource[] {
    const added: FhirSearchResource[] = [];
    for (const resource of resources) {
      if (this.keys.has(keyOf(resource))) continue;
      if (this.resources.length >= MAX_INCLUDED) {
        this.truncated = true;
        break;
      }
      this.keys.add(keyOf(resource));
      this.resources.push(resource);
      added.push(resource);
    }
    return added;
  }
}

/**
 * The resources `requests` point to from `sources`: those read with the page already (`ready`, by
 * `Type/id`) as they are, the others fetched by type (references to unknown types are skipped).
 */
async function follow(type: SearchType, requests: readonly IncludeRequest[], sources: readonly FhirSearchResource[], lookup: TypeLookup, ctx: HandlerContext, known: Set<string>, ready: ReadonlyMap<string, FhirSearchResource>): Promise<FhirSearchResource[]> {
  const byType = new Map<string, Set<string>>();
  const found: FhirSearchResource[] = [];
  for (const request of requests) {
    const definition = type.includes.find((d) => d.code === request.code);
    const sourceType = request.code.split(':')[0];
    for (const source of sources) {
      if (!definition || source.resourceType !== sourceType) continue;
      for (const reference of definition.references(source)) {
        const [targetType, id] = reference.split('/');
        if (!targetType || !id || known.has(reference)) continue;
        const resource = ready.get(reference);
        if (resource) {
          found.push(resource);
          continue;
        }
        if (!byType.has(targetType)) byType.set(targetType, new Set());
        byType.get(targetType)!.add(id);
      }
    }
  }
  const fetched = await Promise.all([...byType].map(([t, ids]) => lookup(t)?.fetchByIds([...ids], ctx) ?? Promise.resolve([])));
  return [...found, ...fetched.flat()];
}

async function includes(type: SearchType, search: ParsedSearch, items: Page['items'], lookup: TypeLookup, ctx: HandlerContext): Promise<Included> {
  const matches = items.map((i) => i.resource);
  const ready = new Map(items.flatMap((i) => i.included ?? []).map((r) => [keyOf(r), r]));
  const included = new Included(matches);
  if (matches.length === 0) return included;
  const ids = matches.map((m) => m.id ?? '');
  for (const request of search.revincludes) {
    const definition = type.revincludes.find((d) => d.code === request.code);
    if (definition) included.add(await definition.find(ids, ctx));
  }
  // An include whose source is another type applies to the revincluded resources of that type
  // (`HealthcareService?_revinclude=PractitionerRole:service&_include=PractitionerRole:practitioner`, D56).
  included.add(await follow(type, search.includes, [...matches, ...included.resources], lookup, ctx, included.keys, ready));
  const iterating = search.includes.filter((i) => i.iterate);
  let frontier = included.resources.slice();
  for (let i = 0; i < MAX_ITERATIONS && iterating.length && frontier.length && !included.truncated; i++) {
    frontier = included.add(await follow(type, iterating, frontier, lookup, ctx, included.keys, ready));
  }
  return included;
}

// ---- bundle ----

function outcomeOf(search: ParsedSearch, truncated: boolean): OperationOutcome | undefined {
  const notes = [...search.ignored.map((m) => `Ignored (lenient handling): ${m}`)];
  if (search.clampedFrom !== undefined) notes.push(`_count=${search.clampedFrom} was reduced to the maximum, ${MAX_COUNT}`);
  if (truncated) notes.push(`Included resources were cut at ${MAX_INCLUDED} for this page`);
  if (notes.length === 0) return undefined;
  return {
    resourceType: 'OperationOutcome',
    issue: notes.map((diagnostics) => ({ severity: 'warning' as const, code: 'informational' as const, diagnostics })),
  };
}

/**
 * `Bundle.total` on every page (the IG's RG_RECH_52): a first page holding the whole result counts
 * its matches; a first page with a next link asks the type's count (one count query, or for
 * capacity criteria the capacities subgraph's matching units); later pages carry the total their
 * cursor took from the first page, unless `_total=accurate` asks to count again.
 */
async function totalOf(search: ParsedSearch, prepared: PreparedSearch, page: Page, start: CursorState | null): Promise<number> {
  if (search.totalAccurate) return prepared.count();
  if (start) return start.total;
  return page.next ? prepared.count() : page.items.length;
}

/** One search interaction, from request parameters to the searchset Bundle. */
export async function runSearch(type: SearchType, request: SearchRequest, ctx: HandlerContext, lookup: TypeLookup): Promise<Bundle> {
  const search = parseSearch(request.params, type, request.lenient);
  const start = search.cursor ? decodeCursor(request, search.cursor) : null;
  const prepared = await type.prepare(search, ctx);
  const self = link('self', type, request, search.cursor);
  if (search.summaryCount) {
    return searchBundle({ baseUrl: request.baseUrl, matches: [], included: [], total: await prepared.count(), links: [self], outcome: outcomeOf(search, false) });
  }
  const page = await collect(prepared, search, start?.after ?? null);
  const [included, total] = await Promise.all([includes(type, search, page.items, lookup, ctx), totalOf(search, prepared, page, start)]);
  return searchBundle({
    baseUrl: request.baseUrl,
    matches: page.items,
    included: included.resources,
    total,
    links: page.next ? [self, link('next', type, request, encodeCursor(request, { after: page.next, total }))] : [self],
    outcome: outcomeOf(search, included.truncated),
    ...(search.elements ? { elements: search.elements } : {}),
  });
}
