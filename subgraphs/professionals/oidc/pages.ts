/**
 * The few HTML pages of sign-in: plain, accessible forms with no script and no outside resource
 * (no web fonts, no CDN: the hub must not make browsers call third parties).
 */
import type { FastifyReply } from 'fastify';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1b1b1b; }
  main { max-width: 24rem; margin: 4rem auto; padding: 2rem; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px #0003; }
  h1 { font-size: 1.5rem; margin-top: 0; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { box-sizing: border-box; width: 100%; padding: .6rem; margin-top: .25rem; font: inherit; border: 1px solid #666; border-radius: 4px; }
  input:focus, button:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
  button { margin-top: 1.5rem; width: 100%; padding: .7rem; font: inherit; font-weight: 600; color: #fff; background: #000091; border: 0; border-radius: 4px; cursor: pointer; }
  button.secondary { margin-top: .5rem; color: #000091; background: transparent; text-decoration: underline; }
  .error { padding: .75rem; border-left: 4px solid #ce0500; background: #fee; }
`;

/** A complete page; `body` is trusted HTML built by this module (every value in it escaped). */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ROR Hub</title>
<style>${STYLE}</style>
</head>
<body><main>
${body}
</main></body>
</html>`;
}

export interface LoginForm {
  action: string;
  abortAction: string;
  clientName: string;
  login?: string;
  error?: string;
}

export function loginPage(form: LoginForm): string {
  // The message is tied to both fields so screen readers announce it with either.
  const invalid = form.error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p>to continue to <strong>${escapeHtml(form.clientName)}</strong></p>
${form.error ? `<p id="login-error" class="error" role="alert">${escapeHtml(form.error)}</p>` : ''}
<form method="post" action="${escapeHtml(form.action)}">
  <label for="login">Login</label>
  <input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus value="${escapeHtml(form.login ?? '')}"${invalid}>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
  <button type="submit">Sign in</button>
</form>
<form method="post" action="${escapeHtml(form.abortAction)}">
  <button type="submit" class="secondary">Cancel and return to the application</button>
</form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

/**
 * Headers of every HTML page the hub serves: nothing cached, no script, no outside resource, forms
 * post to this origin only, no framing (clickjacking of password forms), and no referrer (some
 * URLs carry a single-use token).
 */
const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

export function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(html);
}
