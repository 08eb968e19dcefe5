/**
 * Row reads by key shared by every caller of one window, until the event loop's next turn (D219). Concurrent
 * requests that read the same rows — the executions of one subscription event each send their own
 * entity fetch, with another identity or selection — make one statement instead of one each.
 *
 * The statement starts when the window closes (a timer window of 2 ms shared no more in the bench,
 * and delayed every read), after every caller in it asked: a caller never gets
 * a row read before its own request began (unlike reusing a read already in flight), so what each
 * sees is as fresh as its own statement would have been. Only rows are shared: whatever depends
 * on the caller's identity (visibility, masking) is applied by each caller after the read.
 */

export interface SharedReadsOptions {
  /** Keys of one statement at most; a batch that would grow past it starts now. */
  maxKeys: number;
}

interface Waiter<R> {
  keys: readonly string[];
  resolve: (rows: R[]) => void;
  reject: (error: unknown) => void;
}

interface Batch<R> {
  keys: Set<string>;
  waiters: Array<Waiter<R>>;
  timer: NodeJS.Immediate;
}

/**
 * `read(keys)` returns the rows of these keys (absent keys: no row); the returned function gives
 * each caller the rows of its own keys, in the order `read` returned them.
 */
export function sharedReads<R>(read: (keys: string[]) => Promise<R[]>, keyOf: (row: R) => string, options: SharedReadsOptions) {
  let open: Batch<R> | null = null;

  function run(batch: Batch<R>): void {
    if (open === batch) open = null;
    clearImmediate(batch.timer);
    read([...batch.keys]).then(
      (rows) => {
        for (const w of batch.waiters) {
          const wanted = new Set(w.keys);
          w.resolve(rows.filter((r) => wanted.has(keyOf(r))));
        }
      },
      (error: unknown) => {
        for (const w of batch.waiters) w.reject(error);
      },
    );
  }

  function start(): Batch<R> {
    const batch = { keys: new Set<string>(), waiters: [] } as unknown as Batch<R>;
    batch.timer = setImmediate(() => run(batch));
    return batch;
  }

  return (keys: readonly string[]): Promise<R[]> => {
    if (keys.length === 0) return Promise.resolve([]);
    if (keys.length > options.maxKeys) return read([...keys]); // alone above the bound: nothing to share
    if (open && open.keys.size + keys.length > options.maxKeys) run(open);
    const batch = (open ??= start());
    for (const k of keys) batch.keys.add(k);
    return new Promise<R[]>((resolve, reject) => batch.waiters.push({ keys, resolve, reject }));
  };
}
