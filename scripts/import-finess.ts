/**
 * `npm run import:finess -- FILE [--partial] [--dry-run] [--json]`: loads a FINESS extract
 * (official `etalab-cs1100507` layout or the demo CSV) into the offer schema. See
 * docs/finess-import.md. The report goes to stdout, progress to stderr.
 *
 * Exit codes: 0 imported (or clean dry run, or --partial), 1 rows rejected so nothing written,
 * 2 could not run (usage, unreadable file, configuration, database busy or unreachable).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/client.js';
import { DatabaseBusyError } from '../platform/db/dir-lock.js';
import { applyMigrations } from '../platform/db/migrate.js';
import { decodeFiness } from '../subgraphs/offer/finess/parse.js';
import { exitCodeOf, formatReport, importFiness } from '../subgraphs/offer/finess/import.js';

const USAGE = 'usage: npm run import:finess -- FILE [--partial] [--dry-run] [--json]';
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

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { partial: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
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
  let text: string;
  try {
    text = decodeFiness(readFileSync(file));
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
      process.stderr.write(
        `The hub (process ${error.pid}) is running on this embedded database: stop it and run the import again, or run the hub on PostgreSQL (DATABASE_URL).\n`,
      );
      return 2;
    }
    process.stderr.write(`cannot open the database: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    await applyMigrations(db, 'offer', OFFER_MIGRATIONS);
    const started = performance.now();
    const report = await importFiness(db, text, {
      partial: args.values.partial ?? false,
      dryRun: args.values['dry-run'] ?? false,
      onProgress: progressPrinter(process.stderr),
    });
    const seconds = (performance.now() - started) / 1000;
    if (args.values.json) process.stdout.write(`${JSON.stringify({ file, ...report, seconds }, null, 2)}\n`);
    else {
      process.stdout.write(formatReport(report, file));
      process.stdout.write(`${report.rows} rows in ${seconds.toFixed(2)} s (${Math.round(report.rows / Math.max(seconds, 1e-3))} rows/s)\n`);
    }
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
