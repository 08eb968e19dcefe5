/**
 * The parts of a street address (ISO 21090 ADXP: house number, its suffix, street type and name,
 * lieu-dit, post box), from FINESS's separate fields or from the one line the demo CSV joins them
 * into. Pure functions.
 */

/**
 * FINESS street types (`typvoie`): the codes and labels of the national table TRE_R35-TypeVoie as
 * the value set JDV_J103-TypeVoie-RASS (version 20200424120000) lists them. TRE_R35 is retired in
 * the NOS since 2023, but FINESS and the ROR value set JDV_J219 still use its codes.
 * Source : ANS, Nomenclatures des Objets de Santé (NOS).
 */
export const STREET_TYPES: Readonly<Record<string, string>> = {
  ABE: 'Abbaye',
  ACH: 'Ancien chemin',
  AERD: 'Aérodrome',
  AERG: 'Aérogare',
  AERP: 'Aéroport',
  AGL: 'Agglomération',
  AIRE: 'Aire',
  ALL: 'Allée',
  ANGL: 'Angle',
  ANSE: 'Anse',
  ARC: 'Arcade',
  ART: 'Ancienne route',
  AUT: 'Autoroute',
  AV: 'Avenue',
  BAST: 'Bastion',
  BCH: 'Bas chemin',
  BCLE: 'Boucle',
  BD: 'Boulevard',
  BEGI: 'Béguinage',
  BER: 'Berge',
  BOIS: 'Bois',
  BRE: 'Barrière',
  BRG: 'Bourg',
  BSTD: 'Bastide',
  BUT: 'Butte',
  CALE: 'Cale',
  CAMP: 'Camp',
  CAR: 'Carrefour',
  CARE: 'Carrière',
  CARR: 'Carré',
  CAU: 'Carreau',
  CAV: 'Cavée',
  CCAL: 'Centre commercial',
  CGNE: 'Campagne',
  CHE: 'Chemin',
  CHEM: 'Chemin, cheminement',
  CHEZ: 'Chez',
  CHI: 'Charmille',
  CHL: 'Chalet',
  CHP: 'Chapelle',
  CHS: 'Chaussée',
  CHT: 'Château',
  CHV: 'Chemin vicinal',
  CITE: 'Cité',
  CLOI: 'Cloître',
  CLOS: 'Clos',
  COL: 'Col',
  COLI: 'Colline',
  COR: 'Corniche',
  COTE: 'Cote',
  COTT: 'Cottage',
  COUR: 'Cour',
  CPG: 'Camping',
  CRS: 'Cours',
  CST: 'Castel',
  CTR: 'Contour',
  CTRE: 'Centre',
  DARS: 'Darse',
  DEG: 'Degré',
  DIG: 'Digue',
  DOM: 'Domaine',
  DSC: 'Descente',
  ECL: 'Ecluse',
  EGL: 'Eglise',
  EN: 'Enceinte',
  ENC: 'Enclos',
  ENV: 'Enclave',
  ESC: 'Escalier',
  ESP: 'Esplanade',
  ESPA: 'Espace',
  ETNG: 'Etang',
  FG: 'Faubourg',
  FON: 'Fontaine',
  FORM: 'Forum',
  FORT: 'Fort',
  FOS: 'Fosse',
  FOYR: 'Foyer',
  FRM: 'Ferme',
  GAL: 'Galerie',
  GARE: 'Gare',
  GARN: 'Garenne',
  GBD: 'Grand boulevard',
  GDEN: 'Grand ensemble',
  GPE: 'Groupe',
  GPT: 'Groupement',
  GR: 'Grand rue',
  GRI: 'Grille',
  GRIM: 'Grimpette',
  HAM: 'Hameau',
  HCH: 'Haut chemin',
  HIP: 'Hippodrome',
  HLE: 'Halle',
  HLM: 'HLM',
  ILE: 'Ile',
  IMM: 'Immeuble',
  IMP: 'Impasse',
  JARD: 'Jardin',
  JTE: 'Jetée',
  LD: 'Lieu dit',
  LEVE: 'Levée',
  LOT: 'Lotissement',
  MAIL: 'Mail',
  MAN: 'Manoir',
  MAR: 'Marche',
  MAS: 'Mas',
  MET: 'Métro',
  MF: 'Maison forestière',
  MLN: 'Moulin',
  MTE: 'Montée',
  MUS: 'Musée',
  NTE: 'Nouvelle route',
  PAE: 'Petite avenue',
  PAL: 'Palais',
  PARC: 'Parc',
  PAS: 'Passage',
  PASS: 'Passe',
  PAT: 'Patio',
  PAV: 'Pavillon',
  PCH: 'Petit chemin',
  PCHE: 'Porche',
  PERI: 'Périphérique',
  PIM: 'Petite impasse',
  PKG: 'Parking',
  PL: 'Place',
  PLAG: 'Plage',
  PLAN: 'Plan',
  PLCI: 'Placis',
  PLE: 'Passerelle',
  PLN: 'Plaine',
  PLT: 'Plateau',
  PN: 'Passage à niveau',
  PNT: 'Pointe',
  PONT: 'Pont',
  PORQ: 'Portique',
  PORT: 'Port',
  POT: 'Poterne',
  POUR: 'Pourtour',
  PRE: 'Pré',
  PROM: 'Promenade',
  PRQ: "Presqu'ile",
  PRT: 'Petite route',
  PRV: 'Parvis',
  PSTY: 'Péristyle',
  PTA: 'Petite allée',
  PTE: 'Porte',
  QU: 'Quai',
  QUA: 'Quartier',
  R: 'Rue',
  RAC: 'Raccourci',
  RAID: 'Raidillon',
  REM: 'Rempart',
  RES: 'Résidence',
  RLE: 'Ruelle',
  ROC: 'Rocade',
  ROQT: 'Roquet',
  RPE: 'Rampe',
  RPT: 'Rond point',
  RTD: 'Rotonde',
  RTE: 'Route',
  SEN: 'Sentier',
  SQ: 'Square',
  STA: 'Station',
  STDE: 'Stade',
  TOUR: 'Tour',
  TPL: 'Terre plein',
  TRA: 'Traverse',
  TRN: 'Terrain',
  TRT: 'Tertre',
  TSSE: 'Terrasse',
  VAL: 'Vallée, vallon',
  VCHE: 'Vieux chemin',
  VEN: 'Venelle',
  VGE: 'Village',
  VIA: 'Via',
  VLA: 'Villa',
  VLGE: 'Village',
  VOI: 'Voie',
  VTE: 'Vieille route',
  ZA: "Zone d'activité",
  ZAC: "Zone d'aménagement concerté",
  ZAD: "Zone d'aménagement différé",
  ZI: 'Zone industrielle',
  ZONE: 'Zone',
  ZUP: 'Zone à urbaniser en priorité',
};

export interface AddressParts {
  houseNumber: string | null;
  houseNumberSuffix: string | null;
  streetType: string | null;
  streetName: string | null;
  namedPlace: string | null;
  postBox: string | null;
}

export const NO_ADDRESS_PARTS: AddressParts = { houseNumber: null, houseNumberSuffix: null, streetType: null, streetName: null, namedPlace: null, postBox: null };

const clean = (value: string | null | undefined): string | null => {
  const v = (value ?? '').replace(/\s+/g, ' ').trim();
  return v === '' ? null : v;
};

/** FINESS `lieuditbp` holds a post box (BP, CS, TSA followed by its number) or a lieu-dit. */
function placeOrPostBox(text: string | null): Pick<AddressParts, 'namedPlace' | 'postBox'> {
  if (text === null) return { namedPlace: null, postBox: null };
  return /^(BP|CS|TSA)\s*\d/.test(text) ? { namedPlace: null, postBox: text } : { namedPlace: text, postBox: null };
}

/** The parts from the official extract's own fields (numvoie, compvoie, typvoie, voie, lieuditbp). */
export function addressPartsOfFields(numvoie: string, compvoie: string, typvoie: string, voie: string, lieuditbp: string): AddressParts {
  return {
    houseNumber: clean(numvoie),
    houseNumberSuffix: clean(compvoie),
    streetType: clean(typvoie),
    streetName: clean(voie),
    ...placeOrPostBox(clean(lieuditbp)),
  };
}

/**
 * The parts of a line FINESS joined as `numvoie+compvoie typvoie voie[ / lieuditbp]` (the demo CSV,
 * e.g. `33 R LEO MERIGOT / BP 202`). The street type is recognised only as a TRE_R35 code right
 * after the number (or first); a line that does not read so keeps everything as the street name.
 */
export function addressPartsOfLine(line: string | null): AddressParts {
  const text = clean(line);
  if (text === null) return NO_ADDRESS_PARTS;
  const [street = '', ...rest] = text.split(' / ');
  const match = /^(?:(\d{1,4})([A-Z])?\s+)?(?:([A-Z]{1,4})\s+)?(.+)$/.exec(street.trim());
  const [, number, suffix, type, name] = match ?? [];
  const known = type !== undefined && Object.hasOwn(STREET_TYPES, type);
  return {
    houseNumber: number ?? null,
    houseNumberSuffix: suffix ?? null,
    streetType: known ? type : null,
    streetName: clean(known ? name : [type, name].filter(Boolean).join(' ')),
    ...placeOrPostBox(clean(rest.join(' / '))),
  };
}
