/**
 * Demo data: one CPTS of the demo region around Orléans, with a fictitious FINESS-shaped id
 * (450099990, in no FINESS file) and name, its territory (real communes, INSEE codes), its crisis
 * cell (inactive, activated and deactivated once last winter), its inventory, working groups,
 * procedures per level and communication plan, after the CPTS crisis protocol of the seeds
 * (002_…txt). Partners and contacts name functions, not people. Member professionals come from the
 * demo region (scripts/demo/region/crisis.ts).
 */
import { count } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.js';
import { activations, cellMembers, communications, cpts, cptsMembers, fieldReports, meetings, procedureRuns, procedures, resources, workingGroups } from './tables.js';

export const DEMO_CPTS_ID = '450099990';

export interface CrisisSeed {
  /** Member professionals: the first is the CPTS coordinator, the next ones lead working groups. */
  professionalIds: string[];
}

const COMMUNES = [
  { code: '45234', name: 'Orléans' },
  { code: '45147', name: 'Fleury-les-Aubrais' },
  { code: '45302', name: 'Saran' },
  { code: '45285', name: 'Saint-Jean-de-la-Ruelle' },
  { code: '45075', name: 'La Chapelle-Saint-Mesmin' },
  { code: '45232', name: 'Olivet' },
];

const PROCEDURES: Array<[string, string, string, string]> = [
  ['LEVEL_1', 'Veille et pré-alerte', "Suivre les signaux (ARS, Santé publique France, remontées du terrain), informer le bureau, vérifier l'annuaire de la cellule.", 'Coordinateur CPTS'],
  ['LEVEL_1', 'Inventaire des ressources', "Mettre à jour l'état des lieux des ressources mobilisables : volontaires, locaux, stocks d'équipements de protection.", 'Référent logistique'],
  ['LEVEL_2', 'Réunion de la cellule', 'Réunir la cellule sous 24 h, nommer les référents de garde, fixer le rythme des points de situation.', 'Coordinateur CPTS'],
  ['LEVEL_2', 'Continuité des soins des patients chroniques', 'Repérer les patients fragiles, organiser le télésuivi et les visites à domicile, éviter les ruptures de parcours.', 'Référent continuité des soins'],
  ['LEVEL_2', 'Mesures de protection', 'Diffuser les consignes de protection (EPI, accueil des patients, circuits séparés) aux cabinets et pharmacies.', 'Référent logistique'],
  ['LEVEL_3', 'Ouverture du centre de consultation dédié', 'Ouvrir le centre de consultation dédié, planifier les volontaires, lien avec le SAMU et le CHR.', 'Coordinateur CPTS'],
  ['LEVEL_3', 'Dépistage et vaccination de masse', 'Organiser dépistages (drive, domicile) et vaccination selon les directives nationales.', 'Référent dépistages'],
];

const COMMUNICATION: Array<[string | null, string, string, string, string]> = [
  [null, 'Membres de la CPTS', "Changements de niveau et consignes de la cellule", 'MESSAGING_GROUP', 'Référent communication'],
  ['LEVEL_1', 'ARS – délégation départementale', 'Signal observé et mesures de veille', 'EMAIL', 'Coordinateur CPTS'],
  ['LEVEL_2', 'Professionnels de santé du territoire', 'Procédures du niveau, circuits patients, équipements disponibles', 'EMAIL', 'Référent communication'],
  ['LEVEL_2', 'CHR Orléans, EHPAD, CPAM, mairies', 'Activation de la cellule, point de contact unique', 'PHONE', 'Coordinateur CPTS'],
  ['LEVEL_3', 'Population du territoire', 'Où consulter, se faire dépister ou vacciner ; gestes de prévention', 'SOCIAL_NETWORKS', 'Référent communication'],
  ['LEVEL_3', 'Population du territoire', 'Ouverture du centre dédié', 'PRESS', 'Référent communication'],
];

/**
 * Writes the demo CPTS once: nothing when the subgraph already holds one. `seed.crisis` is read
 * only after that check: the demo hands a lazily built region, which a restart must not build.
 */
export async function seedCrisis(db: Database, seed: { crisis?: CrisisSeed }): Promise<boolean> {
  const [row] = await db.orm.select({ n: count() }).from(cpts);
  if ((row?.n ?? 0) > 0) return false;
  const input = seed.crisis;
  if (!input?.professionalIds.length) return false;
  const [coordinator, ...others] = input.professionalIds;
  const lead = (i: number) => others[i % others.length] ?? coordinator!;
  const cptsId = DEMO_CPTS_ID;
  const at = (iso: string) => new Date(iso);
  await db.orm.transaction(async (tx) => {
    await tx.insert(cpts).values({ id: cptsId, name: 'CPTS Orléans Ouest (démo)', departmentCode: '45', communes: COMMUNES, version: 3, updatedAt: at('2026-02-20T17:00:00Z') });
    await tx.insert(cptsMembers).values(input.professionalIds.map((professionalId) => ({ cptsId, professionalId, since: at('2024-09-01T00:00:00Z') })));
    await tx.insert(cellMembers).values([
      { cptsId, rank: 1, name: 'Coordinateur de la CPTS', function: 'Coordination de la cellule', organisation: 'CPTS', professionalId: coordinator! },
      { cptsId, rank: 2, name: 'Présidente de la CPTS', function: 'Décision et lien avec le bureau', organisation: 'CPTS', professionalId: lead(0) },
      { cptsId, rank: 3, name: 'Référent veille sanitaire', function: 'Veille et alertes', organisation: 'ARS Centre-Val de Loire – DD 45', professionalId: null },
      { cptsId, rank: 4, name: 'Correspondant CPAM', function: 'Moyens et prise en charge', organisation: 'CPAM du Loiret', professionalId: null },
      { cptsId, rank: 5, name: 'Cadre de santé urgences', function: 'Lien ville / hôpital', organisation: 'CHR Orléans', professionalId: lead(1) },
      { cptsId, rank: 6, name: 'Chargé de mission santé', function: 'Locaux et population', organisation: "Mairie d'Orléans", professionalId: null },
    ]);
    const groups = await tx.insert(workingGroups).values([
      { cptsId, theme: 'WATCH', label: 'Veille', referentName: 'Coordinateur de la CPTS', referentProfessionalId: coordinator! },
      { cptsId, theme: 'CONTINUITY_OF_CARE', label: 'Réorganisation et continuité des soins', referentName: 'Médecin généraliste référent', referentProfessionalId: lead(0) },
      { cptsId, theme: 'SCREENING', label: 'Dépistages', referentName: 'Infirmier référent', referentProfessionalId: lead(2) },
      { cptsId, theme: 'LOGISTICS', label: 'Logistique et matériel', referentName: 'Pharmacien référent', referentProfessionalId: lead(3) },
      { cptsId, theme: 'COMMUNICATION', label: 'Communication', referentName: 'Référent communication', referentProfessionalId: null },
    ]).returning();
    await tx.insert(resources).values([
      { cptsId, kind: 'PERSON', label: 'Médecins généralistes volontaires', quantity: 12, details: 'Consultations dédiées, régulation', communeCode: null, professionalId: null, updatedBy: 'seed' },
      { cptsId, kind: 'PERSON', label: 'Infirmiers libéraux volontaires', quantity: 18, details: 'Dépistages à domicile, télésuivi', communeCode: null, professionalId: null, updatedBy: 'seed' },
      { cptsId, kind: 'PERSON', label: 'Coordinateur de la CPTS', quantity: 1, details: null, communeCode: '45234', professionalId: coordinator!, updatedBy: 'seed' },
      { cptsId, kind: 'PREMISES', label: 'Salle polyvalente (centre de consultation dédié)', quantity: 1, details: 'Prêt de la mairie, 6 box', communeCode: '45285', professionalId: null, updatedBy: 'seed' },
      { cptsId, kind: 'PREMISES', label: 'Parking (drive de dépistage)', quantity: 1, details: null, communeCode: '45147', professionalId: null, updatedBy: 'seed' },
      { cptsId, kind: 'EQUIPMENT', label: 'Masques FFP2', quantity: 5000, details: 'Stock CPTS, pharmacie référente', communeCode: '45234', professionalId: null, updatedBy: 'seed' },
      { cptsId, kind: 'EQUIPMENT', label: 'Oxymètres de pouls (télésuivi)', quantity: 40, details: null, communeCode: null, professionalId: null, updatedBy: 'seed' },
    ]);
    const procs = await tx.insert(procedures).values(PROCEDURES.map(([levelCode, title, description, owner], i) => ({ cptsId, levelCode, rank: i + 1, title, description, owner }))).returning();
    await tx.insert(communications).values(COMMUNICATION.map(([levelCode, audience, message, channel, owner], i) => ({ cptsId, levelCode, rank: i + 1, audience, message, channel, owner })));
    // Last winter's epidemic: activated at level 1, raised to 2, deactivated; two procedures, two meetings.
    await tx.insert(activations).values([
      { cptsId, at: at('2026-01-12T08:00:00Z'), actor: 'seed', action: 'ACTIVATED', levelCode: 'LEVEL_1', reason: 'Épidémie de grippe : hausse des consultations' },
      { cptsId, at: at('2026-01-19T08:00:00Z'), actor: 'seed', action: 'LEVEL_CHANGED', levelCode: 'LEVEL_2', reason: 'Tension aux urgences du CHR' },
      { cptsId, at: at('2026-02-20T17:00:00Z'), actor: 'seed', action: 'DEACTIVATED', levelCode: null, reason: "Fin de l'épidémie" },
    ]);
    await tx.insert(procedureRuns).values([
      { procedureId: procs[0]!.id, cptsId, triggeredAt: at('2026-01-12T09:30:00Z'), triggeredBy: 'seed', notes: null },
      { procedureId: procs[2]!.id, cptsId, triggeredAt: at('2026-01-19T10:00:00Z'), triggeredBy: 'seed', notes: null },
    ]);
    await tx.insert(meetings).values([
      { cptsId, groupId: null, heldAt: at('2026-01-19T18:00:00Z'), recordedBy: 'seed', notes: 'Point de situation, passage au niveau 2' },
      { cptsId, groupId: groups[1]!.id, heldAt: at('2026-01-21T12:30:00Z'), recordedBy: 'seed', notes: 'Liste des patients fragiles' },
    ]);
    await tx.insert(fieldReports).values([
      { cptsId, indicator: 'SUSPECTED_CASES', value: 14, communeCode: '45234', reportedAt: at('2026-01-13T18:00:00Z'), author: 'seed', notes: null },
      { cptsId, indicator: 'SUSPECTED_CASES', value: 9, communeCode: '45302', reportedAt: at('2026-01-13T18:30:00Z'), author: 'seed', notes: null },
      { cptsId, indicator: 'PATIENTS_FOLLOWED', value: 6, communeCode: null, reportedAt: at('2026-01-20T17:00:00Z'), author: 'seed', notes: 'Télésuivi infirmier' },
    ]);
  });
  return true;
}
