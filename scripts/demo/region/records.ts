/**
 * Full records of the demo offer (synthetic, deterministic): what the establishment referents
 * keep current (management and alert phones, e-mails, website), pôles, and for each unit its SSE
 * capacity, specific acts and equipment, contacts, opening and visiting hours and access details.
 *
 * Phone numbers, e-mail addresses and websites are fake but plausible demo data (regional 02
 * numbers, `@<establishment-slug>.fr`); they reach no one. Acts and equipment use only codes of
 * the terminology files (platform/terminology/systems/).
 *
 * Deliberate gaps: about 12 % of units (drawn per unit id) miss one thing the national
 * completeness rule checks, so the population indicators show real bands: their contacts
 * (`NO_CONTACT`; the patient age range is mandatory, D197). `populationGap` on the unit
 * says so. Some FINESS establishments also lack an address line, as in the source.
 */
import { type Rng, rngFor } from './rng.js';
import type { DemoContact, DemoEstablishment, DemoPole, DemoUnit, TimeSlot } from './types.js';

/** Pôle of each UF prefix digit (unit-specs.ts): critical care (4) and UHCD (5) share one. */
const POLE_OF_PREFIX: Record<string, { key: string; name: string }> = {
  '1': { key: 'MED', name: 'Pôle Médecine' },
  '2': { key: 'CHI', name: 'Pôle Chirurgie' },
  '3': { key: 'FEM', name: 'Pôle Femme-Enfant' },
  '4': { key: 'URG', name: 'Pôle Urgences-Réanimation' },
  '5': { key: 'URG', name: 'Pôle Urgences-Réanimation' },
  '6': { key: 'SMR', name: 'Pôle Soins Médicaux et de Réadaptation' },
  '7': { key: 'PSY', name: 'Pôle Psychiatrie' },
  '8': { key: 'GER', name: 'Pôle Gériatrie' },
  '9': { key: 'HAD', name: 'Pôle Hospitalisation à Domicile' },
};

/** Specific acts (TRE_R210) and equipment (TRE_R212) by unit name (prefix, before any " 2"). */
const TECHNICAL: ReadonlyArray<{ name: string; acts?: string[]; equipment?: string[] }> = [
  { name: 'CARDIOLOGIE', acts: ['0001'], equipment: ['118', '112'] },
  { name: 'SOINS INTENSIFS DE CARDIOLOGIE', acts: ['0001'], equipment: ['112', '189'] },
  { name: 'SURVEILLANCE CONTINUE CARDIOLOGIQUE', equipment: ['112'] },
  { name: 'CHIRURGIE VASCULAIRE', acts: ['0021', '0022'], equipment: ['211'] },
  { name: 'MEDECINE VASCULAIRE', acts: ['0021'] },
  { name: 'CHIRURGIE ORTHOPEDIQUE ET TRAUMATOLOGIQUE', acts: ['0026', '0024'], equipment: ['144', '088'] },
  { name: 'CHIRURGIE VISCERALE ET DIGESTIVE', acts: ['0031'], equipment: ['227', '069'] },
  { name: 'UROLOGIE', equipment: ['069'] },
  { name: 'OPHTALMOLOGIE', acts: ['0020'], equipment: ['201', '202'] },
  { name: 'MEDECINE GERIATRIQUE', acts: ['0032', '0033'], equipment: ['114'] },
  { name: 'SMR GERIATRIQUE', acts: ['0032'], equipment: ['114', '150'] },
  { name: 'SMR LOCOMOTEUR', equipment: ['098', '150', '102'] },
  { name: 'SMR NEUROLOGIQUE', equipment: ['103', '106', '150'] },
  { name: 'SMR CARDIO-VASCULAIRE', equipment: ['040', '118'] },
  { name: 'MATERNITE', equipment: ['145', '223'] },
  { name: 'SUITES DE COUCHES', equipment: ['145'] },
  { name: 'NEONATOLOGIE', equipment: ['135', '136'] },
  { name: 'REANIMATION POLYVALENTE', equipment: ['093', '009'] },
  { name: 'REANIMATION MEDICALE', equipment: ['093', '009'] },
  { name: "UNITE D'HOSPITALISATION DE COURTE DUREE", acts: ['0013'], equipment: ['231', '230', '222'] },
  { name: "UNITE D'ADMISSION PSYCHIATRIE ADULTE", equipment: ['097', '147'] },
  { name: 'UNITE DE SOINS INTENSIFS PSYCHIATRIQUES', equipment: ['097', '130'] },
];

/** FINESS categories of hospitals big enough for imaging in their emergency short-stay unit. */
const IMAGING_CATEGORIES: ReadonlySet<string> = new Set(['101', '355']);
const IMAGING = new Set(['231', '230', '222']);

const ALL_DAYS: TimeSlot['days'] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WEEKDAYS: TimeSlot['days'] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const WEEKEND: TimeSlot['days'] = ['sat', 'sun'];
const slot = (days: TimeSlot['days'], opens: string, closes: string): TimeSlot => ({ days, allDay: false, opens, closes });
const allDay = (days: TimeSlot['days']): TimeSlot => ({ days, allDay: true, opens: null, closes: null });

/** Share of units left deliberately incomplete (see the header). */
const GAP_RATE = 0.12;

/** Lower case, accents and punctuation removed, words joined by '-' (at most 40 characters). */
function slug(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return s.length <= 40 ? s : s.slice(0, 40).replace(/-[^-]*$/, '');
}

/** A 10-digit French number in the establishment's own range when it has a switchboard. */
function phone(rng: Rng, switchboard: string | null): string {
  const prefix = switchboard && /^0\d{9}$/.test(switchboard) ? switchboard.slice(0, 4) : `02${rng.int(10, 54)}`;
  return `${prefix}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

export function establishmentRecord(est: DemoEstablishment): Pick<DemoEstablishment, 'managementPhone' | 'alertPhones' | 'alertEmail' | 'managementEmail' | 'website'> {
  const rng = rngFor(`records:${est.id}`);
  const domain = `${slug(est.name)}.fr`;
  return {
    managementPhone: phone(rng, est.switchboardPhone),
    alertPhones: [phone(rng, est.switchboardPhone), phone(rng, est.switchboardPhone)],
    alertEmail: `alerte.crise@${domain}`,
    managementEmail: `direction@${domain}`,
    website: `https://www.${domain}`,
  };
}

const technicalOf = (name: string) => TECHNICAL.find((t) => name === t.name || name.startsWith(`${t.name} `));

function hoursOf(unit: DemoUnit): { opening: TimeSlot[]; visiting: TimeSlot[] } {
  // Day hospital: weekdays 08:00-18:00; every other care mode here runs every day, all day.
  const opening = unit.careModeCode === '29' ? [slot(WEEKDAYS, '08:00', '18:00')] : [allDay(ALL_DAYS)];
  if (unit.discipline === 'HAD') return { opening, visiting: [] };
  if (unit.name.startsWith('NEONATOLOGIE')) return { opening, visiting: [allDay(ALL_DAYS)] };
  if (['ADULT_ICU', 'PAEDIATRIC_ICU', 'INTENSIVE_CARE', 'CONTINUOUS_CARE'].includes(unit.discipline)) {
    return { opening, visiting: [slot(ALL_DAYS, '12:00', '20:00')] };
  }
  if (unit.discipline === 'PSYCHIATRY') return { opening, visiting: [slot(WEEKDAYS, '14:00', '18:00'), slot(WEEKEND, '13:00', '19:00')] };
  return { opening, visiting: [slot(ALL_DAYS, '13:00', '20:00')] };
}

function contactsOf(unit: DemoUnit, est: DemoEstablishment, rng: Rng): DemoContact[] {
  const contacts: DemoContact[] = [
    { unitId: unit.id, position: 0, natureCode: '07', role: 'Secrétariat', channelCode: '2', value: phone(rng, est.switchboardPhone), confidentialityCode: '1' },
  ];
  // Acute units also give a direct line to the nurse manager, for professionals only.
  if (unit.kind === 'MCO' && unit.discipline !== 'LONG_STAY') {
    contacts.push({ unitId: unit.id, position: 1, natureCode: '05', role: 'Cadre de santé', channelCode: '2', value: phone(rng, est.switchboardPhone), confidentialityCode: '2' });
  }
  // Critical care keeps a tension/crisis line for regulation (SAMU) and crisis cells only.
  if (['ADULT_ICU', 'PAEDIATRIC_ICU', 'INTENSIVE_CARE'].includes(unit.discipline)) {
    contacts.push({ unitId: unit.id, position: contacts.length, natureCode: '08', role: 'Médecin de garde', channelCode: '8', value: phone(rng, est.switchboardPhone), confidentialityCode: '3' });
  }
  return contacts;
}

export interface UnitRecords {
  poles: DemoPole[];
  contacts: DemoContact[];
}

/**
 * Fills the unit records of one establishment in place (pôle, SSE capacity, acts, equipment,
 * hours, access, gaps) and returns its pôles and contacts. Pôles only where there are several units.
 */
export function fillUnitRecords(est: DemoEstablishment, units: DemoUnit[], bedsByUnit: ReadonlyMap<string, number>): UnitRecords {
  const poles = new Map<string, DemoPole>();
  const contacts: DemoContact[] = [];
  for (const unit of units) {
    const rng = rngFor(`records:${unit.id}`);
    if (units.length > 1) {
      const pole = POLE_OF_PREFIX[unit.ufCode.charAt(0)];
      if (pole) {
        const id = `${est.id}-${pole.key}`;
        if (!poles.has(id)) poles.set(id, { id, establishmentId: est.id, name: pole.name });
        unit.poleId = id;
      }
    }
    const beds = bedsByUnit.get(unit.id) ?? 0;
    unit.sseCapacity = beds + Math.ceil(beds * (0.1 + 0.1 * rng.next()));
    const technical = technicalOf(unit.name);
    unit.specificActCodes = [...(technical?.acts ?? [])];
    unit.equipmentCodes = (technical?.equipment ?? []).filter((c) => !IMAGING.has(c) || IMAGING_CATEGORIES.has(est.categoryCode));
    const hours = hoursOf(unit);
    unit.openingHours = hours.opening;
    unit.visitingHours = hours.visiting;
    unit.accessDetails = rng.next() < 0.3 ? `Bâtiment ${rng.pick(['A', 'B', 'C', 'D'])}, ${rng.pick(['rez-de-chaussée', '1er étage', '2e étage', '3e étage'])}` : null;
    const unitContacts = contactsOf(unit, est, rng);
    unit.populationGap = rngFor(`gap:${unit.id}`).next() < GAP_RATE ? 'NO_CONTACT' : null;
    if (unit.populationGap !== 'NO_CONTACT') contacts.push(...unitContacts);
  }
  return { poles: [...poles.values()], contacts };
}
