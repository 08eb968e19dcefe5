/**
 * Encryption at rest of the patient data of admission requests (name, clinical summary):
 * AES-256-GCM, stored as base64 of iv (12 bytes) ‖ tag (16 bytes) ‖ ciphertext. The key is
 * ROR_ADMISSION_DATA_KEY; without it (development, tests, the embedded demo) the subgraph draws one
 * once and keeps it in its own `setting` table, so a restart still reads its data. Production
 * refuses to start without the variable (docs/admissions.md § Data protection).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.js';
import type { AdmissionsConfig } from '../../platform/config.js';
import { settings } from './tables.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_SETTING = 'data-key';

export interface DataCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export function createCipher(key: Buffer): DataCipher {
  if (key.length !== 32) throw new Error('The admissions data key must be 32 bytes');
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(stored) {
      const raw = Buffer.from(stored, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

/** The configured key, else the one kept in the schema (drawn on first use; concurrent starts agree on the first written). */
export async function loadDataKey(orm: Orm, config: { nodeEnv: string; admissions: Pick<AdmissionsConfig, 'dataKey'> }): Promise<Buffer> {
  if (config.admissions.dataKey) return Buffer.from(config.admissions.dataKey, 'base64');
  if (config.nodeEnv === 'production') {
    throw new Error('ROR_ADMISSION_DATA_KEY is required in production (32 random bytes, base64: openssl rand -base64 32)');
  }
  await orm.insert(settings).values({ key: KEY_SETTING, value: randomBytes(32).toString('base64') }).onConflictDoNothing();
  const rows = await orm.select({ value: settings.value }).from(settings).where(sql`${settings.key} = ${KEY_SETTING}`);
  return Buffer.from(rows[0]!.value, 'base64');
}
