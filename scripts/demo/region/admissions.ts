/**
 * Past direct admission requests (docs/admissions.md § Indicators), so the indicators have data:
 * about forty requests over the 14 days before the reference instant, all closed (completed,
 * refused, cancelled, expired), sent by the town doctor `medecin.ville.orleans` or by the
 * `place-search` application acting for that doctor's RPPS number.
 *
 * Only units somebody can answer for in the demo receive answers: the CHR Orléans units (the bed
 * manager `gestionnaire.lits.orleans`) and the Tours ICU unit of `ref.uo.tours`. Units of Blois
 * and Chartres are asked too, alongside them, but no demo account answers there: they are
 * withdrawn when another unit accepts, or expire.
 *
 * The first seven requests are scripted, on one CHR Orléans unit that no other request targets,
 * on one Paris day, so that their figures are computed by hand (test/admissions-indicators.test.ts):
 * received 7, accepted 2, refused 2 (NO_BED 1, NOT_SUITED 1), withdrawn 2, expired 1, acceptance
 * rate 2/4, median answer time 60 minutes (answers after 10, 30, 90 and 110 minutes).
 */
import { createHash } from 'node:crypto';
import { demoAccountId } from '../../../subgraphs/professionals/seed.js';
import { DEMO_CLIENTS } from '../clients.js';
import { townDoctorOf } from '../identities.js';
import { HOUR_MS } from './constants.js';
import { rngFor, type Rng } from './rng.js';
import type { DemoAdmissionEvent, DemoAdmissionRequest, DemoAdmissionTarget, DemoRegion, DemoUnit } from './types.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * HOUR_MS;
/** ROR_ADMISSION_EXPIRY_MINUTES's default: a request without acceptance expires after it. */
const EXPIRY_MINUTES = 120;
/** How many requests besides the seven scripted ones. */
const RANDOM_REQUESTS = 33;

const ORLEANS = '450002613';
const TOURS = '370004467';
const BLOIS = '410000020';
const CHARTRES = '280504267';
/** Who answers where in the demo (scripts/demo/identities.ts). */
const ORLEANS_ANSWERER = 'gestionnaire.lits.orleans';
const TOURS_ANSWERER = 'ref.uo.tours';
/** The hub's own jobs (expiry, withdrawal) act as the system identity. */
const SYSTEM_ACTOR = 'system';

/** Short synthetic clinical summaries: no name, nothing identifying. */
const SUMMARIES: Record<string, readonly string[]> = {
  MEDICINE: [
    'Altération de l\'état général, chutes répétées, maintien à domicile impossible.',
    'Pneumopathie hypoxémiante, SpO2 91 % en air ambiant, antibiothérapie débutée.',
    'Décompensation cardiaque globale, prise de poids de 4 kg en une semaine.',
    'Pyélonéphrite chez un patient diabétique, fièvre persistante sous traitement oral.',
  ],
  ADULT_ICU: ['Détresse respiratoire aiguë, ventilation non invasive en cours aux urgences.', 'Choc septique d\'origine digestive, noradrénaline en cours.'],
  SURGERY: ['Fracture du col du fémur après chute, bilan préopératoire fait.'],
};

/** Units the requests go to: deterministic choices among the region's, by discipline and id. */
interface Pools {
  /** The scripted requests' unit (CHR Orléans, polyvalent medicine): no other request goes there. */
  scripted: DemoUnit;
  toursIcu: DemoUnit;
  /** Groups of similar units one request may be sent to at once; answerable ones first. */
  groups: DemoUnit[][];
}

function unitsOf(region: DemoRegion, establishmentId: string): DemoUnit[] {
  return region.units.filter((u) => u.establishmentId === establishmentId && !u.sensitive).sort((a, b) => a.id.localeCompare(b.id));
}

function pick(units: DemoUnit[], what: string, test: (u: DemoUnit) => boolean, nth = 0): DemoUnit {
  const unit = units.filter(test)[nth];
  if (!unit) throw new Error(`The demo region has no ${what}`);
  return unit;
}

function poolsOf(region: DemoRegion): Pools {
  const orleans = unitsOf(region, ORLEANS);
  const tours = unitsOf(region, TOURS);
  const activity = (code: string) => (u: DemoUnit) => u.operationalActivityCodes.includes(code);
  const medicine = activity('083'); // médecine polyvalente
  const scripted = pick(orleans, 'polyvalent medicine unit at CHR Orléans', medicine);
  const toursIcu = pick(tours, 'adult ICU unit at CHRU Tours', (u) => u.discipline === 'ADULT_ICU');
  return {
    scripted,
    toursIcu,
    groups: [
      [pick(orleans, 'second polyvalent medicine unit at CHR Orléans', medicine, 1), pick(unitsOf(region, BLOIS), 'medicine unit at Blois', medicine), pick(unitsOf(region, CHARTRES), 'medicine unit at Chartres', medicine)],
      [pick(orleans, 'geriatric unit at CHR Orléans', activity('050'))],
      [pick(orleans, 'cardiology unit at CHR Orléans', activity('013'))],
      [pick(orleans, 'pneumology unit at CHR Orléans', activity('114'))],
      [pick(orleans, 'adult ICU unit at CHR Orléans', (u) => u.discipline === 'ADULT_ICU'), toursIcu],
      [pick(orleans, 'orthopaedic surgery unit at CHR Orléans', activity('025'))],
    ],
  };
}

/** A stable UUID-shaped id, as the requests the hub creates get. */
function requestId(n: number): string {
  const h = createHash('sha256').update(`ror-hub demo admission request ${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface Requester {
  requesterKind: 'USER' | 'APPLICATION';
  requesterSubject: string;
  requesterName: string;
  requesterProfessionalId: string | null;
  onBehalfOf: string | null;
}

function requestersOf(region: DemoRegion): { doctor: Requester; app: Requester } {
  const doctor = townDoctorOf(region);
  const app = DEMO_CLIENTS.find((c) => c.clientId === 'place-search');
  if (!app) throw new Error('The demo application place-search is missing');
  return {
    doctor: { requesterKind: 'USER', requesterSubject: demoAccountId('medecin.ville.orleans'), requesterName: 'medecin.ville.orleans', requesterProfessionalId: doctor.id, onBehalfOf: null },
    app: { requesterKind: 'APPLICATION', requesterSubject: app.clientId, requesterName: app.name, requesterProfessionalId: null, onBehalfOf: doctor.rppsNumber },
  };
}

const at = (ms: number) => new Date(ms);

/** Who answers for a unit in the demo, or null where nobody does. */
function answererOf(unit: DemoUnit, pools: Pools): string | null {
  if (unit.establishmentId === ORLEANS) return ORLEANS_ANSWERER;
  return unit.id === pools.toursIcu.id ? TOURS_ANSWERER : null;
}

/** What happens at one unit; `minutes` after the request's creation. */
type Step =
  | { unit: DemoUnit; kind: 'ACCEPT'; minutes: number }
  | { unit: DemoUnit; kind: 'REFUSE'; minutes: number; reason: 'NO_BED' | 'NOT_SUITED' | 'OTHER' }
  | { unit: DemoUnit; kind: 'NONE' };

/** How the request ends: completed `admittedAfter` minutes after the acceptance, cancelled, expired, refused by all. */
type Ending = { kind: 'COMPLETED'; admittedAfter: number } | { kind: 'CANCELLED'; minutes: number } | { kind: 'EXPIRED' } | { kind: 'REFUSED' };

interface Plan {
  n: number;
  createdMs: number;
  requester: Requester;
  patientAge: number;
  patientSex: 'FEMALE' | 'MALE';
  urgency: DemoAdmissionRequest['urgency'];
  summary: string;
  steps: Step[];
  ending: Ending;
}

/** Turns a plan into the request, its targets and its events, as the lifecycle would have written them. */
function realise(plan: Plan, region: DemoRegion, pools: Pools): DemoAdmissionRequest {
  const { createdMs, requester } = plan;
  const organizationOf = (establishmentId: string) => region.establishments.find((e) => e.id === establishmentId)!.organizationId;
  const events: DemoAdmissionEvent[] = [{ at: at(createdMs), actor: requester.requesterName, action: 'CREATED', unitId: null }];
  const accept = plan.steps.find((s): s is Extract<Step, { kind: 'ACCEPT' }> => s.kind === 'ACCEPT');
  const lastAnswer = Math.max(0, ...plan.steps.map((s) => (s.kind === 'NONE' ? 0 : s.minutes)));
  const closedMinutes =
    plan.ending.kind === 'COMPLETED' ? accept!.minutes + plan.ending.admittedAfter
    : plan.ending.kind === 'CANCELLED' ? plan.ending.minutes
    : plan.ending.kind === 'EXPIRED' ? EXPIRY_MINUTES
    : lastAnswer;
  // The moment the units still waiting were withdrawn: the acceptance, the cancellation or the expiry.
  const withdrawnMinutes = accept ? accept.minutes : closedMinutes;
  const targets: DemoAdmissionTarget[] = plan.steps.map((step) => {
    const answerer = answererOf(step.unit, pools);
    if (step.kind !== 'NONE' && !answerer) throw new Error(`Nobody answers for unit ${step.unit.id} in the demo`);
    const base = { unitId: step.unit.id, establishmentId: step.unit.establishmentId, organizationId: organizationOf(step.unit.establishmentId), comment: null };
    if (step.kind === 'ACCEPT') {
      return { ...base, status: plan.ending.kind === 'COMPLETED' ? 'COMPLETED' : 'ACCEPTED', answer: 'ACCEPT', refusalReason: null, answeredBy: answerer, answeredAt: at(createdMs + step.minutes * MINUTE_MS) };
    }
    if (step.kind === 'REFUSE') {
      const comment = step.reason === 'OTHER' ? 'Plateau technique indisponible ce jour.' : null;
      return { ...base, comment, status: 'REFUSED', answer: 'REFUSE', refusalReason: step.reason, answeredBy: answerer, answeredAt: at(createdMs + step.minutes * MINUTE_MS) };
    }
    return { ...base, status: 'WITHDRAWN', answer: null, refusalReason: null, answeredBy: null, answeredAt: null };
  });
  const timeline: Array<DemoAdmissionEvent & { order: number }> = [];
  plan.steps.forEach((step, order) => {
    if (step.kind === 'NONE') {
      // Expiry withdraws the units with it (one EXPIRED event below); the others get WITHDRAWN.
      if (plan.ending.kind !== 'EXPIRED') timeline.push({ at: at(createdMs + withdrawnMinutes * MINUTE_MS), actor: SYSTEM_ACTOR, action: 'WITHDRAWN', unitId: step.unit.id, order: 100 + order });
      return;
    }
    timeline.push({ at: at(createdMs + step.minutes * MINUTE_MS), actor: answererOf(step.unit, pools)!, action: step.kind === 'ACCEPT' ? 'ACCEPTED' : 'REFUSED', unitId: step.unit.id, order });
  });
  const closedAt = at(createdMs + closedMinutes * MINUTE_MS);
  if (plan.ending.kind === 'COMPLETED') timeline.push({ at: closedAt, actor: answererOf(accept!.unit, pools)!, action: 'COMPLETED', unitId: accept!.unit.id, order: 200 });
  if (plan.ending.kind === 'CANCELLED') timeline.push({ at: closedAt, actor: requester.requesterName, action: 'CANCELLED', unitId: null, order: 50 });
  if (plan.ending.kind === 'EXPIRED') timeline.push({ at: closedAt, actor: SYSTEM_ACTOR, action: 'EXPIRED', unitId: null, order: 200 });
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  events.push(...timeline.map(({ order: _order, ...event }) => event));
  const discipline = plan.steps[0]!.unit;
  return {
    id: requestId(plan.n),
    status: plan.ending.kind,
    patientAge: plan.patientAge,
    patientSex: plan.patientSex,
    discipline: discipline.discipline,
    activityCode: discipline.operationalActivityCodes[0]!,
    urgency: plan.urgency,
    clinicalSummary: plan.summary,
    callbackContact: '01 99 00 45 23', // ARCEP's range for fiction
    ...requester,
    acceptedUnitId: plan.ending.kind === 'COMPLETED' ? accept!.unit.id : null,
    createdAt: at(createdMs),
    expiresAt: at(createdMs + EXPIRY_MINUTES * MINUTE_MS),
    closedAt,
    targets,
    events,
  };
}

/**
 * The seven scripted requests: three days before the reference instant, from 09:00 to 14:00 UTC
 * (10:00 to 16:00 in Paris, whatever the season: one Paris day).
 */
function scriptedPlans(referenceMs: number, pools: Pools, requesters: { doctor: Requester; app: Requester }): Plan[] {
  const day = Math.floor(referenceMs / DAY_MS) * DAY_MS - 3 * DAY_MS;
  const unit = pools.scripted;
  const plan = (n: number, hourUtc: number, steps: Step[], ending: Ending, requester = requesters.doctor): Plan => ({
    n, createdMs: day + hourUtc * HOUR_MS, requester, patientAge: 70 + n, patientSex: n % 2 ? 'FEMALE' : 'MALE',
    urgency: 'SAME_DAY', summary: SUMMARIES.MEDICINE![n % SUMMARIES.MEDICINE!.length]!, steps, ending,
  });
  return [
    plan(1, 9, [{ unit, kind: 'ACCEPT', minutes: 30 }], { kind: 'COMPLETED', admittedAfter: 150 }),
    plan(2, 9.5, [{ unit, kind: 'REFUSE', minutes: 90, reason: 'NO_BED' }], { kind: 'REFUSED' }),
    plan(3, 10, [{ unit, kind: 'REFUSE', minutes: 10, reason: 'NOT_SUITED' }], { kind: 'REFUSED' }, requesters.app),
    plan(4, 11, [{ unit, kind: 'NONE' }], { kind: 'EXPIRED' }),
    plan(5, 12, [{ unit, kind: 'NONE' }, { unit: pools.toursIcu, kind: 'ACCEPT', minutes: 20 }], { kind: 'COMPLETED', admittedAfter: 90 }),
    plan(6, 13, [{ unit, kind: 'ACCEPT', minutes: 110 }], { kind: 'COMPLETED', admittedAfter: 60 }),
    plan(7, 14, [{ unit, kind: 'NONE' }], { kind: 'CANCELLED', minutes: 15 }, requesters.app),
  ];
}

const REASONS = ['NO_BED', 'NO_BED', 'NO_BED', 'NOT_SUITED', 'NOT_SUITED', 'OTHER'] as const;

/** One random request: its units (answerable ones first), then an ending and answers consistent with it. */
function randomPlan(n: number, referenceMs: number, pools: Pools, requesters: { doctor: Requester; app: Requester }): Plan {
  const rng: Rng = rngFor(`admissions:${n}`);
  // Created between 14 days and 12 hours before the reference instant: closed well before it.
  const createdMs = referenceMs - rng.int(12 * 60, 14 * 24 * 60 - 60) * MINUTE_MS;
  const group = rng.pick(pools.groups);
  const units = group.slice(0, rng.int(1, group.length));
  const answerable = units.filter((u) => answererOf(u, pools));
  const roll = rng.next();
  const allAnswerable = answerable.length === units.length;
  const ending: Ending['kind'] = roll < 0.45 ? 'COMPLETED' : roll < 0.65 && allAnswerable ? 'REFUSED' : roll < 0.8 ? 'EXPIRED' : 'CANCELLED';
  const refuse = (unit: DemoUnit, before: number): Step => ({ unit, kind: 'REFUSE', minutes: rng.int(5, Math.max(5, before - 1)), reason: rng.pick(REASONS) });
  let steps: Step[];
  let end: Ending;
  if (ending === 'COMPLETED') {
    const accepting = answerable[answerable.length - 1]!;
    const minutes = rng.int(8, 115);
    steps = units.map((u) => (u === accepting ? { unit: u, kind: 'ACCEPT', minutes } : answererOf(u, pools) && rng.next() < 0.6 ? refuse(u, minutes) : { unit: u, kind: 'NONE' }));
    end = { kind: 'COMPLETED', admittedAfter: rng.int(45, 300) };
  } else if (ending === 'REFUSED') {
    steps = units.map((u) => refuse(u, 115));
    end = { kind: 'REFUSED' };
  } else if (ending === 'EXPIRED') {
    // At least one unit stays silent, or every unit would have refused.
    const silent = units[units.length - 1]!;
    steps = units.map((u) => (u !== silent && answererOf(u, pools) && rng.next() < 0.5 ? refuse(u, 115) : { unit: u, kind: 'NONE' }));
    end = { kind: 'EXPIRED' };
  } else {
    const minutes = rng.int(10, 100);
    const silent = units[units.length - 1]!;
    steps = units.map((u) => (u !== silent && answererOf(u, pools) && rng.next() < 0.5 ? refuse(u, minutes) : { unit: u, kind: 'NONE' }));
    end = { kind: 'CANCELLED', minutes };
  }
  const first = units[0]!;
  const minAge = Math.max(first.patientAgeMin ?? 18, 18);
  const summaries = SUMMARIES[first.discipline] ?? SUMMARIES.MEDICINE!;
  return {
    n,
    createdMs,
    requester: n % 4 === 3 ? requesters.app : requesters.doctor,
    patientAge: rng.int(minAge, Math.min(first.patientAgeMax ?? 99, 99)),
    patientSex: rng.pick(['FEMALE', 'MALE'] as const),
    urgency: rng.pick(['IMMEDIATE', 'SAME_DAY', 'SAME_DAY', 'WITHIN_48H'] as const),
    summary: rng.pick(summaries),
    steps,
    ending: end,
  };
}

/** The demo's past requests, oldest first; pure: everything is relative to `referenceMs`. */
export function buildAdmissions(region: DemoRegion, referenceMs: number): DemoAdmissionRequest[] {
  const pools = poolsOf(region);
  const requesters = requestersOf(region);
  const plans = scriptedPlans(referenceMs, pools, requesters);
  const scripted = plans.length;
  for (let n = scripted + 1; n <= scripted + RANDOM_REQUESTS; n++) plans.push(randomPlan(n, referenceMs, pools, requesters));
  return plans.map((p) => realise(p, region, pools)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/** The unit of the scripted requests (tests compute its figures by hand). */
export function scriptedAdmissionUnit(region: DemoRegion): string {
  return poolsOf(region).scripted.id;
}
