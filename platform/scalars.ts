/** The `DateTime` scalar every subgraph declares: RFC 3339 strings on the wire, Date inside. */
import { GraphQLScalarType, Kind, GraphQLError } from 'graphql';

/** RFC 3339 date-time (section 5.6): full date, `T`, time with optional fraction, and an offset. */
const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * The instant, or a BAD_USER_INPUT the caller can act on: graphql-js turns it into a validation
 * error (literal) or a variable error (variable), both refused before any resolver runs. Checked
 * field by field, since `Date` would roll 2026-02-30 over to March and accept non-RFC forms.
 */
function parse(value: unknown): Date {
  const match = typeof value === 'string' ? RFC_3339.exec(value) : null;
  const date = match ? new Date(value as string) : null;
  const valid =
    match &&
    date &&
    !Number.isNaN(date.getTime()) &&
    Number(match[1]) >= 1 &&
    Number(match[2]) >= 1 &&
    Number(match[2]) <= 12 &&
    Number(match[3]) >= 1 &&
    Number(match[3]) <= new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate() &&
    Number(match[4]) <= 23 &&
    Number(match[5]) <= 59 &&
    Number(match[6]) <= 59;
  if (!valid) {
    const shown = typeof value === 'string' ? JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value) : typeof value;
    throw new GraphQLError(`DateTime expects an RFC 3339 date-time with time zone (e.g. 2026-11-23T08:15:00Z), got ${shown}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, as an RFC 3339 string with time zone (e.g. 2026-11-23T08:15:00.000Z).',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : null),
});

/**
 * `JSON`: a value served as it is, output only. The bulk export's page fields answer thousands of
 * records as one value so that neither graphql-js nor the gateway walks each field (D143).
 */
export const JSONValue = new GraphQLScalarType({
  name: 'JSON',
  description: 'A JSON value, served as it is (output only: the bulk export pages).',
  serialize: (value) => value,
  parseValue: () => {
    throw new GraphQLError('JSON is an output type only.', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral: () => {
    throw new GraphQLError('JSON is an output type only.', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
