/**
 * `POST /imports/finess?partial=true|false&dryRun=true|false` on the offer subgraph: the raw
 * FINESS file as the body (text/csv or application/octet-stream), imported like
 * `npm run import:finess` does (docs/finess-import.md). The gateway forwards it with the
 * caller's identity envelope; the caller needs ORU_ROR_ETABLISSEMENT_EDIT on TRANSVERSAL.
 * Answers the report the CLI prints with `--json`: 200 when written (or a clean dry run),
 * 422 when rows were rejected and nothing was written.
 */
import type { FastifyInstance } from 'fastify';
import { HubError } from '../../../platform/errors.js';
import { requireRight } from '../../../platform/auth/authorize.js';
import type { Database } from '../../../platform/db/client.js';
import { decodeFiness } from './parse.js';
import { exitCodeOf, importFiness } from './import.js';
import { actorOf } from '../editing/audit.js';

export const FINESS_IMPORT_PATH = '/imports/finess';
/** Largest file accepted (the national extract is about 30 MB). */
export const FINESS_BODY_LIMIT = 50 * 1024 * 1024;
export const FINESS_CONTENT_TYPES = ['text/csv', 'application/octet-stream'];

interface ImportQuery {
  partial?: string;
  dryRun?: string;
}

function flag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new HubError('BAD_USER_INPUT', `${name} must be true or false, got "${value}".`);
}

export async function finessImportRoute(app: FastifyInstance, options: { db: Database }): Promise<void> {
  // Scoped to this plugin: the rest of the subgraph keeps Fastify's default parsers and limit.
  app.addContentTypeParser(FINESS_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: FINESS_BODY_LIMIT }, (_request, body, done) => done(null, body));
  app.post<{ Querystring: ImportQuery; Body: Buffer }>(FINESS_IMPORT_PATH, { bodyLimit: FINESS_BODY_LIMIT }, async (request, reply) => {
    requireRight(request.identity, 'ORU_ROR_ETABLISSEMENT_EDIT', { kind: 'TRANSVERSAL' });
    const partial = flag('partial', request.query.partial);
    const dryRun = flag('dryRun', request.query.dryRun);
    if (!Buffer.isBuffer(request.body)) {
      throw new HubError('BAD_USER_INPUT', `Send the file as the request body (content-type ${FINESS_CONTENT_TYPES.join(' or ')}).`);
    }
    const text = decodeFiness(request.body);
    const started = performance.now();
    // The audit trail and the feed name the signed-in user (their login), not the hub.
    const report = await importFiness(options.db, text, { partial, dryRun, actor: actorOf(request.identity) });
    const seconds = (performance.now() - started) / 1000;
    request.log.info({ rows: report.rows, created: report.created, updated: report.updated, rejected: report.rejected, written: report.written }, 'FINESS import');
    return reply.code(exitCodeOf(report) === 0 ? 200 : 422).send({ ...report, seconds });
  });
}
