/**
 * Federated tracing (`ftv1`): when a request carries `apollo-federation-include-trace: ftv1`, the
 * subgraph answers with `extensions.ftv1`, a base64 Apollo `Trace` protobuf holding each resolved
 * field's start and end (ns from the request's start) and its errors, so a partner's Apollo tooling
 * (a router or gateway with usage reporting) can read field timings of our subgraphs. Apollo Server
 * does this with its inline-trace plugin; mercurius has no equivalent, hence this module (issue 19).
 *
 * Fields are timed by wrapping every object field's resolver once, at start-up; a request without
 * the header pays one property lookup per field. Error messages are masked in the trace (only the
 * path, location and code are kept), as Apollo's plugin does by default: the trace may travel to
 * a third party's reporting.
 */
import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Trace, google } from '@apollo/usage-reporting-protobuf';

export const TRACE_HEADER = 'apollo-federation-include-trace';
/** Where a traced request's timings live on its GraphQL context. */
export const FIELD_TIMINGS = Symbol('ftv1 field timings');

type Path = GraphQLResolveInfo['path'];

const pathKey = (path: Path | undefined): string => (path ? `${pathKey(path.prev)}.${path.key}` : '');

/** An error's path as the linked form graphql-js gives resolvers (an item that never resolved still gets its node). */
const asPath = (keys: ReadonlyArray<string | number>): Path =>
  keys.reduce<Path | undefined>((prev, key) => ({ prev, key, typename: undefined }), undefined)!;

function timestamp(date: Date): google.protobuf.Timestamp {
  const ms = date.getTime();
  return new google.protobuf.Timestamp({ seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 });
}

/** An error as the trace keeps it: where and which code, not the message. */
export interface TracedError {
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: { code?: unknown };
}

/** One request's tree of field timings. */
export class FieldTimings {
  private readonly startedAt = new Date();
  private readonly start = process.hrtime.bigint();
  private readonly root = new Trace.Node();
  private readonly nodes = new Map<string, Trace.Node>([['', this.root]]);

  private elapsedNs(): number {
    return Number(process.hrtime.bigint() - this.start);
  }

  /** The node of a response path, with its parents (list items are nodes with an index). */
  private nodeAt(path: Path): Trace.Node {
    const key = pathKey(path);
    const known = this.nodes.get(key);
    if (known) return known;
    const node = new Trace.Node(typeof path.key === 'number' ? { index: path.key } : { responseName: path.key });
    this.nodes.set(key, node);
    (path.prev ? this.nodeAt(path.prev) : this.root).child.push(node);
    return node;
  }

  /** Marks a field's start; the returned function marks its end. */
  fieldStarted(info: GraphQLResolveInfo): () => void {
    const node = this.nodeAt(info.path);
    node.type = String(info.returnType);
    node.parentType = info.parentType.name;
    node.startTime = this.elapsedNs();
    if (info.path.key !== info.fieldName) node.originalFieldName = info.fieldName;
    return () => {
      node.endTime = this.elapsedNs();
    };
  }

  /** The trace, base64, with the request's errors attached to their fields (or to the root). */
  encode(errors: readonly TracedError[] = []): string {
    for (const error of errors) {
      const node = error.path?.length ? this.nodeAt(asPath(error.path)) : this.root;
      const code = error.extensions?.code;
      node.error.push(
        new Trace.Error({
          message: '<masked>',
          location: (error.locations ?? []).map(({ line, column }) => new Trace.Location({ line, column })),
          json: JSON.stringify({ message: '<masked>', path: error.path, extensions: typeof code === 'string' ? { code } : {} }),
        }),
      );
    }
    const trace = new Trace({
      root: this.root,
      startTime: timestamp(this.startedAt),
      endTime: timestamp(new Date()),
      durationNs: this.elapsedNs(),
      fieldExecutionWeight: 1,
    });
    return Buffer.from(Trace.encode(trace).finish()).toString('base64');
  }
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function';

function timed(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const timings = (context as { [FIELD_TIMINGS]?: FieldTimings } | null)?.[FIELD_TIMINGS];
    if (!timings) return resolve(source, args, context, info);
    const done = timings.fieldStarted(info);
    let result: unknown;
    try {
      result = resolve(source, args, context, info);
    } catch (error) {
      done();
      throw error;
    }
    if (!isPromiseLike(result)) {
      done();
      return result;
    }
    return Promise.resolve(result).then(
      (value) => (done(), value),
      (error: unknown) => {
        done();
        throw error;
      },
    );
  };
}

/** Wraps every field resolver of the schema's object types (in place, once) so traced requests time them. */
export function timeFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) field.resolve = timed(field.resolve ?? defaultFieldResolver);
  }
  return schema;
}

/** Whether a request asked for an inline trace. */
export const wantsTrace = (headers: Record<string, string | string[] | undefined>): boolean => headers[TRACE_HEADER] === 'ftv1';
