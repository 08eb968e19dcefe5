/**
 * The pure rules of FHIR subscriptions, without a hub: filter criteria against the topic
 * registry, what a change is an event for, retry delays, and the GraphQL documents of the
 * visibility checks against the composed supergraph.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { FilterError, matches, parseFilters, wantedTypes } from '../fhir/subscriptions/filters.js';
import { CAPACITY_TOPIC, OFFER_TOPIC, TENSION_TOPIC, TOPICS } from '../fhir/subscriptions/topics.js';
import { retryDelay } from '../fhir/subscriptions/delivery.js';
import { parseSubscription } from '../fhir/subscriptions/validate.js';
import { VISIBILITY_QUERIES } from '../fhir/subscriptions/visibility.js';
import { OperationOutcomeError } from '../fhir/outcomes.js';

describe('filter criteria', () => {
  it('accept declared parameters, references with or without their type, and comma lists as "any of"', () => {
    const criteria = parseFilters(CAPACITY_TOPIC, ['Location?organization=Organization/370000481,360000137&_id=370000481-2101']);
    expect(criteria.map((c) => [c.filter.name, c.values])).toEqual([
      ['organization', ['370000481', '360000137']],
      ['_id', ['370000481-2101']],
    ]);
    const facts = { _id: ['370000481-2101'], organization: ['360000137'], identifier: ['24/370000481-2101'] };
    expect(matches(criteria, 'Location', facts)).toBe(true);
    expect(matches(criteria, 'Location', { ...facts, organization: ['450000088'] })).toBe(false);
    expect(matches(parseFilters(CAPACITY_TOPIC, ['Location?identifier=|24/370000481-2101']), 'Location', facts)).toBe(true);
  });

  it('refuse undeclared parameters, modifiers, types without a focus, and empty values', () => {
    for (const bad of ['Location?near=1|2|3|km', 'Location?_id:not=1', 'Patient?_id=1', 'Location?_id=', 'Location', 'Location?']) {
      expect(() => parseFilters(CAPACITY_TOPIC, [bad]), bad).toThrow(FilterError);
    }
  });

  it('choose the focus a change has for what a subscription wants', () => {
    const unit = { recordType: 'UNIT', recordId: 'u1', payload: {} };
    expect(OFFER_TOPIC.focusOf(unit, wantedTypes(OFFER_TOPIC, []))).toEqual({ type: 'HealthcareService', id: 'u1' });
    expect(OFFER_TOPIC.focusOf(unit, wantedTypes(OFFER_TOPIC, parseFilters(OFFER_TOPIC, ['Location?organization=E1'])))).toEqual({ type: 'Location', id: 'u1' });
    expect(OFFER_TOPIC.focusOf(unit, wantedTypes(OFFER_TOPIC, parseFilters(OFFER_TOPIC, ['Organization?_id=E1'])))).toBeNull();
    expect(OFFER_TOPIC.focusOf({ recordType: 'POLE', recordId: 'p1', payload: {} }, wantedTypes(OFFER_TOPIC, []))).toBeNull();
    const tension = { recordType: 'TENSION', recordId: 't1', payload: { establishmentId: '370000481' } };
    expect(TENSION_TOPIC.focusOf(tension, wantedTypes(TENSION_TOPIC, []))).toEqual({ type: 'Organization', id: '370000481' });
    expect(TENSION_TOPIC.focusOf({ ...tension, recordType: 'SOLIDARITY' }, wantedTypes(TENSION_TOPIC, []))).toBeNull();
    expect(CAPACITY_TOPIC.focusOf({ recordType: 'UNIT_CAPACITY', recordId: 'u1', payload: {} }, wantedTypes(CAPACITY_TOPIC, []))).toEqual({ type: 'Location', id: 'u1' });
  });
});

describe('a posted Subscription', () => {
  const base = {
    resourceType: 'Subscription',
    status: 'requested',
    reason: 'r',
    criteria: CAPACITY_TOPIC.canonical,
    channel: { type: 'rest-hook', endpoint: 'https://receiver.example.org/hook', payload: 'application/fhir+json' },
  };
  const refusal = (body: unknown, allowLoopbackHttp = true): string => {
    try {
      parseSubscription(body, { allowLoopbackHttp });
    } catch (error) {
      if (error instanceof OperationOutcomeError) return error.outcome.issue[0]!.diagnostics!;
      throw error;
    }
    return 'accepted';
  };

  it('takes the documented defaults: id-only (empty without a payload type), 10 s timeout, one event per notification, no heartbeat', () => {
    expect(parseSubscription(base, { allowLoopbackHttp: false })).toMatchObject({ content: 'id-only', timeoutSeconds: 10, maxCount: 1, heartbeatSeconds: null, endpoint: 'https://receiver.example.org/hook' });
    const { payload: _omitted, ...withoutPayload } = base.channel;
    expect(parseSubscription({ ...base, channel: withoutPayload }, { allowLoopbackHttp: false })).toMatchObject({ content: 'empty', payloadMime: 'application/fhir+json' });
  });

  it('is refused with a reason naming what is not supported', () => {
    expect(refusal({ ...base, resourceType: 'Patient' })).toMatch(/must be a Subscription/);
    expect(refusal({ ...base, reason: '' })).toMatch(/reason is required/);
    expect(refusal({ ...base, end: '2000-01-01T00:00:00Z' })).toMatch(/end is in the past/);
    expect(refusal({ ...base, channel: { ...base.channel, endpoint: 'https://user:pw@receiver.example.org/' } })).toMatch(/must not carry credentials/);
    expect(refusal({ ...base, channel: { ...base.channel, endpoint: 'http://localhost:8080/hook' } })).toBe('accepted');
    expect(refusal({ ...base, channel: { ...base.channel, endpoint: 'http://127.0.0.1:4002/graphql' } }, false)).toMatch(/only accepted on the loopback outside production/);
    expect(refusal({ ...base, channel: { ...base.channel, header: ['X-Broken\r\nInjected: 1'] } })).toMatch(/not of the form "Name: value"/);
    expect(refusal({ ...base, channel: { type: 'websocket', endpoint: 'wss://x' } })).toMatch(/endpoint must be absent/);
    expect(refusal({ ...base, channel: { ...base.channel, extension: [{ url: 'http://example.org/other', valueString: 'x' }] } })).toMatch(/extension http:\/\/example.org\/other is not supported/);
    expect(refusal({ ...base, extension: [{ url: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Subscription.topic', valueCanonical: 'x' }] })).toMatch(/Cross-version extension .* is not supported/);
    expect(refusal({ ...base, modifierExtension: [{ url: 'http://example.org/must-understand', valueBoolean: true }] })).toMatch(/modifierExtension http:\/\/example.org\/must-understand is not supported/);
  });
});

describe('retries', () => {
  it('double from the base delay up to the maximum', () => {
    const timings = { pollMs: 1_000, retryBaseMs: 2_000, retryMaxMs: 300_000, maxAttempts: 6, retentionDays: 30 };
    expect([1, 2, 3, 4, 10].map((n) => retryDelay(timings, n))).toEqual([2_000, 4_000, 8_000, 16_000, 300_000]);
  });
});

describe('the visibility checks', () => {
  it('validate against the committed supergraph (test/supergraph.test.ts keeps it equal to the composed one)', () => {
    const schema = buildSchema(readFileSync(new URL('../schemas/supergraph.graphql', import.meta.url), 'utf8'));
    for (const [name, document] of Object.entries(VISIBILITY_QUERIES)) {
      expect({ name, errors: validate(schema, parse(document)).map((e) => e.message) }).toEqual({ name, errors: [] });
    }
  });

  it('cover every topic with a canonical URL of its own', () => {
    expect(new Set(TOPICS.map((t) => t.canonical)).size).toBe(TOPICS.length);
  });
});
