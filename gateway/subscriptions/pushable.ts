/** An async iterator fed by pushes: what graphql-ws wants from `subscribe`, fed by callbacks. */
export interface Pushable<T> extends AsyncGenerator<T, void, undefined> {
  push(value: T): void;
  /** Ends the iteration (after the values already pushed), with an error when given. */
  end(error?: unknown): void;
}

export function pushable<T>(onReturn: () => void): Pushable<T> {
  const values: T[] = [];
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  const iterator: Pushable<T> = {
    push(value) {
      if (ended) return;
      values.push(value);
      signal();
    },
    end(error) {
      if (ended) return;
      ended = true;
      failure = error ?? null;
      signal();
    },
    async next() {
      for (;;) {
        if (values.length) return { value: values.shift()!, done: false };
        if (ended) {
          if (failure) throw failure;
          return { value: undefined, done: true };
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    async return() {
      if (!ended) onReturn();
      ended = true;
      values.length = 0;
      signal();
      return { value: undefined, done: true };
    },
    async throw(error) {
      await iterator.return();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
    [Symbol.asyncDispose]: async () => void (await iterator.return()),
  } as Pushable<T>;
  return iterator;
}
