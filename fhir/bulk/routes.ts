/**
 * The Bulk Data 2.0 endpoints below the FHIR base:
 *
 * - `GET|POST /$export`: kick-off (202 + Content-Location, or 429 when the hub runs enough exports);
 * - `GET /$export-status/:id`: 202 with X-Progress and Retry-After, then 200 and the manifest;
 *   `DELETE` cancels (202) and deletes the files;
 * - `GET /$export-file/:id/:file`: one NDJSON file, streamed from the database;
 * - `GET /.well-known/smart-configuration`;
 * - Patient- and Group-level kick-offs: a clear refusal.
 *
 * Only applications holding `bulk.export` (SMART Backend Services tokens) may export; status,
 * files and cancel answer only to the application that kicked the export off.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../platform/executor.js';
import type { FhirRuntime } from '../features.js';
import { FHIR_JSON, unacceptableFormat } from '../format.js';
import { OperationOutcomeError, badRequest, getStatus, notAcceptable } from '../outcomes.js';
import type { OperationOutcome } from '../types.js';
import { bodyParameters, parseExportRequest, preferences, queryParameters } from './kickoff.js';
import { cancelled, forbidden, notExportable, tooManyExports, unauthenticated, unknownFile, unknownJob } from './outcomes.js';
import { createRunner } from './runner.js';
import { sourceOf, typesFor } from './sources.js';
import { smartConfiguration } from './smart.js';
import { createBulkStore, type BulkStore, type StoredChunk } from './store.js';
import type { ExportJob } from './tables.js';

export const NDJSON = 'application/fhir+ndjson';
/** Seconds a client waits between status polls (a region exports in seconds to minutes). */
const POLL_SECONDS = 1;
/** Seconds a refused client waits before kicking off again. */
const BUSY_SECONDS = 30;
/** Chunks read from the database per round trip while streaming a file. */
const CHUNKS_PER_READ = 4;

interface JobParams {
  id: string;
}
interface FileParams extends JobParams {
  file: string;
}

const ownerOf = (principal: Principal): string =>
  principal.kind === 'client' ? `client:${principal.clientId}` : `user:${principal.accountId}`;

function sendOutcome(reply: FastifyReply, status: number, outcome: OperationOutcome): FastifyReply {
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(status).type(FHIR_JSON).send(outcome);
}

/**
 * Whether the client takes a gzip body (`Accept-Encoding`, RFC 9110 §12.5.3): `gzip` or `*`
 * named without `q=0`.
 */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((item) => {
    const [coding = '', ...params] = item.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === 'x-gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * A chunk as the client takes it. Each stored chunk is a whole gzip member, and members
 * concatenated are one gzip stream, so a gzip client gets the rows as stored; any other gets
 * each chunk inflated on its own. Chunks stored as text (before compression) go the other way.
 */
async function chunkBody(chunk: StoredChunk, gzipped: boolean): Promise<Buffer | string> {
  if (chunk.gzip) return gzipped ? chunk.gzip : promisify(gunzip)(chunk.gzip);
  const lines = chunk.lines ?? '';
  return gzipped ? promisify(gzip)(lines, { level: 1 }) : lines;
}

/** Streams a file's chunks in order, a few rows at a time: memory stays flat whatever the file size. */
function fileStream(store: BulkStore, jobId: string, fileNo: number, gzipped: boolean): Readable {
  async function* chunks(): AsyncGenerator<Buffer | string> {
    let after = 0;
    for (;;) {
      const rows = await store.chunksAfter(jobId, fileNo, after, CHUNKS_PER_READ);
      for (const row of rows) yield await chunkBody(row, gzipped);
      if (rows.length < CHUNKS_PER_READ) return;
      after = rows.at(-1)!.chunkNo;
    }
  }
  return Readable.from(chunks());
}

export const bulkRoutes: FastifyPluginAsync<FhirRuntime> = async (app, runtime) => {
  const store = createBulkStore(runtime.db.orm);
  const config = runtime.config.bulkExport;
  const runner = createRunner({
    store,
    execute: runtime.execute,
    config,
    log: app.log.child({ component: 'fhir-bulk' }),
    parallel: runtime.db.kind === 'postgres',
    exportPages: true, // D143: the units through the subgraphs' export pages
  });
  app.addHook('onClose', () => runner.stop());
  const smart = smartConfiguration(runtime.config);
  const prefix = app.prefix;
  const baseOf = (request: FastifyRequest): string => runtime.baseUrl ?? `${request.protocol}://${request.host}${prefix}`;

  /** The caller's principal: 401 without a valid token. */
  async function principalOf(request: FastifyRequest): Promise<Principal> {
    const authorization = request.headers.authorization;
    let principal: Principal | null;
    try {
      principal = await runtime.principalOf(authorization);
    } catch (error) {
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      if (code === 'UNAUTHENTICATED') throw new OperationOutcomeError(unauthenticated((error as Error).message));
      throw error;
    }
    if (!principal) throw new OperationOutcomeError(unauthenticated('Bulk export needs a bearer token (SMART Backend Services, scope bulk.export)'));
    return principal;
  }

  /** 403 unless the caller is an application whose token carries bulk.export. */
  function requireExportScope(principal: Principal): void {
    if (principal.kind !== 'client') {
      throw new OperationOutcomeError(forbidden('Bulk export is for trust-circle applications (SMART Backend Services tokens), not hub users'));
    }
    if (!principal.scopes.includes('bulk.export')) {
      throw new OperationOutcomeError(forbidden(`The application ${principal.clientId} has no bulk.export scope in this token`));
    }
  }

  /** The caller's own job, whatever its state: 404 for anyone else's. */
  async function ownJob(request: FastifyRequest<{ Params: JobParams }>): Promise<{ job: ExportJob; principal: Principal }> {
    const principal = await principalOf(request);
    const job = await store.findJob(request.params.id, ownerOf(principal));
    if (!job) throw new OperationOutcomeError(unknownJob(request.params.id));
    requireExportScope(principal);
    return { job, principal };
  }

  const kickOff = async (request: FastifyRequest<{ Querystring: Record<string, string | string[]> }>, reply: FastifyReply) => {
    const refusal = unacceptableFormat([request.query._format ?? []].flat()[0], request.headers.accept);
    if (refusal) return sendOutcome(reply, 406, notAcceptable(refusal));
    const principal = await principalOf(request);
    requireExportScope(principal);
    const prefer = preferences(request.headers.prefer);
    if (!prefer.respondAsync) throw new OperationOutcomeError(badRequest('$export is asynchronous: send Prefer: respond-async'));
    const values = request.method === 'POST' ? bodyParameters(request.body) : queryParameters(request.query);
    const exportRequest = parseExportRequest(values, prefer.lenient);
    const { types, refused } = typesFor(exportRequest.types, exportRequest.named, principal.kind === 'client' ? principal.scopes : []);
    if (refused.length > 0) {
      const scopes = [...new Set(refused.map((t) => sourceOf(t)?.scope))].join(', ');
      throw new OperationOutcomeError(forbidden(`Exporting ${refused.join(', ')} needs the ${scopes} scope, which this token lacks`));
    }

    const base = baseOf(request);
    const id = randomUUID();
    const admitted = await store.admit(
      {
        id,
        principal,
        owner: ownerOf(principal),
        request: `${base}${request.url.slice(prefix.length)}`,
        types,
        since: exportRequest.since,
        transactionTime: new Date(),
      },
      config.maxJobs,
    );
    if (!admitted) return sendOutcome(reply.header('retry-after', String(BUSY_SECONDS)), 429, tooManyExports(config.maxJobs));
    runner.wake();
    return reply.code(202).header('content-location', `${base}/$export-status/${id}`).type(FHIR_JSON).send({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'information', code: 'informational', diagnostics: `Export ${id} accepted; poll the Content-Location URL` }],
    });
  };

  // No HEAD route: a HEAD must not start an export (it falls through to the router's 405).
  app.get('/$export', { exposeHeadRoute: false }, kickOff);
  app.post('/$export', kickOff);

  const patientLevel = (_: FastifyRequest, reply: FastifyReply) => sendOutcome(reply, 404, notExportable('Patient-level'));
  const groupLevel = (_: FastifyRequest, reply: FastifyReply) => sendOutcome(reply, 404, notExportable('Group-level'));
  app.route({ method: ['GET', 'POST'], url: '/Patient/$export', handler: patientLevel });
  app.route({ method: ['GET', 'POST'], url: '/Group/:id/$export', handler: groupLevel });

  app.get<{ Params: JobParams }>('/$export-status/:id', async (request, reply) => {
    const { job } = await ownJob(request);
    if (job.status === 'accepted' || job.status === 'in-progress') {
      return reply
        .code(202)
        .header('x-progress', job.status === 'accepted' ? 'queued' : (job.progress ?? 'in progress'))
        .header('retry-after', String(POLL_SECONDS))
        .send();
    }
    if (job.status === 'failed') {
      const outcome = job.error ?? unknownJob(job.id);
      return sendOutcome(reply, Math.max(getStatus(outcome), 500), outcome);
    }
    const base = baseOf(request);
    // Files in the order of the requested types (a pass feeding two types interleaves their numbers).
    const files = (await store.filesOf(job.id)).sort((a, b) => job.types.indexOf(a.type) - job.types.indexOf(b.type) || a.fileNo - b.fileNo);
    if (job.expiresAt) reply.header('expires', job.expiresAt.toUTCString());
    return reply
      .code(200)
      .type('application/json')
      .send({
        transactionTime: job.transactionTime.toISOString(),
        request: job.request,
        requiresAccessToken: true,
        output: files.map((f) => ({ type: f.type, url: `${base}/$export-file/${job.id}/${f.fileNo}`, count: f.count })),
        error: [],
      });
  });

  app.delete<{ Params: JobParams }>('/$export-status/:id', async (request, reply) => {
    const principal = await principalOf(request);
    requireExportScope(principal);
    if (!(await store.deleteJob(request.params.id, ownerOf(principal)))) throw new OperationOutcomeError(unknownJob(request.params.id));
    return sendOutcome(reply, 202, cancelled(request.params.id));
  });

  app.get<{ Params: FileParams }>('/$export-file/:id/:file', async (request, reply) => {
    const { job } = await ownJob(request);
    const fileNo = Number(request.params.file);
    const file = job.status === 'completed' && Number.isInteger(fileNo) ? await store.file(job.id, fileNo) : null;
    if (!file) throw new OperationOutcomeError(unknownFile(job.id, request.params.file));
    const gzipped = acceptsGzip(request.headers['accept-encoding']);
    if (gzipped) reply.header('content-encoding', 'gzip');
    return reply.code(200).type(NDJSON).header('vary', 'accept-encoding').send(fileStream(store, job.id, file.fileNo, gzipped));
  });

  app.get('/.well-known/smart-configuration', async (_request, reply) => reply.type('application/json').send(await smart()));
};
