/**
 * Limits on what one GraphQL document may ask, applied wherever the hub parses GraphQL: the
 * gateway (HTTP, graphql-ws, the FHIR adapter's in-process executor) and every subgraph. A
 * document over a limit is refused while it is parsed or validated, before any resolver runs,
 * with `GRAPHQL_VALIDATION_FAILED` naming the limit (docs/errors.md § Limits, D74).
 *
 * Depth, aliases and directives are graphql-armor's rules; tokens are graphql-js's own parser
 * limit (the document is abandoned before its syntax tree is built); the cost model is ours,
 * because it must multiply by the page sizes (`first`) the hub's connections take.
 */
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  typeFromAST,
  type ASTVisitor,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MAX_PAGE_SIZE } from './pagination.js';

export interface GraphQLLimits {
  /** Deepest field nesting (`{ a { b } }` is 2). */
  readonly depth: number;
  /** Aliased fields in one operation, fragments included (`__typename` too). */
  readonly aliases: number;
  /** Lexical tokens of the whole document (names, punctuation, values). */
  readonly tokens: number;
  /** Directives in one operation. */
  readonly directives: number;
  /** Cost of one operation, see `operationCost`. */
  readonly cost: number;
}

/**
 * Defaults: each is several times what the hub's own operations reach, and far below what hurt
 * the hub (issue 12, case 1). Measured on the FHIR adapter, bulk export, identity lookups and the
 * gateway, search and authorisation tests (2026-12-06): depth 7, no alias, no directive, 168
 * tokens, cost 19,000 (bulk export's page of 200 units with their coded lists).
 */
export const DEFAULT_GRAPHQL_LIMITS: GraphQLLimits = Object.freeze({
  depth: 15,
  aliases: 30,
  tokens: 10_000,
  directives: 50,
  cost: 100_000,
});

/** Size assumed for a list field without a page size (`Establishment.units`, `timeline`…). */
export const ASSUMED_LIST_SIZE = 10;

/**
 * A subgraph receives the gateway's query plans: each fetch is a piece of a query the gateway
 * already accepted, wrapped in `_entities(representations: $r) { ... on T { … } }` (two levels
 * deeper), with the planner's `__typename`s and keys added. Entity batches arrive as variables,
 * never as tokens, and `_entities` counts once in the cost (its size is the gateway's, already paid).
 */
export function subgraphLimits(limits: GraphQLLimits): GraphQLLimits {
  return Object.freeze({
    depth: limits.depth + 2,
    aliases: limits.aliases * 2,
    tokens: limits.tokens * 2,
    directives: limits.directives * 2,
    cost: limits.cost,
  });
}

export const LIMIT_ERROR_CODE = 'GRAPHQL_VALIDATION_FAILED';

type LimitName = keyof GraphQLLimits;

function limitError(limit: LimitName, max: number, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: LIMIT_ERROR_CODE, limit, max } });
}

/** graphql-armor's rules report through this: a coded error, without armor's "Syntax Error: " prefix. */
function reportAs(limit: LimitName, max: number) {
  return {
    n: max,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitError(limit, max, error.message.replace(/^Syntax Error: /, '')))],
  };
}

/** Parser options: the token limit, enforced by graphql-js while it reads the document. */
export function parseOptionsFor(limits: GraphQLLimits): ParseOptions {
  return { maxTokens: limits.tokens };
}

/** Validation rules for every other limit, added after graphql-js's specified rules. */
export function limitRules(limits: GraphQLLimits): ValidationRule[] {
  return [
    maxDepthRule({ ...reportAs('depth', limits.depth), ignoreIntrospection: true }) as unknown as ValidationRule,
    maxAliasesRule({ ...reportAs('aliases', limits.aliases), allowList: [] }) as unknown as ValidationRule,
    maxDirectivesRule(reportAs('directives', limits.directives)) as unknown as ValidationRule,
    costRule(limits.cost),
  ];
}

const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/**
 * The parser's own token-limit error as a limit error like the others. graphql-js raises it as a
 * syntax error (Apollo: GRAPHQL_PARSE_FAILED, mercurius: no code); callers see one code for
 * every limit. Other errors are returned unchanged.
 */
export function asTokenLimitError(error: GraphQLError): GraphQLError {
  const match = TOKEN_LIMIT.exec(error.message);
  if (!match) return error;
  return limitError('tokens', Number(match[1]), `Token limit of ${match[1]} exceeded.`);
}

/** The same, on an error already formatted for the response (Apollo's `formatError`). */
export function formatTokenLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!TOKEN_LIMIT.test(formatted.message)) return formatted;
  const limited = asTokenLimitError(new GraphQLError(formatted.message));
  return { message: limited.message, extensions: { ...formatted.extensions, ...limited.extensions } };
}

/** An integer literal, or null (a variable's value is not known at validation). */
function intValue(node: ValueNode | undefined): number | null {
  return node?.kind === Kind.INT ? Number(node.value) : null;
}

const PAGE_ARGUMENTS = ['first', 'last'];

/**
 * How many times a field's selection is resolved per parent. A field with a page size (`first`)
 * counts that many (the literal, else its default, else the largest page: a variable is not known
 * when validating); the list just inside such a page (a connection's `edges`) is that page and
 * counts once; any other list counts ASSUMED_LIST_SIZE, except a subgraph's `_entities`.
 */
function multiplier(field: FieldNode, definition: GraphQLField<unknown, unknown>, insidePage: boolean): { times: number; paged: boolean } {
  if (definition.name === '_entities') return { times: 1, paged: false }; // a subgraph's share of a plan: the gateway paid its size
  const pageArg = definition.args.find((a) => PAGE_ARGUMENTS.includes(a.name));
  if (pageArg) {
    const given = field.arguments?.find((a) => a.name.value === pageArg.name);
    const times = given ? (intValue(given.value) ?? MAX_PAGE_SIZE) : typeof pageArg.defaultValue === 'number' ? pageArg.defaultValue : MAX_PAGE_SIZE;
    return { times: Math.max(times, 1), paged: true };
  }
  if (isListType(getNullableType(definition.type))) return { times: insidePage ? 1 : ASSUMED_LIST_SIZE, paged: false };
  return { times: 1, paged: false };
}

/**
 * The cost of an operation: every field that resolves to an object counts 1, times the sizes of
 * the lists around it; scalars and introspection count nothing (the token and alias limits bound
 * them). `{ units(first: 200) { edges { node { establishment { name } } } } }` costs
 * 200 × 4 = 800: the page, its edges, each node and its establishment, 200 times.
 */
export function operationCost(context: ValidationContext, selectionSet: SelectionSetNode, parentType: GraphQLCompositeType): number {
  const schema: GraphQLSchema = context.getSchema();
  const visiting = new Set<string>();
  const walk = (set: SelectionSetNode, type: GraphQLCompositeType, insidePage: boolean): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const definition = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!definition) continue; // unknown fields are reported by graphql-js's own rules
        const named = getNamedType(definition.type);
        if (!isCompositeType(named) || !selection.selectionSet) continue;
        const { times, paged } = multiplier(selection, definition, insidePage);
        total += times * (1 + walk(selection.selectionSet, named, paged && !isListType(getNullableType(definition.type))));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? typeFromAST(schema, selection.typeCondition) : type;
        total += walk(selection.selectionSet, isCompositeType(condition) ? condition : type, insidePage);
      } else {
        const name = selection.name.value;
        const fragment = context.getFragment(name);
        if (!fragment || visiting.has(name)) continue; // cycles are reported by NoFragmentCycles
        visiting.add(name);
        const condition = typeFromAST(schema, fragment.typeCondition);
        total += walk(fragment.selectionSet, isCompositeType(condition) ? condition : type, insidePage);
        visiting.delete(name);
      }
      if (total > Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
    }
    return total;
  };
  return walk(selectionSet, parentType, false);
}

function costRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const root = schema.getRootType(operation.operation);
      if (!root) return;
      const cost = operationCost(context, operation.selectionSet, root);
      if (cost > max) context.reportError(limitError('cost', max, `Query cost limit of ${max} exceeded, found ${cost > 1e12 ? 'more than 10^12' : cost}.`));
    },
  });
}
