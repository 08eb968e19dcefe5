/**
 * Sending fuzz requests and judging every answer: no 5xx, no INTERNAL_SERVER_ERROR, no SQL, stack
 * or runtime text in any body, an answer within the timeout. Failures are collected (not thrown at
 * the first) so one run lists every distinct problem, with the request that caused it.
 */
import { appendFileSync } from 'node:fs';

export interface FuzzRequest {
  /** What the request is, for the report: section, target, variant. */
  label: string;
  /** Who sends it (anonymous, a demo login, an envelope). */
  as: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface FuzzAnswer {
  status: number;
  text: string;
  json: unknown;
}

export interface Failure {
  request: FuzzRequest;
  status: number | null;
  reasons: string[];
  excerpt: string;
}

/** Text that must never reach a caller: SQL, driver messages, stack frames, runtime errors. */
export const LEAKS: ReadonlyArray<[string, RegExp]> = [
  ['SQL (drizzle "Failed query")', /Failed query/i],
  ['SQL select', /\bselect\s[^\n]{0,300}?\sfrom\s+"?[a-z_]+"?\./i],
  ['SQL insert', /\binsert into\b/i],
  ['SQL update', /\bupdate\s+"[a-z_]+"\."[a-z_]+"\s+set\b/i],
  ['PostgreSQL syntax error', /syntax error at or near/i],
  ['PostgreSQL constraint', /violates [^\n]{0,80}constraint/i],
  ['PostgreSQL type error', /invalid input syntax for|out of range for type|value too long for type|invalid byte sequence|unsupported Unicode escape/i],
  ['PostgreSQL duplicate key', /duplicate key value/i],
  ['stack frame', /\bat [^\n"]{0,200}\.(?:ts|js|mjs|cjs):\d+/],
  ['node_modules path', /node_modules/],
  ['runtime error', /Cannot read propert(?:y|ies) of (?:undefined|null)|is not a function|Maximum call stack|\bTypeError\b|\bReferenceError\b/],
];

function excerpt(text: string, max = 600): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}… (${text.length} chars)` : flat;
}

/** Why an answer is wrong (empty: it is fine). */
export function judge(answer: FuzzAnswer): string[] {
  const reasons: string[] = [];
  if (answer.status >= 500) reasons.push(`HTTP ${answer.status}`);
  // A refusal by rate limit means the request was not tested: raise the hub's limits (HUB_ENV in config.ts).
  if (answer.status === 429) reasons.push('HTTP 429: rate limited, the request was not tested');
  if (/INTERNAL_SERVER_ERROR/.test(answer.text)) reasons.push('INTERNAL_SERVER_ERROR');
  for (const [name, pattern] of LEAKS) if (pattern.test(answer.text)) reasons.push(`leak: ${name}`);
  return reasons;
}

/** How a request is shown in a report: method, URL, who, and the start of its body. */
export function describeRequest(request: FuzzRequest): string {
  const body = request.body === undefined ? '' : ` body=${excerpt(typeof request.body === 'string' ? request.body : `<${request.body.length} bytes> ${request.body.subarray(0, 200).toString('latin1')}`, 400)}`;
  const type = request.headers?.['content-type'] ? ` [${request.headers['content-type']}]` : '';
  return `${request.label} as ${request.as}: ${request.method} ${request.url}${type}${body}`;
}

export class Collector {
  readonly failures: Failure[] = [];
  sent = 0;
  /** The slowest requests, written to the report file (to keep the suite's duration in check). */
  readonly slow: Array<{ ms: number; request: string }> = [];

  private readonly seed: number;
  private readonly reportFile: string | undefined;
  constructor(seed: number, reportFile?: string) {
    this.seed = seed;
    this.reportFile = reportFile;
  }

  record(request: FuzzRequest, status: number | null, reasons: string[], text: string): void {
    const failure = { request, status, reasons, excerpt: excerpt(text) };
    this.failures.push(failure);
    if (this.reportFile) appendFileSync(this.reportFile, `${JSON.stringify({ ...failure, request: describeRequest(request) })}\n`);
  }

  timed(request: FuzzRequest, ms: number): void {
    if (!this.reportFile || ms < 300) return;
    appendFileSync(this.reportFile, `${JSON.stringify({ slow: ms, request: describeRequest(request).slice(0, 300) })}\n`);
  }

  /** Throws, listing the failures (first of each distinct reason first), the seed and how to replay. */
  assertClean(section: string, replay: string): void {
    if (this.failures.length === 0) return;
    const seen = new Set<string>();
    const firsts = this.failures.filter((f) => {
      const key = `${f.reasons.join('+')}|${f.request.label.split(' ')[0]}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const lines = firsts.slice(0, 30).map((f) => `- ${f.reasons.join(', ')} (status ${f.status ?? 'none'})\n    ${describeRequest(f.request)}\n    answer: ${f.excerpt}`);
    throw new Error(
      `${section}: ${this.failures.length} of ${this.sent} requests failed (${firsts.length} distinct; seed ${this.seed}).\n` +
        `Replay: ${replay}\n${lines.join('\n')}`,
    );
  }
}

export interface Sender {
  /** Sends and judges `request`; the answer (null when none came) for further checks. */
  send(request: FuzzRequest): Promise<FuzzAnswer | null>;
  /** Sends all, at most `concurrency` at a time, in order of start. */
  sendAll(requests: readonly FuzzRequest[]): Promise<Array<FuzzAnswer | null>>;
}

/**
 * A sender: every request judged into `collector`; at most `rate` starts per second when rate > 0
 * (rate limits of the hub under test are not what the suite measures).
 */
export function createSender(collector: Collector, options: { concurrency: number; rate: number; timeoutMs?: number }): Sender {
  const timeoutMs = options.timeoutMs ?? 20_000;
  let nextStart = 0;
  const pace = async () => {
    if (options.rate <= 0) return;
    const now = Date.now();
    const at = Math.max(now, nextStart);
    nextStart = at + 1000 / options.rate;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
  const send = async (request: FuzzRequest): Promise<FuzzAnswer | null> => {
    await pace();
    collector.sent++;
    let response: Response;
    let text: string;
    const started = Date.now();
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body as string | Uint8Array | undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
      collector.timed(request, Date.now() - started);
    } catch (error) {
      collector.record(request, null, [`no answer: ${(error as Error).name} ${(error as Error).message}`], '');
      return null;
    }
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON (CSV export, HTML page): judged as text
    }
    const answer = { status: response.status, text, json };
    const reasons = judge(answer);
    if (reasons.length) collector.record(request, response.status, reasons, text);
    return answer;
  };
  const sendAll = async (requests: readonly FuzzRequest[]) => {
    const answers: Array<FuzzAnswer | null> = new Array(requests.length).fill(null);
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const index = next++;
        answers[index] = await send(requests[index]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, requests.length) }, worker));
    return answers;
  };
  return { send, sendAll };
}

/** Every component's /health answers 200 (the hub survived the last batch). */
export async function healthFailures(baseUrls: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const base of baseUrls) {
    const url = new URL('/health', base).toString();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (response.status !== 200) problems.push(`${url} answered ${response.status}`);
    } catch (error) {
      problems.push(`${url} did not answer: ${(error as Error).message}`);
    }
  }
  return problems;
}
