/**
 * Starts one hub per database kind for the whole run; test files reach them by URL only (real
 * clients), through `inject('hubs')`. Files needing a special hub start their own, from the
 * run's seeded databases prepared here first (helpers/hub.ts, docs/testing.md).
 */
import type { TestProject } from 'vitest/node';
import { databaseKinds, prepareDatabaseCopies, startTestHub, type DatabaseKind } from './helpers/hub.js';
import { ensureConsoleBuilt } from '../web/build/build.js';
import { ensureHubBuilt } from '../scripts/runtime/hub-build.js';

export interface HubUrls {
  graphql: string;
  fhir: string;
  subgraphs: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    hubs: Partial<Record<DatabaseKind, HubUrls>>;
  }
}

export default async function setup(project: TestProject) {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  // The console once per run (only when its sources changed), while the databases are prepared:
  // the hubs serve it and the browser tests open it. The hub's production build likewise: the
  // files that run `npm start` find it built.
  const [dropCopies] = await Promise.all([prepareDatabaseCopies(databaseKinds()), ensureConsoleBuilt(), ensureHubBuilt()]);
  const hubs = await Promise.all(databaseKinds().map((kind) => startTestHub(kind)));
  project.provide('hubs', Object.fromEntries(hubs.map((h) => [h.kind, h.urls])));
  return async () => {
    for (const hub of hubs) await hub.close();
    await dropCopies();
  };
}
