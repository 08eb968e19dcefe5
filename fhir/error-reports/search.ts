/**
 * Task search over both kinds of Task (docs/feedback.md § FHIR Task): the ror-task error reports
 * and the admission Tasks. One search answers one kind: `_profile=<ror-task>`, a `focus` on an
 * Organization, HealthcareService, Location, Practitioner or PractitionerRole, `_id` values that are all report ids or an
 * `owner` that is a Practitioner (the analyst), or `_content` (text search) ask for reports; any other search lists admission
 * Tasks, as before reports were Tasks. Reports are those the caller may read (the regional team
 * all, anyone else its own), listed by the offer subgraph newest first.
 */
import { getStatus, OperationOutcomeError } from '../outcomes.js';
import { PROFILES } from '../codes.js';
import type { HandlerContext } from '../records.js';
import { run } from '../search/graphql.js';
import { ALL_PREFIXES, TOKEN_MODIFIERS, base, type FetchedPage, type PreparedSearch, type ReverseInclude, type SearchParamDefinition, type SearchType } from '../search/definitions.js';
import { unescape, type Clause, type ParsedSearch } from '../search/parse.js';
import { idOrLastUpdatedHolds, instantTest, parseToken, tokenHolds } from '../search/values.js';
import type { FhirSearchResource, Task } from '../types.js';
import { reference, taskSearch as admissionTaskSearch } from '../admissions/search.js';
import { parameterText, parseReportTaskId, reportToTask } from '../mappers/report-task.js';
import { ERROR_REPORTS_QUERY, type ErrorReportRecord } from './queries.js';

const TASK_STATUS_SYSTEM = 'http://hl7.org/fhir/task-status';
const REPORT_FOCUS_TYPES = new Set(['Organization', 'HealthcareService', 'Location', 'Practitioner', 'PractitionerRole']);
const PAGE_MAX = 100;
const COUNT_PAGES = 100;

interface ReportFilter {
  ids?: string[];
  subjectType?: 'UNIT';
  subjectIds?: string[];
}

interface ReportPage {
  edges: Array<{ cursor: string; node: ErrorReportRecord }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function reportPage(ctx: HandlerContext, filter: ReportFilter, first: number, after: string | null): Promise<ReportPage> {
  const data = await run<{ errorReports: ReportPage }>(ctx, ERROR_REPORTS_QUERY, { filter, first: Math.min(Math.max(first, 1), PAGE_MAX), after });
  return data.errorReports;
}

const PARAMS: readonly SearchParamDefinition[] = [
  { code: '_id', type: 'token', description: 'Logical id: report-<n> (ror-task) or <request id>-<unit id> (admission); comma-separated ids are alternatives.', definition: base('Resource-id'), modifiers: TOKEN_MODIFIERS },
  { code: '_lastUpdated', type: 'date', description: 'meta.lastUpdated: a report\'s creation or answer; an admission request\'s last transition.', definition: base('Resource-lastUpdated'), prefixes: ALL_PREFIXES },
  { code: '_profile', type: 'token', description: `${PROFILES.task}: error reports (ror-task); otherwise admission Tasks.`, definition: base('Resource-profile') },
  { code: 'status', type: 'token', description: 'Task.status (http://hl7.org/fhir/task-status). ror-task: requested (open), completed (corrected), rejected. Admission: requested, on-hold, accepted, rejected, cancelled, completed.', definition: base('Task-status'), modifiers: TOKEN_MODIFIERS },
  { code: 'focus', type: 'reference', description: 'ror-task: the record reported on (Organization/<FINESS>, HealthcareService/<unit id>, Location/<unit id>, Practitioner/<id>, PractitionerRole/<professional id>.<unit id>). Admission: the request, ServiceRequest/<request id>.', definition: base('Task-focus') },
  { code: 'owner', type: 'reference', description: 'ror-task: the analyst who answered, Practitioner/<professional id>. Admission: the unit asked, HealthcareService/<unit id>, or its establishment, Organization/<FINESS ET>.', definition: base('Task-owner') },
  { code: 'requester', type: 'reference', description: 'Who asked or reported: Practitioner/<professional id>, or the name.', definition: base('Task-requester') },
  { code: '_content', type: 'string', description: 'ror-task only: text in the description, the inputs, the outputs or the note (case and accents ignored).', definition: base('Resource-content') },
];

/** Lower case without accents, for `_content`. */
const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The text `_content` searches in a report's Task. */
const textOf = (task: Task): string =>
  folded([task.description, ...(task.input ?? []).map(parameterText), ...(task.output ?? []).map(parameterText), ...(task.note ?? []).map((n) => n.text)].filter(Boolean).join('\n'));

/** Whether a search asks for error reports rather than admission Tasks (see the file comment). */
export function asksForReports(search: ParsedSearch): boolean {
  const clause = (code: string) => search.clauses.find((c) => c.code === code && c.modifier !== 'not');
  const profile = clause('_profile');
  if (profile) return profile.values.some((v) => unescape(v.value) === PROFILES.task);
  const all = (c: Clause | undefined, test: (value: string) => boolean) => c !== undefined && c.values.every((v) => test(v.value));
  return (
    clause('_content') !== undefined ||
    all(clause('focus'), (v) => REPORT_FOCUS_TYPES.has(reference(v)[0] ?? '')) ||
    all(clause('_id'), (v) => parseReportTaskId(parseToken(v).code ?? '') !== null) ||
    all(clause('owner'), (v) => reference(v)[0] === 'Practitioner')
  );
}

function reportHolds(clause: Clause, task: Task): boolean {
  const refHolds = (actual: string | undefined) =>
    clause.values.some((v) => {
      const [type, id] = reference(v.value);
      return actual !== undefined && (type === undefined ? actual.endsWith(`/${id}`) : actual === `${type}/${id}`);
    });
  const common = idOrLastUpdatedHolds(clause, task);
  if (common !== undefined) return common;
  switch (clause.code) {
    case '_profile':
      return clause.values.some((v) => unescape(v.value) === PROFILES.task);
    case 'status':
      return tokenHolds(clause, { system: TASK_STATUS_SYSTEM, code: task.status });
    case 'focus':
      return refHolds(task.focus?.reference);
    case 'owner':
      return refHolds(task.owner?.reference);
    case 'requester':
      return refHolds(task.requester?.reference) || clause.values.some((v) => unescape(v.value) === task.requester?.display);
    case '_content':
      return clause.values.some((v) => textOf(task).includes(folded(unescape(v.value))));
    default:
      return true;
  }
}

/** What the offer subgraph can narrow: the reports `_id` names, the records `focus` names. */
function narrowing(search: ParsedSearch): ReportFilter {
  const filter: ReportFilter = {};
  for (const clause of search.clauses) {
    if (clause.modifier === 'not') continue;
    if (clause.code === '_id') filter.ids = clause.values.map((v) => parseReportTaskId(parseToken(v.value).code ?? '') ?? '0');
    if (clause.code === 'focus') filter.subjectIds = clause.values.map((v) => reference(v.value)[1]);
  }
  return filter;
}

function prepareReports(search: ParsedSearch, ctx: HandlerContext): PreparedSearch {
  // A malformed date is 400 before anything is read, not only once a report is there to compare.
  for (const clause of search.clauses) if (clause.definition.type === 'date') clause.values.forEach(instantTest);
  const filter = narrowing(search);
  const keep = (task: Task) => search.clauses.every((c) => reportHolds(c, task));
  const seen = new Map<string, Task>();
  const tasksOf = (page: ReportPage) => page.edges.flatMap((e) => { const task = reportToTask(e.node); return task ? [{ task, cursor: e.cursor }] : []; });
  const fetch = async (_sort: unknown, size: number, after: string | null): Promise<FetchedPage> => {
    const page = await reportPage(ctx, filter, size, after);
    const items = tasksOf(page).map(({ task, cursor }) => {
      seen.set(task.id!, task);
      return { resource: task as FhirSearchResource, cursor };
    });
    return { items, hasNext: page.pageInfo.hasNextPage };
  };
  const count = async (): Promise<number> => {
    let total = 0;
    let after: string | null = null;
    for (let i = 0; i < COUNT_PAGES; i++) {
      const page = await reportPage(ctx, filter, PAGE_MAX, after);
      total += tasksOf(page).filter(({ task }) => keep(task)).length;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return total;
  };
  return { fetch, count, filter: async (ids) => new Set(ids.filter((id) => { const task = seen.get(id); return task !== undefined && keep(task); })) };
}

async function reportsByIds(ids: readonly string[], ctx: HandlerContext): Promise<Task[]> {
  const reportIds = ids.map(parseReportTaskId).filter((id): id is string => id !== null);
  if (!reportIds.length) return [];
  const page = await reportPage(ctx, { ids: reportIds }, PAGE_MAX, null);
  return page.edges.flatMap((e) => reportToTask(e.node) ?? []);
}

/**
 * `HealthcareService?_revinclude=Task:focus`: the reports on those units the caller may read
 * (none for an anonymous caller or an application without offer.report: the search itself is public).
 */
export const reportsOnUnits: ReverseInclude = {
  code: 'Task:focus',
  find: async (ids, ctx) => {
    try {
      const page = await reportPage(ctx, { subjectType: 'UNIT', subjectIds: [...ids] }, PAGE_MAX, null);
      return page.edges.flatMap((e) => reportToTask(e.node) ?? []).filter((t) => t.focus?.reference?.startsWith('HealthcareService/'));
    } catch (error) {
      if (error instanceof OperationOutcomeError && [401, 403].includes(getStatus(error.outcome))) return [];
      throw error;
    }
  },
};

/** Task search: error reports or admission Tasks, by what the search asks for. */
export const taskSearch: SearchType = {
  ...admissionTaskSearch,
  params: PARAMS,
  prepare: async (search, ctx) => (asksForReports(search) ? prepareReports(search, ctx) : admissionTaskSearch.prepare(search, ctx)),
  fetchByIds: async (ids, ctx) => {
    const [reports, admissions] = await Promise.all([reportsByIds(ids, ctx), admissionTaskSearch.fetchByIds(ids.filter((id) => parseReportTaskId(id) === null), ctx)]);
    return [...reports, ...admissions];
  },
};
