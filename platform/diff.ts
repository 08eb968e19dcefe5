/**
 * What an audited write changed, field by field: the offer's audit trail and the crisis
 * protocol's edit log record the same shape (`{ field: { from, to } }`).
 */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of `after` whose value differs from `before` (missing counts as null). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(after)) {
    const from = before[field] ?? null;
    if (!same(from, to)) changes[field] = { from, to: to ?? null };
  }
  return changes;
}

/** Every field of a new record, from null. */
export function created(values: Record<string, unknown>): FieldChanges {
  return diff({}, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))));
}

/** Every field of a removed record, to null. */
export function removed(values: Record<string, unknown>): FieldChanges {
  return Object.fromEntries(Object.entries(created(values)).map(([field, c]) => [field, { from: c.to, to: null }]));
}
