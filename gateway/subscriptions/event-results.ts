/**
 * One result per change and per distinct execution, shared by every execution that would compute
 * the same thing, and serialised once for all their subscribers.
 *
 * Executions differ by their client operation's filter (each has its own upstream subscription),
 * but a change matched by several of them is resolved alike when the client document, the
 * identity, the variables the result depends on and the upstream event are the same: the
 * filter only decides *whether* an event comes, not what it says. So the first execution of a
 * change resolves it (its entity fetches included) and the others take its result. The key holds
 * the change's feed position, so a later change never gets an earlier answer, and the identity,
 * so nothing is shared across callers (rights-filtered data).
 *
 * Results are masked and serialised once too (`prepared`), not once per subscriber: the server
 * writes each subscriber's `next` message around the same JSON text (server.ts).
 */
import { createHash } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import type { UpstreamEvent } from './upstream.js';

/** Results kept (the oldest dropped first): at a few distinct executions per change, dozens of changes. */
const MAX_ENTRIES = 1_000;

const TEXTS = new WeakMap<ExecutionResult, string>();

/** The result, masked already, with its JSON text (`textOf`): serialised once for every subscriber. */
export function prepared(result: ExecutionResult): ExecutionResult {
  TEXTS.set(result, JSON.stringify(result));
  return result;
}

/** The JSON text of a prepared result; undefined for any other. */
export function textOf(result: ExecutionResult): string | undefined {
  return TEXTS.get(result);
}

/**
 * What makes one execution's results differ from another's for the same upstream event: the
 * client's document and operation, its identity, and the variables used outside the
 * subscription field's arguments. Hashed: identities can be long, and the key is built per event.
 */
export function resultClassOf(query: string, operationName: string | undefined, identity: unknown, resultVariables: Record<string, unknown>): string {
  return createHash('sha256')
    .update([query, operationName ?? '', JSON.stringify(identity), JSON.stringify(resultVariables)].join('\u0000'))
    .digest('base64url');
}

/** The JSON of each upstream event, once per event object (the sinks of one upstream subscription share it). */
const dataTexts = new WeakMap<UpstreamEvent, string>();

function dataText(event: UpstreamEvent): string {
  let text = dataTexts.get(event);
  if (text === undefined) {
    text = JSON.stringify(event.data ?? null) + JSON.stringify(event.errors ?? null);
    dataTexts.set(event, text);
  }
  return text;
}

export class EventResults {
  private readonly entries = new Map<string, Promise<ExecutionResult>>();
  private computed = 0;
  private shared = 0;

  /**
   * The result of `event` for executions of `resultClass`: computed by the first one, shared by
   * the others. Events without a feed position (a subscription that cannot resume) are not shared.
   */
  resolve(resultClass: string, event: UpstreamEvent, compute: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    if (event.position === undefined) return this.count(compute());
    const key = `${event.position}\u0000${resultClass}\u0000${dataText(event)}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.shared += 1;
      return hit;
    }
    const result = this.count(compute());
    this.entries.set(key, result);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!); // oldest first
    return result;
  }

  /** Results computed and results shared since the start (metrics, tests, the bench). */
  stats(): { computed: number; shared: number } {
    return { computed: this.computed, shared: this.shared };
  }

  clear(): void {
    this.entries.clear();
  }

  private count(result: Promise<ExecutionResult>): Promise<ExecutionResult> {
    this.computed += 1;
    return result;
  }
}
