/**
 * The run's shared hub of a database kind (test/global-setup.ts) in the shape of a private one's
 * URLs, for a file (or a describe) that only reads the demo region through HTTP: it then starts
 * no hub and loads none of the hub's modules (docs/testing.md § Speed).
 */
import { inject } from 'vitest';
import type { DatabaseKind, TestHub } from './hub.js';

export type SharedHub = Pick<TestHub, 'kind'> & { urls: { graphql: string; fhir: string; subgraphs: Record<string, string> }; close(): Promise<void> };

export function sharedHub(kind: DatabaseKind): SharedHub {
  const urls = inject('hubs')[kind];
  if (!urls) throw new Error(`no shared ${kind} hub in this run (global setup)`);
  // The run owns it: a file's afterAll closing "its" hub leaves it running.
  return { kind, urls, close: async () => {} };
}
