/**
 * The gateway's root page: where a person lands after creating a password or signing out, and
 * what an operator sees opening the hub's URL. It only lists the entry points; there is no UI.
 */
import type { FastifyPluginAsync } from 'fastify';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ROR Hub</title></head>
<body><main>
<h1>ROR Hub</h1>
<p>The regional ROR's GraphQL gateway and FHIR R4 entry point. Your password is set: sign in from your ROR application.</p>
<ul>
<li><a href="graphql">GraphQL API</a> (POST; bearer token for anything beyond the public directory)</li>
<li><a href="fhir/metadata">FHIR CapabilityStatement</a></li>
<li><a href="oidc/.well-known/openid-configuration">OpenID Connect discovery</a></li>
<li><a href="health">Health</a>, <a href="ready">readiness</a>, <a href="metrics">metrics</a></li>
</ul>
</main></body></html>`;

export const homePage: FastifyPluginAsync = async (app) => {
  app.get('/', async (_request, reply) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(PAGE),
  );
};
