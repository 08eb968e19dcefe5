/**
 * Tension mails, fed by the change feed and delivered by the platform mail worker:
 *
 * 1. the durable consumer `tension-mail` (topic `tension`, starting at the head of the log when
 *    first seen, so a new deployment mails no history) drafts one outbox row per event and
 *    recipient in the transaction that advances its offset: exactly once, even with several
 *    processes, since they share the offset under a row lock;
 * 2. after commit, the drafts get the establishment's name from the offer subgraph and become
 *    PENDING. This cannot happen in the consumer's transaction: on embedded PGlite a transaction
 *    holds the one connection, so the offer subgraph's query (same database) would wait for it
 *    while it waits for the offer — a deadlock. A sweep every 30 s finishes drafts left by a crash
 *    or an offer outage;
 * 3. the worker (platform/mail) sends PENDING rows over SMTP with retries and backoff.
 */
import type { FastifyInstance } from 'fastify';
import type { ChangeEvent } from '../../../platform/changes/tables.js';
import { startConsumer, type Consumer } from '../../../platform/changes/consumer.js';
import type { Orm } from '../../../platform/db/client.js';
import type { Logger } from '../../../platform/logger.js';
import { deliverOutbox } from '../../../platform/mail/subgraph.js';
import { createSubgraphClient, type SubgraphClient } from '../../../platform/subgraph-client.js';
import type { SubgraphDeps } from '../../../platform/subgraph-module.js';
import type { TensionEventPayload } from '../events.js';
import { draftsToFinish, insertDrafts, readMailDetails, releaseDraft, type NewDraft } from './mail-store.js';
import { tensionLink, tensionMail, withEstablishment } from './mail.js';
import { tensionMailOutbox } from './tables.js';
import { ALERT_RECORD, type AlertEventPayload } from '../het/events.js';
import { alertMail, MAILED_ALERT_ACTIONS } from '../het/mail.js';
import { startJob, type Job, type JobResult } from '../../../platform/jobs.js';

export const CONSUMER_NAME = 'tension-mail';
const SWEEP_EVERY_MS = 30_000;
const DRAFT_BATCH = 100;

/** The crisis cell always; the establishment's own addresses when it opted in; each address once. */
function recipientsOf(crisisCell: string, setting: { emails: string[]; enabled: boolean } | null): string[] {
  const all = [crisisCell, ...(setting?.enabled ? setting.emails : [])];
  const seen = new Set<string>();
  return all.filter((a) => !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
}

/** The consumer's handler body: drafts for every declaration event of the batch; returns how many. */
export async function draftMails(tx: Orm, events: readonly ChangeEvent[], crisisCell: string, gatewayBase: string): Promise<number> {
  const drafts: NewDraft[] = [];
  for (const event of events) {
    if (event.recordType === ALERT_RECORD) {
      drafts.push(...(await alertDrafts(tx, event, crisisCell)));
      continue;
    }
    if (event.recordType !== 'TENSION') continue;
    const payload = event.payload as unknown as TensionEventPayload;
    const details = await readMailDetails(tx, payload);
    const mail = tensionMail({ event, establishmentId: payload.establishmentId, status: payload.status, details, link: tensionLink(gatewayBase, event.recordId) });
    for (const recipient of recipientsOf(crisisCell, details.setting)) {
      drafts.push({ eventId: event.id, tensionId: event.recordId, establishmentId: payload.establishmentId, recipient, ...mail });
    }
  }
  await insertDrafts(tx, drafts);
  return drafts.length;
}

/** A manual alert's mails (het/mail.ts), raised or closed; `tensionId` holds the alert's id. */
async function alertDrafts(tx: Orm, event: ChangeEvent, crisisCell: string): Promise<NewDraft[]> {
  if (!MAILED_ALERT_ACTIONS.has(event.action)) return [];
  const payload = event.payload as unknown as AlertEventPayload;
  const details = await readMailDetails(tx, { ...payload, levelCode: '', timelineEntryIds: [] });
  const mail = alertMail(event, payload, details.groupLabel);
  return recipientsOf(crisisCell, details.setting).map((recipient) => ({ eventId: event.id, tensionId: event.recordId, establishmentId: payload.establishmentId, recipient, ...mail }));
}

/** Finishes drafts with the establishments' names, on the job scheduler: at once, when woken, and every sweep. */
function startDraftFinisher(orm: Orm, client: SubgraphClient, logger: Logger, onReleased: () => void): Job {
  const pass = async (): Promise<JobResult> => {
    let finished = 0;
    for (let full = true; full; ) {
      const drafts = await draftsToFinish(orm, DRAFT_BATCH);
      const ids = [...new Set(drafts.map((d) => d.establishmentId))];
      const found = await client.entities<{ id: string; name: string }>('offer', 'Establishment', ids, 'id name');
      const names = new Map(found.filter((e) => e !== null).map((e) => [e!.id, e!.name]));
      for (const d of drafts) {
        const name = names.get(d.establishmentId) ?? `établissement ${d.establishmentId}`;
        await releaseDraft(orm, d.id, withEstablishment(d.subject, name), withEstablishment(d.body, name));
      }
      if (drafts.length) onReleased();
      finished += drafts.length;
      full = drafts.length === DRAFT_BATCH;
    }
    return finished || 'idle';
  };
  // First run at once: drafts a previous process left.
  return startJob(logger, { name: 'tension-mail-drafts', failureLevel: 'warn', everyMs: SWEEP_EVERY_MS, firstAfterMs: 0, run: pass });
}

/** Starts the consumer, the draft finisher and the worker with the app; all stop when it closes. */
export function startTensionMail(app: FastifyInstance, deps: SubgraphDeps): void {
  const logger = deps.logger.child({ component: CONSUMER_NAME });
  const worker = deliverOutbox(app, deps, tensionMailOutbox, 'tensions');
  const client = createSubgraphClient(deps.config, deps.internalSecret);
  const finisher = startDraftFinisher(deps.db.orm, client, logger, () => worker.nudge());
  const gatewayBase = (deps.config.publicUrl ?? deps.config.oidcIssuer.replace(/\/oidc$/, '')).replace(/\/$/, '');
  const options = { name: CONSUMER_NAME, topics: ['tension'], startAt: 'now' as const };
  const consumer: Consumer = startConsumer(deps.db, deps.feed, logger, options, async (events, tx) => {
    const drafted = await draftMails(tx, events, deps.config.arsCrisisEmail, gatewayBase);
    // settled() resolves once this round has committed: only then are the drafts visible.
    if (drafted) void consumer.settled().then(() => finisher.wake());
  });
  app.addHook('onClose', async () => {
    await consumer.stop();
    await finisher.stop();
  });
}
