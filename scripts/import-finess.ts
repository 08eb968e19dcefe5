/**
 * `npm run import:finess -- FILE [--partial] [--dry-run] [--json] [--hub URL] [--token T]`: loads
 * a FINESS extract (official `etalab-cs1100507` layout or the demo CSV) into the offer schema. See
 * docs/finess-import.md. The report goes to stdout, progress to stderr. When a running hub holds
 * the embedded database, the file is sent to it instead (POST /imports/finess, with --token or
 * ROR_TOKEN), and the hub's report is printed the same way.
 *
 * Exit codes: 0 imported (or clean dry run, or --partial), 1 rows rejected so nothing written,
 * 2 could not run (usage, unreadable file, configuration, database busy or unreachable).
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/client.js';
import { DatabaseBusyError } from '../platform/db/dir-lock.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { CHANGE_FEED_MIGRATIONS } from '../platform/changes/migrations.js';
import { decodeFiness } from '../subgraphs/offer/finess/parse.js';
import { cliActor, exitCodeOf, formatReport, importFiness, type FinessImportReport } from '../subgraphs/offer/finess/import.js';

const USAGE = 'usage: npm run import:finess -- FILE [--partial] [--dry-run] [--json] [--hub URL] [--token TOKEN]';
const OFFER_MIGRATIONS = fileURLToPath(new URL('../subgraphs/offer/migrations', import.meta.url));

/** Progress on stderr: a redrawn bar on a terminal, a plain line every 10 % otherwise. */
export function progressPrinter(stream: NodeJS.WriteStream): (done: number, total: number) => void {
  let lastStep = -1;
  return (done, total) => {
    if (total === 0) return;
    const pct = Math.floor((done / total) * 100);
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\rwriting [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${done}/${total}${done === total ? '\n' : ''}`);
    } else if (Math.floor(pct / 10) > lastStep || done === total) {
      lastStep = Math.floor(pct / 10);
      stream.write(`writing: ${pct}% (${done}/${total})\n`);
    }
  };
}

interface Output {
  file: string;
  json: boolean;
}

function printReport(report: FinessImportReport, seconds: number, out: Output): void {
  if (out.json) process.stdout.write(`${JSON.stringify({ file: out.file, ...report, seconds }, null, 2)}\n`);
  else {
    process.stdout.write(formatReport(report, out.file));
    process.stdout.write(`${report.rows} rows in ${seconds.toFixed(2)} s (${Math.round(report.rows / Math.max(seconds, 1e-3))} rows/s)\n`);
  }
}

/** Who runs the command, for the audit trail: the OS account (some containers have no passwd entry for it). */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.LOGNAME ?? 'unknown';
  }
}

export interface HubImport {
  /** The gateway's base URL, e.g. http://127.0.0.1:4000. */
  hub: string;
  /** An access token, bare or as `Bearer …`. */
  token: string;
  partial: boolean;
  dryRun: boolean;
}

/** Sends the file to a running hub (POST /imports/finess through the gateway); returns the exit code. */
export async function importThroughHub(bytes: Uint8Array, options: HubImport, out: Output): Promise<number> {
  const url = new URL('/imports/finess', options.hub);
  url.search = new URLSearchParams({ partial: String(options.partial), dryRun: String(options.dryRun) }).toString();
  const authorization = /^bearer /i.test(options.token) ? options.token : `Bearer ${options.token}`;
  process.stderr.write(`sent ${bytes.byteLength} bytes, waiting for the hub's report\n`);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'application/octet-stream' }, body: bytes });
  } catch (error) {
    process.stderr.write(`no hub answers at ${options.hub} (${(error as Error).message}); pass --hub URL\n`);
    return 2;
  }
  const body = (await response.json().catch(() => null)) as (FinessImportReport & { seconds: number }) | { error?: { code?: string; message?: string } } | null;
  if ((response.status === 200 || response.status === 422) && body && 'rows' in body) {
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
      options: {
        partial: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
        hub: { type: 'string' },
        token: { type: 'string' },
      },
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
  let text: string;
  try {
    bytes = readFileSync(file);
    text = decodeFiness(bytes);
  } catch (error) {
    process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const config = loadConfig();
  let db;
  try {
    db = await openDatabase(config.database);
  } catch (error) {
    if (error instanceof DatabaseBusyError) {
      // The hub holds the data directory: send it the file instead.
      const token = args.values.token ?? process.env.ROR_TOKEN;
      if (!token) {
        process.stderr.write(
          `The hub (process ${error.pid}) is running on this embedded database: pass --token (TOKEN=$(npm run -s token -- --user admin.ars)) to import through it, or stop it.\n`,
        );
        return 2;
      }
      const hub = args.values.hub ?? `http://127.0.0.1:${config.gatewayPort || 4000}`;
      const options = { hub, token, partial: args.values.partial ?? false, dryRun: args.values['dry-run'] ?? false };
      return importThroughHub(bytes, options, { file, json: args.values.json ?? false });
    }
    process.stderr.write(`cannot open the database: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    await applyMigrations(db, 'feed', CHANGE_FEED_MIGRATIONS); // the import appends its changes to the feed
    await applyMigrations(db, 'offer', OFFER_MIGRATIONS);
    const started = performance.now();
    const report = await importFiness(db, text, {
      partial: args.values.partial ?? false,
      dryRun: args.values['dry-run'] ?? false,
      onProgress: progressPrinter(process.stderr),
      actor: cliActor(osUser()),
    });
    printReport(report, (performance.now() - started) / 1000, { file, json: args.values.json ?? false });
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
