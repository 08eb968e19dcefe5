/**
 * `npm run admin -- <command> [options]`: the way in to a deployed hub (docs: README § Deployment).
 * Works on the database itself (DATABASE_URL, or the embedded database in ROR_DATA_DIR, which the
 * hub must not hold at the same time), through the professionals subgraph's services: the same
 * rules, validation and change-feed events as the API. Commands live in scripts/admin/.
 *
 * Exit codes: 0 done, 1 refused by the hub's rules (bad value, conflict, unknown id), 2 could not
 * run (usage, configuration, database unreachable or busy).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { HubError } from '../platform/errors.js';
import { formatApp, registerApp, revokeApp, rotateKeys } from './admin/applications.js';
import { CommandError, openAdminContext, type AdminContext } from './admin/context.js';
import { createUser, formatUser, listUsers } from './admin/users.js';
import { PROCESS_IO, runCommand, type CommandIo } from './lib/import-cli.js';

const KEYS = '(--jwks FILE | --jwks-uri URL | --public-key FILE.pem)';

const COMMANDS = {
  'create-user': {
    usage: 'create-user --login LOGIN --email EMAIL --last-name NAME --first-name NAME --perimeter TRANSVERSAL|ORGANIZATION:ID|ESTABLISHMENT:ID (--role ROLE | --right RIGHT)... [--establishment FINESS_ET]... [--confirm-similar] [--print-link]',
    about: 'creates a professional with an account and role assignments, and queues the welcome mail with the password-creation link (the first administrator: --role ESTABLISHMENT_REFERENT --perimeter TRANSVERSAL)',
  },
  'list-users': { usage: 'list-users', about: 'lists the professionals who have an account or a role, with their roles' },
  'register-app': {
    usage: `register-app --client-id ID --name NAME --scopes "SCOPE ..." --access-level 0-3 ${KEYS} [--write-establishments "FINESS_ET ..." | "*"]`,
    about: 'registers a trust-circle application (SMART Backend Services, private_key_jwt)',
  },
  'rotate-keys': { usage: `rotate-keys --client-id ID ${KEYS}`, about: "replaces an application's public keys" },
  'revoke-app': { usage: 'revoke-app --client-id ID', about: 'disables an application: no new token, its stored work refused' },
  'list-apps': { usage: 'list-apps', about: 'lists the registered applications' },
} as const;

type CommandName = keyof typeof COMMANDS;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  login: { type: 'string' },
  email: { type: 'string' },
  'last-name': { type: 'string' },
  'first-name': { type: 'string' },
  perimeter: { type: 'string' },
  role: { type: 'string', multiple: true },
  right: { type: 'string', multiple: true },
  establishment: { type: 'string', multiple: true },
  'confirm-similar': { type: 'boolean' },
  'print-link': { type: 'boolean' },
  'client-id': { type: 'string' },
  name: { type: 'string' },
  scopes: { type: 'string' },
  'access-level': { type: 'string' },
  'write-establishments': { type: 'string' },
  jwks: { type: 'string' },
  'jwks-uri': { type: 'string' },
  'public-key': { type: 'string' },
} as const;

/** Which options each command takes (any other is refused, named). */
const ALLOWED: Record<CommandName, readonly (keyof typeof OPTIONS)[]> = {
  'create-user': ['login', 'email', 'last-name', 'first-name', 'perimeter', 'role', 'right', 'establishment', 'confirm-similar', 'print-link'],
  'list-users': [],
  'register-app': ['client-id', 'name', 'scopes', 'access-level', 'write-establishments', 'jwks', 'jwks-uri', 'public-key'],
  'rotate-keys': ['client-id', 'jwks', 'jwks-uri', 'public-key'],
  'revoke-app': ['client-id'],
  'list-apps': [],
};

const REQUIRED: Record<CommandName, readonly (keyof typeof OPTIONS)[]> = {
  'create-user': ['login', 'email', 'last-name', 'first-name', 'perimeter'],
  'list-users': [],
  'register-app': ['client-id', 'name', 'scopes', 'access-level'],
  'rotate-keys': ['client-id'],
  'revoke-app': ['client-id'],
  'list-apps': [],
};

function help(): string {
  return [
    'usage: npm run admin -- <command> [options] [--json]',
    '',
    ...Object.values(COMMANDS).flatMap((c) => [`  ${c.usage}`, `      ${c.about}`]),
    '',
    'The database: DATABASE_URL (PostgreSQL), else the embedded database in ROR_DATA_DIR (default .data),',
    'which the hub must not be running on. Links in mails use ROR_PUBLIC_URL, as the hub does.',
    'Exit codes: 0 done, 1 refused (the message names the option), 2 could not run.',
    '',
  ].join('\n');
}

/** The service's argument names, as the CLI's options. */
const OPTION_OF: Record<string, string> = {
  'input.account.login': '--login',
  'input.account.rescueEmail': '--email',
  'input.lastName': '--last-name',
  'input.firstName': '--first-name',
  'input.establishmentIds': '--establishment',
  'input.unitIds': '--establishment',
  perimeterId: '--perimeter',
  perimeterKind: '--perimeter',
  perimeter: '--perimeter',
  clientId: '--client-id',
  name: '--name',
  scopes: '--scopes',
  accessLevel: '--access-level',
  writeEstablishments: '--write-establishments',
  jwks: '--jwks / --public-key',
  jwksUri: '--jwks-uri',
};

function refusal(error: HubError): string {
  const argument = error.extensions.argumentName as string | undefined;
  const option = argument ? (OPTION_OF[argument] ?? argument) : null;
  const candidates = error.extensions.candidates as Array<{ id: string; lastName: string; firstName: string }> | undefined;
  const similar = candidates?.length ? `\n  similar: ${candidates.map((c) => `${c.id} ${c.lastName} ${c.firstName}`).join(', ')} — add --confirm-similar to create anyway` : '';
  return `refused (${String(error.extensions.code)})${option ? ` ${option}` : ''}: ${error.message}${similar}`;
}

async function run(command: CommandName, values: Record<string, unknown>, ctx: AdminContext, json: boolean, io: CommandIo): Promise<void> {
  const out = (line: string) => io.stdout.write(`${line}\n`);
  const say = json ? () => undefined : out;
  const str = (name: string) => values[name] as string;
  switch (command) {
    case 'create-user': {
      const result = await createUser(
        ctx,
        {
          login: str('login'),
          email: str('email'),
          lastName: str('last-name'),
          firstName: str('first-name'),
          establishments: (values.establishment as string[] | undefined) ?? [],
          roles: (values.role as string[] | undefined) ?? [],
          rights: (values.right as string[] | undefined) ?? [],
          perimeter: str('perimeter'),
          confirmSimilar: Boolean(values['confirm-similar']),
          printLink: Boolean(values['print-link']),
        },
        say,
      );
      if (json) out(JSON.stringify(result, null, 2));
      return;
    }
    case 'list-users': {
      const users = await listUsers(ctx);
      if (json) out(JSON.stringify(users, null, 2));
      else out(users.length ? users.map(formatUser).join('\n') : 'no user yet: create the first administrator with create-user');
      return;
    }
    case 'list-apps': {
      const apps = await ctx.applications.listApplications({ kind: 'system', subject: 'gateway' });
      if (json) out(JSON.stringify(apps, null, 2));
      else out(apps.map(formatApp).join('\n'));
      return;
    }
    case 'register-app':
    case 'rotate-keys':
    case 'revoke-app': {
      const keys = { jwks: values.jwks as string | undefined, jwksUri: values['jwks-uri'] as string | undefined, publicKey: values['public-key'] as string | undefined };
      const app =
        command === 'register-app'
          ? await registerApp(ctx, { clientId: str('client-id'), name: str('name'), scopes: str('scopes'), accessLevel: str('access-level'), writeEstablishments: values['write-establishments'] as string | undefined, ...keys })
          : command === 'rotate-keys'
            ? await rotateKeys(ctx, str('client-id'), keys)
            : await revokeApp(ctx, str('client-id'));
      const done = { 'register-app': 'registered', 'rotate-keys': 'keys replaced for', 'revoke-app': 'revoked' }[command];
      if (json) out(JSON.stringify(app, null, 2));
      else out(`${done} ${app.clientId}\n${formatApp(app)}`);
      return;
    }
  }
}

export async function main(argv: string[], io: CommandIo = PROCESS_IO): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(help());
    return command ? 0 : 2;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    io.stderr.write(`unknown command "${command}"\n${help()}`);
    return 2;
  }
  const name = command as CommandName;
  let values: Record<string, unknown>;
  try {
    const parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: false, strict: true });
    values = parsed.values;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\nusage: npm run admin -- ${COMMANDS[name].usage}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(`usage: npm run admin -- ${COMMANDS[name].usage}\n  ${COMMANDS[name].about}\n`);
    return 0;
  }
  const foreign = Object.keys(values).filter((o) => o !== 'json' && !(ALLOWED[name] as readonly string[]).includes(o));
  const missing = REQUIRED[name].filter((o) => values[o] === undefined || values[o] === '');
  if (foreign.length || missing.length) {
    const problems = [...foreign.map((o) => `--${o} does not apply to ${name}`), ...missing.map((o) => `--${o} is required`)];
    io.stderr.write(`${problems.join('; ')}\nusage: npm run admin -- ${COMMANDS[name].usage}\n`);
    return 2;
  }
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  let ctx: AdminContext | null = null;
  try {
    ctx = await openAdminContext(config);
    await run(name, values, ctx, Boolean(values.json), io);
    return 0;
  } catch (error) {
    if (error instanceof CommandError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof HubError) {
      io.stderr.write(`${refusal(error)}\n`);
      return 1;
    }
    io.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  } finally {
    await ctx?.db.close();
  }
}

runCommand(import.meta.url, (argv) => main(argv));
