/**
 * Relay-style cursor pagination. Cursors are opaque (base64url JSON of the sort key) so clients
 * cannot depend on their content, and stable: they point after a row, not at an offset.
 */
import { GraphQLError } from 'graphql';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 20;

export type CursorKey = Array<string | number>;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key;
  } catch {
    /* reported below */
  }
  throw new GraphQLError('The cursor given in `after` is not one this server issued.', {
    extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
  });
}

/** Validates `first`; returns the page size to read (one more row is fetched to know if a next page exists). */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > max) {
    throw new GraphQLError(`\`first\` must be an integer between 0 and ${max}.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
    });
  }
  return size;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

/**
 * Builds a connection from `size + 1` fetched rows.
 * @param rows rows in cursor order, at most size + 1
 * @param keyOf the sort key of a row, as encoded in its cursor
 */
export function toConnection<T>(
  rows: T[],
  size: number,
  hadCursor: boolean,
  keyOf: (row: T) => CursorKey,
  totalCount: () => Promise<number>,
): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
