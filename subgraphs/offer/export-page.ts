/**
 * The bulk export's pages of units, establishments and legal entities
 * (schemas/offer.export.graphql, decision D143): what the caller's `units`, `establishments` and
 * `organizations` lists show, a larger page at a time, each record built by the type's own
 * resolvers (platform/selection-records.ts), answered as one JSON value.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { requireScope } from '../../platform/auth/authorize.js';
import type { Connection } from '../../platform/pagination.js';
import { JSONValue } from '../../platform/scalars.js';
import { selectionRecords } from '../../platform/selection-records.js';
import type { ResolverMap } from '../../platform/resolver-maps.js';
import { mergeResolverMaps } from '../../platform/resolver-maps.js';
import type { OfferContext } from './resolvers.js';

/** Records in one export page at most: one request and one JSON value for ten list pages. */
export const EXPORT_PAGE_SIZE = 2_000;

interface ExportPageArgs {
  fields: string;
  first?: number | null;
  after?: string | null;
}

type ListOf = (ctx: OfferContext, first: number, after: string | null | undefined) => Promise<Connection<unknown>>;

/** A page field over one of the service's lists (the same list, order and visibility as the GraphQL list field). */
const exportPage =
  (typeName: string, list: ListOf) =>
  async (_: unknown, args: ExportPageArgs, ctx: OfferContext, info: GraphQLResolveInfo) => {
    requireScope(ctx.identity, 'bulk.export');
    const page = await list(ctx, args.first ?? EXPORT_PAGE_SIZE, args.after);
    const { records, hidden } = await selectionRecords(info.schema, typeName, args.fields, page.edges.map((e) => e.node), ctx);
    return { records, hidden, hasNextPage: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor };
  };

const pages = {
  // Sensitive units by access profile, as `units` shows them; archived ones too, as FHIR reads serve them.
  unitExportPage: exportPage('Unit', (ctx, first, after) => ctx.offer.listUnits({ includeArchived: true }, first, after, EXPORT_PAGE_SIZE)),
  establishmentExportPage: exportPage('Establishment', (ctx, first, after) => ctx.offer.listEstablishments({}, first, after, EXPORT_PAGE_SIZE)),
  organizationExportPage: exportPage('Organization', (ctx, first, after) => ctx.offer.listOrganizations(first, after, EXPORT_PAGE_SIZE)),
};

/** The subgraph's resolver map with the export pages added. */
export function withExportPage<C extends OfferContext>(base: ResolverMap<C>): ResolverMap<C> {
  return mergeResolverMaps<ResolverMap<C>>(base, { JSON: JSONValue, Query: pages });
}
