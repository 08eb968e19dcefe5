/**
 * The FHIR R4 entry point, as an encapsulated Fastify plugin. The composition root registers it
 * with `{ prefix: '/fhir' }` on the gateway's app and hands it the in-process GraphQL executor:
 * every read is a GraphQL operation run with the caller's own Authorization header, so FHIR
 * clients get exactly the data and rights GraphQL clients get.
 *
 * It is deliberately not wrapped in fastify-plugin: its error handler, not-found handler and
 * content-type parser must only apply below its prefix.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { FHIR_FEATURES, type FhirRuntime } from './features.js';
import { FHIR_JSON, unacceptableFormat } from './format.js';
import { createVersionStore } from './history/store.js';
import {
  OperationOutcomeError,
  badRequest,
  getStatus,
  notAcceptable,
  serverError,
  unknownPath,
  unsupportedMediaType,
} from './outcomes.js';
import { dispatch, etagOf, notModified } from './router.js';
import type { FhirResource, OperationOutcome } from './types.js';
import type { SearchRequest } from './search/engine.js';

export interface FhirPluginOptions {
  execute: FhirRuntime['execute'];
  /** Public base URL of the FHIR endpoint (e.g. https://hub.example/fhir); derived from each request when absent. */
  baseUrl?: string;
  /**
   * What the features (subscriptions, bulk export, …) need besides the executor. The hub always
   * passes it; without it only the RESTful core is served (the router's unit tests).
   */
  runtime?: Omit<FhirRuntime, 'execute' | 'baseUrl'>;
}

/** Where the gateway serves FHIR. */
export const FHIR_PREFIX = '/fhir';

/**
 * The FHIR endpoint's public base: ROR_PUBLIC_URL is the hub's (the gateway's root), so FHIR
 * is below it at /fhir. Links built on the bare public URL (status URLs of exports, fullUrls,
 * paging links) answered 404 behind a load balancer (issue 15). Null: each request's own host.
 */
export function fhirBaseUrl(publicUrl: string | null): string | undefined {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${FHIR_PREFIX}` : undefined;
}

interface FhirRoute {
  Params: { '*'?: string };
  Querystring: { _format?: string | string[]; [parameter: string]: string | string[] | undefined };
}

/** HEAD is added by Fastify for the GET route (exposeHeadRoutes). */
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Writes an outcome, or the resource it comes with, as application/fhir+json. A resource whose
 * ETag the client already holds (If-None-Match) is answered 304 without a body.
 */
function send(reply: FastifyReply, outcome: OperationOutcome, resource?: FhirResource, ifNoneMatch?: string, baseUrl?: string): FastifyReply {
  const status = getStatus(outcome);
  reply.code(status).type(FHIR_JSON);
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  if (status >= 400 || !resource) return reply.send(outcome);
  // A create answers where the new resource lives (R4 http.html#create).
  if (status === 201 && baseUrl && 'id' in resource && resource.id) {
    const versionId = 'meta' in resource ? resource.meta?.versionId : undefined;
    reply.header('location', `${baseUrl}/${resource.resourceType}/${resource.id}${versionId ? `/_history/${versionId}` : ''}`);
  }
  const lastUpdated = 'meta' in resource ? resource.meta?.lastUpdated : undefined;
  if (lastUpdated) reply.header('last-modified', new Date(lastUpdated).toUTCString());
  const etag = etagOf(resource);
  if (etag) reply.header('etag', etag);
  if (notModified(ifNoneMatch, etag)) return reply.code(304).send();
  return reply.send(resource);
}

/** The one place a throw becomes an OperationOutcome; unexpected errors are logged and masked. */
function errorToOutcome(error: unknown, request: FastifyRequest): OperationOutcome {
  if (error instanceof OperationOutcomeError) return error.outcome;
  if (error instanceof Error && 'statusCode' in error) {
    const { statusCode, message } = error as FastifyError;
    if (statusCode === 415) return unsupportedMediaType(message);
    if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) return badRequest(message); // e.g. malformed JSON body
  }
  const errorId = randomUUID();
  request.log.error({ err: error, errorId }, 'FHIR request failed');
  return serverError(errorId);
}

/** Search parameters of the query string, then of a form body (POST _search), and `Prefer: handling=lenient`. */
function searchRequestOf(request: FastifyRequest, baseUrl: string): SearchRequest {
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  const params = [...new URLSearchParams(query)];
  if (typeof request.body === 'string') params.push(...new URLSearchParams(request.body));
  const prefer = [request.headers.prefer ?? []].flat().join(',');
  return { params, baseUrl, lenient: /(^|[,;\s])handling\s*=\s*lenient\b/i.test(prefer) };
}

const fhirPlugin: FastifyPluginAsync<FhirPluginOptions> = async (app, options) => {
  const startedAt = new Date().toISOString();
  const configuredBaseUrl = options.baseUrl?.replace(/\/+$/, '');
  const prefix = app.prefix;
  const contributions = (options.runtime ? FHIR_FEATURES : []).flatMap((f) =>
    f.capability ? [typeof f.capability === 'function' ? f.capability(options.runtime!.config) : f.capability] : [],
  );
  const versions = options.runtime ? createVersionStore(options.runtime.db) : undefined;

  // FHIR clients send bodies as application/fhir+json: parse them like JSON so a POST or PUT
  // reaches the router and gets its 405, not a content-type 415.
  // JSON Patch is how a Task is patched (fhir/admissions/handlers.ts).
  app.addContentTypeParser(
    ['application/fhir+json', 'application/json+fhir', 'application/json-patch+json'],
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );

  // POST [type]/_search sends its parameters as a form (FHIR R4 http.html#search).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error, request, reply) => send(reply, errorToOutcome(error, request)));
  app.setNotFoundHandler((request, reply) => send(reply, unknownPath(request.method, request.url)));

  const handle = async (request: FastifyRequest<FhirRoute>, reply: FastifyReply): Promise<FastifyReply> => {
    const format = [request.query._format ?? []].flat()[0];
    const refusal = unacceptableFormat(format, request.headers.accept);
    if (refusal) return send(reply, notAcceptable(refusal));

    const baseUrl = configuredBaseUrl ?? `${request.protocol}://${request.host}${prefix}`;
    const [outcome, resource] = await dispatch(
      request.method,
      request.params['*'] ?? '',
      {
        execute: options.execute,
        caller: { authorization: request.headers.authorization },
        request: { query: request.query, body: request.body, ifMatch: request.headers['if-match'], contentType: request.headers['content-type'] },
        versions,
        baseUrl,
        search: searchRequestOf(request, baseUrl),
      },
      { baseUrl, date: startedAt, contributions },
    );
    return send(reply, outcome, resource, request.headers['if-none-match'], baseUrl);
  };

  const features = options.runtime ? FHIR_FEATURES : [];
  const runtime: FhirRuntime | null = options.runtime ? { ...options.runtime, execute: options.execute, baseUrl: configuredBaseUrl } : null;
  for (const feature of features) await app.register(feature.routes, runtime!);
  app.route<FhirRoute>({ method: METHODS, url: '/', handler: handle });
  app.route<FhirRoute>({ method: METHODS, url: '/*', handler: handle });
};

export default fhirPlugin;
