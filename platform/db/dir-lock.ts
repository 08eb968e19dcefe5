/**
 * PGlite is single-process: two processes writing one data directory would corrupt it.
 * A pid file beside the directory makes the second opener fail with a clear message instead.
 */
import { readFileSync, writeFileSync, unlinkSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DatabaseBusyError extends Error {
  constructor(dir: string, readonly pid: number) {
    super(`The embedded database ${dir} is in use by process ${pid}; stop it first or set DATABASE_URL.`);
    this.name = 'DatabaseBusyError';
  }
}

/** Takes the lock for `dir`; returns its release function. */
export function acquireDirLock(dir: string): () => void {
  const file = `${resolve(dir)}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder !== process.pid && alive(holder)) throw new DatabaseBusyError(dir, holder);
    writeFileSync(file, String(process.pid)); // stale lock from a crashed process
  }
  return () => {
    try {
      unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
}
