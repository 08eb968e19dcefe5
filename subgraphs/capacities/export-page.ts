/**
 * The bulk export's capacity records of a page of units (schemas/capacities.export.graphql,
 * decision D143): each unit's fields of this subgraph built by the Unit resolvers themselves
 * (platform/selection-records.ts), with the request's identity, answered as one JSON value.
 */
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { requireScope } from '../../platform/auth/authorize.js';
import { JSONValue } from '../../platform/scalars.js';
import { selectionRecords } from '../../platform/selection-records.js';
import type { Identity } from '../../platform/auth/identity.js';

/** The offer subgraph's export page size: one request per page of units. */
const MAX_UNITS = 2_000;

interface CapacityExportArgs {
  units: { id: string; sseCapacity?: number | null }[];
  fields: string;
}

async function unitCapacityExportPage(_: unknown, args: CapacityExportArgs, ctx: { identity: Identity }, info: GraphQLResolveInfo) {
  requireScope(ctx.identity, 'bulk.export');
  if (args.units.length > MAX_UNITS) {
    throw new GraphQLError(`units: at most ${MAX_UNITS} a page.`, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'units' } });
  }
  return selectionRecords(info.schema, 'Unit', args.fields, args.units, ctx);
}

export const exportPageResolvers = { JSON: JSONValue, Query: { unitCapacityExportPage } };
