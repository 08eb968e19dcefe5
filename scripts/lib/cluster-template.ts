/**
 * A migrated, empty embedded cluster kept once per checkout (issue 16, D205): a first
 * start on a new data directory spends most of its time creating the PGlite cluster (initdb in
 * WebAssembly, about 4.5 s of CPU) and migrating it. The first start that does so writes the
 * migrated cluster to .build/pglite/<hash>.tar, before the demo seed; a later first start (another
 * data directory, the image's containers) unpacks that file into the new directory instead
 * (PGlite's `loadDataDir`, as the tests' copies: docs/testing.md § Copies). The name is a hash of
 * every migration folder and the lock file (it pins PGlite), so a new migration or PGlite version
 * makes a new template; the hub's migrations still run against it and apply what is missing.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HubConfig } from '../../platform/config.js';
import type { Database } from '../../platform/db/client.js';
import { hashFiles } from '../../platform/files-hash.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TEMPLATES = join(ROOT, '.build', 'pglite');
/** Where migrations live: every folder of that name under these. */
const OWNERS = ['platform', 'subgraphs', 'fhir'];

function migrationFolders(path: string): string[] {
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => (entry.name === 'migrations' ? [join(path, entry.name)] : migrationFolders(join(path, entry.name))));
}

/** The template's file for the current migrations and PGlite. */
export function templateFile(): string {
  const inputs = [...OWNERS.flatMap((owner) => migrationFolders(join(ROOT, owner))), join(ROOT, 'package-lock.json')];
  return join(TEMPLATES, `${hashFiles(ROOT, inputs).slice(0, 16)}.tar`);
}

export interface ClusterTemplate {
  /** The configuration to open the database with: from the template when there is one to use. */
  config: HubConfig;
  /** Set when this start creates the cluster itself: where to write it once migrated. */
  saveTo?: string;
}

/** Only for an embedded database on disk whose directory holds no cluster yet; anything else is left as it is. */
export function clusterTemplate(config: HubConfig): ClusterTemplate {
  const { database } = config;
  if (database.kind !== 'pglite' || !database.dataDir || database.loadFrom || existsSync(join(database.dataDir, 'PG_VERSION'))) return { config };
  const file = templateFile();
  if (existsSync(file)) return { config: { ...config, database: { ...database, loadFrom: file } } };
  return { config, saveTo: file };
}

/** Writes the migrated cluster to `file` (another process's copy, written at the same time, wins alike). */
export async function saveTemplate(db: Database, file: string): Promise<void> {
  if (!db.dump) return;
  mkdirSync(TEMPLATES, { recursive: true });
  const work = `${file}.tmp-${process.pid}`;
  try {
    await db.dump(work);
    renameSync(work, file);
  } finally {
    rmSync(work, { force: true });
  }
}
