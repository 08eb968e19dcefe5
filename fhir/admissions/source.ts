/**
 * Admission requests as the FHIR searches read them: `admissionRequests` pages (newest first,
 * the caller's own and those sent to units they answer for) or `admissionRequest` by id, both
 * through the gateway with the caller's credentials. A request is one ServiceRequest and one Task
 * per unit asked: a page of requests expands into resources, and the paging cursor says where in
 * a request's expansion a page stopped, so a page may end between two Tasks of one request.
 */
import { run } from '../search/graphql.js';
import type { FetchedPage, PreparedSearch } from '../search/definitions.js';
import type { HandlerContext } from '../records.js';
import type { FhirSearchResource } from '../types.js';
import { ADMISSION_REQUESTS_QUERY, ADMISSION_REQUEST_QUERY, type AdmissionRequestPage, type AdmissionRequestRecord } from './queries.js';

/** What `admissionRequests(filter)` narrows on the subgraph's side (the rest is the predicate). */
export interface RequestFilter {
  unitIds?: string[];
  establishmentId?: string;
  statuses?: string[];
}

/** The subgraph's page size limit (platform/pagination). */
const PAGE_MAX = 100;
/** Pages a count reads at most (a party's requests over the retention period fit many times). */
const COUNT_PAGES = 100;

export async function requestById(ctx: HandlerContext, id: string): Promise<AdmissionRequestRecord | null> {
  const data = await run<{ admissionRequest: AdmissionRequestRecord | null }>(ctx, ADMISSION_REQUEST_QUERY, { id });
  return data.admissionRequest;
}

export async function requestPage(ctx: HandlerContext, filter: RequestFilter, first: number, after: string | null): Promise<AdmissionRequestPage> {
  const data = await run<{ admissionRequests: AdmissionRequestPage }>(ctx, ADMISSION_REQUESTS_QUERY, {
    filter: Object.keys(filter).length ? filter : null,
    first: Math.min(Math.max(first, 1), PAGE_MAX),
    after,
  });
  return data.admissionRequests;
}

interface Position {
  /** The request cursor before the request the page stopped in (null: the first request). */
  a: string | null;
  /** That request, and the index of the last resource of its expansion already given. */
  r?: string;
  k?: number;
}

const encode = (p: Position): string => Buffer.from(JSON.stringify(p)).toString('base64url');
function decode(cursor: string | null): Position {
  if (!cursor) return { a: null };
  const p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Position;
  return { a: typeof p.a === 'string' ? p.a : null, ...(typeof p.r === 'string' && typeof p.k === 'number' ? { r: p.r, k: p.k } : {}) };
}

export interface AdmissionSearchSpec<R extends FhirSearchResource> {
  /** The resources of one request (a ServiceRequest, or its Tasks). */
  expand: (request: AdmissionRequestRecord) => R[];
  /** Whether a resource meets every clause the subgraph did not evaluate. */
  keep: (resource: R, request: AdmissionRequestRecord) => boolean;
  filter: RequestFilter;
  /** When the clauses name the requests (`_id`, `focus`): read those only, no listing. */
  requestIds?: string[];
}

/**
 * A PreparedSearch over admission requests: pages of requests expanded into resources; `filter`
 * keeps those meeting the predicate (the engine reads more batches for a thinned page).
 */
export function prepareAdmissions<R extends FhirSearchResource>(ctx: HandlerContext, spec: AdmissionSearchSpec<R>): PreparedSearch {
  const seen = new Map<string, { resource: R; request: AdmissionRequestRecord }>();
  const expandAll = (requests: readonly AdmissionRequestRecord[]) =>
    requests.flatMap((request) => spec.expand(request).map((resource) => ({ resource, request })));
  const direct = async () => (await Promise.all((spec.requestIds ?? []).map((id) => requestById(ctx, id)))).filter((r): r is AdmissionRequestRecord => r !== null);

  const fetch = async (_sort: unknown, size: number, after: string | null): Promise<FetchedPage> => {
    const position = decode(after);
    if (spec.requestIds) {
      // One read of the named requests; a later page resumes after the index it stopped at.
      const items = expandAll(await direct()).flatMap(({ resource, request }, k) => {
        if (position.k !== undefined && k <= position.k) return [];
        seen.set(`${resource.resourceType}/${resource.id ?? ''}`, { resource, request });
        return [{ resource, cursor: encode({ a: null, r: '', k }) }];
      });
      return { items, hasNext: false };
    }
    const page = await requestPage(ctx, spec.filter, size, position.a);
    const items: FetchedPage['items'] = [];
    let previous = position.a;
    for (const edge of page.edges) {
      const resources = spec.expand(edge.node);
      resources.forEach((resource, k) => {
        if (edge.node.id === position.r && k <= position.k!) return;
        seen.set(`${resource.resourceType}/${resource.id ?? ''}`, { resource, request: edge.node });
        // After a request's last resource, the next page starts after the request itself.
        const cursor = k === resources.length - 1 ? { a: edge.cursor } : { a: previous, r: edge.node.id, k };
        items.push({ resource, cursor: encode(cursor) });
      });
      previous = edge.cursor;
    }
    return { items, hasNext: page.pageInfo.hasNextPage };
  };

  const count = async (): Promise<number> => {
    if (spec.requestIds) return expandAll(await direct()).filter(({ resource, request }) => spec.keep(resource, request)).length;
    let total = 0;
    let after: string | null = null;
    for (let i = 0; i < COUNT_PAGES; i++) {
      const page = await requestPage(ctx, spec.filter, PAGE_MAX, after);
      total += expandAll(page.edges.map((e) => e.node)).filter(({ resource, request }) => spec.keep(resource, request)).length;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return total;
  };

  return {
    fetch,
    filter: async (ids) => {
      const kept = new Set<string>();
      for (const [key, { resource, request }] of seen) if (ids.includes(resource.id ?? '') && spec.keep(resource, request)) kept.add(key.split('/')[1]!);
      return kept;
    },
    count,
  };
}
