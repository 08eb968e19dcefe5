/**
 * The supergraph parsed once per process (D252). At every load, @apollo/gateway builds and
 * validates a `Supergraph` from the SDL, extracts the subgraphs again for its query planner, and
 * prints the supergraph and API schemas into graphql-js schemas: ~0.2 s of CPU per gateway (the
 * hub start's "gateway and FHIR" phase 310–440 → 58–62 ms without it). A production process runs
 * one gateway and pays it once either way; the test workers start many hubs in a run (issue 16,
 * the suite's row), each with the same committed SDL.
 *
 * Shared here, by SDL text: the `Supergraph` (it keeps its extracted subgraphs and its API schema
 * itself) and the graphql-js schemas printed from it. Their users only read them, except the
 * gateway's scalar binding, which sets the same functions whoever runs it (bindScalars).
 * `ApolloGateway.createSchemaFromSupergraphSdl` is not in its typings; when a version of
 * @apollo/gateway no longer has it (or `createServices`), the gateway is left as it is.
 */
import { Supergraph, type Schema } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';

type ToGraphQLJS = Schema['toGraphQLJSSchema'];

interface GatewayInternals {
  createSchemaFromSupergraphSdl(sdl: string): { supergraph: Supergraph; supergraphSdl: string };
  createServices(metadata: ReturnType<Supergraph['subgraphsMetadata']>): void;
}

/** By SDL text: a process loads the committed supergraph, and tests a few of their own. */
const parsed = new Map<string, Supergraph>();

/** `schema.toGraphQLJSSchema` answering each set of options once (the printed schema is read-only). */
function printOnce(schema: Schema): void {
  const print: ToGraphQLJS = schema.toGraphQLJSSchema.bind(schema);
  const printed = new Map<string, GraphQLSchema>();
  schema.toGraphQLJSSchema = (config) => {
    const key = `${config?.includeDefer ?? false} ${config?.includeStream ?? false}`;
    let result = printed.get(key);
    if (!result) printed.set(key, (result = print(config)));
    return result;
  };
}

function supergraphOf(sdl: string, validate: boolean): Supergraph {
  const key = `${validate}\u0000${sdl}`;
  let supergraph = parsed.get(key);
  if (!supergraph) {
    supergraph = Supergraph.build(sdl, { validateSupergraph: validate });
    printOnce(supergraph.schema);
    printOnce(supergraph.apiSchema());
    if (parsed.size >= 8) parsed.clear(); // a bound, should a process ever load many supergraphs
    parsed.set(key, supergraph);
  }
  return supergraph;
}

/** Makes `gateway` take its parsed supergraph from this process's (or parse it here first). */
export function parseSupergraphOnce(gateway: object, validate: boolean): void {
  const internals = gateway as Partial<GatewayInternals>;
  const { createSchemaFromSupergraphSdl, createServices } = internals;
  if (typeof createSchemaFromSupergraphSdl !== 'function' || typeof createServices !== 'function') return;
  internals.createSchemaFromSupergraphSdl = (supergraphSdl) => {
    const supergraph = supergraphOf(supergraphSdl, validate);
    createServices.call(gateway, supergraph.subgraphsMetadata()); // this gateway's data sources
    return { supergraph, supergraphSdl };
  };
}
