import { prepareDatabaseCopies, startTestHub, openMigratedDatabase, createScratchDatabase, testEnv } from './test/helpers/hub.js';
import { prepareDatabase } from './scripts/hub.js';
import { loadConfig, SUBGRAPH_NAMES } from './platform/config.js';
import { createLogger } from './platform/logger.js';
const t = () => performance.now();
const rec: Record<string, number[]> = {};
async function time(name: string, fn: () => Promise<void>) { const s = t(); await fn(); (rec[name] ??= []).push(Math.round(t() - s)); }
process.env.APOLLO_TELEMETRY_DISABLED = '1';
let drop: () => Promise<void> = async () => {};
await time('global: prepareDatabaseCopies (both kinds)', async () => { drop = await prepareDatabaseCopies(['pglite', 'postgres']); });
for (let i = 0; i < 3; i++) {
  for (const kind of ['pglite', 'postgres'] as const) {
    await time(`hub ${kind} fresh`, async () => { const h = await startTestHub(kind, {}, { fresh: true }); await h.close(); });
    await time(`hub ${kind} copy`, async () => { const h = await startTestHub(kind); await h.close(); });
    await time(`migrated db ${kind} fresh`, async () => {
      const s = kind === 'postgres' ? await createScratchDatabase() : null;
      const db = await prepareDatabase(loadConfig(testEnv({ ROR_SEED_DEMO: 'false', ...(s ? { DATABASE_URL: s.url } : {}) })), createLogger('silent'), SUBGRAPH_NAMES);
      await db.close(); await s?.drop();
    });
    await time(`migrated db ${kind} copy`, async () => { const { drop } = await openMigratedDatabase(kind); await drop(); });
  }
}
await drop();
for (const [k, v] of Object.entries(rec)) console.log(k.padEnd(45), v.join(' '), 'ms');
