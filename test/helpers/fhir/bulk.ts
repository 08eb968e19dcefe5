/**
 * A Bulk Data 2.0 client for tests, as the Inferno bulk-data test kit drives a server: kick-off
 * with `Prefer: respond-async`, polls honouring `Retry-After`, NDJSON downloads.
 */
import { get as httpGet } from 'node:http';

export interface Manifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: Array<{ type: string; url: string; count?: number }>;
  error: Array<{ type: string; url: string }>;
}

export const ASYNC = { accept: 'application/fhir+json', prefer: 'respond-async' };

/** GET [base]/$export?query with the bearer (a `Bearer …` header value) and extra headers. */
export function kickOff(fhirBase: string, bearer: string | null, query = '', headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${fhirBase}/$export${query ? `?${query}` : ''}`, {
    headers: { ...ASYNC, ...(bearer ? { authorization: bearer } : {}), ...headers },
  });
}

/** The status URL of an accepted kick-off; throws with the outcome otherwise. */
export async function statusUrlOf(response: Response): Promise<string> {
  if (response.status !== 202) throw new Error(`kick-off answered ${response.status}: ${await response.text()}`);
  return response.headers.get('content-location') ?? '';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Poll {
  response: Response;
  /** Every 202 seen on the way: X-Progress and Retry-After values. */
  progress: Array<{ xProgress: string | null; retryAfter: string | null }>;
}

/**
 * Polls until the status is no longer 202, waiting what Retry-After says (1 s when absent, then
 * doubling), as a client must. `everyMs` polls at that pace instead, for tests of the jobs
 * themselves rather than of the client's pacing: a job done in 200 ms is seen then, not at the next
 * whole second (fhir-bulk-export.test.ts keeps the Retry-After pacing).
 */
export async function pollUntilDone(statusUrl: string, bearer: string, options: { everyMs?: number } = {}): Promise<Poll> {
  const progress: Poll['progress'] = [];
  const maxPolls = options.everyMs ? Math.ceil(300_000 / options.everyMs) : 300;
  let fallback = 1;
  for (let i = 0; i < maxPolls; i++) {
    const response = await fetch(statusUrl, { headers: { accept: 'application/json', authorization: bearer } });
    if (response.status !== 202) return { response, progress };
    const retryAfter = response.headers.get('retry-after');
    progress.push({ xProgress: response.headers.get('x-progress'), retryAfter });
    const wait = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : (fallback *= 2);
    await sleep(options.everyMs ?? wait * 1000);
  }
  throw new Error(`export still running after ${maxPolls} polls`);
}

/** Kick-off, poll, manifest: the whole happy path. */
export async function exportAll(fhirBase: string, bearer: string, query = ''): Promise<{ manifest: Manifest; statusUrl: string; poll: Poll }> {
  const statusUrl = await statusUrlOf(await kickOff(fhirBase, bearer, query));
  const poll = await pollUntilDone(statusUrl, bearer);
  if (poll.response.status !== 200) throw new Error(`export ended with ${poll.response.status}: ${await poll.response.text()}`);
  return { manifest: (await poll.response.json()) as Manifest, statusUrl, poll };
}

/** A file's lines (the trailing newline makes no empty line). */
export async function download(url: string, bearer: string | null): Promise<{ response: Response; lines: string[] }> {
  const response = await fetch(url, { headers: { accept: 'application/fhir+ndjson', ...(bearer ? { authorization: bearer } : {}) } });
  const text = response.status === 200 ? await response.text() : '';
  return { response, lines: text.split('\n').filter((l) => l.length > 0) };
}

/**
 * A file's body as sent, without fetch's automatic decompression: the bytes and the
 * Content-Encoding the server chose for `acceptEncoding`.
 */
export function downloadRaw(url: string, bearer: string, acceptEncoding: string): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { headers: { accept: 'application/fhir+ndjson', authorization: bearer, 'accept-encoding': acceptEncoding } }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, encoding: response.headers['content-encoding'], body: Buffer.concat(parts) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** DELETE on the status URL. */
export function cancel(statusUrl: string, bearer: string): Promise<Response> {
  return fetch(statusUrl, { method: 'DELETE', headers: { authorization: bearer } });
}
