/**
 * Records in the shape of a GraphQL selection, built by a subgraph's own field resolvers without
 * graphql-js executing each field (decision D143): the bulk export's page fields answer a page of
 * thousands of records as one `JSON` value, so neither graphql-js nor the gateway walks them field
 * by field, while every value still comes from the resolver a GraphQL read would call (same
 * services, same access checks, same DataLoaders: all records of a page resolve together, so each
 * loader reads its rows in one batch).
 *
 * Only what the export's read selections use is accepted: fields (aliases and literal arguments
 * included) of the given type, no fragments, no variables, at most MAX_DEPTH levels.
 */
import {
  GraphQLError,
  Kind,
  defaultFieldResolver,
  getArgumentValues,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionNode,
} from 'graphql';

/** Nesting levels a selection may have (the FHIR reads use three). */
export const MAX_DEPTH = 4;
/** Fields a selection may name, aliases counted (the largest FHIR read, a Location's, has 112). */
export const MAX_FIELDS = 200;
/**
 * Objects and list items a page may build per record on average: the FHIR reads build a few dozen
 * (a unit's contacts, hours, codes…). The text of `fields` is not under the gateway's depth and
 * cost limits, so a selection that fans out (aliases of `establishment { units { … } }`) is stopped
 * here before it fills the memory.
 */
export const MAX_VALUES_PER_RECORD = 200;

/** One field of a compiled selection: how to resolve it and what to build from its value. */
interface FieldPlan {
  key: string;
  field: GraphQLField<unknown, unknown>;
  args: Record<string, unknown>;
  /** What resolvers may read of `info` (the inline traces of D128 read the path). */
  info: GraphQLResolveInfo;
  sub: FieldPlan[];
  /**
   * Completes a resolved value of the field's type, decided once at compilation: the type's
   * wrappers are not tested again for every value (graphql-js's `is…Type` checks were about 1 %
   * of the export's main thread, docs/benchmarks.md, issue 16, export16e).
   */
  complete: Completer;
}

/** Builds what a resolved value becomes in the record (null, a scalar's serialisation, a list, a nested record). */
type Completer = (value: unknown, context: unknown, page: PageState) => unknown;

/** A page's records, and the names of nullable fields left null because the caller may not read them. */
export interface SelectionRecords {
  records: Record<string, unknown>[];
  hidden: string[];
}

const badSelection = (message: string) => new GraphQLError(`fields: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'fields' } });

/** The fields of `selections` by response key, repeated fields merged (as graphql-js collects them). */
function collect(selections: readonly SelectionNode[]): Map<string, FieldNode[]> {
  const byKey = new Map<string, FieldNode[]>();
  for (const s of selections) {
    if (s.kind !== Kind.FIELD) throw badSelection('fragments are not accepted');
    const key = s.alias?.value ?? s.name.value;
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  return byKey;
}

/** Counts the fields a compilation names, to refuse oversized selections before any resolver runs. */
interface FieldCount {
  n: number;
}

function compile(schema: GraphQLSchema, type: GraphQLObjectType, selections: readonly SelectionNode[], depth: number, count: FieldCount): FieldPlan[] {
  if (depth > MAX_DEPTH) throw badSelection(`at most ${MAX_DEPTH} levels`);
  return [...collect(selections)].map(([key, nodes]) => {
    if (++count.n > MAX_FIELDS) throw badSelection(`at most ${MAX_FIELDS} fields`);
    const node = nodes[0]!;
    const field = type.getFields()[node.name.value];
    if (!field) throw badSelection(`${type.name} has no field ${node.name.value}`);
    const named = getNamedType(field.type);
    const subSelections = nodes.flatMap((n) => n.selectionSet?.selections ?? []);
    if (isObjectType(named) !== subSelections.length > 0) throw badSelection(`${type.name}.${field.name} ${isObjectType(named) ? 'needs' : 'takes no'} sub-fields`);
    if (!isObjectType(named) && !isLeafType(named)) throw badSelection(`${type.name}.${field.name} is abstract`);
    const info = { fieldName: field.name, returnType: field.type, parentType: type, schema, path: { prev: undefined, key, typename: type.name } } as unknown as GraphQLResolveInfo;
    const plan: FieldPlan = { key, field, args: getArgumentValues(field, node), info, sub: isObjectType(named) ? compile(schema, named, subSelections, depth + 1, count) : [], complete: () => null };
    plan.complete = completerOf(field.type, plan);
    return plan;
  });
}

/** Compiled selections by schema, type and text: the export asks the same one for every page. */
const compiled = new WeakMap<GraphQLSchema, Map<string, FieldPlan[]>>();

function planOf(schema: GraphQLSchema, typeName: string, fields: string): FieldPlan[] {
  const bySelection = compiled.get(schema) ?? new Map<string, FieldPlan[]>();
  compiled.set(schema, bySelection);
  const cacheKey = `${typeName}\u0000${fields}`;
  const known = bySelection.get(cacheKey);
  if (known) return known;
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of this schema`);
  let document;
  try {
    document = parse(`{${fields}}`, { noLocation: true });
  } catch (error) {
    throw badSelection((error as Error).message);
  }
  const operation = document.definitions[0];
  if (document.definitions.length !== 1 || operation?.kind !== Kind.OPERATION_DEFINITION) throw badSelection('one selection set of fields');
  const plan = compile(schema, type, operation.selectionSet.selections, 1, { n: 0 });
  if (bySelection.size < 100) bySelection.set(cacheKey, plan); // a few selections are ever asked; no growth from odd callers
  return plan;
}

/** Nullable fields the caller may not read are null, as GraphQL answers them (with a FORBIDDEN error there). */
const isForbidden = (error: unknown): boolean => (error as { extensions?: { code?: unknown } } | null)?.extensions?.code === 'FORBIDDEN';

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === 'function';

/** `then` on a value or a promise: values that are ready stay synchronous (no promise, no microtask per field). */
const after = <T, U>(value: T | Promise<T>, next: (resolved: T) => U | Promise<U>): U | Promise<U> => (isPromise(value) ? value.then(next) : next(value));

/** The values of a list, each possibly a promise: a plain array when none is. */
function all(values: unknown[]): unknown[] | Promise<unknown[]> {
  return values.some(isPromise) ? Promise.all(values) : values;
}

/** What a page's building carries: the fields it hid, and the objects and list items it may still build. */
interface PageState {
  hidden: Set<string>;
  valuesLeft: number;
}

/** Counts `n` built values against the page's budget (MAX_VALUES_PER_RECORD per record). */
function spend(page: PageState, n: number): void {
  page.valuesLeft -= n;
  if (page.valuesLeft < 0) throw badSelection(`the selection builds more than ${MAX_VALUES_PER_RECORD} objects and list items per record; ask for fewer fields`);
}

function completerOf(type: GraphQLOutputType, plan: FieldPlan): Completer {
  if (isNonNullType(type)) {
    const inner = completerOf(type.ofType, plan);
    const nonNull = (value: unknown) => {
      if (value === null) throw new Error(`${plan.info.parentType.name}.${plan.field.name} resolved to null`);
      return value;
    };
    return (value, context, page) => after(inner(value, context, page), nonNull);
  }
  if (isListType(type)) {
    const item = completerOf(type.ofType as GraphQLOutputType, plan);
    return (value, context, page) => {
      if (value === null || value === undefined) return null;
      const items = value as unknown[];
      spend(page, items.length);
      return all(items.map((one) => item(one, context, page)));
    };
  }
  if (isLeafType(type)) return (value) => (value === null || value === undefined ? null : type.serialize(value));
  return (value, context, page) => (value === null || value === undefined ? null : recordOf(plan.sub, value, context, page));
}

/** A nullable field the caller may not read is null and named in `hidden`; any other error propagates. */
function hide(plan: FieldPlan, page: PageState, error: unknown): null {
  if (isNonNullType(plan.field.type) || !isForbidden(error)) throw error;
  page.hidden.add(plan.field.name);
  return null;
}

function fieldValue(plan: FieldPlan, source: unknown, context: unknown, page: PageState): unknown {
  let value: unknown;
  try {
    const resolve = plan.field.resolve ?? defaultFieldResolver;
    value = after(resolve(source, plan.args, context, plan.info), (resolved) => plan.complete(resolved, context, page));
  } catch (error) {
    return hide(plan, page, error);
  }
  return isPromise(value) ? value.catch((error: unknown) => hide(plan, page, error)) : value;
}

/** The record of one source, synchronous when every field's value is (most are: columns, codings already loaded). */
function recordOf(plans: FieldPlan[], source: unknown, context: unknown, page: PageState): Record<string, unknown> | Promise<Record<string, unknown>> {
  spend(page, 1);
  const values = plans.map((plan) => fieldValue(plan, source, context, page));
  return after(all(values), (resolved) => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < plans.length; i++) record[plans[i]!.key] = resolved[i];
    return record;
  });
}

/**
 * The records of `sources` (values of `typeName`, e.g. store rows) in the shape of `fields` (a
 * selection's inside, `id name establishment { id }`), resolved with `context` as one request's.
 * A FORBIDDEN error on a nullable field leaves it null and names it in `hidden`; any other error
 * fails the whole page, and so does a selection that builds more than MAX_VALUES_PER_RECORD
 * values per record (BAD_USER_INPUT).
 */
export async function selectionRecords(schema: GraphQLSchema, typeName: string, fields: string, sources: readonly unknown[], context: unknown): Promise<SelectionRecords> {
  const plan = planOf(schema, typeName, fields);
  const page: PageState = { hidden: new Set<string>(), valuesLeft: MAX_VALUES_PER_RECORD * Math.max(sources.length, 1) };
  const records = (await all(sources.map((source) => recordOf(plan, source, context, page)))) as Record<string, unknown>[];
  return { records, hidden: [...page.hidden] };
}
