/**
 * Multi-row inserts in chunks: Postgres caps bind parameters at 65,535 per statement. Between two
 * chunks the event loop gets a turn: PGlite answers in process without any I/O, so a chain of
 * chunks (the first daily snapshot of 30,000 units: 60 of them) otherwise held the hub's thread for
 * 5–8 s, with every socket, timer and request of the hub waiting behind it.
 */
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Orm } from './client.js';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function insertInChunks<T extends PgTable>(
  orm: Orm,
  table: T,
  rows: Array<T['$inferInsert']>,
  chunkSize = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    if (i > 0) await turn();
    await orm.insert(table).values(rows.slice(i, i + chunkSize));
  }
}
