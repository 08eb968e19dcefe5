/**
 * The bulk export's page of units (schemas/offer.export.graphql, decision D143): the units the
 * caller's `units` list shows, a larger page at a time, each built by the Unit resolvers
 * themselves (platform/selection-records.ts), answered as one JSON value.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { requireScope } from '../../platform/auth/authorize.js';
import { JSONValue } from '../../platform/scalars.js';
import { selectionRecords } from '../../platform/selection-records.js';
import type { ResolverMap } from '../../platform/resolver-maps.js';
import { mergeResolverMaps } from '../../platform/resolver-maps.js';
import type { OfferContext } from './resolvers.js';

/** Units in one export page: ten list pages, one request and one JSON value. */
export const EXPORT_PAGE_SIZE = 2_000;

interface ExportPageArgs {
  fields: string;
  first?: number | null;
  after?: string | null;
}

async function unitExportPage(_: unknown, args: ExportPageArgs, ctx: OfferContext, info: GraphQLResolveInfo) {
  requireScope(ctx.identity, 'bulk.export');
  // The `units` list of the FHIR read path (sensitive units by access profile, in id order).
  const page = await ctx.offer.listUnits({ includeArchived: true }, args.first ?? EXPORT_PAGE_SIZE, args.after, EXPORT_PAGE_SIZE);
  const { records, hidden } = await selectionRecords(info.schema, 'Unit', args.fields, page.edges.map((e) => e.node), ctx);
  return { records, hidden, hasNextPage: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor };
}

/** The subgraph's resolver map with the export page added. */
export function withExportPage<C extends OfferContext>(base: ResolverMap<C>): ResolverMap<C> {
  return mergeResolverMaps<ResolverMap<C>>(base, { JSON: JSONValue, Query: { unitExportPage } });
}
