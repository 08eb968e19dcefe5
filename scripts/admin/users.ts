/**
 * `create-user` and `list-users`: a professional record with an account (the welcome mail with
 * the password-creation link is queued in the professionals outbox, which the hub's mail worker
 * delivers) and its role assignments, through the professionals subgraph's services.
 */
import { desc, eq } from 'drizzle-orm';
import { isRightCode, PERIMETER_KINDS, rightGrantableOn, type PerimeterKind, type RightCode } from '../../platform/auth/rights.js';
import { isRoleCode, rightsOfRoleOn, ROLES, type RoleCode } from '../../platform/auth/roles.js';
import { publicBaseOf } from '../../subgraphs/professionals/password-links.js';
import { mailOutbox } from '../../subgraphs/professionals/tables.js';
import { CLI_IDENTITY, CommandError, type AdminContext } from './context.js';

export interface CreateUserOptions {
  login: string;
  email: string;
  lastName: string;
  firstName: string;
  establishments: string[];
  roles: string[];
  rights: string[];
  perimeter: string;
  confirmSimilar: boolean;
  printLink: boolean;
}

export interface Perimeter {
  kind: PerimeterKind;
  id: string | null;
}

/** `TRANSVERSAL`, or `KIND:ID` (ORGANIZATION:450000088, ESTABLISHMENT:450002613…). */
export function parsePerimeter(raw: string): Perimeter {
  const [kind, id, ...rest] = raw.trim().split(':');
  const upper = (kind ?? '').toUpperCase();
  if (!(PERIMETER_KINDS as readonly string[]).includes(upper) || rest.length) {
    throw new CommandError(`--perimeter "${raw}": use TRANSVERSAL (the whole region) or KIND:ID with KIND one of ${PERIMETER_KINDS.filter((k) => k !== 'TRANSVERSAL').join(', ')} (e.g. ORGANIZATION:450000088).`);
  }
  if (upper === 'TRANSVERSAL' && id) throw new CommandError(`--perimeter "${raw}": TRANSVERSAL takes no id.`);
  if (upper !== 'TRANSVERSAL' && !id) throw new CommandError(`--perimeter "${raw}": ${upper} needs its id, as ${upper}:ID.`);
  return { kind: upper as PerimeterKind, id: id ?? null };
}

/** Every role and right is checked before anything is written, so a refused one leaves no half-made user. */
function checkGrants(options: CreateUserOptions, perimeter: Perimeter): { roles: RoleCode[]; rights: RightCode[] } {
  if (!options.roles.length && !options.rights.length) throw new CommandError(`give at least one --role (${Object.keys(ROLES).join(', ')}) or --right`);
  const roles = options.roles.map((role) => {
    if (!isRoleCode(role)) throw new CommandError(`--role ${role}: unknown role; roles are ${Object.keys(ROLES).join(', ')}.`);
    if (rightsOfRoleOn(role, perimeter.kind).granted.length === 0) throw new CommandError(`--role ${role}: grants none of its rights on a ${perimeter.kind} perimeter; choose another --perimeter.`);
    return role;
  });
  const rights = options.rights.map((right) => {
    if (!isRightCode(right)) throw new CommandError(`--right ${right}: unknown right (see the rights catalogue, platform/auth/rights.ts).`);
    if (!rightGrantableOn(right, perimeter.kind)) throw new CommandError(`--right ${right}: cannot be granted on a ${perimeter.kind} perimeter.`);
    return right;
  });
  return { roles, rights };
}

/** The link of the welcome mail just queued for `email` (the token is stored hashed: the mail is the only copy). */
async function queuedLink(ctx: AdminContext, email: string): Promise<string | null> {
  const [mail] = await ctx.db.orm.select({ body: mailOutbox.body }).from(mailOutbox).where(eq(mailOutbox.recipient, email)).orderBy(desc(mailOutbox.id)).limit(1);
  return mail?.body.match(/\S+\/password\/create\?token=\S+/)?.[0] ?? null;
}

export async function createUser(ctx: AdminContext, options: CreateUserOptions, print: (line: string) => void): Promise<Record<string, unknown>> {
  const perimeter = parsePerimeter(options.perimeter);
  const { roles, rights } = checkGrants(options, perimeter);
  const publicBase = publicBaseOf(ctx.config.oidcIssuer);
  const person = await ctx.professionals.createProfessional(
    CLI_IDENTITY,
    {
      lastName: options.lastName,
      firstName: options.firstName,
      establishmentIds: options.establishments,
      account: { login: options.login, rescueEmail: options.email },
    },
    options.confirmSimilar,
    // The hub's mail worker polls its outbox: nothing to wake in this process.
    () => ({ publicBase, nudge: () => undefined }),
  );
  const assignments: string[] = [];
  for (const role of roles) {
    const { assignment } = await ctx.professionals.assignRole(CLI_IDENTITY, person.id, role, perimeter.kind, perimeter.id);
    assignments.push(`role ${role} on ${perimeter.kind}${perimeter.id ? ` ${perimeter.id}` : ''} (#${assignment.id})`);
  }
  for (const right of rights) {
    const { assignment } = await ctx.professionals.grantRight(CLI_IDENTITY, person.id, right, perimeter.kind, perimeter.id);
    assignments.push(`right ${right} on ${perimeter.kind}${perimeter.id ? ` ${perimeter.id}` : ''} (#${assignment.id})`);
  }
  const login = options.login.trim().toLowerCase();
  print(`created ${person.id} ${person.lastName} ${person.firstName}, account ${login}`);
  for (const a of assignments) print(`  ${a}`);
  print(`  welcome mail with the password-creation link (valid 48 h, single use) queued for ${options.email}; the hub sends it (SMTP_URL)`);
  const link = options.printLink ? await queuedLink(ctx, options.email.trim()) : null;
  if (link) print(`  password link: ${link}`);
  return { professionalId: person.id, login, assignments, ...(link ? { passwordLink: link } : {}) };
}

export interface UserLine {
  professionalId: string;
  name: string;
  login: string | null;
  enabled: boolean;
  hasPassword: boolean;
  archived: boolean;
  roles: string[];
}

/** Records that have an account or a role assignment, with them. */
export async function listUsers(ctx: AdminContext): Promise<UserLine[]> {
  const lines: UserLine[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await ctx.professionals.listProfessionals(CLI_IDENTITY, { includeArchived: true }, 100, after);
    for (const { node } of page.edges) {
      const [account, roles] = await Promise.all([ctx.professionals.account(CLI_IDENTITY, node), ctx.professionals.roleAssignments(CLI_IDENTITY, node)]);
      if (!account && roles.length === 0) continue;
      lines.push({
        professionalId: node.id,
        name: `${node.lastName} ${node.firstName}`,
        login: account?.login ?? null,
        enabled: account?.enabled ?? false,
        hasPassword: account?.hasPassword ?? false,
        archived: node.archivedAt !== null,
        roles: roles.map((r) => `${r.role ?? r.right}@${r.perimeterKind}${r.perimeterId ? `:${r.perimeterId}` : ''}`),
      });
    }
    if (!page.pageInfo.hasNextPage) return lines;
    after = page.pageInfo.endCursor;
  }
}

export function formatUser(u: UserLine): string {
  const state = [u.archived ? 'archived' : null, u.login && !u.enabled ? 'disabled' : null, u.login && !u.hasPassword ? 'no password yet' : null].filter(Boolean);
  return `${(u.login ?? '(no account)').padEnd(28)} ${u.professionalId}  ${u.name}${state.length ? ` [${state.join(', ')}]` : ''}\n    ${u.roles.join(', ') || '(no role)'}`;
}
