/** The SQL of nested `anyOf` criteria (platform/any-of.ts says what they mean and bounds them). */
import { sql, type SQL } from 'drizzle-orm';

/**
 * The condition of `anyOf` (none when absent): each alternative is the AND of what `conditions`
 * makes of it (its own `anyOf` included by the caller's recursion); an empty list holds nowhere.
 */
export function anyOfCondition<C extends { anyOf?: readonly C[] | null }>(criteria: C, conditions: (sub: C) => SQL[]): SQL[] {
  if (!criteria.anyOf) return [];
  if (criteria.anyOf.length === 0) return [sql`false`];
  const alternatives = criteria.anyOf.map((sub) => {
    const parts = conditions(sub);
    return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
  });
  return [sql`(${sql.join(alternatives, sql` or `)})`];
}
