/**
 * Where a subgraph's SDL lives: `schemas/<name>.graphql`, plus any `schemas/<name>.<part>.graphql`
 * (e.g. tensions.emergency.graphql) for a domain large enough to be split; the parts extend the
 * main file's types (`extend type Query`). The subgraphs and the composition read the same files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

export const SCHEMAS_DIR = new URL('../schemas/', import.meta.url);

/** The SDL files of subgraph `name`, main file first, then its parts by name. */
export function sdlFilesOf(name: string): URL[] {
  const parts = readdirSync(SCHEMAS_DIR)
    .filter((f) => f.startsWith(`${name}.`) && f.endsWith('.graphql') && f !== `${name}.graphql`)
    .sort();
  return [`${name}.graphql`, ...parts].map((f) => new URL(f, SCHEMAS_DIR));
}

/** The subgraph's whole SDL as one document. */
export function loadSubgraphSdl(name: string): DocumentNode {
  return parse(sdlFilesOf(name).map((url) => readFileSync(url, 'utf8')).join('\n'));
}
