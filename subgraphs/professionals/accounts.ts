/**
 * Hub accounts: the store used by the subgraph's rules, and the functions the embedded OpenID
 * provider calls to sign users in (`verifyAccountPassword`, `findActiveAccount`,
 * `findAccountByLogin`, `recordLogin`). Password hashes never leave this file.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import { accounts, clients, passwordTokens, people } from './tables.js';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';

/** An account as the rest of the subgraph sees it: no password hash. */
export interface AccountSummary {
  id: string;
  professionalId: string;
  login: string;
  enabled: boolean;
  hasPassword: boolean;
  lastLoginAt: Date | null;
  passwordChangedAt: Date | null;
  /** The professional's record is archived: the account may not sign in. */
  archived: boolean;
}

/** What a successful sign-in yields. */
export interface ActiveAccount {
  id: string;
  login: string;
  professionalId: string;
}

const summary = {
  id: accounts.id,
  professionalId: accounts.professionalId,
  login: accounts.login,
  enabled: accounts.enabled,
  hasPassword: sql<boolean>`(${accounts.passwordHash} is not null)`,
  lastLoginAt: accounts.lastLoginAt,
  passwordChangedAt: accounts.passwordChangedAt,
  archived: sql<boolean>`(${people.archivedAt} is not null)`,
};

const byLoginIgnoringCase = (login: string) => sql`lower(${accounts.login}) = ${login.trim().toLowerCase()}`;

/** Enabled account of a professional who is not archived: the only kind that may sign in. */
const usable = () => and(eq(accounts.enabled, true), isNull(people.archivedAt));

function selectSummaries(orm: Orm) {
  return orm.select(summary).from(accounts).innerJoin(people, eq(people.id, accounts.professionalId));
}

/** What the gateway needs to act for an application without its token (platform/executor.ts). */
export interface ApplicationGrants {
  clientId: string;
  name: string;
  scopes: string[];
  accessLevel: number;
  /** Where capacity.write and offer.write reach (FINESS ET, or `*`); null: nowhere. */
  writeEstablishments: string[] | null;
  enabled: boolean;
}

export function createAccountStore(orm: Orm) {
  return {
    ofProfessionals: (professionalIds: readonly string[]): Promise<AccountSummary[]> =>
      selectSummaries(orm).where(inArray(accounts.professionalId, [...professionalIds])),

    byId: async (id: string): Promise<AccountSummary | null> => (await selectSummaries(orm).where(eq(accounts.id, id)).limit(1))[0] ?? null,

    byLogin: async (login: string): Promise<AccountSummary | null> =>
      (await selectSummaries(orm).where(byLoginIgnoringCase(login)).limit(1))[0] ?? null,

    /** A trust-circle application's registration (enabled or not), for the gateway's stored principals. */
    application: async (clientId: string): Promise<ApplicationGrants | null> => {
      const [row] = await orm
        .select({
          clientId: clients.clientId,
          name: clients.name,
          scopes: clients.scopes,
          accessLevel: clients.accessLevel,
          writeEstablishments: clients.writeEstablishments,
          enabled: clients.enabled,
        })
        .from(clients)
        .where(eq(clients.clientId, clientId))
        .limit(1);
      return row ?? null;
    },

    insert: async (account: { id: string; professionalId: string; login: string }): Promise<void> => {
      await orm.insert(accounts).values(account);
    },

    setEnabled: async (professionalId: string, enabled: boolean): Promise<void> => {
      await orm.update(accounts).set({ enabled }).where(eq(accounts.professionalId, professionalId));
    },

    passwordMatches: async (accountId: string, password: string): Promise<boolean> => {
      const [row] = await orm.select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, accountId));
      return verifyPassword(password, row?.hash ?? null);
    },

    /** Sets the password and voids every unused password link of the account. */
    setPassword: async (accountId: string, passwordHash: string): Promise<Date> => {
      const [row] = await orm
        .update(accounts)
        .set({ passwordHash, passwordChangedAt: sql`now()` })
        .where(eq(accounts.id, accountId))
        .returning({ at: accounts.passwordChangedAt });
      await orm.update(passwordTokens).set({ usedAt: sql`now()` }).where(and(eq(passwordTokens.accountId, accountId), isNull(passwordTokens.usedAt)));
      return row!.at!;
    },

    /** Expiry on the database clock, like the check in consumeToken. */
    insertToken: async (accountId: string, tokenHash: string, validHours: number): Promise<void> => {
      await orm.insert(passwordTokens).values({ tokenHash, accountId, expiresAt: sql`now() + make_interval(hours => ${validHours})` });
    },

    tokenOf: async (tokenHash: string) => {
      const [row] = await orm.select().from(passwordTokens).where(eq(passwordTokens.tokenHash, tokenHash));
      return row ?? null;
    },

    /** Marks the link used, if still usable; the one statement makes a second use impossible. */
    consumeToken: async (tokenHash: string): Promise<string | null> => {
      const [row] = await orm
        .update(passwordTokens)
        .set({ usedAt: sql`now()` })
        .where(and(eq(passwordTokens.tokenHash, tokenHash), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, sql`now()`)))
        .returning({ accountId: passwordTokens.accountId });
      return row?.accountId ?? null;
    },
  };
}

export type AccountStore = ReturnType<typeof createAccountStore>;

/** Records a successful sign-in (shown as `Professional.lastLoginAt`). */
export async function recordLogin(orm: Orm, accountId: string, at: Date): Promise<void> {
  await orm.update(accounts).set({ lastLoginAt: at }).where(eq(accounts.id, accountId));
}

/** The account with this login (any case), usable or not; null when unknown. */
export function findAccountByLogin(orm: Orm, login: string): Promise<AccountSummary | null> {
  return createAccountStore(orm).byLogin(login);
}

/** The account when it may still sign in (enabled, professional not archived); null otherwise. */
export async function findActiveAccount(orm: Orm, accountId: string): Promise<ActiveAccount | null> {
  const [row] = await orm
    .select({ id: accounts.id, login: accounts.login, professionalId: accounts.professionalId })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.professionalId))
    .where(and(eq(accounts.id, accountId), usable()))
    .limit(1);
  return row ?? null;
}

/** One decoy hash per cost, made once: checking it costs what checking a real hash does. */
const decoys = new Map<number, Promise<string>>();

/**
 * The account when the login exists (any case), may sign in, has a password and the password
 * matches; null otherwise, without saying which. A hash is checked even for an unknown login, so
 * the answer takes as long and does not reveal which logins exist. A matching hash made with
 * other parameters than the configured ones (`log2N`) is replaced by one made with them: the
 * password is known only now (D72).
 */
export async function verifyAccountPassword(orm: Orm, login: string, password: string, log2N: number): Promise<ActiveAccount | null> {
  const [row] = await orm
    .select({ id: accounts.id, login: accounts.login, professionalId: accounts.professionalId, hash: accounts.passwordHash })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.professionalId))
    .where(and(byLoginIgnoringCase(login), usable()))
    .limit(1);
  if (!decoys.has(log2N)) decoys.set(log2N, hashPassword(randomBytes(16).toString('base64url'), log2N));
  const matches = await verifyPassword(password, row?.hash ?? (await decoys.get(log2N)!));
  if (!row?.hash || !matches) return null;
  if (needsRehash(row.hash, log2N)) {
    // Only if the hash is still the one checked: a password set meanwhile wins.
    const rehashed = await hashPassword(password, log2N);
    await orm.update(accounts).set({ passwordHash: rehashed }).where(and(eq(accounts.id, row.id), eq(accounts.passwordHash, row.hash)));
  }
  return { id: row.id, login: row.login, professionalId: row.professionalId };
}
