/**
 * Trust-circle applications (OAuth clients authenticating with private_key_jwt, docs/identity.md):
 * registration, key rotation, revocation and listing, with their rules. The admin CLI
 * (scripts/admin.ts, system identity) calls them all; GraphQL exposes the list and the registration
 * (`applications`, `registerApplication`) to the regional team, OuruRorCredentials_adminRoles held
 * transversally, since an application reads across the whole region. Each change is appended to the change feed (`professional` topic,
 * `APPLICATION` records) in its transaction, without the keys.
 */
import { asc, eq } from 'drizzle-orm';
import { importJWK, type JWK } from 'jose';
import type { Identity } from '../../platform/auth/identity.js';
import { actorName, PERIMETER_SCOPES, SCOPES, type AccessLevel, type Scope } from '../../platform/auth/identity.js';
import type { Orm } from '../../platform/db/client.js';
import { appendChanges } from '../../platform/changes/append.js';
import { HubError } from '../../platform/errors.js';
import { requireRight } from '../../platform/auth/authorize.js';
import { requireSystem } from './access.js';
import type { ApplicationGrants } from './accounts.js';
import { PROFESSIONAL_TOPIC } from './changes.js';
import { badInput } from './input.js';
import { isFinessNumber } from './normalize.js';
import { clients } from './tables.js';

/** The provider's first-party clients and the FHIR version store's identity: ids an application may not take. */
const RESERVED = /^ror-/;
const CLIENT_ID = /^[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]$/;
/** The assertion algorithms the token endpoint accepts (docs/identity.md). */
const ALGORITHMS = ['RS256', 'RS384', 'PS256', 'PS384', 'ES256', 'ES384'];
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'];
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** Public keys given inline, or the URL the provider fetches them from. */
export type ApplicationKeys = { jwks: unknown } | { jwksUri: string };

export interface ApplicationInput {
  clientId: string;
  name: string;
  scopes: readonly string[];
  accessLevel: number;
  /** FINESS ET the application writes capacity or offer for, or `*` alone (the region); only with capacity.write or offer.write. */
  writeEstablishments?: readonly string[] | null;
  keys: ApplicationKeys;
}

/** An application as the admin CLI lists it: its grants (the provider's view), its keys, its age. */
export interface ApplicationView extends ApplicationGrants {
  /** `jwks_uri <url>`, or the key ids (or key types) of the inline set. */
  keys: string;
  createdAt: Date;
}

/** The system identity (admin CLI), or a user with OuruRorCredentials_adminRoles transversally. */
export function requireApplicationAdmin(identity: Identity): void {
  if (identity.kind === 'system') return;
  requireRight(identity, 'OuruRorCredentials_adminRoles', { kind: 'TRANSVERSAL' });
}

function clientIdOf(raw: string): string {
  const id = raw.trim();
  if (!CLIENT_ID.test(id)) throw badInput('clientId', `"${raw}" is not a client id: 3 to 64 lower-case letters, digits, ".", "_" or "-", starting and ending with a letter or digit.`);
  if (RESERVED.test(id)) throw badInput('clientId', `"${id}" is reserved: client ids starting with "ror-" are the hub's own.`);
  return id;
}

function scopesOf(raw: readonly string[]): Scope[] {
  const unknown = raw.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw badInput('scopes', `Unknown scope(s) ${unknown.join(', ')}: use ${SCOPES.join(', ')}.`);
  if (raw.length === 0) throw badInput('scopes', `An application needs at least one scope among ${SCOPES.join(', ')}.`);
  return SCOPES.filter((s) => raw.includes(s));
}

function accessLevelOf(raw: number): AccessLevel {
  if (!Number.isInteger(raw) || raw < 0 || raw > 3) throw badInput('accessLevel', `The IG access profile is 0, 1, 2 or 3, not ${raw}.`);
  return raw as AccessLevel;
}

function perimeterOf(raw: readonly string[] | null | undefined, scopes: readonly Scope[]): string[] | null {
  if (!raw || raw.length === 0) return null;
  if (!scopes.some((s) => PERIMETER_SCOPES.includes(s))) throw badInput('writeEstablishments', `A write perimeter only applies to an application with a write scope (${PERIMETER_SCOPES.join(', ')}).`);
  if (raw.includes('*')) {
    if (raw.length > 1) throw badInput('writeEstablishments', '"*" (the whole region) stands alone.');
    return ['*'];
  }
  const bad = raw.filter((id) => !isFinessNumber(id));
  if (bad.length) throw badInput('writeEstablishments', `Not FINESS ET numbers (9 characters): ${bad.join(', ')}.`);
  return [...new Set(raw)].sort();
}

/** A public JWK set the provider can verify assertions with; private members or unusable keys are refused. */
async function jwksOf(raw: unknown): Promise<{ keys: JWK[] }> {
  const keys = (raw as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw badInput('jwks', 'A JWK set is an object {"keys": [...]} with at least one public key.');
  const kids = new Set<string>();
  for (const [i, key] of (keys as JWK[]).entries()) {
    const where = `key ${i + 1}${key?.kid ? ` (kid ${key.kid})` : ''}`;
    if (typeof key !== 'object' || key === null) throw badInput('jwks', `${where} is not a JWK.`);
    const secret = PRIVATE_MEMBERS.filter((m) => m in key);
    if (secret.length) throw badInput('jwks', `${where} holds private key material (${secret.join(', ')}): register the PUBLIC key only, and keep the private key with the application.`);
    if (key.kty !== 'RSA' && key.kty !== 'EC') throw badInput('jwks', `${where}: kty must be RSA or EC, not ${String(key.kty)}.`);
    if (key.alg && !ALGORITHMS.includes(key.alg)) throw badInput('jwks', `${where}: alg ${key.alg} is not accepted; use ${ALGORITHMS.join(', ')}.`);
    if (key.use && key.use !== 'sig') throw badInput('jwks', `${where}: use must be "sig".`);
    if (key.kid) {
      if (kids.has(key.kid)) throw badInput('jwks', `Two keys have kid ${key.kid}.`);
      kids.add(key.kid);
    }
    try {
      await importJWK(key, key.alg ?? (key.kty === 'RSA' ? 'RS256' : key.crv === 'P-384' ? 'ES384' : 'ES256'));
    } catch (error) {
      throw badInput('jwks', `${where} cannot be read: ${(error as Error).message}.`);
    }
    if (key.kty === 'RSA' && Buffer.from(key.n ?? '', 'base64url').length < 256) throw badInput('jwks', `${where}: RSA keys need 2048 bits at least.`);
  }
  return { keys: keys as JWK[] };
}

function jwksUriOf(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badInput('jwksUri', `"${raw}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    throw badInput('jwksUri', 'A JWKS URI must use https (plain http only on this machine, 127.0.0.1 or localhost).');
  }
  return url.href;
}

async function keysOf(keys: ApplicationKeys): Promise<{ jwks: { keys: JWK[] }; jwksUri: string | null }> {
  if ('jwksUri' in keys) return { jwks: { keys: [] }, jwksUri: jwksUriOf(keys.jwksUri) };
  return { jwks: await jwksOf(keys.jwks), jwksUri: null };
}

type ClientRow = typeof clients.$inferSelect;

function viewOf(row: ClientRow): ApplicationView {
  const keys = (row.jwks as { keys?: JWK[] }).keys ?? [];
  return {
    clientId: row.clientId,
    name: row.name,
    scopes: row.scopes,
    accessLevel: row.accessLevel,
    writeEstablishments: row.writeEstablishments,
    enabled: row.enabled,
    keys: row.jwksUri ? `jwks_uri ${row.jwksUri}` : keys.length ? keys.map((k) => k.kid ?? k.kty).join(' ') : 'none',
    createdAt: row.createdAt,
  };
}

/** The APPLICATION event: what a follower needs to know who may ask for tokens, never a key. */
function applicationChange(row: ClientRow, action: 'REGISTER' | 'ROTATE_KEYS' | 'REVOKE', actor: string) {
  const { clientId, scopes, accessLevel, writeEstablishments, enabled } = row;
  return { topic: PROFESSIONAL_TOPIC, recordType: 'APPLICATION', recordId: clientId, action, actor, payload: { clientId, scopes, accessLevel, writeEstablishments, enabled, jwksUri: row.jwksUri !== null } };
}

export function createApplicationService(orm: Orm) {
  const current = async (rawId: string): Promise<ClientRow> => {
    const clientId = rawId.trim();
    const [row] = await orm.select().from(clients).where(eq(clients.clientId, clientId)).limit(1);
    if (!row) throw new HubError('NOT_FOUND', `No application ${clientId}.`, { argumentName: 'clientId' });
    return row;
  };

  return {
    registerApplication: async (identity: Identity, input: ApplicationInput): Promise<ApplicationView> => {
      requireApplicationAdmin(identity);
      const clientId = clientIdOf(input.clientId);
      const name = input.name.trim();
      if (!name || name.length > 200) throw badInput('name', 'The application needs a display name of 1 to 200 characters.');
      const scopes = scopesOf(input.scopes);
      const accessLevel = accessLevelOf(input.accessLevel);
      const writeEstablishments = perimeterOf(input.writeEstablishments, scopes);
      const keys = await keysOf(input.keys);
      return orm.transaction(async (tx) => {
        const [row] = await tx
          .insert(clients)
          .values({ clientId, name, scopes, accessLevel, writeEstablishments, ...keys })
          .onConflictDoNothing()
          .returning();
        if (!row) throw new HubError('CONFLICT', `Application ${clientId} is already registered (rotate its keys, or revoke it and register another id).`, { argumentName: 'clientId' });
        await appendChanges(tx as unknown as Orm, [applicationChange(row, 'REGISTER', actorName(identity))]);
        return viewOf(row);
      });
    },

    /** New public keys (or JWKS URI) for an application; its assertions signed with the old keys are refused from now on. */
    rotateApplicationKeys: async (identity: Identity, clientId: string, keys: ApplicationKeys): Promise<ApplicationView> => {
      requireSystem(identity);
      const before = await current(clientId);
      const next = await keysOf(keys);
      return orm.transaction(async (tx) => {
        const [row] = await tx.update(clients).set(next).where(eq(clients.clientId, before.clientId)).returning();
        await appendChanges(tx as unknown as Orm, [applicationChange(row!, 'ROTATE_KEYS', actorName(identity))]);
        return viewOf(row!);
      });
    },

    /**
     * Disables the application: the token endpoint refuses it at once, its stored work (FHIR
     * subscriptions, exports) is refused, and tokens already issued run out (15 minutes at most).
     */
    revokeApplication: async (identity: Identity, clientId: string): Promise<ApplicationView> => {
      requireSystem(identity);
      const before = await current(clientId);
      if (!before.enabled) return viewOf(before);
      return orm.transaction(async (tx) => {
        const [row] = await tx.update(clients).set({ enabled: false }).where(eq(clients.clientId, before.clientId)).returning();
        await appendChanges(tx as unknown as Orm, [applicationChange(row!, 'REVOKE', actorName(identity))]);
        return viewOf(row!);
      });
    },

    listApplications: async (identity: Identity): Promise<ApplicationView[]> => {
      requireApplicationAdmin(identity);
      return (await orm.select().from(clients).orderBy(asc(clients.clientId))).map(viewOf);
    },
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
