/** Multi-row inserts in chunks: Postgres caps bind parameters at 65,535 per statement. */
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Orm } from './client.js';

export async function insertInChunks<T extends PgTable>(
  orm: Orm,
  table: T,
  rows: Array<T['$inferInsert']>,
  chunkSize = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    await orm.insert(table).values(rows.slice(i, i + chunkSize));
  }
}
