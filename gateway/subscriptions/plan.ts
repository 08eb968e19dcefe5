/**
 * Plans subscriptions with Apollo's own query planner: @apollo/gateway plans them (a
 * `Subscription` node: the primary fetch to the owning subgraph, then the fetches resolving the
 * other subgraphs' fields) but refuses to execute them, so we execute the plan ourselves.
 */
import { Supergraph, operationFromDocument, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { buildOperationContext } from '@apollo/gateway';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { HubError } from '../../platform/errors.js';

type OperationContext = ReturnType<typeof buildOperationContext>;

/** The service name the primary fetch is re-routed to: each event replays it from the stream. */
export const PRIMARY_SERVICE = '__subscription_event__';

export interface SubscriptionPlan {
  /** The owning subgraph and the operation to open there. */
  serviceName: string;
  upstreamOperation: string;
  /** Variables of the client's operation the upstream operation uses. */
  variableNames: string[];
  /** The whole plan with the primary fetch re-routed to PRIMARY_SERVICE. */
  perEvent: QueryPlan;
  operationContext: OperationContext;
}

export interface Planner {
  readonly supergraphSchema: GraphQLSchema;
  readonly apiSchema: Schema;
  /** The client-facing schema (validation of incoming operations). */
  readonly schema: GraphQLSchema;
  plan(document: DocumentNode, operationName: string | undefined): SubscriptionPlan;
}

function perEventPlan(primary: FetchNode, rest: PlanNode | undefined): QueryPlan {
  const replayed: FetchNode = { ...primary, serviceName: PRIMARY_SERVICE };
  return { kind: 'QueryPlan', node: rest ? { kind: 'Sequence', nodes: [replayed, rest] } : replayed };
}

export function createPlanner(supergraphSdl: string): Planner {
  const supergraph = Supergraph.build(supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  const queryPlanner = new QueryPlanner(supergraph);
  const schema = apiSchema.toGraphQLJSSchema();
  const cache = new Map<string, SubscriptionPlan>();
  return {
    supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
    apiSchema,
    schema,
    plan(document, operationName) {
      const key = `${operationName ?? ''}\u0000${JSON.stringify(document.loc?.source.body ?? document)}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const operation = operationFromDocument(apiSchema, document, { operationName });
      const queryPlan = queryPlanner.buildQueryPlan(operation);
      const node = queryPlan.node;
      if (node?.kind !== 'Subscription') throw new HubError('BAD_USER_INPUT', 'Only subscription operations are served over WebSocket; send queries and mutations over HTTP.');
      const plan: SubscriptionPlan = {
        serviceName: node.primary.serviceName,
        upstreamOperation: node.primary.operation,
        variableNames: node.primary.variableUsages ?? [],
        perEvent: perEventPlan(node.primary, node.rest),
        operationContext: buildOperationContext({ schema, operationDocument: document, operationName }),
      };
      if (cache.size > 500) cache.clear(); // operations are few; a bound keeps a misbehaving client from growing it
      cache.set(key, plan);
      return plan;
    },
  };
}
