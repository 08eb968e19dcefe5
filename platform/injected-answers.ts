/**
 * A subgraph's answer to the gateway's in-process fetch (D211) handed over as the text Fastify
 * serialised, without light-my-request's copies. An injected reply's body otherwise crosses as
 * bytes three times (the null socket's write, the collected chunk, their concatenation) and is
 * decoded back into a second string: at the export's page sizes, tens of MiB of buffers in transit
 * at a time, which only a mark-compact frees (docs/benchmarks.md, export16f).
 *
 * Only a request that asks for it (`INJECTED_ANSWER_HEADER`, set by gateway/in-process.ts) and
 * that really is injected (light-my-request's response object, which a socket cannot fake) gets
 * its text handed over: its reply then goes out with an empty body, and the fetcher takes the text
 * with `takeInjectedAnswer`. Every other request, injected or not, is answered as before.
 */
import type { FastifyInstance } from 'fastify';

/** Request header: "hand the answer over as text". Its value is ignored. */
export const INJECTED_ANSWER_HEADER = 'x-ror-injected-answer';

/** Serialised answers by the injected response object (weak: an answer nobody takes goes with its response). */
const answers = new WeakMap<object, string>();

const isInjected = (raw: unknown): boolean => (raw as { isLightMyRequest?: unknown }).isLightMyRequest === true;

/** Registered last on an app whose injected answers may be handed over (platform/subgraph-app.ts). */
export function handOverInjectedAnswers(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || request.headers[INJECTED_ANSWER_HEADER] === undefined || !isInjected(reply.raw)) return payload;
    answers.set(reply.raw, payload);
    return '';
  });
}

/** The answer handed over for this injected response (`answer.raw.res`), once; undefined if none was. */
export function takeInjectedAnswer(response: object): string | undefined {
  const text = answers.get(response);
  if (text !== undefined) answers.delete(response);
  return text;
}
