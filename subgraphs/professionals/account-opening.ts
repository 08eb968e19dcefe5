/**
 * Opening an account and mailing password links. The mail is queued in the outbox by the same
 * transaction as the account and the token, so it exists if and only if they do.
 */
import { randomUUID } from 'node:crypto';
import type { NewChange } from '../../platform/changes/tables.js';
import type { OutgoingMail } from '../../platform/mail/outbox.js';
import { professionalChange } from './changes.js';
import { newPasswordLink, PASSWORD_LINK_HOURS, passwordCreationUrl } from './password-links.js';
import type { TransactionStore } from './store.js';
import { passwordLinkMail, welcomeMail } from './welcome-mail.js';

type Compose = (recipient: string, login: string, link: string) => OutgoingMail;

async function mailNewLink(tx: TransactionStore, accountId: string, login: string, recipient: string, publicBase: string, compose: Compose) {
  const link = newPasswordLink();
  await tx.accounts.insertToken(accountId, link.tokenHash, PASSWORD_LINK_HOURS);
  await tx.records.enqueueMail(compose(recipient, login, passwordCreationUrl(publicBase, link.token)));
}

/** A new account without password, its password-creation link, and the welcome mail. Returns the account id. */
export async function openAccount(tx: TransactionStore, professionalId: string, login: string, recipient: string, publicBase: string): Promise<string> {
  const accountId = randomUUID();
  await tx.accounts.insert({ id: accountId, professionalId, login });
  await mailNewLink(tx, accountId, login, recipient, publicBase, welcomeMail);
  return accountId;
}

/** The ACCOUNT CREATE event of `openAccount`: the login is an identifier, not a secret, but the feed keeps to ids. */
export function accountOpened(accountId: string, professionalId: string, actor: string): NewChange {
  return professionalChange('ACCOUNT', accountId, 'CREATE', actor, { professionalId, changedFields: ['login', 'enabled'] });
}

/** Another password-creation link for an existing account. */
export function resendPasswordLink(tx: TransactionStore, accountId: string, login: string, recipient: string, publicBase: string): Promise<void> {
  return mailNewLink(tx, accountId, login, recipient, publicBase, passwordLinkMail);
}
