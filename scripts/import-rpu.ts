/**
 * `npm run import:rpu -- FILE [--dry-run] [--json] [--hub URL] [--token T]`: loads an RPU file
 * (OSCOUR XML or its CSV equivalent) into the tensions schema and refreshes the daily emergency
 * indicators. See docs/emergency.md. The report goes to stdout, progress to stderr; no value of a
 * passage is ever printed. When a running hub holds the embedded database, the file is sent to it
 * instead (POST /imports/rpu, with --token or ROR_TOKEN), and the hub's report is printed the same way.
 *
 * Exit codes: 0 imported (or clean dry run), 1 records rejected so nothing written,
 * 2 could not run (usage, unreadable file, configuration, database busy or unreachable).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/client.js';
import { DatabaseBusyError } from '../platform/db/dir-lock.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { CHANGE_FEED_MIGRATIONS } from '../platform/changes/migrations.js';
import { decodeRpu } from '../subgraphs/tensions/emergency/parse.js';
import { exitCodeOf, formatReport, importRpu, type RpuImportReport } from '../subgraphs/tensions/emergency/import.js';
import { progressPrinter } from './import-finess.js';

const USAGE = 'usage: npm run import:rpu -- FILE [--dry-run] [--json] [--hub URL] [--token TOKEN]';
const TENSIONS_MIGRATIONS = fileURLToPath(new URL('../subgraphs/tensions/migrations', import.meta.url));

interface Output {
  file: string;
  json: boolean;
}

function printReport(report: RpuImportReport, seconds: number, out: Output): void {
  if (out.json) process.stdout.write(`${JSON.stringify({ file: out.file, ...report, seconds }, null, 2)}\n`);
  else {
    process.stdout.write(formatReport(report, out.file));
    process.stdout.write(`${report.records} passages in ${seconds.toFixed(2)} s (${Math.round(report.records / Math.max(seconds, 1e-3))} passages/s)\n`);
  }
}

/** Sends the file to a running hub (POST /imports/rpu through the gateway); returns the exit code. */
export async function importThroughHub(bytes: Uint8Array, options: { hub: string; token: string; dryRun: boolean }, out: Output): Promise<number> {
  const url = new URL('/imports/rpu', options.hub);
  url.search = new URLSearchParams({ dryRun: String(options.dryRun) }).toString();
  const authorization = /^bearer /i.test(options.token) ? options.token : `Bearer ${options.token}`;
  process.stderr.write(`sent ${bytes.byteLength} bytes, waiting for the hub's report\n`);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'application/octet-stream' }, body: bytes });
  } catch (error) {
    process.stderr.write(`no hub answers at ${options.hub} (${(error as Error).message}); pass --hub URL\n`);
    return 2;
  }
  const body = (await response.json().catch(() => null)) as (RpuImportReport & { seconds: number }) | { error?: { code?: string; message?: string } } | null;
  if ((response.status === 200 || response.status === 422) && body && 'records' in body) {
    const { seconds, ...report } = body;
    printReport(report, seconds, out);
    return exitCodeOf(report);
  }
  const error = body && 'error' in body ? body.error : undefined;
  process.stderr.write(`the hub refused the import (HTTP ${response.status}${error?.code ? ` ${error.code}` : ''}): ${error?.message ?? response.statusText}\n`);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' }, hub: { type: 'string' }, token: { type: 'string' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const file = args.positionals[0];
  if (args.values.help || !file || args.positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return args.values.help ? 0 : 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const out = { file, json: args.values.json ?? false };
  const dryRun = args.values['dry-run'] ?? false;
  const config = loadConfig();
  let db;
  try {
    db = await openDatabase(config.database);
  } catch (error) {
    if (error instanceof DatabaseBusyError) {
      const token = args.values.token ?? process.env.ROR_TOKEN;
      if (!token) {
        process.stderr.write(
          `The hub (process ${error.pid}) is running on this embedded database: pass --token (TOKEN=$(npm run -s token -- --user admin.ars)) to import through it, or stop it.\n`,
        );
        return 2;
      }
      return importThroughHub(bytes, { hub: args.values.hub ?? `http://127.0.0.1:${config.gatewayPort || 4000}`, token, dryRun }, out);
    }
    process.stderr.write(`cannot open the database: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    await applyMigrations(db, 'feed', CHANGE_FEED_MIGRATIONS);
    await applyMigrations(db, 'tensions', TENSIONS_MIGRATIONS);
    const started = performance.now();
    // Direct mode: no offer subgraph to ask, so FINESS numbers are checked for format and key only.
    const report = await importRpu(db, decodeRpu(bytes), { dryRun, onProgress: progressPrinter(process.stderr) });
    printReport(report, (performance.now() - started) / 1000, out);
    return exitCodeOf(report);
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`import failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
