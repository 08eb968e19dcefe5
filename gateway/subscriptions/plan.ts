/**
 * Plans subscriptions with Apollo's own query planner: @apollo/gateway plans them (a
 * `Subscription` node: the primary fetch to the owning subgraph, then the fetches resolving the
 * other subgraphs' fields) but refuses to execute them, so we execute the plan ourselves.
 */
import { Supergraph, operationFromDocument, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import { buildOperationContext } from '@apollo/gateway';
import { Kind, getOperationAST, parse, print, visit, type ArgumentNode, type DocumentNode, type FieldNode, type GraphQLSchema, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { HubError } from '../../platform/errors.js';

type OperationContext = ReturnType<typeof buildOperationContext>;

/** The service name the primary fetch is re-routed to: each event replays it from the stream. */
export const PRIMARY_SERVICE = '__subscription_event__';

/**
 * Subscription fields that can resume after a change-feed position (docs/subscriptions.md#when-a-subgraph-goes-away):
 * the argument taking it, and the field of each event carrying it.
 */
const RESUMABLE: Readonly<Record<string, { argument: string; position: string }>> = {
  capacityChanged: { argument: 'after', position: 'position' },
  tensionChanged: { argument: 'after', position: 'id' },
  admissionRequestChanged: { argument: 'after', position: 'position' },
  offerRecordChanged: { argument: 'after', position: 'position' },
};

/** Names the gateway adds to a resumable upstream operation (not valid client names: `ror` prefix kept for us). */
export const RESUME_VARIABLE = 'rorResumeAfter';
export const RESUME_ALIAS = 'rorResumePosition';

export interface ResumePlan {
  /** Response key of the subscription field in upstream events. */
  responseKey: string;
  /** The position the client's operation starts after (its own `after`), from its variables. */
  initial(variables: Record<string, unknown>): string | null;
}

export interface SubscriptionPlan {
  /** The owning subgraph and the operation to open there. */
  serviceName: string;
  /** With `$rorResumeAfter` and the event's position (`rorResumePosition`) when the field can resume. */
  upstreamOperation: string;
  resume: ResumePlan | null;
  /** Variables of the client's operation the upstream operation uses. */
  variableNames: string[];
  /**
   * Variables the result of an event depends on: those used anywhere but in the subscription
   * field's own arguments (a filter decides whether an event comes, not what it says).
   */
  resultVariableNames: string[];
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

/** The client's own `after` value: a literal, a variable, or none. */
function initialOf(value: ValueNode | undefined): ResumePlan['initial'] {
  if (!value) return () => null;
  if (value.kind === Kind.VARIABLE) return (variables) => (variables[value.name.value] == null ? null : String(variables[value.name.value]));
  const literal = value.kind === Kind.STRING || value.kind === Kind.INT ? value.value : null;
  return () => literal;
}

/**
 * Makes the upstream operation resumable: its `after` argument becomes `$rorResumeAfter` (which
 * the pool sets to the last position delivered), and each event also selects its position.
 */
export function resumable(operation: string): { operation: string; resume: ResumePlan } | null {
  const document = parse(operation);
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const definition = operations.length === 1 ? operations[0]! : undefined;
  const field = definition?.selectionSet.selections[0];
  if (!definition || definition.selectionSet.selections.length !== 1 || field?.kind !== Kind.FIELD) return null;
  const spec = RESUMABLE[field.name.value];
  if (!spec) return null;
  if (operation.includes(RESUME_VARIABLE) || operation.includes(RESUME_ALIAS)) {
    throw new HubError('BAD_USER_INPUT', `The names ${RESUME_VARIABLE} and ${RESUME_ALIAS} are reserved in subscriptions.`);
  }
  const own = field.arguments?.find((a) => a.name.value === spec.argument);
  const variable = { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: RESUME_VARIABLE } } as const;
  const resumed: FieldNode = {
    ...field,
    arguments: [...(field.arguments ?? []).filter((a) => a !== own), { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: spec.argument }, value: variable }],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        ...(field.selectionSet?.selections ?? []),
        { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: RESUME_ALIAS }, name: { kind: Kind.NAME, value: spec.position } },
      ],
    },
  };
  // The client's own `after` variable, if it had one, is no longer used: an unused variable is invalid.
  const used = new Set<string>();
  visit(resumed, { Variable: (node) => void used.add(node.name.value) });
  const rewritten: OperationDefinitionNode = {
    ...definition,
    variableDefinitions: [
      ...(definition.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value)),
      { kind: Kind.VARIABLE_DEFINITION, variable, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
    ],
    selectionSet: { ...definition.selectionSet, selections: [resumed] },
  };
  return {
    operation: print({ ...document, definitions: document.definitions.map((d) => (d === definition ? rewritten : d)) }),
    resume: { responseKey: field.alias?.value ?? field.name.value, initial: initialOf(own?.value) },
  };
}

/** Variables used in `document` outside the arguments of the root fields of its operation `operationName`. */
export function resultVariables(document: DocumentNode, operationName: string | undefined): string[] {
  const operation = getOperationAST(document, operationName);
  const rootArguments = new Set<ArgumentNode>(
    (operation?.selectionSet.selections ?? []).flatMap((s) => (s.kind === Kind.FIELD ? (s.arguments ?? []) : [])),
  );
  const used = new Set<string>();
  visit(document, {
    VariableDefinition: () => false, // a declaration, not a use
    Argument: (node) => (rootArguments.has(node) ? false : undefined),
    Variable: (node) => void used.add(node.name.value),
  });
  return [...used].sort();
}

function perEventPlan(primary: FetchNode, rest: PlanNode | undefined): QueryPlan {
  const replayed: FetchNode = { ...primary, serviceName: PRIMARY_SERVICE };
  return { kind: 'QueryPlan', node: rest ? { kind: 'Sequence', nodes: [replayed, rest] } : replayed };
}

/*
 * The last planner built, by its supergraph. A planner holds nothing of a hub but plans derived
 * from the supergraph, and building one (the supergraph, its query graph) costs 1–3 s of CPU: a
 * process that starts several hubs on one supergraph (a test file on both database kinds, the
 * test run's shared hubs) builds it once (docs/testing.md § Speed).
 */
let lastPlanner: { supergraphSdl: string; planner: Planner } | null = null;

export function createPlanner(supergraphSdl: string): Planner {
  if (lastPlanner?.supergraphSdl !== supergraphSdl) lastPlanner = { supergraphSdl, planner: buildPlanner(supergraphSdl) };
  return lastPlanner.planner;
}

function buildPlanner(supergraphSdl: string): Planner {
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
      const resume = resumable(node.primary.operation);
      const plan: SubscriptionPlan = {
        serviceName: node.primary.serviceName,
        upstreamOperation: resume?.operation ?? node.primary.operation,
        resume: resume?.resume ?? null,
        variableNames: node.primary.variableUsages ?? [],
        resultVariableNames: resultVariables(document, operationName),
        perEvent: perEventPlan(node.primary, node.rest),
        operationContext: buildOperationContext({ schema, operationDocument: document, operationName }),
      };
      if (cache.size > 500) cache.clear(); // operations are few; a bound keeps a misbehaving client from growing it
      cache.set(key, plan);
      return plan;
    },
  };
}
