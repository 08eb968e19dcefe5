/**
 * A Subscription a client POSTs, checked against what this server supports (backport IG
 * conformance: a server SHALL refuse a topic, filter, channel or payload it does not support).
 * Every refusal is a 400 OperationOutcome naming the element and the reason.
 */
import { isIP } from 'node:net';
import { badRequest, OperationOutcomeError } from '../outcomes.js';
import { BACKPORT_URLS, type BackportExtension, type ChannelType, type PayloadContent } from './backport.js';
import { FilterError, parseFilters } from './filters.js';
import { findTopic, TOPICS, type Topic } from './topics.js';

export interface SubscriptionSpec {
  topic: Topic;
  reason: string;
  filters: string[];
  channelType: ChannelType;
  endpoint: string | null;
  payloadMime: string;
  content: PayloadContent;
  headers: string[];
  heartbeatSeconds: number | null;
  timeoutSeconds: number;
  maxCount: number;
  endAt: Date | null;
}

export const LIMITS = {
  heartbeatSeconds: { min: 1, max: 3_600 },
  timeoutSeconds: { min: 1, max: 60, default: 10 },
  maxCount: { min: 1, max: 100, default: 1 },
  headers: 10,
  filters: 10,
} as const;

const PAYLOAD_MIMES = ['application/fhir+json', 'application/json'];
const CONTENTS: readonly PayloadContent[] = ['empty', 'id-only', 'full-resource'];
/** Headers the server writes itself, or that would change the HTTP exchange. */
const RESERVED_HEADERS = new Set(['content-type', 'content-length', 'host', 'connection', 'transfer-encoding', 'upgrade', 'expect', 'te', 'keep-alive']);

const refuse = (diagnostics: string): never => {
  throw new OperationOutcomeError(badRequest(diagnostics));
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function extensionsOf(element: unknown): BackportExtension[] {
  const list = isObject(element) ? element.extension : undefined;
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every((e) => isObject(e) && typeof e.url === 'string')) refuse('extension must be a list of extensions with a url');
  return list as BackportExtension[];
}

/** One integer-valued channel extension, within its limits. */
function channelInteger(extensions: BackportExtension[], url: string, key: 'valueUnsignedInt' | 'valuePositiveInt', limits: { min: number; max: number }): number | null {
  const found = extensions.filter((e) => e.url === url);
  if (found.length === 0) return null;
  const value = found[0]![key];
  const name = url.split('/').pop()!;
  if (found.length > 1 || !Number.isInteger(value)) refuse(`Subscription.channel extension ${name} must appear once with ${key}`);
  if (value! < limits.min || value! > limits.max) refuse(`Subscription.channel extension ${name} = ${value!} is not supported (allowed ${limits.min}–${limits.max})`);
  return value!;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
function isLoopback(hostname: string): boolean {
  if (LOOPBACK_NAMES.has(hostname) || hostname.endsWith('.localhost')) return true;
  return isIP(hostname) === 4 && hostname.startsWith('127.');
}

export interface ValidationOptions {
  /** Accept http:// endpoints on the loopback (development and tests; never in production). */
  allowLoopbackHttp: boolean;
}

/**
 * rest-hook endpoints: https, or http on the loopback only outside production (a receiver on
 * the hub's own host, for development and tests). Plain http elsewhere would carry health data
 * and the receiver's credentials (channel.header) in clear; in production the loopback holds the
 * hub's own internal ports, which no client should make it call.
 */
function checkEndpoint(endpoint: unknown, options: ValidationOptions): string {
  if (typeof endpoint !== 'string' || endpoint === '') return refuse('Subscription.channel.endpoint is required for a rest-hook channel');
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return refuse(`Subscription.channel.endpoint "${endpoint}" is not an absolute URL`);
  }
  if (url.username || url.password) refuse('Subscription.channel.endpoint must not carry credentials: send them in channel.header');
  if (url.protocol === 'https:') return url.toString();
  if (url.protocol === 'http:' && isLoopback(url.hostname) && options.allowLoopbackHttp) return url.toString();
  if (url.protocol === 'http:') {
    refuse(`Subscription.channel.endpoint "${endpoint}": plain http is only accepted on the loopback${options.allowLoopbackHttp ? '' : ' outside production'}; use https`);
  }
  return refuse(`Subscription.channel.endpoint "${endpoint}": scheme ${url.protocol.replace(':', '')} is not supported (https, or http on the loopback)`);
}

function checkHeaders(header: unknown): string[] {
  if (header === undefined) return [];
  if (!Array.isArray(header) || !header.every((h) => typeof h === 'string')) return refuse('Subscription.channel.header must be a list of strings');
  if (header.length > LIMITS.headers) refuse(`Subscription.channel.header: at most ${LIMITS.headers} headers`);
  for (const h of header as string[]) {
    const match = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):\s*([^\r\n]*)$/.exec(h);
    if (!match) refuse(`Subscription.channel.header "${h.split(':')[0] ?? ''}…" is not of the form "Name: value"`);
    if (RESERVED_HEADERS.has(match![1]!.toLowerCase())) refuse(`Subscription.channel.header ${match![1]!} is set by the server and cannot be given`);
  }
  return header as string[];
}

function checkTopic(criteria: unknown): Topic {
  if (typeof criteria !== 'string' || criteria === '') return refuse('Subscription.criteria (the topic canonical URL) is required');
  const topic = findTopic(criteria);
  if (!topic) {
    return refuse(`Subscription.criteria: topic "${criteria}" is not supported (supported: ${TOPICS.map((t) => t.canonical).join(', ')})`);
  }
  return topic;
}

function checkFilters(topic: Topic, criteriaElement: unknown): string[] {
  const extensions = extensionsOf(criteriaElement);
  const unknown = extensions.find((e) => e.url !== BACKPORT_URLS.filterCriteria);
  if (unknown) refuse(`Subscription.criteria extension ${unknown.url} is not supported`);
  const filters = extensions.map((e) => e.valueString);
  if (!filters.every((f): f is string => typeof f === 'string' && f !== '')) refuse('backport-filter-criteria needs a valueString');
  if (filters.length > LIMITS.filters) refuse(`Subscription.criteria: at most ${LIMITS.filters} filter criteria`);
  try {
    parseFilters(topic, filters as string[]);
  } catch (error) {
    if (error instanceof FilterError) refuse(`Subscription.criteria: ${error.message}`);
    throw error;
  }
  return filters as string[];
}

function checkPayload(channel: Record<string, unknown>, channelType: ChannelType): { payloadMime: string; content: PayloadContent } {
  const payload = channel.payload ?? 'application/fhir+json';
  if (typeof payload !== 'string' || !PAYLOAD_MIMES.includes(payload.split(';')[0]!.trim().toLowerCase())) {
    refuse(`Subscription.channel.payload "${String(payload)}" is not supported (${PAYLOAD_MIMES.join(' or ')})`);
  }
  const contents = extensionsOf(channel._payload).filter((e) => e.url === BACKPORT_URLS.payloadContent);
  if (contents.length > 1) refuse('backport-payload-content must appear once');
  // R4: no payload means a notification without content; otherwise the backport default is id-only.
  const content = contents[0]?.valueCode ?? (channel.payload === undefined ? 'empty' : 'id-only');
  if (!CONTENTS.includes(content as PayloadContent)) refuse(`backport-payload-content "${content}" is not supported (${CONTENTS.join(', ')})`);
  // Websocket is a wake-up channel here: full resources are read through $events or plain reads.
  if (channelType === 'websocket' && content === 'full-resource') {
    refuse('Subscription.channel: full-resource payloads are not supported on websocket channels (use id-only or empty, then $events)');
  }
  return { payloadMime: (payload as string).split(';')[0]!.trim().toLowerCase(), content: content as PayloadContent };
}

function checkEnd(end: unknown): Date | null {
  if (end === undefined) return null;
  const date = typeof end === 'string' ? new Date(end) : new Date(NaN);
  if (Number.isNaN(date.getTime())) refuse('Subscription.end must be an instant');
  if (date.getTime() <= Date.now()) refuse('Subscription.end is in the past');
  return date;
}

const CROSS_VERSION = /^http:\/\/hl7\.org\/fhir\/[0-9.]+\/StructureDefinition\/extension-/;

/**
 * Modifier extensions change the meaning of what carries them: a server that does not know one
 * must refuse the resource (R4 extensibility.html#modifierExtension). Cross-version extensions
 * (R5 Subscription elements such as `topic` or `filterBy`) would be ignored here while the client
 * relies on them: refused too, so the client uses the backport extensions instead.
 */
function checkUnderstood(body: Record<string, unknown>): void {
  const channel = isObject(body.channel) ? body.channel : {};
  for (const [where, element] of [['Subscription', body], ['Subscription.channel', channel]] as const) {
    const modifiers = element.modifierExtension;
    if (Array.isArray(modifiers) && modifiers.length > 0) {
      refuse(`${where}.modifierExtension ${String((modifiers[0] as { url?: unknown }).url)} is not supported`);
    }
  }
  const crossVersion = extensionsOf(body).find((e) => CROSS_VERSION.test(e.url));
  if (crossVersion) refuse(`Cross-version extension ${crossVersion.url} is not supported: use the backport IG extensions`);
}

/** The subscription to store, or a 400 OperationOutcomeError saying what is not supported. */
export function parseSubscription(body: unknown, options: ValidationOptions): SubscriptionSpec {
  if (!isObject(body) || body.resourceType !== 'Subscription') return refuse('The body must be a Subscription resource');
  checkUnderstood(body);
  const topic = checkTopic(body.criteria);
  const filters = checkFilters(topic, body._criteria);
  const channel = body.channel;
  if (!isObject(channel)) return refuse('Subscription.channel is required');
  if (channel.type !== 'rest-hook' && channel.type !== 'websocket') {
    return refuse(`Subscription.channel.type "${String(channel.type)}" is not supported (rest-hook, websocket)`);
  }
  const channelType = channel.type;
  const endpoint = channelType === 'rest-hook' ? checkEndpoint(channel.endpoint, options) : null;
  if (channelType === 'websocket' && channel.endpoint !== undefined) refuse('Subscription.channel.endpoint must be absent for a websocket channel');
  const channelExtensions = extensionsOf(channel);
  const known = [BACKPORT_URLS.heartbeatPeriod, BACKPORT_URLS.timeout, BACKPORT_URLS.maxCount] as string[];
  const unknown = channelExtensions.find((e) => !known.includes(e.url));
  if (unknown) refuse(`Subscription.channel extension ${unknown.url} is not supported`);
  const reason = typeof body.reason === 'string' && body.reason.trim() !== '' ? body.reason : refuse('Subscription.reason is required');
  return {
    topic,
    reason,
    filters,
    channelType,
    endpoint,
    ...checkPayload(channel, channelType),
    headers: channelType === 'rest-hook' ? checkHeaders(channel.header) : checkHeaders(channel.header).length ? refuse('Subscription.channel.header is only used by rest-hook channels') : [],
    heartbeatSeconds: channelInteger(channelExtensions, BACKPORT_URLS.heartbeatPeriod, 'valueUnsignedInt', LIMITS.heartbeatSeconds),
    timeoutSeconds: channelInteger(channelExtensions, BACKPORT_URLS.timeout, 'valueUnsignedInt', LIMITS.timeoutSeconds) ?? LIMITS.timeoutSeconds.default,
    maxCount: channelInteger(channelExtensions, BACKPORT_URLS.maxCount, 'valuePositiveInt', LIMITS.maxCount) ?? LIMITS.maxCount.default,
    endAt: checkEnd(body.end),
  };
}
