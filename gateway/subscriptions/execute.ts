/**
 * Runs a subscription plan for one upstream event: the primary fetch answers with the event,
 * then the rest of the plan fetches the other subgraphs' fields as for any query.
 */
import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { ExecutionResult, GraphQLError } from 'graphql';
import type { Logger } from '../../platform/logger.js';
import type { GatewayContext } from '../context.js';
import { PRIMARY_SERVICE, type Planner, type SubscriptionPlan } from './plan.js';
import type { UpstreamEvent } from './upstream.js';

/** A data source that "fetches" the primary operation by returning the event received upstream. */
function replay(event: UpstreamEvent): GraphQLDataSource {
  return { process: async () => ({ data: event.data ?? null, errors: event.errors as never }) } as GraphQLDataSource;
}

export interface EventExecution {
  plan: SubscriptionPlan;
  planner: Planner;
  services: ServiceMap;
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
  logger: Logger;
}

export async function executeEvent(execution: EventExecution, event: UpstreamEvent, context: GatewayContext): Promise<ExecutionResult> {
  // Upstream errors without data (e.g. FORBIDDEN on subscribe): nothing to resolve further.
  if (!event.data) return { errors: (event.errors ?? []) as unknown as GraphQLError[] };
  const requestContext = {
    request: { query: execution.query, variables: execution.variables, operationName: execution.operationName },
    context,
    logger: execution.logger,
    metrics: {},
    cache: undefined,
  } as unknown as GatewayGraphQLRequestContext<GatewayContext>;
  const services: ServiceMap = { ...execution.services, [PRIMARY_SERVICE]: replay(event) };
  const result = await executeQueryPlan(
    execution.plan.perEvent,
    services,
    requestContext,
    execution.plan.operationContext,
    execution.planner.supergraphSchema,
    execution.planner.apiSchema,
  );
  return result as ExecutionResult;
}
