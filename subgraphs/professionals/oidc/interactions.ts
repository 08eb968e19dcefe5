/**
 * Sign-in pages of the provider (`/oidc/interaction/:uid`): the login form, its submission and
 * cancellation. Consent is given on the user's behalf for the hub's own first-party clients (the
 * only clients that sign users in), so users never see a consent screen.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import formbody from '@fastify/formbody';
import { errors, type Interaction, type Provider } from 'oidc-provider';
import type { Orm } from '../../../platform/db/client.js';
import { recordLogin, verifyAccountPassword } from '../accounts.js';
import { isFirstParty } from './clients.js';
import { basePathOfIssuerPath, loginPage, messagePage, sendPage } from './pages.js';

/** One message whatever failed (unknown login, wrong password, disabled or archived account). */
export const INVALID_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';
export const SIGN_IN_EXPIRED = 'Cette page de connexion a expiré ou a déjà servi : revenez à l’application et connectez-vous de nouveau.';

interface InteractionRoute {
  Params: { uid: string };
  Body: { login?: unknown; password?: unknown };
}

const send = sendPage;

const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

/** A grant of `openid` for the hub API to a first-party client (the API scopes are for applications). */
async function grantFirstParty(provider: Provider, details: Interaction, accountId: string): Promise<string> {
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing?.accountId === accountId ? existing : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  grant.addOIDCScope('openid');
  return grant.save();
}

export interface InteractionOptions {
  provider: Provider;
  orm: Orm;
  /** Public path of the issuer (`/oidc`): the form actions the browser posts to. */
  issuerPath: string;
  /** scrypt cost of password hashes (config.passwordScryptLog2N): older ones are rehashed at sign-in. */
  passwordLog2N: number;
}

export async function registerInteractions(app: FastifyInstance, { provider, orm, issuerPath, passwordLog2N }: InteractionOptions): Promise<void> {
  const basePath = basePathOfIssuerPath(issuerPath);
  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 8_192 });

    /** The interaction of this browser (from its signed cookie), checked against the URL. */
    const load = async (request: { raw: Parameters<Provider['interactionDetails']>[0]; params: { uid: string } }, reply: FastifyReply) => {
      try {
        const details = await provider.interactionDetails(request.raw, reply.raw);
        if (details.uid === request.params.uid) return details;
      } catch (error) {
        if (!(error instanceof errors.SessionNotFound)) throw error;
      }
      send(reply, 400, messagePage('Connexion expirée', SIGN_IN_EXPIRED, basePath));
      return null;
    };

    const form = async (details: Interaction, extra: { login?: string; error?: string } = {}) => {
      const client = await provider.Client.find(String(details.params.client_id));
      const base = `${issuerPath}/interaction/${details.uid}`;
      return loginPage({ action: `${base}/login`, abortAction: `${base}/abort`, clientName: client?.clientName ?? 'ROR Hub', basePath, ...extra });
    };

    const finish = async (request: { raw: Parameters<Provider['interactionResult']>[0] }, reply: FastifyReply, result: Parameters<Provider['interactionResult']>[2]) => {
      const returnTo = await provider.interactionResult(request.raw, reply.raw, result, { mergeWithLastSubmission: false });
      return reply.headers({ 'cache-control': 'no-store' }).redirect(returnTo, 303);
    };

    scope.get<InteractionRoute>('/oidc/interaction/:uid', async (request, reply) => {
      const details = await load(request, reply);
      if (!details) return reply;
      if (details.prompt.name === 'login') return send(reply, 200, await form(details));
      // Signed in already, a first-party client asks again (a new client, or the CLI, which as a
      // native app is always re-prompted): consent is implied.
      if (details.prompt.name === 'consent' && details.session && isFirstParty(details.params.client_id)) {
        const grantId = await grantFirstParty(provider, details, details.session.accountId);
        return finish(request, reply, { consent: { grantId } });
      }
      return send(reply, 403, messagePage('Accès refusé', 'Cette application ne peut pas connecter les utilisateurs du hub.', basePath));
    });

    scope.post<InteractionRoute>('/oidc/interaction/:uid/login', async (request, reply) => {
      const details = await load(request, reply);
      if (!details) return reply;
      const login = text(request.body?.login, 200);
      const password = text(request.body?.password, 1_024);
      const account = login && password ? await verifyAccountPassword(orm, login, password, passwordLog2N) : null;
      if (!account) return send(reply, 401, await form(details, { login, error: INVALID_CREDENTIALS }));
      await recordLogin(orm, account.id, new Date());
      const result = { login: { accountId: account.id } };
      if (!isFirstParty(details.params.client_id)) return finish(request, reply, result);
      return finish(request, reply, { ...result, consent: { grantId: await grantFirstParty(provider, details, account.id) } });
    });

    scope.post<InteractionRoute>('/oidc/interaction/:uid/abort', async (request, reply) => {
      const details = await load(request, reply);
      if (!details) return reply;
      return finish(request, reply, { error: 'access_denied', error_description: 'The user cancelled the sign-in.' });
    });
  });
}
