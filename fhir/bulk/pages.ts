/**
 * The export's second read path (decision D143): full reads of the units, establishments and
 * legal entities through the owning subgraphs' export page fields, through the gateway's executor
 * as the export's principal (one authorisation path: the subgraphs' own list services and field
 * resolvers decide what the principal sees). A page of units comes from the offer subgraph as one
 * JSON value, their capacity records from the capacities subgraph as another; the runner joins
 * them by position and maps them with the pass's mappers, exactly as it maps the list's nodes.
 */
import { Kind, parse, print, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { CallerCredentials, GraphQLExecutor } from '../../platform/executor.js';
import { OperationOutcomeError } from '../outcomes.js';
import { CAPACITY_PART_FIELDS } from '../queries.js';
import { exportFailed } from './outcomes.js';
import { mapRecords, pagedResources, passPages, readWithRetry, RETRY_PAUSE_MS, type ExportedResource, type PlannedPass } from './sources.js';

/**
 * Records per export page (the offer subgraph takes up to 2,000): at 500 the job used as little
 * CPU as at 2,000 and less memory (docs/benchmarks.md, issue 16, export pages).
 */
export const EXPORT_PAGE_SIZE = 500;

/** The page field serving each full list read (list field → its arguments in the pass, page field). */
const PAGE_FIELDS: Record<string, { args: string; field: string }> = {
  units: { args: 'filter: { includeArchived: true }', field: 'unitExportPage' },
  establishments: { args: '', field: 'establishmentExportPage' },
  organizations: { args: '', field: 'organizationExportPage' },
};

const pageQuery = (field: string) => /* GraphQL */ `
  query FhirBulkPage_${field}($fields: String!, $first: Int, $after: String) {
    ${field}(fields: $fields, first: $first, after: $after)
  }
`;

const CAPACITY_PAGE = /* GraphQL */ `
  query FhirBulkPage_capacities($units: [CapacityExportUnit!]!, $fields: String!) {
    unitCapacityExportPage(units: $units, fields: $fields)
  }
`;

/** The offer's record carries the unit's SSE capacity under this alias, for `capacity` (@requires); removed before mapping. */
const SSE_ALIAS = 'exportSseCapacity';

type ExportRecord = Record<string, unknown>;
/** What every export page field answers. */
interface ExportPage {
  records: ExportRecord[];
  hidden: string[];
  hasNextPage: boolean;
  endCursor: string | null;
}
interface CapacityPage {
  records: ExportRecord[];
  hidden: string[];
}

/** Whether a pass is read through an export page: a full list read (no `_since`) with the arguments the page field applies, no fragments. */
export const readsByPages = (p: PlannedPass): boolean => PAGE_FIELDS[p.field]?.args === p.args && p.variables === '' && p.fragments.length === 0;

/** The pass's selections' top-level fields, printed, split by the subgraph that owns them. */
export function splitSelections(p: PlannedPass): { offer: string; capacities: string } {
  const fields = p.selections.flatMap((selection) => {
    const operation = parse(selection).definitions[0] as OperationDefinitionNode;
    return operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  });
  const ofCapacities = (f: FieldNode) => CAPACITY_PART_FIELDS.includes(f.name.value);
  const capacities = fields.filter(ofCapacities).map((f) => print(f));
  const offer = fields.filter((f) => !ofCapacities(f)).map((f) => print(f));
  return { offer: [...offer, ...(capacities.length ? [`${SSE_ALIAS}: sseCapacity`] : [])].join(' '), capacities: capacities.join(' ') };
}

/** A page's `hidden` fields must be ones the pass may hide (FORBIDDEN parts of a Location); any other fails the export. */
function checkHidden(p: PlannedPass, hidden: readonly string[]): void {
  const unexpected = hidden.filter((name) => !p.hiddenWhenForbidden.includes(name));
  if (unexpected.length) throw new OperationOutcomeError(exportFailed(`The export may not read ${unexpected.join(', ')}.`));
}

/** The records of a full read (units with their capacity records), a page of EXPORT_PAGE_SIZE at a time, mapped. */
async function* exportPages(p: PlannedPass, execute: GraphQLExecutor, caller: CallerCredentials, readAhead: boolean, retryPauseMs: number): AsyncGenerator<Iterable<ExportedResource>> {
  const { offer, capacities } = splitSelections(p);
  const field = PAGE_FIELDS[p.field]!.field;
  const query = pageQuery(field);
  const fetchPage = async (after: string | null) => {
    const data = await readWithRetry<Record<string, ExportPage>>(execute, { query, variables: { fields: offer, first: EXPORT_PAGE_SIZE, after } }, caller, { pauseMs: retryPauseMs });
    const page = data[field]!;
    checkHidden(p, page.hidden);
    if (capacities && page.records.length) await joinCapacities(p, page.records, capacities, execute, caller, retryPauseMs);
    return { page, after: page.hasNextPage ? page.endCursor : null };
  };
  yield* pagedResources(fetchPage, (page) => mapRecords(p, page.records as never[]), readAhead);
}

/** Adds each unit's capacity fields to its record (in place), as the gateway's entity fetch would. */
async function joinCapacities(p: PlannedPass, records: ExportRecord[], fields: string, execute: GraphQLExecutor, caller: CallerCredentials, retryPauseMs: number): Promise<void> {
  const units = records.map((r) => ({ id: r.id as string, sseCapacity: (r[SSE_ALIAS] as number | null) ?? null }));
  const { unitCapacityExportPage: page } = await readWithRetry<{ unitCapacityExportPage: CapacityPage }>(execute, { query: CAPACITY_PAGE, variables: { units, fields } }, caller, { pauseMs: retryPauseMs });
  checkHidden(p, page.hidden);
  if (page.records.length !== records.length) throw new Error('The capacities subgraph answered another number of units');
  records.forEach((record, i) => {
    delete record[SSE_ALIAS];
    Object.assign(record, page.records[i]);
  });
}

/**
 * The resources of one pass: through the export pages when `byPages` and the pass is a full read
 * they serve, else through the GraphQL list (passPages); a page answered too late is read again
 * after `retryPauseMs` × the attempt (readWithRetry).
 */
export function resourcePages(
  p: PlannedPass,
  execute: GraphQLExecutor,
  caller: CallerCredentials,
  readAhead: boolean,
  byPages: boolean,
  retryPauseMs = RETRY_PAUSE_MS,
): AsyncGenerator<Iterable<ExportedResource>> {
  return byPages && readsByPages(p) ? exportPages(p, execute, caller, readAhead, retryPauseMs) : passPages(p, execute, caller, readAhead, retryPauseMs);
}
