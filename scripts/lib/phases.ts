/**
 * Start-up phases, timed: `npm start` logs them with "ROR Hub ready" (`phases`: wall-clock
 * milliseconds of each, in order; `phasesCpu`: the process's CPU milliseconds in each, which
 * other work on the machine does not inflate), so a slow start says where its time went without
 * a profiler (issue 16).
 */
import { performance } from 'node:perf_hooks';

export interface StartupPhases {
  /** Ends the phase running since the previous mark (or the process's start) under `name`. */
  mark(name: string): void;
  /** Each phase's wall-clock milliseconds, in the order they ended. */
  readonly ms: Record<string, number>;
  /** Each phase's CPU milliseconds (user + system, every thread of the process). */
  readonly cpuMs: Record<string, number>;
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export function startupPhases(): StartupPhases {
  let last = 0; // performance.now() counts from the process's start, and so does cpuUsage()
  let lastCpu = 0;
  const ms: Record<string, number> = {};
  const cpuMs: Record<string, number> = {};
  return {
    ms,
    cpuMs,
    mark(name) {
      const now = performance.now();
      const cpu = cpuNow();
      ms[name] = Math.round(now - last);
      cpuMs[name] = Math.round(cpu - lastCpu);
      last = now;
      lastCpu = cpu;
    },
  };
}
