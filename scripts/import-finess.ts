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
import { databaseOrHub, printReport as printImportReport, progressPrinter, runCommand, sendToHub, type CommandIo, type HubAnswer, type HubTarget, type ReportOutput, PROCESS_IO } from './lib/import-cli.js';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { CHANGE_FEED_MIGRATIONS } from '../platform/changes/migrations.js';
import { decodeFiness } from '../subgraphs/offer/finess/parse.js';
import { cliActor, exitCodeOf, formatReport, importFiness, type FinessImportReport } from '../subgraphs/offer/finess/import.js';

const USAGE = 'usage: npm run import:finess -- FILE [--partial] [--dry-run] [--json] [--hub URL] [--token TOKEN]';
const OFFER_MIGRATIONS = fileURLToPath(new URL('../subgraphs/offer/migrations', import.meta.url));

type Output = ReportOutput;

function printReport(report: FinessImportReport, seconds: number, out: Output, io: CommandIo): void {
  printImportReport(report, seconds, out, formatReport, report.rows, 'rows', io);
}

/** Who runs the command, for the audit trail: the OS account (some containers have no passwd entry for it). */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.LOGNAME ?? 'unknown'; // the OS account, not a setting: never from io.env
  }
}

export interface HubImport extends HubTarget {
  partial: boolean;
  dryRun: boolean;
}

const isReport = (body: unknown): body is HubAnswer<FinessImportReport> => typeof body === 'object' && body !== null && 'rows' in body;

/** Sends the file to a running hub (POST /imports/finess through the gateway); returns the exit code. */
export function importThroughHub(bytes: Uint8Array, options: HubImport, out: Output, io: CommandIo = PROCESS_IO): Promise<number> {
  const query = { partial: String(options.partial), dryRun: String(options.dryRun) };
  return sendToHub(
    bytes,
    { ...options, path: '/imports/finess', query },
    isReport,
    (report, seconds) => {
      printReport(report, seconds, out, io);
      return exitCodeOf(report);
    },
    io,
  );
}

export async function main(argv: string[], io: CommandIo = PROCESS_IO): Promise<number> {
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
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const file = args.positionals[0];
  if (args.values.help || !file || args.positionals.length > 1) {
    io.stderr.write(`${USAGE}\n`);
    return args.values.help ? 0 : 2;
  }
  let bytes: Buffer;
  let text: string;
  try {
    bytes = readFileSync(file);
    text = decodeFiness(bytes);
  } catch (error) {
    io.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const config = loadConfig(io.env);
  const partial = args.values.partial ?? false;
  const dryRun = args.values['dry-run'] ?? false;
  // When the hub holds the embedded database, the file goes to it instead.
  const db = await databaseOrHub(
    config,
    { hub: args.values.hub, token: args.values.token },
    (target) => importThroughHub(bytes, { ...target, partial, dryRun }, { file, json: args.values.json ?? false }, io),
    io,
  );
  if (typeof db === 'number') return db;
  try {
    await applyMigrations(db, 'feed', CHANGE_FEED_MIGRATIONS); // the import appends its changes to the feed
    await applyMigrations(db, 'offer', OFFER_MIGRATIONS);
    const started = performance.now();
    const report = await importFiness(db, text, {
      partial,
      dryRun,
      onProgress: progressPrinter(io.stderr),
      actor: cliActor(osUser()),
    });
    printReport(report, (performance.now() - started) / 1000, { file, json: args.values.json ?? false }, io);
    return exitCodeOf(report);
  } finally {
    await db.close();
  }
}

runCommand(import.meta.url, (argv) => main(argv));
