/** What every subgraph module exports, so entry scripts can migrate, seed and serve any of them alike. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ResolverMap } from './resolver-maps.js';
import { fileURLToPath } from 'node:url';
import type { DocumentNode } from 'graphql';
import { loadSubgraphSdl } from './sdl.js';
import type { HubConfig, SubgraphName } from './config.js';
import type { Database } from './db/client.js';
import type { Logger } from './logger.js';
import type { Identity } from './auth/identity.js';
import type { ChangeFeed } from './changes/feed.js';
import { buildSubgraphApp } from './subgraph-app.js';
import { metricsAccess } from './observability.js';
import { announceSubgraph } from './subgraph-client.js';

export interface SubgraphDeps {
  db: Database;
  logger: Logger;
  config: HubConfig;
  /** Key that verifies the identity envelope the gateway forwards. */
  internalSecret: string;
  /** The process's live change feed (writers append with platform/changes/append.ts). */
  feed: ChangeFeed;
}

export interface SubgraphModule<SeedInput> {
  name: SubgraphName;
  typeDefs: DocumentNode;
  /** Folder of the committed drizzle-kit migrations of this subgraph's own Postgres schema. */
  migrationsFolder: string;
  /** A Fastify app serving the subgraph at /graphql, not yet listening. */
  build(deps: SubgraphDeps): Promise<FastifyInstance>;
  /** Loads demo data once: does nothing (returns false) when the subgraph already holds data. */
  seed(db: Database, input: SeedInput): Promise<boolean>;
}


export interface SubgraphSpec<Ctx, SeedInput> {
  name: SubgraphName;
  /** The subgraph's migrations folder, as a URL relative to its module. */
  migrations: URL;
  resolvers: ResolverMap<Ctx>;
  /** Given the dependencies once, returns the per-request context factory. */
  context: (deps: SubgraphDeps) => (request: FastifyRequest, identity: Identity) => Ctx;
  /** Extra routes, hooks or background jobs of this subgraph (each closes with the app). */
  extend?: (app: FastifyInstance, deps: SubgraphDeps) => Promise<void>;
  /** Route prefixes of `extend` that authenticate by their own means, reached without an envelope (platform/subgraph-gate.ts). */
  openPrefixes?: readonly string[];
  seed(db: Database, input: SeedInput): Promise<boolean>;
}

/** Builds the module every subgraph exports from its few specific parts. */
export function defineSubgraph<Ctx, SeedInput>(spec: SubgraphSpec<Ctx, SeedInput>): SubgraphModule<SeedInput> {
  const typeDefs = loadSubgraphSdl(spec.name); // schemas/<name>.graphql and its parts (platform/sdl.ts)
  return {
    name: spec.name,
    typeDefs,
    migrationsFolder: fileURLToPath(spec.migrations),
    build: async (deps) => {
      const app = await buildSubgraphApp<Ctx>({
        name: spec.name,
        typeDefs,
        resolvers: spec.resolvers,
        logger: deps.logger,
        internalSecret: deps.internalSecret,
        limits: deps.config.graphqlLimits,
        context: spec.context(deps),
        ready: () => deps.db.ping(),
        metrics: metricsAccess(deps.config),
        openPrefixes: spec.openPrefixes,
      });
      announceSubgraph(app, deps.config, spec.name); // other subgraphs of this process find it here
      if (spec.extend) await spec.extend(app, deps);
      return app;
    },
    seed: spec.seed,
  };
}
