/**
 * oidc-provider storage on the `oidc_payload` table: every model (sessions, interactions, codes,
 * grants, replay detection...) as one row keyed by (model, id). Expiry uses the database clock, so
 * several processes sharing one database agree on it. The `Client` model is read from the
 * `client` table of trust-circle applications instead (no dynamic registration).
 */
import { and, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { errors, type Adapter, type AdapterFactory, type AdapterPayload, type ClientMetadata } from 'oidc-provider';
import type { Orm } from '../../../platform/db/client.js';
import { oidcPayloads } from '../tables.js';

/** Models revoked together when a grant is revoked (same set as the library's memory adapter). */
const GRANTABLE = ['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest'];

type Row = typeof oidcPayloads.$inferSelect;

const live = () => or(isNull(oidcPayloads.expiresAt), gt(oidcPayloads.expiresAt, sql`now()`));

function expiry(expiresIn: number | undefined): SQL | null {
  return expiresIn && Number.isFinite(expiresIn) ? sql`now() + make_interval(secs => ${expiresIn}::float8)` : null;
}

function toPayload(row: Row | undefined): AdapterPayload | undefined {
  if (!row) return undefined;
  const payload = row.payload as AdapterPayload;
  // The library reads `consumed` (epoch seconds) to refuse a second use of a code.
  return row.consumedAt ? { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : payload;
}

class PayloadAdapter implements Adapter {
  private readonly orm: Orm;
  private readonly model: string;
  constructor(orm: Orm, model: string) {
    this.orm = orm;
    this.model = model;
  }

  private where(column: 'id' | 'uid' | 'userCode', value: string) {
    return and(eq(oidcPayloads.model, this.model), eq(oidcPayloads[column], value), live());
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const columns = {
      payload,
      grantId: typeof payload.grantId === 'string' ? payload.grantId : null,
      userCode: typeof payload.userCode === 'string' ? payload.userCode : null,
      uid: typeof payload.uid === 'string' ? payload.uid : null,
      expiresAt: expiry(expiresIn),
      consumedAt: null,
    };
    const insert = this.orm.insert(oidcPayloads).values({ model: this.model, id, ...columns });
    if (this.model !== 'ReplayDetection') {
      await insert.onConflictDoUpdate({ target: [oidcPayloads.model, oidcPayloads.id], set: columns });
      return;
    }
    // A client assertion's jti is one-time: the library checks with find() then saves, which two
    // concurrent requests could both pass. Only an expired record may be overwritten here, so the
    // database itself refuses the second use.
    const written = await insert
      .onConflictDoUpdate({ target: [oidcPayloads.model, oidcPayloads.id], set: columns, setWhere: lte(oidcPayloads.expiresAt, sql`now()`) })
      .returning({ id: oidcPayloads.id });
    if (written.length === 0) throw new errors.InvalidClientAuth('client assertion tokens must only be used once');
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    const [row] = await this.orm.select().from(oidcPayloads).where(this.where('id', id)).limit(1);
    return toPayload(row);
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const [row] = await this.orm.select().from(oidcPayloads).where(this.where('uid', uid)).limit(1);
    return toPayload(row);
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const [row] = await this.orm.select().from(oidcPayloads).where(this.where('userCode', userCode)).limit(1);
    return toPayload(row);
  }

  async consume(id: string): Promise<void> {
    await this.orm
      .update(oidcPayloads)
      .set({ consumedAt: sql`now()` })
      .where(and(eq(oidcPayloads.model, this.model), eq(oidcPayloads.id, id)));
  }

  async destroy(id: string): Promise<void> {
    await this.orm.delete(oidcPayloads).where(and(eq(oidcPayloads.model, this.model), eq(oidcPayloads.id, id)));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.orm.delete(oidcPayloads).where(and(inArray(oidcPayloads.model, GRANTABLE), eq(oidcPayloads.grantId, grantId)));
  }
}

/** Read-only adapter of the `Client` model: applications come from the `client` table. */
class ClientAdapter implements Adapter {
  private readonly findClient: (id: string) => Promise<ClientMetadata | undefined>;
  constructor(findClient: (id: string) => Promise<ClientMetadata | undefined>) {
    this.findClient = findClient;
  }

  find(id: string) {
    return this.findClient(id) as Promise<AdapterPayload | undefined>;
  }

  async upsert(): Promise<void> {
    throw new Error('Clients are managed in the client table, not through the OpenID provider.');
  }

  findByUid = async () => undefined;
  findByUserCode = async () => undefined;
  consume = async () => undefined;
  destroy = async () => undefined;
  revokeByGrantId = async () => undefined;
}

export function createAdapterFactory(orm: Orm, findClient: (id: string) => Promise<ClientMetadata | undefined>): AdapterFactory {
  return (model) => (model === 'Client' ? new ClientAdapter(findClient) : new PayloadAdapter(orm, model));
}

/** Deletes expired rows; the provider never reads them again. Returns how many were deleted. */
export async function purgeExpired(orm: Orm): Promise<number> {
  const deleted = await orm.delete(oidcPayloads).where(lte(oidcPayloads.expiresAt, sql`now()`)).returning({ id: oidcPayloads.id });
  return deleted.length;
}
