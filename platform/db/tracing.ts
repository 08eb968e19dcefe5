/**
 * A CLIENT span per SQL statement, on both drivers, when traces are on (platform/tracing.ts).
 * The drivers' own `query` (and PGlite's `exec` and transaction handles) are wrapped on the
 * instances the hub opened, never on a prototype: other pools in the process are untouched.
 * Only statements run inside a trace get a span: the change feed's polling and other background
 * work would otherwise start a new trace every second.
 */
import type { Attributes } from '@opentelemetry/api';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { inSpan, inTrace, tracerOf } from '../tracing.js';

/** Long enough for any statement the stores write; a bulk insert's text is cut, not its span. */
const MAX_TEXT = 2_000;

const tracer = tracerOf('db');

function attributesOf(text: string, driver: 'pglite' | 'pg'): Attributes {
  return {
    'db.system.name': 'postgresql',
    'db.query.text': text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text,
    'ror.db.driver': driver,
  };
}

/** `SELECT`, `INSERT`…: the statement's first word names the span (semantic conventions: low cardinality). */
function spanName(text: string): string {
  return /^\s*(?:\/\*[\s\S]*?\*\/\s*)?([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? 'SQL';
}

function traced<T>(text: string | undefined, driver: 'pglite' | 'pg', run: () => Promise<T>): Promise<T> {
  if (text === undefined || !inTrace()) return run();
  return inSpan(tracer, spanName(text), { client: true, attributes: attributesOf(text, driver) }, run);
}

/** Wraps a node-postgres `query` (pool or client); its callback and streaming forms are left as they are. */
function tracePgQuery<T extends pg.Pool | pg.PoolClient>(target: T): void {
  const query = target.query.bind(target) as (...args: unknown[]) => unknown;
  target.query = ((...args: unknown[]) => {
    const [first] = args;
    // pg-pool's own query calls the client's with a callback: one span, not two. The hub streams nothing.
    if (typeof args.at(-1) === 'function' || (typeof first === 'object' && first !== null && 'submit' in first)) return query(...args);
    const text = typeof first === 'string' ? first : (first as { text?: string } | null)?.text;
    return traced(text, 'pg', () => query(...args) as Promise<unknown>);
  }) as T['query'];
}

/** Wraps the pool's `query` and that of every client it connects (transactions check one out). */
export function tracePgPool(pool: pg.Pool): void {
  tracePgQuery(pool);
  pool.on('connect', (client) => tracePgQuery(client));
}

type Queryable = Pick<PGlite | Transaction, 'query' | 'exec'>;

function traceQueryable<T extends Queryable>(target: T): T {
  const query = target.query.bind(target);
  const exec = target.exec.bind(target);
  target.query = ((text: string, ...rest: unknown[]) => traced(text, 'pglite', () => (query as (...a: unknown[]) => Promise<unknown>)(text, ...rest))) as T['query'];
  target.exec = ((text: string, ...rest: unknown[]) => traced(text, 'pglite', () => (exec as (...a: unknown[]) => Promise<unknown>)(text, ...rest))) as T['exec'];
  return target;
}

/** Wraps PGlite's `query` and `exec`, and those of each transaction handle it gives out. */
export function tracePglite(client: PGlite): void {
  traceQueryable(client);
  const transaction = client.transaction.bind(client);
  client.transaction = (<T>(callback: (tx: Transaction) => Promise<T>) => transaction((tx) => callback(traceQueryable(tx)))) as typeof client.transaction;
}
