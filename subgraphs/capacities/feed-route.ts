/**
 * `POST /feeds/capacities` on the capacities subgraph: the automatic feed of hospital systems
 * (docs/capacities.md § Automatic feed). The gateway forwards it with the caller's identity
 * envelope. Lines are keyed by establishment FINESS + UF code, resolved through the offer
 * subgraph; the batch is atomic (one refused line writes nothing), idempotent (same figures write
 * nothing), last writer wins. Answers per-line results: 200 when written, 422 when a line was
 * refused, 403 when a line names a unit out of the caller's reach, 400 for a body it cannot read.
 */
import type { FastifyInstance } from 'fastify';
import { hasRightSomewhere } from '../../platform/auth/authorize.js';
import { HubError } from '../../platform/errors.js';
import type { SubgraphClient } from '../../platform/subgraph-client.js';
import { actorName as actorOf } from '../../platform/auth/identity.js';
import { CAPACITY_ENTRY, hasAccess, requireAccess } from './access.js';
import { parseCsvBody, parseJsonBody, type ParsedLine } from './feed-input.js';
import { feedKey, unitsByFinessAndUf } from './offer-units.js';
import type { CapacityStore } from './store.js';
import { writeFeed, type FeedUpdate } from './writes.js';
import type { CapacityRecord } from './record.js';

export const CAPACITY_FEED_PATH = '/feeds/capacities';
export const FEED_BODY_LIMIT = 10 * 1024 * 1024;

export interface LineResult {
  line: number;
  establishmentFiness: string | null;
  ufCode: string | null;
  unitId: string | null;
  status: 'created' | 'updated' | 'unchanged' | 'rejected';
  reason?: string;
  field?: string;
  capacity?: CapacityRecord | null;
}

function parseBody(contentType: string | undefined, body: unknown): ParsedLine[] {
  const text = typeof body === 'string' ? body : '';
  if (contentType?.startsWith('text/csv')) return parseCsvBody(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HubError('BAD_USER_INPUT', 'The body is not valid JSON (send application/json, or text/csv).', { field: 'body' });
  }
  return parseJsonBody(json);
}

export async function capacityFeedRoute(app: FastifyInstance, options: { store: CapacityStore; client: SubgraphClient }): Promise<void> {
  // Scoped to this plugin: the body is read as text and parsed here, so a malformed one gets our answer.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', 'text/csv'], { parseAs: 'string', bodyLimit: FEED_BODY_LIMIT }, (_request, body, done) => done(null, body));
  app.post(CAPACITY_FEED_PATH, { bodyLimit: FEED_BODY_LIMIT }, async (request, reply) => {
    const identity = request.identity;
    // Whether the caller may feed at all (an application: its scope); the reach (an application's perimeter) is checked per unit below.
    if (identity.kind !== 'user' || !hasRightSomewhere(identity, CAPACITY_ENTRY.rights)) requireAccess(identity, CAPACITY_ENTRY, { kind: 'TRANSVERSAL' }, true);
    const parsed = parseBody(request.headers['content-type'], request.body);
    const valid = parsed.filter((p): p is Extract<ParsedLine, { value: unknown }> => 'value' in p);
    const units = await unitsByFinessAndUf(options.client, valid.map((p) => p.value.establishmentFiness));
    const results: LineResult[] = [];
    const updates: Array<{ index: number; update: FeedUpdate }> = [];
    let forbidden = false;
    for (const p of parsed) {
      if (!('value' in p)) {
        results.push({ line: p.line, establishmentFiness: strOrNull(p.key.establishmentFiness), ufCode: strOrNull(p.key.ufCode), unitId: null, status: 'rejected', reason: p.error, ...(p.field ? { field: p.field } : {}) });
        continue;
      }
      const { establishmentFiness, ufCode, ...figures } = p.value;
      const unit = units.get(feedKey(establishmentFiness, ufCode));
      const result: LineResult = { line: p.line, establishmentFiness, ufCode, unitId: unit?.id ?? null, status: 'rejected' };
      results.push(result);
      if (!unit) {
        result.reason = `No active unit with UF code ${ufCode} in establishment ${establishmentFiness}.`;
        result.field = 'ufCode';
      } else if (!hasAccess(identity, CAPACITY_ENTRY, { kind: 'UNIT', id: unit.id, establishmentId: unit.establishment.id, organizationId: unit.establishment.organization.id })) {
        forbidden = true;
        result.reason = `Missing right ${CAPACITY_ENTRY.rights.join(' or ')} on unit ${unit.id}.`;
      } else {
        result.status = 'unchanged'; // until written
        updates.push({ index: results.length - 1, update: { unitId: unit.id, figures } });
      }
    }
    let written = false;
    if (updates.length > 0) {
      // Every line is checked against the rules, even when another was refused already, so the answer names them all.
      const stamp = { source: 'AUTOMATIC_FEED' as const, updatedBy: actorOf(identity), at: new Date() };
      const outcome = await writeFeed(options.store, updates.map((u) => u.update), stamp, updates.length === parsed.length);
      written = outcome.written;
      outcome.outcomes.forEach((o, i) => {
        const result = results[updates[i]!.index]!;
        if (o.status === 'rejected') Object.assign(result, { status: 'rejected', reason: o.reason, ...(o.field ? { field: o.field } : {}) });
        else Object.assign(result, { status: o.status, capacity: o.capacity });
      });
    }
    if (!written) {
      // Nothing was written: lines that were fine say so rather than claiming a change.
      for (const r of results) if (r.status !== 'rejected') Object.assign(r, { status: 'unchanged', capacity: undefined, reason: 'Not written: another line of the batch was rejected.' });
    }
    const tally = (s: LineResult['status']) => results.filter((r) => r.status === s).length;
    const body = { written, lines: results.length, created: tally('created'), updated: tally('updated'), unchanged: tally('unchanged'), rejected: tally('rejected'), results };
    request.log.info({ lines: body.lines, created: body.created, updated: body.updated, rejected: body.rejected, written }, 'capacity feed');
    return reply.code(written ? 200 : forbidden ? 403 : 422).send(body);
  });
}

const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
