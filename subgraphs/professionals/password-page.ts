/**
 * The page of password links, `/password/create?token=…` (the link of the welcome mail and of
 * `sendPasswordLink`): a plain form, new password twice and the token in a hidden field, like the
 * sign-in pages (no script, nothing loaded from outside, no framing). Its submission goes through
 * the credential service's `createPassword`, the very code of the GraphQL mutation, so the rules
 * stay there: password policy, single use, 48-hour expiry, one transaction. This page only checks
 * that both passwords match, and turns the service's errors into pages.
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
import { escapeHtml, messagePage, page, sendPage } from './oidc/pages.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';
import { createProfessionalStore } from './store.js';

export const PASSWORD_PAGE_PATH = '/password/create';
export const PASSWORDS_DIFFER = 'The two passwords are different: type the same password twice.';
const MISSING_TOKEN = 'This password link is not valid: check that the whole link was opened.';

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
  token: string;
  error?: string;
  /** The field the error is about. */
  invalid?: 'password' | 'confirmation';
}

export function passwordForm(form: FormState): string {
  const rules = `At least ${MIN_PASSWORD_LENGTH} characters, with letters and at least one digit or symbol.`;
  const field = (name: 'password' | 'confirmation', label: string, first: boolean) => {
    const invalid = form.invalid === name;
    const describedBy = [name === 'password' ? 'password-rules' : '', invalid ? 'password-error' : ''].filter(Boolean).join(' ');
    const focus = form.invalid ? invalid : first;
    return `  <label for="${name}">${label}</label>
  <input id="${name}" name="${name}" type="password" autocomplete="new-password" minlength="${MIN_PASSWORD_LENGTH}" required${focus ? ' autofocus' : ''}${
    describedBy ? ` aria-describedby="${describedBy}"` : ''
  }${invalid ? ' aria-invalid="true"' : ''}>`;
  };
  return page(
    'Choose your password',
    `<h1>Choose your password</h1>
<p>Choose the password you will sign in to ROR Hub with. This link works once.</p>
${form.error ? `<p id="password-error" class="error" role="alert">${escapeHtml(form.error)}</p>\n` : ''}<form method="post" action="${escapeHtml(form.action)}">
  <input type="hidden" name="token" value="${escapeHtml(form.token)}">
${field('password', 'New password', true)}
  <p id="password-rules">${escapeHtml(rules)}</p>
${field('confirmation', 'Confirm the new password', false)}
  <button type="submit">Set my password</button>
</form>`,
  );
}

function signInLink(signInUrl: string): string {
  return `<p><a href="${escapeHtml(signInUrl)}">Sign in to ROR Hub</a></p>`;
}

export function passwordSetPage(login: string, signInUrl: string): string {
  return page(
    'Password set',
    `<h1>Password set</h1>
<p role="status">The password of the account <strong>${escapeHtml(login)}</strong> is set. You can now sign in with it.</p>
${signInLink(signInUrl)}`,
  );
}

/** A link that cannot be used (used, expired, invalid) or an account that cannot get a password. */
function refusedPage(error: HubError, signInUrl: string): string {
  const used = error.extensions.reason === 'USED';
  return page(
    'Password not set',
    `<h1>Password not set</h1>
<p class="error" role="alert">${escapeHtml(error.message)}</p>
${used ? signInLink(signInUrl) : ''}`,
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
  const action = `${new URL(publicBase).pathname.replace(/\/$/, '')}${PASSWORD_PAGE_PATH}`;
  const signInUrl = `${publicBase.replace(/\/$/, '')}/`;

  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 8_192 });

    scope.get<PasswordRoute>(PASSWORD_PAGE_PATH, { logSerializers: LOG_SERIALIZERS }, async (request, reply) => {
      const token = text(request.query.token);
      if (!token) return send(reply, 400, messagePage('Password not set', MISSING_TOKEN));
      return send(reply, 200, passwordForm({ action, token }));
    });

    scope.post<PasswordRoute>(PASSWORD_PAGE_PATH, { logSerializers: LOG_SERIALIZERS }, async (request, reply) => {
      const token = text(request.body?.token);
      const password = text(request.body?.password);
      if (password !== text(request.body?.confirmation)) {
        return send(reply, 400, passwordForm({ action, token, error: PASSWORDS_DIFFER, invalid: 'confirmation' }));
      }
      try {
        const done = await credentials.createPassword(token, password);
        request.log.info({ professionalId: done.professionalId }, 'password created through a password link');
        return send(reply, 200, passwordSetPage(done.login, signInUrl));
      } catch (error) {
        if (!(error instanceof HubError)) {
          // Database errors reach here without their bound values (rethrowDbError): no token, no hash.
          const errorId = randomUUID();
          request.log.error({ err: error, errorId }, 'password link page failed');
          return send(reply, 500, messagePage('Password not set', `Something went wrong on our side (error ${errorId}): please try again later.`));
        }
        const status = statusOf(error);
        // The password policy: the link is still good, so the form comes back with the reason.
        if (error.extensions.argumentName === 'password') {
          return send(reply, status, passwordForm({ action, token, error: error.message, invalid: 'password' }));
        }
        return send(reply, status, refusedPage(error, signInUrl));
      }
    });
  });
}
