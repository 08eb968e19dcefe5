/** What every subgraph module exports, so entry scripts can migrate, seed and serve any of them alike. */
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import type { SubgraphName } from './config.js';
import type { Database } from './db/client.js';
import type { Logger } from './logger.js';

export interface SubgraphDeps {
  db: Database;
  logger: Logger;
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

/** Reads a subgraph SDL file (schemas/<name>.graphql) given as a URL relative to the caller. */
export function loadTypeDefs(url: URL): DocumentNode {
  return parse(readFileSync(url, 'utf8'));
}
