/**
 * Rules of a declaration's surroundings, per request: its solidarity establishments and bed view,
 * the establishment's notification setting, and the delivery status of the declaration's mails.
 */
import DataLoader from 'dataloader';
import type { Identity } from '../../../platform/auth/identity.js';
import { HubError } from '../../../platform/errors.js';
import type { SubgraphClient } from '../../../platform/subgraph-client.js';
import { requireTensionRead } from '../access.js';
import { disciplinesOfGroup } from '../discipline-groups.js';
import { actorName as actorOf } from '../../../platform/auth/identity.js';
import { requireOnEstablishment, TENSION_SETUP } from './access.js';
import type { PlanStore } from './store.js';
import type { NotificationSettingRow, TensionMailRow } from './tables.js';

export const MAX_SOLIDARITY = 20;
const MAX_EMAILS = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What a declaration's `solidarity` field needs of it. */
export interface TensionLike {
  id: string;
  establishmentId: string;
  disciplineGroupCode: string;
}

export interface SolidarityView {
  establishmentId: string;
  solidarityIds: string[];
  disciplines: string[];
}

export type DeliveryStatus = 'PENDING' | 'SENT' | 'FAILED';

/** A draft or a mail being sent is, for the reader, still to be delivered. */
export const deliveryStatus = (row: TensionMailRow): DeliveryStatus => (row.status === 'SENT' ? 'SENT' : row.status === 'FAILED' ? 'FAILED' : 'PENDING');

export interface SolidarityServiceDeps {
  store: PlanStore;
  client: SubgraphClient;
}

/** BAD_USER_INPUT naming the first id the offer subgraph does not know. */
async function requireEstablishments(client: SubgraphClient, ids: readonly string[], field: string): Promise<void> {
  const found = await client.entities<{ id: string }>('offer', 'Establishment', ids, 'id');
  const missing = ids.find((_, i) => !found[i]);
  if (missing) throw new HubError('BAD_USER_INPUT', `Unknown establishment ${missing}.`, { field });
}

export function createSolidarityService({ store, client }: SolidarityServiceDeps, identity: Identity) {
  const solidarityOf = new DataLoader(async (ids: readonly string[]) => {
    const rows = await store.solidarityOf(ids);
    return ids.map((id) => rows.filter((r) => r.establishmentId === id).map((r) => r.solidarityEstablishmentId));
  });
  const mailsOf = new DataLoader(async (ids: readonly string[]) => {
    const rows = await store.mailsOf(ids);
    return ids.map((id) => rows.filter((r) => r.tensionId === id));
  });
  return {
    /** The declaration's establishment, its solidarity establishments and the group's disciplines. */
    solidarity: async (t: TensionLike): Promise<SolidarityView> => {
      requireTensionRead(identity, t.establishmentId);
      return { establishmentId: t.establishmentId, solidarityIds: await solidarityOf.load(t.establishmentId), disciplines: [...disciplinesOfGroup(t.disciplineGroupCode)] };
    },

    notifications: async (t: TensionLike): Promise<TensionMailRow[]> => {
      requireTensionRead(identity, t.establishmentId);
      return mailsOf.load(t.id);
    },

    solidarityEstablishmentsOf: async (establishmentId: string): Promise<string[]> => {
      requireTensionRead(identity, establishmentId);
      return solidarityOf.load(establishmentId);
    },

    setSolidarityEstablishments: async (establishmentId: string, ids: readonly string[]): Promise<string[]> => {
      requireOnEstablishment(identity, TENSION_SETUP, establishmentId);
      const unique = [...new Set(ids)];
      if (unique.length !== ids.length) throw new HubError('BAD_USER_INPUT', 'An establishment appears twice in the list.', { field: 'establishmentIds' });
      if (unique.includes(establishmentId)) throw new HubError('BAD_USER_INPUT', 'An establishment cannot be its own solidarity establishment.', { field: 'establishmentIds' });
      if (unique.length > MAX_SOLIDARITY) throw new HubError('BAD_USER_INPUT', `At most ${MAX_SOLIDARITY} solidarity establishments.`, { field: 'establishmentIds' });
      await requireEstablishments(client, [establishmentId], 'establishmentId');
      await requireEstablishments(client, unique, 'establishmentIds');
      await store.replaceSolidarity(establishmentId, unique, actorOf(identity));
      solidarityOf.clear(establishmentId);
      return unique;
    },

    /** Tension readers of the establishment see where its mails go. */
    notificationSettingOf: async (establishmentId: string): Promise<NotificationSettingRow | null> => {
      requireTensionRead(identity, establishmentId);
      const [row] = await store.settingsOf([establishmentId]);
      return row ?? null;
    },

    setNotificationSetting: async (establishmentId: string, input: { emails: string[]; enabled: boolean }): Promise<NotificationSettingRow> => {
      requireOnEstablishment(identity, TENSION_SETUP, establishmentId);
      const emails = [...new Set(input.emails.map((e) => e.trim()))];
      const bad = emails.find((e) => !EMAIL.test(e) || e.length > 254);
      if (bad !== undefined) throw new HubError('BAD_USER_INPUT', `Not an e-mail address: ${bad}.`, { field: 'emails' });
      if (emails.length > MAX_EMAILS) throw new HubError('BAD_USER_INPUT', `At most ${MAX_EMAILS} addresses.`, { field: 'emails' });
      if (input.enabled && emails.length === 0) throw new HubError('BAD_USER_INPUT', 'Give at least one address to enable the mails.', { field: 'emails' });
      await requireEstablishments(client, [establishmentId], 'establishmentId');
      return store.saveSetting({ establishmentId, emails, enabled: input.enabled, updatedBy: actorOf(identity) });
    },
  };
}

export type SolidarityService = ReturnType<typeof createSolidarityService>;
