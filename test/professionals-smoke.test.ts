import { it, expect } from 'vitest';
import { startProfessionalsHub, callAs, userIdentity, SYSTEM } from './helpers/professionals.js';

it('smoke', async () => {
  const hub = await startProfessionalsHub('pglite');
  try {
    const ref = await userIdentity(hub, 'P000328', [{ role: 'ESTABLISHMENT_REFERENT', kind: 'ORGANIZATION', id: '450000088' }]);
    const call = callAs(hub.urls.subgraphs.professionals, ref);
    const r1 = await call(`{ professionals(first: 3) { edges { node { id lastName firstName sex profession { code display } rppsNumber adeliNumber establishments { id } units { id } account { login } archived } } totalCount } }`);
    console.log(JSON.stringify(r1, null, 1).slice(0, 1500));
    const r2 = await call(`mutation { createProfessional(input: { lastName: " Dupont-Moretti ", firstName: "Éloïse  d'Arc", sex: FEMALE, professionCode: "10", rppsNumber: "10000000001", establishmentIds: ["450002613"], unitIds: ["450002613-4554"], account: { login: "e.dupont", rescueEmail: "eloise@example.org" } }) { id lastName firstName sex account { login enabled hasPassword } lastLoginAt roleAssignments { id } } }`);
    console.log(JSON.stringify(r2, null, 1));
    const r3 = await call(`mutation { createProfessional(input: { lastName: "Dupont Moreti", firstName: "Eloise", establishmentIds: ["450002613"] }) { id } }`);
    console.log(JSON.stringify(r3, null, 1));
    const sys = callAs(hub.urls.subgraphs.professionals, SYSTEM);
    console.log(JSON.stringify(await sys(`{ accountGrants(login: "admin.ars") { accountId login professionalId enabled assignments { rights kind id } } }`)).slice(0, 800));
    const rows = await hub.db.rows(await import('drizzle-orm').then(m => m.sql`select recipient, subject, body, status from professionals.mail_outbox`));
    console.log(rows);
    expect(1).toBe(1);
  } finally { await hub.close(); }
}, 120000);
