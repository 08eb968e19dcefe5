/**
 * Settings of the fuzz suite (test/fuzz.test.ts), all from the environment so a failure can be
 * replayed and a longer run asked for without editing code (docs/testing.md § Fuzz suite).
 */

/** Default seed: fixed, so CI runs the same requests every time (a failure is replayable). */
const DEFAULT_SEED = 20261206;

function intFrom(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name}=${raw}: expected an integer in [${min}, ${max}]`);
  return value;
}

/** FUZZ_SEED: an unsigned 32-bit integer, or `random` for a new one (printed, to replay). */
function seedFrom(): number {
  const raw = process.env.FUZZ_SEED;
  if (raw === 'random') return Math.floor(Math.random() * 2 ** 32) >>> 0;
  return intFrom('FUZZ_SEED', DEFAULT_SEED, 0, 2 ** 32 - 1);
}

/**
 * Extra variables for the fuzz suite's private hub, as a JSON object in FUZZ_HUB_ENV (e.g. higher
 * rate limits): merged over HUB_ENV below. Unknown variables are ignored by the hub's config.
 */
function hubEnvFrom(): Record<string, string> {
  const raw = process.env.FUZZ_HUB_ENV;
  if (!raw) return {};
  const parsed = JSON.parse(raw) as unknown;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('FUZZ_HUB_ENV must be a JSON object of strings');
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
}

/**
 * Variables the suite always gives its hub. The suite sends thousands of requests from one
 * client in a minute: per-client rate limits on /graphql and /fhir must not be what it measures.
 */
export const HUB_ENV: Record<string, string> = { ROR_RATE_LIMIT_API: '0', ROR_RATE_LIMIT_SIGNIN: '0' };

export interface FuzzConfig {
  seed: number;
  /** Hostile variants per GraphQL field and identity (and the scale of every other section). */
  runs: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Most requests per second (0: as fast as the hub answers). */
  rate: number;
  hubEnv: Record<string, string>;
}

export function fuzzConfig(): FuzzConfig {
  return {
    seed: seedFrom(),
    runs: intFrom('FUZZ_RUNS', 3, 1, 1000),
    concurrency: intFrom('FUZZ_CONCURRENCY', 4, 1, 64),
    rate: intFrom('FUZZ_RATE', 0, 0, 100_000),
    hubEnv: { ...HUB_ENV, ...hubEnvFrom() },
  };
}
