/**
 * One gateway in a process of its own, for bench/gateway-hive.ts: `ror` (ROR Hub's gateway,
 * `buildGateway` without the FHIR adapter, which these queries never reach), `ror-nodedup` (the
 * same with ROR_GATEWAY_DEDUP=false), `hive` (Hive Gateway, default settings) or `hive-nodedup`
 * (Hive with its upstream in-flight deduplication off). All
 * serve the committed supergraph against the subgraphs of the bench's hub, named with the hub's
 * configuration in BENCH_GATEWAY_SETUP (JSON). Prints `listening <url>` once ready, then serves
 * until SIGTERM.
 *
 * Hive knows nothing of the hub's identities; the subgraphs answer only a signed identity
 * envelope (D125). So Hive resolves the caller's bearer token with the gateway's own identity
 * pipeline and signs the same envelope for each subgraph, through its `propagateHeaders` hook
 * (bench-only code): both gateways do the same identity work per request. Hive's deduplication
 * key holds the headers set by that hook, so it shares a fetch only between callers whose
 * envelope is the same (one identity, within the envelope's 30 s reuse), as D126 does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type SubgraphName } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { buildGateway } from '../../gateway/app.js';
import { DEFAULT_ROUTING_PORT, readCommittedSupergraph } from '../../gateway/compose.js';
import { createIdentityPipeline } from '../../gateway/identity/index.js';
import { createKeepAliveAgent, keepAliveFetcher } from '../../gateway/data-sources.js';
import { IDENTITY_HEADER } from '../../platform/auth/internal-token.js';
import type { GatewayContext } from '../../gateway/context.js';

type ChildGateway = 'ror' | 'ror-nodedup' | 'hive' | 'hive-nodedup';
const CHILD_GATEWAYS: readonly ChildGateway[] = ['ror', 'ror-nodedup', 'hive', 'hive-nodedup'];

/** What bench/gateway-hive.ts hands over (BENCH_GATEWAY_SETUP). */
interface ChildSetup {
  /** The environment the bench's hub was configured from (its internal secret, OIDC issuer…). */
  env: Record<string, string>;
  subgraphUrls: Record<SubgraphName, string>;
}

/** The committed supergraph, its routing URLs pointed at the bench's subgraphs. */
function supergraphFor(urls: Readonly<Record<SubgraphName, string>>): string {
  let sdl = readCommittedSupergraph();
  for (const [name, port] of Object.entries(DEFAULT_ROUTING_PORT)) {
    sdl = sdl.replace(`url: "http://localhost:${port}/graphql"`, `url: "${urls[name as SubgraphName]}"`);
  }
  return sdl;
}

async function startRor(setup: ChildSetup, dedup: boolean): Promise<() => Promise<void>> {
  const config = loadConfig({ ...setup.env, ROR_GATEWAY_DEDUP: String(dedup) });
  const gateway = await buildGateway({ logger: createLogger(config.logLevel), config, internalSecret: config.internalSecret!, subgraphUrls: setup.subgraphUrls });
  await gateway.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = gateway.app.server.address() as AddressInfo;
  process.stdout.write(`listening http://127.0.0.1:${port}/graphql\n`);
  return () => gateway.app.close();
}

/**
 * The little of Hive's API used here. Its own typings are not loaded: they pull the DOM library
 * (through @whatwg-node/fetch) into the whole program, which changes the global `fetch` types
 * every other file is checked against.
 */
interface HiveRuntime {
  (request: IncomingMessage, response: ServerResponse): void;
  dispose(): Promise<void> | void;
}
interface HiveModule {
  createGatewayRuntime(config: Record<string, unknown>): HiveRuntime;
}
const HIVE_PACKAGE: string = '@graphql-hive/gateway-runtime';

async function startHive(setup: ChildSetup, dedup: boolean): Promise<() => Promise<void>> {
  const { createGatewayRuntime } = (await import(HIVE_PACKAGE)) as HiveModule;
  const config = loadConfig(setup.env);
  const agent = createKeepAliveAgent();
  const identities = await createIdentityPipeline({
    config,
    internalSecret: config.internalSecret!,
    fetcher: keepAliveFetcher(agent, config.timeouts.subgraphMs),
    subgraphUrls: setup.subgraphUrls,
  });
  // One identity resolution per client request, as ROR Hub's context does; each fetch signs for its subgraph.
  const contexts = new WeakMap<Request, Promise<GatewayContext>>();
  const contextOf = (request: Request) => {
    let context = contexts.get(request);
    if (!context) {
      context = identities.forToken(request.headers.get('authorization') ?? undefined, 'bench');
      contexts.set(request, context);
    }
    return context;
  };
  const runtime = createGatewayRuntime({
    supergraph: supergraphFor(setup.subgraphUrls),
    logging: 'error',
    propagateHeaders: {
      fromClientToSubgraphs: async ({ request, subgraphName }: { request: Request; subgraphName: string }) => ({ [IDENTITY_HEADER]: await (await contextOf(request)).envelope(subgraphName) }),
    },
    ...(dedup ? {} : { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } }),
  });
  const server: Server = createServer(runtime);
  server.keepAliveTimeout = 65_000; // as ROR Hub's gateway
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening http://127.0.0.1:${port}/graphql\n`);
  return async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await runtime.dispose();
    await agent.close();
  };
}

async function main(): Promise<void> {
  const kind = process.argv[2] as ChildGateway;
  if (!CHILD_GATEWAYS.includes(kind)) throw new Error(`usage: gateway-child.ts <${CHILD_GATEWAYS.join('|')}>`);
  const setup = JSON.parse(process.env.BENCH_GATEWAY_SETUP ?? '') as ChildSetup;
  const close = kind.startsWith('ror') ? await startRor(setup, kind === 'ror') : await startHive(setup, kind === 'hive');
  process.once('SIGTERM', () => {
    close().then(() => process.exit(0), () => process.exit(1));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
