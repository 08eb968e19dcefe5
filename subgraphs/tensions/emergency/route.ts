/**
 * `POST /imports/rpu?dryRun=true|false` on the tensions subgraph: the raw RPU file (XML or CSV) as
 * the body, imported as `npm run import:rpu` does (docs/emergency.md). The gateway forwards it with
 * the caller's identity envelope. The caller needs a right in EMERGENCY_WRITE on every establishment
 * of the file; FINESS numbers are checked against the offer subgraph. Answers the `--json` report:
 * 200 when written (or a clean dry run), 422 when records were rejected and nothing was written.
 */
import type { FastifyInstance } from 'fastify';
import { HubError } from '../../../platform/errors.js';
import type { Database } from '../../../platform/db/client.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { requireEmergencyWrite } from './access.js';
import { exitCodeOf, importRpu } from './import.js';
import { decodeRpu } from './parse.js';

export const RPU_IMPORT_PATH = '/imports/rpu';
export const RPU_BODY_LIMIT = 100 * 1024 * 1024;
export const RPU_CONTENT_TYPES = ['application/xml', 'text/xml', 'text/csv', 'application/octet-stream'];

export async function rpuImportRoute(app: FastifyInstance, options: { db: Database; client: SubgraphClient }): Promise<void> {
  app.addContentTypeParser(RPU_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: RPU_BODY_LIMIT }, (_request, body, done) => done(null, body));
  app.post<{ Querystring: { dryRun?: string }; Body: Buffer }>(RPU_IMPORT_PATH, { bodyLimit: RPU_BODY_LIMIT }, async (request, reply) => {
    const identity = request.identity;
    if (identity.kind === 'anonymous') throw new HubError('UNAUTHENTICATED', 'Authentication required: send a bearer token (Authorization: Bearer …).');
    const dryRun = request.query.dryRun;
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') throw new HubError('BAD_USER_INPUT', 'dryRun must be true or false.');
    if (!Buffer.isBuffer(request.body)) throw new HubError('BAD_USER_INPUT', `Send the file as the request body (content-type ${RPU_CONTENT_TYPES.join(', ')}).`);
    const started = performance.now();
    const report = await importRpu(options.db, decodeRpu(request.body), {
      dryRun: dryRun === 'true',
      authorize: (ids) => ids.forEach((id) => requireEmergencyWrite(identity, id)),
      knownEstablishments: async (ids) => {
        const found = await options.client.entities<{ id: string }>('offer', 'Establishment', ids, 'id');
        return new Set(found.filter((e): e is { id: string } => e !== null).map((e) => e.id));
      },
    });
    const seconds = (performance.now() - started) / 1000;
    // Counts only: no value of a passage is ever logged.
    request.log.info({ records: report.records, created: report.created, updated: report.updated, rejected: report.rejected, written: report.written }, 'RPU import');
    return reply.code(exitCodeOf(report) === 0 ? 200 : 422).send({ ...report, seconds });
  });
}
