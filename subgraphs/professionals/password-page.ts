/**
 * The page of password links, `/password/create?token=…` (the link of the welcome mail and of
 * `sendPasswordLink`): a plain form, new password twice and the token in a hidden field, like the
 * sign-in pages (French, DSFR-styled, no script, nothing loaded from outside, no framing). Its submission goes through
 * the credential service's `createPassword`, the very code of the GraphQL mutation, so the rules
 * stay there: password policy, single use, 48-hour expiry, one transaction. This page only checks
 * that both passwords match, and turns the service's errors into pages, in French.
 *
 * Mounted on the professionals subgraph next to the sign-in pages; the gateway forwards
 * `/password/*` (gateway/plugins/use-oidc-proxy.ts). The token travels in the query string of the
 * GET, so these routes log requests without their query; no token or password is ever logged.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import { ERROR_CODES, HubError } from '../../platform/errors.js';
import type { Orm } from '../../platform/db/client.js';
import { createCredentialService } from './credentials.js';
import { escapeHtml, field, messagePage, page, sendPage } from './oidc/pages.js';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './passwords.js';
import { createProfessionalStore } from './store.js';

export const PASSWORD_PAGE_PATH = '/password/create';
export const PASSWORDS_DIFFER = 'Les deux mots de passe sont différents : saisissez deux fois le même mot de passe.';
const TITLE = 'Choisir votre mot de passe';
const NOT_SET = 'Mot de passe non enregistré';

/**
 * The credential service's refusals, in French: its messages are the GraphQL API's (English), so
 * the page words them by their reason, for the person holding the link.
 */
export const LINK_REFUSALS = {
  INVALID: 'Ce lien de création de mot de passe n’est pas valide : vérifiez que le lien a été ouvert en entier.',
  USED: 'Ce lien a déjà servi : il ne fonctionne qu’une fois. Connectez-vous avec votre mot de passe, ou demandez un nouveau lien à votre référent.',
  EXPIRED: 'Ce lien a expiré (les liens sont valables 48 heures) : demandez-en un nouveau à votre référent.',
  FORBIDDEN: 'Ce compte est désactivé ou archivé : adressez-vous à votre référent.',
} as const;

interface PasswordRoute {
  Querystring: { token?: unknown };
  Body: { token?: unknown; password?: unknown; confirmation?: unknown };
}

const send = sendPage;

const statusOf = (error: HubError): number => {
  const code = error.extensions.code;
  return typeof code === 'string' && code in ERROR_CODES ? ERROR_CODES[code as keyof typeof ERROR_CODES].status : 400;
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Request logs of these routes: the query (the token) is left out. */
const LOG_SERIALIZERS = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: request.url.includes('?') ? `${request.url.slice(0, request.url.indexOf('?'))}?<redacted>` : request.url,
    host: request.host,
    remoteAddress: request.ip,
  }),
};

interface FormState {
  action: string;
  basePath: string;
  token: string;
  error?: string;
  /** The field the error is about: the message goes right under it, and it gets the focus. */
  invalid?: 'password' | 'confirmation';
}

export function passwordForm(form: FormState): string {
  const rules = `Au moins ${MIN_PASSWORD_LENGTH} caractères, avec des lettres et au moins un chiffre ou un symbole.`;
  const input = (name: 'password' | 'confirmation', label: string) => {
    const invalid = form.invalid === name;
    const focus = form.invalid ? invalid : name === 'password';
    return field({
      id: name,
      label,
      attributes: `name="${name}" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required${focus ? ' autofocus' : ''}`,
      ...(name === 'password' ? { hint: { id: 'password-rules', text: rules } } : {}),
      ...(invalid && form.error ? { error: { id: 'password-error', text: form.error } } : {}),
    });
  };
  return page(
    TITLE,
    `<h1>${TITLE}</h1>
<p>Choisissez le mot de passe avec lequel vous vous connecterez à ROR Hub. Ce lien ne fonctionne qu’une fois.</p>
<form method="post" action="${escapeHtml(form.action)}">
<input type="hidden" name="token" value="${escapeHtml(form.token)}">
${input('password', 'Nouveau mot de passe')}
${input('confirmation', 'Confirmation du nouveau mot de passe')}
<button type="submit" class="fr-btn fr-mt-2w">Enregistrer mon mot de passe</button>
</form>`,
    form.basePath,
  );
}

function signInLink(signInUrl: string): string {
  return `<p class="fr-mt-2w"><a class="fr-link" href="${escapeHtml(signInUrl)}">Se connecter à ROR Hub</a></p>`;
}

export function passwordSetPage(login: string, signInUrl: string, basePath: string): string {
  return page(
    'Mot de passe enregistré',
    `<h1>Mot de passe enregistré</h1>
<div class="fr-alert fr-alert--success fr-alert--sm" role="status"><p>Le mot de passe du compte <strong>${escapeHtml(login)}</strong> est enregistré. Vous pouvez désormais vous connecter avec.</p></div>
${signInLink(signInUrl)}`,
    basePath,
  );
}

/** A link that cannot be used (used, expired, invalid) or an account that cannot get a password. */
function refusedPage(error: HubError, signInUrl: string, basePath: string): string {
  const reason = error.extensions.reason;
  const known = error.extensions.code === 'FORBIDDEN' ? 'FORBIDDEN' : reason === 'INVALID' || reason === 'USED' || reason === 'EXPIRED' ? reason : null;
  // Another refusal the service may add later keeps its own (English) words rather than a wrong French one.
  const message = known ? LINK_REFUSALS[known] : error.message;
  return page(
    NOT_SET,
    `<h1>${NOT_SET}</h1>
<div class="fr-alert fr-alert--error fr-alert--sm" role="alert"><p>${escapeHtml(message)}</p></div>
${reason === 'USED' ? signInLink(signInUrl) : ''}`,
    basePath,
  );
}

export interface PasswordPageOptions {
  orm: Orm;
  /** The hub's public base URL (e.g. https://ror.example.org): the page's own path and the sign-in link. */
  publicBase: string;
  /** scrypt cost of new password hashes (config.passwordScryptLog2N). */
  passwordLog2N: number;
}

export async function registerPasswordPage(app: FastifyInstance, { orm, publicBase, passwordLog2N }: PasswordPageOptions): Promise<void> {
  const credentials = createCredentialService(createProfessionalStore(orm), passwordLog2N);
  // Relative to the public host, as the browser sees it (the gateway may sit under a path).
  const basePath = new URL(publicBase).pathname.replace(/\/$/, '');
  const action = `${basePath}${PASSWORD_PAGE_PATH}`;
  const signInUrl = `${publicBase.replace(/\/$/, '')}/`;

  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 8_192 });

    scope.get<PasswordRoute>(PASSWORD_PAGE_PATH, { logSerializers: LOG_SERIALIZERS }, async (request, reply) => {
      const token = text(request.query.token);
      if (!token) return send(reply, 400, messagePage(NOT_SET, LINK_REFUSALS.INVALID, basePath));
      return send(reply, 200, passwordForm({ action, basePath, token }));
    });

    scope.post<PasswordRoute>(PASSWORD_PAGE_PATH, { logSerializers: LOG_SERIALIZERS }, async (request, reply) => {
      const token = text(request.body?.token);
      const password = text(request.body?.password);
      if (password !== text(request.body?.confirmation)) {
        return send(reply, 400, passwordForm({ action, basePath, token, error: PASSWORDS_DIFFER, invalid: 'confirmation' }));
      }
      try {
        const done = await credentials.createPassword(token, password);
        request.log.info({ professionalId: done.professionalId }, 'password created through a password link');
        return send(reply, 200, passwordSetPage(done.login, signInUrl, basePath));
      } catch (error) {
        if (!(error instanceof HubError)) {
          // Database errors reach here without their bound values (rethrowDbError): no token, no hash.
          const errorId = randomUUID();
          request.log.error({ err: error, errorId }, 'password link page failed');
          return send(reply, 500, messagePage(NOT_SET, `Une erreur est survenue de notre côté (erreur ${errorId}) : veuillez réessayer plus tard.`, basePath));
        }
        const status = statusOf(error);
        // The password policy: the link is still good, so the form comes back with the reason.
        if (error.extensions.argumentName === 'password') {
          const problem = passwordProblem(password, 'fr') ?? error.message;
          return send(reply, status, passwordForm({ action, basePath, token, error: problem, invalid: 'password' }));
        }
        return send(reply, status, refusedPage(error, signInUrl, basePath));
      }
    });
  });
}
