/**
 * A text array as one query parameter: the PostgreSQL array literal of `values`, to cast with
 * `::text[]`. Drizzle expands a JS array in a `sql` template into one parameter per element, so
 * long id lists would exceed the 65,535 parameters a statement may have; one literal never does.
 */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
