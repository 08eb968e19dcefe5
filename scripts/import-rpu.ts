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
import { databaseOrHub, printReport as printImportReport, progressPrinter, runCommand, sendToHub, type CommandIo, type HubAnswer, type HubTarget, type ReportOutput, PROCESS_IO } from './lib/import-cli.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { CHANGE_FEED_MIGRATIONS } from '../platform/changes/migrations.js';
import { decodeRpu } from '../subgraphs/tensions/emergency/parse.js';
import { exitCodeOf, formatReport, importRpu, type RpuImportReport } from '../subgraphs/tensions/emergency/import.js';

const USAGE = 'usage: npm run import:rpu -- FILE [--dry-run] [--json] [--hub URL] [--token TOKEN]';
const TENSIONS_MIGRATIONS = fileURLToPath(new URL('../subgraphs/tensions/migrations', import.meta.url));

type Output = ReportOutput;

function printReport(report: RpuImportReport, seconds: number, out: Output, io: CommandIo): void {
  printImportReport(report, seconds, out, formatReport, report.records, 'passages', io);
}

const isReport = (body: unknown): body is HubAnswer<RpuImportReport> => typeof body === 'object' && body !== null && 'records' in body;

/** Sends the file to a running hub (POST /imports/rpu through the gateway); returns the exit code. */
export function importThroughHub(bytes: Uint8Array, options: HubTarget & { dryRun: boolean }, out: Output, io: CommandIo = PROCESS_IO): Promise<number> {
  return sendToHub(
    bytes,
    { ...options, path: '/imports/rpu', query: { dryRun: String(options.dryRun) } },
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
      options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' }, hub: { type: 'string' }, token: { type: 'string' } },
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
    text = decodeRpu(bytes); // refuses a file holding U+0000 (its line named) before any database work
  } catch (error) {
    io.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const out = { file, json: args.values.json ?? false };
  const dryRun = args.values['dry-run'] ?? false;
  const config = loadConfig(io.env);
  // When the hub holds the embedded database, the file goes to it instead.
  const db = await databaseOrHub(config, { hub: args.values.hub, token: args.values.token }, (target) => importThroughHub(bytes, { ...target, dryRun }, out, io), io);
  if (typeof db === 'number') return db;
  try {
    await applyMigrations(db, 'feed', CHANGE_FEED_MIGRATIONS);
    await applyMigrations(db, 'tensions', TENSIONS_MIGRATIONS);
    const started = performance.now();
    // Direct mode: no offer subgraph to ask, so FINESS numbers are checked for format and key only.
    const report = await importRpu(db, text, { dryRun, onProgress: progressPrinter(io.stderr) });
    printReport(report, (performance.now() - started) / 1000, out, io);
    return exitCodeOf(report);
  } finally {
    await db.close();
  }
}

runCommand(import.meta.url, (argv) => main(argv));
