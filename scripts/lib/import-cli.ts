/**
 * What the file-import commands (`import:finess`, `import:rpu`) share: writing straight to the
 * database when it is free, or, when a running hub holds the embedded database, sending the file
 * to that hub's import route with a token and printing its report.
 */
import { pathToFileURL } from 'node:url';
import type { HubConfig } from '../../platform/config.js';
import { openDatabase, type Database } from '../../platform/db/client.js';
import { DatabaseBusyError } from '../../platform/db/dir-lock.js';

/**
 * Where a command reads its environment and writes: the process's own, or a test's when it calls
 * the command's `main` in its own process (test/helpers/cli.ts runMain).
 */
export interface CommandIo {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export const PROCESS_IO: CommandIo = { env: process.env, stdout: process.stdout, stderr: process.stderr };

export interface HubTarget {
  /** The gateway's base URL, e.g. http://127.0.0.1:4000. */
  hub: string;
  /** An access token, bare or as `Bearer …`. */
  token: string;
}

/** The hub's answer when it ran the import: its report, with the time it took. */
export type HubAnswer<R> = R & { seconds: number };

/**
 * POSTs the file to `path` on the hub; hands a 200/422 report to `done` (which prints it and
 * returns the exit code), anything else is an exit code 2 with the hub's reason on stderr.
 */
export async function sendToHub<R>(
  bytes: Uint8Array,
  target: HubTarget & { path: string; query: Record<string, string> },
  isReport: (body: unknown) => body is HubAnswer<R>,
  done: (report: R, seconds: number) => number,
  io: CommandIo = PROCESS_IO,
): Promise<number> {
  const url = new URL(target.path, target.hub);
  url.search = new URLSearchParams(target.query).toString();
  const authorization = /^bearer /i.test(target.token) ? target.token : `Bearer ${target.token}`;
  io.stderr.write(`sent ${bytes.byteLength} bytes, waiting for the hub's report\n`);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'application/octet-stream' }, body: bytes });
  } catch (error) {
    io.stderr.write(`no hub answers at ${target.hub} (${(error as Error).message}); pass --hub URL\n`);
    return 2;
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if ((response.status === 200 || response.status === 422) && isReport(body)) {
    const { seconds, ...report } = body;
    return done(report as unknown as R, seconds);
  }
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  io.stderr.write(`the hub refused the import (HTTP ${response.status}${error?.code ? ` ${error.code}` : ''}): ${error?.message ?? response.statusText}\n`);
  return 2;
}

/**
 * The database, or — when a running hub holds the embedded one — the exit code of `throughHub`
 * (given the hub URL and token; without a token, a message saying how to get one, exit 2).
 */
export async function databaseOrHub(
  config: HubConfig,
  options: { hub?: string; token?: string },
  throughHub: (target: HubTarget) => Promise<number>,
  io: CommandIo = PROCESS_IO,
): Promise<Database | number> {
  try {
    return await openDatabase(config.database);
  } catch (error) {
    if (!(error instanceof DatabaseBusyError)) {
      io.stderr.write(`cannot open the database: ${(error as Error).message}\n`);
      return 2;
    }
    const token = options.token ?? io.env.ROR_TOKEN;
    if (!token) {
      io.stderr.write(
        `The hub (process ${error.pid}) is running on this embedded database: pass --token (TOKEN=$(npm run -s token -- --user admin.ars)) to import through it, or stop it.\n`,
      );
      return 2;
    }
    return throughHub({ hub: options.hub ?? config.hubUrl, token });
  }
}

/** Progress on stderr: a redrawn bar on a terminal, a plain line every 10 % otherwise. */
export function progressPrinter(stream: CommandIo['stderr']): (done: number, total: number) => void {
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

/** Runs `main` when the file is the command itself (not imported by a test), with exit code 2 on a crash. */
export function runCommand(moduleUrl: string, main: (argv: string[]) => Promise<number>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
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

export interface ReportOutput {
  file: string;
  json: boolean;
}

/** Prints a run's report: as JSON with `--json`, else the domain's text and the rate of `count` `unit`. */
export function printReport<R extends object>(
  report: R,
  seconds: number,
  out: ReportOutput,
  text: (report: R, file: string) => string,
  count: number,
  unit: string,
  io: CommandIo = PROCESS_IO,
): void {
  if (out.json) io.stdout.write(`${JSON.stringify({ file: out.file, ...report, seconds }, null, 2)}\n`);
  else {
    io.stdout.write(text(report, out.file));
    io.stdout.write(`${count} ${unit} in ${seconds.toFixed(2)} s (${Math.round(count / Math.max(seconds, 1e-3))} ${unit}/s)\n`);
  }
}
