/**
 * The few HTML pages of sign-in, in French and in the State's design system (DSFR): plain,
 * accessible forms with no script. The DSFR style sheet, fonts and icons come from the hub itself
 * (/assets/dsfr, assets.ts), never from a CDN: the hub must not make browsers call third parties.
 */
import type { FastifyReply } from 'fastify';
import { DSFR_PREFIX } from './assets.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** The public path the hub is served under ('' at the host's root), from the issuer's path (`/oidc`). */
export function basePathOfIssuerPath(issuerPath: string): string {
  return issuerPath.replace(/\/oidc\/?$/, '');
}

/** The State's header (Marianne block and service name): text only, no link, so no tab stop before the form. */
const HEADER = `<header role="banner" class="fr-header">
<div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
<div class="fr-header__brand">
<div class="fr-header__brand-top"><div class="fr-header__logo"><p class="fr-logo">République<br>Française</p></div></div>
<div class="fr-header__service"><p class="fr-header__service-title">ROR Hub</p><p class="fr-header__service-tagline">Répertoire opérationnel des ressources</p></div>
</div>
</div></div></div>
</header>`;

/**
 * A complete page; `body` is trusted HTML built by this module's callers (every value in it
 * escaped). `basePath` is the hub's public path ('' at the root): where the DSFR assets are.
 */
export function page(title: string, body: string, basePath: string): string {
  const assets = `${basePath}${DSFR_PREFIX}`;
  return `<!doctype html>
<html lang="fr" data-fr-scheme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ROR Hub</title>
<link rel="stylesheet" href="${escapeHtml(assets)}/dsfr.min.css">
<link rel="icon" href="${escapeHtml(assets)}/favicon/favicon.svg" type="image/svg+xml">
</head>
<body>
${HEADER}
<main id="contenu" class="fr-container fr-my-6w"><div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
${body}
</div></div></main>
</body>
</html>`;
}

/** A text field of the DSFR (label, input, then its error message right below it when `error`). */
export interface Field {
  id: string;
  label: string;
  /** Everything of the input after `<input id="…"` (name, type, autocomplete…), escaped by the caller. */
  attributes: string;
  /** A hint under the label (e.g. the password rules), with its own id for aria-describedby. */
  hint?: { id: string; text: string };
  /** The error shown under this field (its element id and text). */
  error?: { id: string; text: string };
  /** Ids of messages elsewhere that describe this field too. */
  describedBy?: string[];
  invalid?: boolean;
}

export function field(input: Field): string {
  const describedBy = [...(input.hint ? [input.hint.id] : []), ...(input.describedBy ?? []), ...(input.error ? [input.error.id] : [])];
  const invalid = input.invalid ?? Boolean(input.error);
  const hint = input.hint ? `<span class="fr-hint-text" id="${input.hint.id}">${escapeHtml(input.hint.text)}</span>` : '';
  return `<div class="fr-input-group${invalid ? ' fr-input-group--error' : ''}">
  <label class="fr-label" for="${input.id}">${escapeHtml(input.label)}${hint}</label>
  <input id="${input.id}" ${input.attributes} class="fr-input${invalid ? ' fr-input--error' : ''}"${describedBy.length ? ` aria-describedby="${describedBy.join(' ')}"` : ''}${invalid ? ' aria-invalid="true"' : ''}>
${input.error ? `  <p id="${input.error.id}" class="fr-error-text" role="alert">${escapeHtml(input.error.text)}</p>\n` : ''}</div>`;
}

export interface LoginForm {
  action: string;
  abortAction: string;
  clientName: string;
  basePath: string;
  login?: string;
  error?: string;
}

export function loginPage(form: LoginForm): string {
  // The message sits under the password field and describes both fields, so screen readers
  // announce it with either; the password field, the one to type again, gets the focus.
  const error = form.error ? { id: 'login-error', text: form.error } : undefined;
  const focusPassword = Boolean(error && form.login);
  const login = field({
    id: 'login',
    label: 'Identifiant',
    attributes: `name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required${focusPassword ? '' : ' autofocus'} value="${escapeHtml(form.login ?? '')}"`,
    describedBy: error ? [error.id] : [],
    invalid: Boolean(error),
  });
  const password = field({
    id: 'password',
    label: 'Mot de passe',
    attributes: `name="password" type="password" autocomplete="current-password" required${focusPassword ? ' autofocus' : ''}`,
    ...(error ? { error } : {}),
  });
  return page(
    'Connexion',
    `<h1>Connexion</h1>
<p>pour accéder à <strong>${escapeHtml(form.clientName)}</strong></p>
<form method="post" action="${escapeHtml(form.action)}">
${login}
${password}
<button type="submit" class="fr-btn fr-mt-2w">Se connecter</button>
</form>
<form method="post" action="${escapeHtml(form.abortAction)}">
<button type="submit" class="fr-btn fr-btn--tertiary-no-outline fr-mt-2w">Annuler et revenir à l’application</button>
</form>`,
    form.basePath,
  );
}

/** A page that only says something; `error` shows it as a DSFR error alert. */
export function messagePage(title: string, message: string, basePath: string, kind: 'info' | 'error' = 'error'): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<div class="fr-alert fr-alert--${kind} fr-alert--sm"${kind === 'error' ? ' role="alert"' : ''}><p>${escapeHtml(message)}</p></div>`,
    basePath,
  );
}

/**
 * Headers of every HTML page the hub serves: nothing cached, no script, only the hub's own style
 * sheet, fonts and icons (the DSFR's, plus the small inline SVGs of its style sheet), forms post
 * to this origin only, no framing (clickjacking of password forms), and no referrer (some URLs
 * carry a single-use token).
 */
const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

export function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(html);
}
