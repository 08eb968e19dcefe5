/**
 * PGlite is single-process: two processes writing one data directory would corrupt it.
 * A lock file beside the directory makes the second opener fail with a clear message instead.
 *
 * The file names its holder by PID, start time and boot id (Linux /proc), so a lock left by a
 * crashed hub whose PID was since reused by another process (PIDs wrap, containers restart at 1)
 * is recognised as stale and taken over, while a live holder still refuses the directory (docs/decisions.md, stale lock takeover).
 * The lock is removed when its holder closes the database, and by an exit hook on every other
 * way out of the process (forced shutdown, process.exit after a fatal error).
 */
import { readFileSync, writeFileSync, unlinkSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** What a lock file says about its holder. Locks of older versions hold the bare PID. */
export interface LockHolder {
  pid: number;
  /** Start time of the process (clock ticks since boot, /proc/<pid>/stat field 22); null off Linux. */
  startTime: string | null;
  /** /proc/sys/kernel/random/boot_id at the time: a start time only means something within one boot. */
  bootId: string | null;
}

/** Why a lock was taken over: its holder is gone, or its PID now belongs to another process. */
export interface StaleLock {
  file: string;
  holder: LockHolder;
  reason: 'dead' | 'reused';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses, so fields are counted after its last ')'. */
export function processStartTime(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

function bootId(): string | null {
  return readProc('/proc/sys/kernel/random/boot_id')?.trim() ?? null;
}

function currentHolder(): LockHolder {
  return { pid: process.pid, startTime: processStartTime(process.pid), bootId: bootId() };
}

function parseHolder(text: string): LockHolder {
  if (/^\s*\d+\s*$/.test(text)) return { pid: Number(text), startTime: null, bootId: null };
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isInteger(parsed.pid)) return { pid: parsed.pid as number, startTime: parsed.startTime ?? null, bootId: parsed.bootId ?? null };
  } catch {
    /* unreadable: treated as stale below */
  }
  return { pid: 0, startTime: null, bootId: null };
}

/**
 * Whether the holder still runs. A PID alone can be reused: when the lock recorded a start time,
 * the live process must have the same one (same boot); a lock of an older version (bare PID) is
 * kept by any Node.js process, and only another kind of program is taken as a reused PID.
 */
function staleness(holder: LockHolder): StaleLock['reason'] | null {
  if (holder.pid <= 0 || !alive(holder.pid)) return 'dead';
  if (holder.startTime && holder.bootId) {
    const now = processStartTime(holder.pid);
    if (now === null) return null; // no /proc to compare with: trust the live PID
    return holder.bootId !== bootId() || holder.startTime !== now ? 'reused' : null;
  }
  const cmdline = readProc(`/proc/${holder.pid}/cmdline`);
  if (cmdline === null) return null;
  const program = cmdline.split('\0')[0]?.split('/').pop() ?? '';
  return /^node(js)?(\d+)?$/.test(program) ? null : 'reused';
}

export class DatabaseBusyError extends Error {
  readonly pid: number;
  constructor(dir: string, pid: number) {
    super(`The embedded database ${dir} is in use by process ${pid}; stop it first or set DATABASE_URL.`);
    this.pid = pid;
    this.name = 'DatabaseBusyError';
  }
}

function readLock(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Throws DatabaseBusyError when a live process holds `dir`'s lock, without taking it: `npm start`
 * asks before loading the hub's modules, so a second hub on one directory is refused at once.
 */
export function assertDirLockFree(dir: string): void {
  const text = readLock(`${resolve(dir)}.lock`);
  if (text === null) return;
  const holder = parseHolder(text);
  if (holder.pid !== process.pid && !staleness(holder)) throw new DatabaseBusyError(dir, holder.pid);
}

/** Lock files this process holds, removed at exit whatever the way out. */
const held = new Set<string>();
let exitHookInstalled = false;

function removeIfOurs(file: string): void {
  held.delete(file);
  const text = readLock(file);
  try {
    if (text !== null && parseHolder(text).pid === process.pid) unlinkSync(file);
  } catch {
    /* already gone */
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' runs synchronous code only, which is all removing a file takes.
  process.on('exit', () => {
    for (const file of [...held]) removeIfOurs(file);
  });
}

/**
 * Takes the lock for `dir`; returns its release function. A stale lock (see staleness) is taken
 * over after `onStale` is told; a live holder makes it throw DatabaseBusyError.
 */
export function acquireDirLock(dir: string, onStale: (stale: StaleLock) => void = () => {}): () => void {
  const file = `${resolve(dir)}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  const record = JSON.stringify(currentHolder());
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, record, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw error;
    }
    const text = readLock(file);
    if (text === null) continue; // removed meanwhile: try again
    const holder = parseHolder(text);
    if (holder.pid !== process.pid) {
      const reason = staleness(holder);
      if (!reason) throw new DatabaseBusyError(dir, holder.pid);
      onStale({ file, holder, reason });
    }
    // Removed only if still the stale one, then created exclusively again: of two processes
    // taking over at once, one wins and the other finds a live holder.
    if (readLock(file) === text) {
      try {
        unlinkSync(file);
      } catch {
        /* the other one removed it */
      }
    }
  }
  held.add(file);
  installExitHook();
  return () => removeIfOurs(file);
}
