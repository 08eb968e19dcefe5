/**
 * At most `max` pieces of work at once; the others wait their turn, first come first served. For
 * the identity lookups (resolve-identity.ts): a lookup's timeout should measure the subgraph's
 * answer, not the queue of a thousand others sent at the same moment.
 */
export interface Limiter {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createLimiter(max: number): Limiter {
  let active = 0;
  const waiting: Array<() => void> = [];
  return {
    run: async (work) => {
      // A finished piece hands its slot straight to the next waiting one (active stays the same).
      if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      else active += 1;
      try {
        return await work();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else active -= 1;
      }
    },
  };
}
