/** Mutation resolvers of the professionals subgraph: argument plumbing only. */
import type { PerimeterKind } from '../../platform/auth/rights.js';
import type { RoleCode } from '../../platform/auth/roles.js';
import { requireApplicationAdmin, type ApplicationInput } from './applications.js';
import { badInput, type CreateInput, type UpdateInput } from './input.js';
import type { ProfessionalContext as Ctx } from './resolvers.js';
import { mailerOf } from './runtime.js';
import type { UnitTransferArgs } from './unit-transfer.js';

type ApplicationArgs = Omit<ApplicationInput, 'keys'> & { jwks?: string | null; jwksUri?: string | null };

/** Exactly one of `jwks` (JSON text) and `jwksUri`, as the service's keys. */
function applicationInputOf(input: ApplicationArgs): ApplicationInput {
  const { jwks, jwksUri, ...rest } = input;
  if (Boolean(jwks) === Boolean(jwksUri)) throw badInput('input.jwks', 'Give exactly one of input.jwks (the public JWK set) and input.jwksUri.');
  if (jwksUri) return { ...rest, keys: { jwksUri } };
  try {
    return { ...rest, keys: { jwks: JSON.parse(jwks!) as unknown } };
  } catch {
    throw badInput('input.jwks', 'input.jwks must be a JWK set as JSON text: {"keys": [...]}.');
  }
}

type Perimeter = { professionalId: string; perimeterKind: PerimeterKind; perimeterId?: string | null };

/** Resolved only when a mail is to be queued, so writes without mail never depend on it. */
const mailer = (ctx: Ctx) => () => mailerOf(ctx.app);

export const mutationResolvers = {
  createProfessional: (_: unknown, args: { input: CreateInput; confirmSimilar?: boolean | null }, ctx: Ctx) =>
    ctx.professionals.createProfessional(ctx.identity, args.input, args.confirmSimilar ?? false, mailer(ctx)),
  updateProfessional: (_: unknown, args: { id: string; input: UpdateInput; expectedUpdatedAt?: Date | null }, ctx: Ctx) =>
    ctx.professionals.updateProfessional(ctx.identity, args.id, args.input, args.expectedUpdatedAt),
  archiveProfessional: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.professionals.archiveProfessional(ctx.identity, args.id),
  reactivateProfessional: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.professionals.reactivateProfessional(ctx.identity, args.id),
  setRescueEmail: (_: unknown, args: { professionalId: string; email: string }, ctx: Ctx) =>
    ctx.professionals.setRescueEmail(ctx.identity, args.professionalId, args.email),
  createAccount: (_: unknown, args: { professionalId: string; login: string }, ctx: Ctx) =>
    ctx.professionals.createAccount(ctx.identity, args.professionalId, args.login, mailer(ctx)),
  sendPasswordLink: (_: unknown, args: { professionalId: string }, ctx: Ctx) =>
    ctx.professionals.sendPasswordLink(ctx.identity, args.professionalId, mailer(ctx)),
  createPassword: (_: unknown, args: { token: string; password: string }, ctx: Ctx) => ctx.professionals.createPassword(args.token, args.password),
  changePassword: (_: unknown, args: { professionalId: string; newPassword: string }, ctx: Ctx) =>
    ctx.professionals.changePassword(ctx.identity, args.professionalId, args.newPassword),
  changeMyPassword: (_: unknown, args: { currentPassword: string; newPassword: string }, ctx: Ctx) =>
    ctx.professionals.changeMyPassword(ctx.identity, args.currentPassword, args.newPassword),
  assignRole: (_: unknown, args: Perimeter & { role: RoleCode }, ctx: Ctx) =>
    ctx.professionals.assignRole(ctx.identity, args.professionalId, args.role, args.perimeterKind, args.perimeterId),
  grantRight: (_: unknown, args: Perimeter & { right: string }, ctx: Ctx) =>
    ctx.professionals.grantRight(ctx.identity, args.professionalId, args.right, args.perimeterKind, args.perimeterId),
  revokeRoleAssignment: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.professionals.revokeRoleAssignment(ctx.identity, args.id),
  // Who asks is checked before the keys are read: an anonymous caller learns nothing of the input's rules.
  registerApplication: (_: unknown, args: { input: ApplicationArgs }, ctx: Ctx) => {
    requireApplicationAdmin(ctx.identity);
    return ctx.applications.registerApplication(ctx.identity, applicationInputOf(args.input));
  },
  applyUnitTransfer: (_: unknown, args: UnitTransferArgs, ctx: Ctx) => ctx.professionals.applyUnitTransfer(ctx.identity, args),
};
