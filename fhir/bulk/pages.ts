/**
 * The export's second read path (decision D143): a full read of the units through the owning
 * subgraphs' export page fields, through the gateway's executor as the export's principal (one
 * authorisation path: the subgraphs' own list service and field resolvers decide what the
 * principal sees). A page of 2,000 units comes from the offer subgraph as one JSON value, their
 * capacity records from the capacities subgraph as another; the runner joins them by position
 * and maps them with the pass's mappers, exactly as it maps the `units` list's nodes.
 */
import { Kind, parse, print, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { CallerCredentials, GraphQLExecutor } from '../../platform/executor.js';
import { OperationOutcomeError } from '../outcomes.js';
import { CAPACITY_PART_FIELDS } from '../queries.js';
import { exportFailed } from './outcomes.js';
import { mapRecords, pagedResources, passPages, readWithRetry, type ExportedResource, type PlannedPass } from './sources.js';

/** Units per export page (the offer subgraph's bound, subgraphs/offer/export-page.ts). */
export const EXPORT_PAGE_SIZE = Number(process.env.ROR_BULK_EXPORT_PAGE ?? 2_000);

const UNIT_PAGE = /* GraphQL */ `
  query FhirBulkPage_units($fields: String!, $first: Int, $after: String) {
    unitExportPage(fields: $fields, first: $first, after: $after)
  }
`;

const CAPACITY_PAGE = /* GraphQL */ `
  query FhirBulkPage_capacities($units: [CapacityExportUnit!]!, $fields: String!) {
    unitCapacityExportPage(units: $units, fields: $fields)
  }
`;

/** The offer's record carries the unit's SSE capacity under this alias, for `capacity` (@requires); removed before mapping. */
const SSE_ALIAS = 'exportSseCapacity';

type UnitRecord = Record<string, unknown>;
interface UnitPage {
  records: UnitRecord[];
  hidden: string[];
  hasNextPage: boolean;
  endCursor: string | null;
}
interface CapacityPage {
  records: UnitRecord[];
  hidden: string[];
}

/** Whether a pass is read through the export pages: the full read of the units (no `_since`, no fragments). */
export const readsByPages = (p: PlannedPass): boolean => p.field === 'units' && p.variables === '' && p.fragments.length === 0;

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

/** The units of a full read with their capacity records, a page of EXPORT_PAGE_SIZE at a time, mapped. */
async function* unitPages(p: PlannedPass, execute: GraphQLExecutor, caller: CallerCredentials, readAhead: boolean): AsyncGenerator<ExportedResource[]> {
  const { offer, capacities } = splitSelections(p);
  const fetchPage = async (after: string | null) => {
    const { unitExportPage: page } = await readWithRetry<{ unitExportPage: UnitPage }>(execute, { query: UNIT_PAGE, variables: { fields: offer, first: EXPORT_PAGE_SIZE, after } }, caller);
    checkHidden(p, page.hidden);
    if (capacities && page.records.length) await joinCapacities(p, page.records, capacities, execute, caller);
    return { page, after: page.hasNextPage ? page.endCursor : null };
  };
  yield* pagedResources(fetchPage, (page) => mapRecords(p, page.records as never[]), readAhead);
}

/** Adds each unit's capacity fields to its record (in place), as the gateway's entity fetch would. */
async function joinCapacities(p: PlannedPass, records: UnitRecord[], fields: string, execute: GraphQLExecutor, caller: CallerCredentials): Promise<void> {
  const units = records.map((r) => ({ id: r.id as string, sseCapacity: (r[SSE_ALIAS] as number | null) ?? null }));
  const { unitCapacityExportPage: page } = await readWithRetry<{ unitCapacityExportPage: CapacityPage }>(execute, { query: CAPACITY_PAGE, variables: { units, fields } }, caller);
  checkHidden(p, page.hidden);
  if (page.records.length !== records.length) throw new Error('The capacities subgraph answered another number of units');
  records.forEach((record, i) => {
    delete record[SSE_ALIAS];
    Object.assign(record, page.records[i]);
  });
}

/**
 * The resources of one pass: through the export pages when `byPages` and the pass is a full read
 * of the units, else through the GraphQL list (passPages).
 */
export function resourcePages(p: PlannedPass, execute: GraphQLExecutor, caller: CallerCredentials, readAhead: boolean, byPages: boolean): AsyncGenerator<ExportedResource[]> {
  return byPages && readsByPages(p) ? unitPages(p, execute, caller, readAhead) : passPages(p, execute, caller, readAhead);
}
