/**
 * Demo data of the admissions subgraph: past, closed requests (scripts/demo/region/admissions.ts)
 * so the indicators have data. They are the demo accounts' activity, so, like those accounts,
 * they are seeded only outside production. The clinical summaries are encrypted with the
 * subgraph's data key, as the lifecycle stores them.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.js';
import type { AdmissionsConfig } from '../../../platform/config.js';
import { insertInChunks } from '../../../platform/db/bulk.js';
import { createCipher, loadDataKey } from '../crypto.js';
import { requestEvents, requests, requestTargets } from '../tables.js';

export interface SeedAdmissionTarget {
  unitId: string;
  establishmentId: string;
  organizationId: string;
  status: string;
  answer: string | null;
  refusalReason: string | null;
  comment: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

export interface SeedAdmissionRequest {
  id: string;
  status: string;
  patientAge: number;
  patientSex: string;
  discipline: string | null;
  activityCode: string | null;
  urgency: string;
  /** Plain text: encrypted here. */
  clinicalSummary: string;
  callbackContact: string;
  requesterKind: string;
  requesterSubject: string;
  requesterName: string;
  requesterProfessionalId: string | null;
  onBehalfOf: string | null;
  acceptedUnitId: string | null;
  createdAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
  targets: SeedAdmissionTarget[];
  events: Array<{ at: Date; actor: string; action: string; unitId: string | null }>;
}

/** Demo requests (scripts/demo): past requests so the indicators have data. */
export interface AdmissionSeed {
  requests: SeedAdmissionRequest[];
  /** The requests are seeded only when this is given and not `production` (as the demo accounts). */
  nodeEnv?: string;
  /** config.admissions: its data key encrypts the summaries (else the one kept in the schema). */
  admissions?: Pick<AdmissionsConfig, 'dataKey'>;
}

/** Inserts the requests, their targets and events when the schema holds no request; true when it wrote. */
export async function seedAdmissions(db: Database, input: AdmissionSeed): Promise<boolean> {
  if (!input.nodeEnv || input.nodeEnv === 'production') return false;
  const [existing] = await db.rows<{ n: number }>(sql`select count(*)::int as n from ${requests}`);
  if ((existing?.n ?? 0) > 0 || input.requests.length === 0) return false; // counted first: the requests may be built only when needed (scripts/demo/lazy.ts)
  const cipher = createCipher(await loadDataKey(db.orm, { nodeEnv: input.nodeEnv, admissions: { dataKey: input.admissions?.dataKey ?? null } }));
  await db.orm.transaction(async (tx) => {
    await insertInChunks(
      tx,
      requests,
      input.requests.map((r) => ({
        id: r.id,
        status: r.status,
        // Every request went through one version per event after its creation.
        version: r.events.length,
        patientAge: r.patientAge,
        patientSex: r.patientSex,
        discipline: r.discipline,
        activityCode: r.activityCode,
        urgency: r.urgency,
        clinicalSummaryEnc: cipher.encrypt(r.clinicalSummary),
        patientNameEnc: null,
        callbackContact: r.callbackContact,
        requesterKind: r.requesterKind,
        requesterSubject: r.requesterSubject,
        requesterName: r.requesterName,
        requesterProfessionalId: r.requesterProfessionalId,
        onBehalfOf: r.onBehalfOf,
        acceptedUnitId: r.acceptedUnitId,
        createdAt: r.createdAt,
        updatedAt: r.events[r.events.length - 1]?.at ?? r.createdAt,
        expiresAt: r.expiresAt,
        closedAt: r.closedAt,
      })),
    );
    await insertInChunks(tx, requestTargets, input.requests.flatMap((r) => r.targets.map((t) => ({ requestId: r.id, ...t }))));
    await insertInChunks(tx, requestEvents, input.requests.flatMap((r) => r.events.map((e) => ({ requestId: r.id, ...e, address: null }))));
  });
  return true;
}
