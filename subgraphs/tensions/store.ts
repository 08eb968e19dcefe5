/** SQL of the tensions subgraph. */
import { count, desc, inArray } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { declarations, type DeclarationRow } from './tables.js';

export function createTensionStore(orm: Orm) {
  return {
    byIds: (ids: readonly string[]): Promise<DeclarationRow[]> => orm.select().from(declarations).where(inArray(declarations.id, [...ids])),
    ofEstablishments: (establishmentIds: readonly string[]): Promise<DeclarationRow[]> =>
      orm.select().from(declarations).where(inArray(declarations.establishmentId, [...establishmentIds])).orderBy(desc(declarations.startedAt)),
    countAll: async (): Promise<number> => {
      const [row] = await orm.select({ n: count() }).from(declarations);
      return row?.n ?? 0;
    },
  };
}

export type TensionStore = ReturnType<typeof createTensionStore>;
