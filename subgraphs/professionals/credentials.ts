/**
 * Accounts and passwords: opening an account for an existing record, password links (single use,
 * 48 hours), password changes, and the effective grants the gateway builds identities from.
 */
import { requireRight } from '../../platform/auth/authorize.js';
import type { Identity } from '../../platform/auth/identity.js';
import { HubError } from '../../platform/errors.js';
import { requireSystem, requireUser } from './access.js';
import { accountOpened, openAccount, resendPasswordLink } from './account-opening.js';
import { actorName } from '../../platform/auth/identity.js';
import { professionalChange } from './changes.js';
import type { AccountSummary } from './accounts.js';
import { currentRecord, refuseArchived, requireFreeLogin, requireSignedIn } from './checks.js';
import { rethrowDbError } from './db-errors.js';
import { effectiveRights } from './grants.js';
import { defaultGrantsOf } from './default-grants.js';
import { badInput, loginOf } from './input.js';
import { hashToken } from './password-links.js';
import { hashPassword, passwordProblem } from './passwords.js';
import type { AccountMailer } from './runtime.js';
import type { ProfessionalStore, ProfessionalView } from './store.js';

export interface PasswordPayload {
  professionalId: string;
  login: string;
  changedAt: Date;
}

/** ACCOUNT UPDATE of a password set: that it changed, never the hash nor the link's token. */
const passwordSet = (account: AccountSummary, actor: string) =>
  professionalChange('ACCOUNT', account.id, 'UPDATE', actor, { professionalId: account.professionalId, changedFields: ['password'] });

function requireAcceptable(password: string, argumentName: string): void {
  const problem = passwordProblem(password);
  if (problem) throw badInput(argumentName, problem);
}

/** Why a password link cannot be used, in words the person holding it understands. */
function unusableLink(token: { usedAt: Date | null; expiresAt: Date } | null): HubError {
  const reason = !token ? 'INVALID' : token.usedAt ? 'USED' : 'EXPIRED';
  const messages = {
    INVALID: 'This password link is not valid: check that the whole link was opened.',
    USED: 'This password link has already been used: it works only once. Sign in with your password, or ask your referent for a new link.',
    EXPIRED: 'This password link has expired (links are valid 48 hours): ask your referent for a new one.',
  };
  return new HubError('BAD_USER_INPUT', messages[reason], { argumentName: 'token', reason });
}

/** @param passwordLog2N scrypt cost of new password hashes (config.passwordScryptLog2N) */
export function createCredentialService(store: ProfessionalStore, passwordLog2N: number) {
  const accountOf = async (professionalId: string): Promise<AccountSummary> => {
    const [account] = await store.accounts.ofProfessionals([professionalId]);
    if (!account) throw new HubError('BAD_USER_INPUT', `Professional ${professionalId} has no account.`, { argumentName: 'professionalId' });
    return account;
  };

  const recipientOf = async (professionalId: string): Promise<string> => {
    const email = await store.records.rescueEmailOf(professionalId);
    if (!email) throw new HubError('BAD_USER_INPUT', `Professional ${professionalId} has no rescue e-mail to send the link to: set one first (setRescueEmail).`, { argumentName: 'professionalId' });
    return email;
  };

  const setPassword = async (account: AccountSummary, password: string, actor: string): Promise<PasswordPayload> => {
    const passwordHash = await hashPassword(password, passwordLog2N);
    const changedAt = await store
      .transaction(async (tx) => {
        const at = await tx.accounts.setPassword(account.id, passwordHash);
        await tx.appendChanges([passwordSet(account, actor)]);
        return at;
      })
      .catch(rethrowDbError);
    return { professionalId: account.professionalId, login: account.login, changedAt };
  };

  return {
    createAccount: async (identity: Identity, professionalId: string, rawLogin: string, mailer: () => AccountMailer): Promise<ProfessionalView> => {
      requireSignedIn(identity);
      const current = await currentRecord(store, professionalId);
      requireRight(identity, 'ORU_PROFESSIONNEL_EDIT', current.target);
      refuseArchived(current.person);
      const login = loginOf(rawLogin);
      if ((await store.accounts.ofProfessionals([professionalId])).length) throw badInput('professionalId', `Professional ${professionalId} already has an account.`);
      await requireFreeLogin(store, login, 'login');
      const recipient = await recipientOf(professionalId);
      const { publicBase, nudge } = mailer();
      await store
        .transaction(async (tx) => {
          const accountId = await openAccount(tx, professionalId, login, recipient, publicBase);
          await tx.appendChanges([accountOpened(accountId, professionalId, actorName(identity))]);
        })
        .catch(rethrowDbError);
      nudge();
      return current.person;
    },

    sendPasswordLink: async (identity: Identity, professionalId: string, mailer: () => AccountMailer): Promise<ProfessionalView> => {
      requireSignedIn(identity);
      const current = await currentRecord(store, professionalId);
      requireRight(identity, 'ORU_PROFESSIONNEL_CHANGE_PASSWORD', current.target);
      refuseArchived(current.person);
      const account = await accountOf(professionalId);
      const recipient = await recipientOf(professionalId);
      const { publicBase, nudge } = mailer();
      await store.transaction((tx) => resendPasswordLink(tx, account.id, account.login, recipient, publicBase)).catch(rethrowDbError);
      nudge();
      return current.person;
    },

    /** Public: whoever holds the link's token sets the password, once, within 48 hours. */
    createPassword: async (token: string, password: string): Promise<PasswordPayload> => {
      requireAcceptable(password, 'password');
      const tokenHash = hashToken(token);
      const link = await store.accounts.tokenOf(tokenHash);
      const account = link && (await store.accounts.byId(link.accountId));
      if (!link || !account) throw unusableLink(null);
      if (!account.enabled || account.archived) throw new HubError('FORBIDDEN', 'This account is disabled or archived: ask your referent.');
      const passwordHash = await hashPassword(password, passwordLog2N);
      // Consuming the link and setting the password commit together: a failure keeps the link usable.
      const changedAt = await store
        .transaction(async (tx) => {
          if (!(await tx.accounts.consumeToken(tokenHash))) return null;
          const at = await tx.accounts.setPassword(account.id, passwordHash);
          // Whoever holds the link acts as the account's owner.
          await tx.appendChanges([passwordSet(account, account.login)]);
          return at;
        })
        .catch(rethrowDbError);
      if (!changedAt) throw unusableLink(await store.accounts.tokenOf(tokenHash));
      return { professionalId: account.professionalId, login: account.login, changedAt };
    },

    changePassword: async (identity: Identity, professionalId: string, newPassword: string): Promise<PasswordPayload> => {
      requireSignedIn(identity);
      const current = await currentRecord(store, professionalId);
      requireRight(identity, 'ORU_PROFESSIONNEL_CHANGE_PASSWORD', current.target);
      requireAcceptable(newPassword, 'newPassword');
      return setPassword(await accountOf(professionalId), newPassword, actorName(identity));
    },

    changeMyPassword: async (identity: Identity, currentPassword: string, newPassword: string): Promise<PasswordPayload> => {
      const user = requireUser(identity, 'changeMyPassword');
      const account = await accountOf(user.professionalId);
      if (!(await store.accounts.passwordMatches(account.id, currentPassword))) throw badInput('currentPassword', 'The current password is wrong.');
      requireAcceptable(newPassword, 'newPassword');
      return setPassword(account, newPassword, user.login);
    },

    /** For the gateway: an account's role assignments as effective rights per perimeter. */
    accountGrants: async (identity: Identity, accountId: string | null | undefined, login: string | null | undefined) => {
      requireSystem(identity);
      if (!accountId === !login) throw badInput('accountId', 'Give exactly one of accountId and login.');
      const account = accountId ? await store.accounts.byId(accountId) : await store.accounts.byLogin(login!);
      if (!account) return null;
      const [person] = await store.byIds([account.professionalId]);
      const establishmentIds = (await store.establishmentsOf([account.professionalId])).map((e) => e.id);
      const assignments = [
        ...(await store.roles.ofProfessionals([account.professionalId]))
          .map((row) => ({ rights: effectiveRights(row), kind: row.perimeterKind, id: row.perimeterId }))
          .filter((a) => a.rights.length > 0),
        // Rights the person's function brings (default-grants.ts): a director declares tensions.
        ...defaultGrantsOf(person?.jobTitle ?? null, establishmentIds),
      ];
      return {
        accountId: account.id,
        login: account.login,
        professionalId: account.professionalId,
        enabled: account.enabled && !account.archived,
        assignments,
      };
    },

    /** For the gateway: an application's current registration, to act for it later (subscriptions, exports). */
    applicationGrants: async (identity: Identity, clientId: string) => {
      requireSystem(identity);
      return store.accounts.application(clientId);
    },
  };
}

export type CredentialService = ReturnType<typeof createCredentialService>;
