/**
 * The account reads the provider needs: sign-in with login and password, and "is this account
 * still usable" when a session or token refers to it. Kept here, minimal, until the professionals
 * domain exposes its own account helpers (accounts.ts) to switch to.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Orm } from '../../../platform/db/client.js';
import { accounts, people } from '../tables.js';
import { hashPassword, verifyPassword } from '../passwords.js';

export interface ActiveAccount {
  id: string;
  login: string;
}

/** Enabled account of a professional who is not archived: the only kind that may sign in. */
const usable = () => and(eq(accounts.enabled, true), isNull(people.archivedAt));

function select(orm: Orm) {
  return orm
    .select({ id: accounts.id, login: accounts.login, passwordHash: accounts.passwordHash })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.professionalId));
}

export async function findActiveAccount(orm: Orm, accountId: string): Promise<ActiveAccount | null> {
  const [row] = await select(orm).where(and(eq(accounts.id, accountId), usable())).limit(1);
  return row ? { id: row.id, login: row.login } : null;
}

let decoy: Promise<string> | undefined;

/**
 * The account when the login exists, is usable and the password matches; null otherwise, without
 * saying which (callers show one generic message). A password is hashed even for an unknown login,
 * so the answer takes as long either way and does not reveal which logins exist.
 */
export async function verifyAccountPassword(orm: Orm, login: string, password: string): Promise<ActiveAccount | null> {
  const [row] = await select(orm)
    .where(and(eq(sql`lower(${accounts.login})`, login.trim().toLowerCase()), usable()))
    .limit(1);
  decoy ??= hashPassword(randomBytes(16).toString('base64url'));
  const matches = await verifyPassword(password, row?.passwordHash ?? (await decoy));
  return row && row.passwordHash && matches ? { id: row.id, login: row.login } : null;
}

export async function recordLogin(orm: Orm, accountId: string, at: Date): Promise<void> {
  await orm.update(accounts).set({ lastLoginAt: at }).where(eq(accounts.id, accountId));
}
