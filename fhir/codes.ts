/**
 * Canonical URLs of the ROR IG artefacts (the IG version the hub follows is `IG.version`) and of
 * the NOS code systems the adapter writes, plus the fixed codings it emits. One place, so a
 * changed canonical, IG version or deprecated code is fixed once. Code-system URLs follow the NOS pattern
 * https://mos.esante.gouv.fr/NOS/TRE_Rnnn-Name/FHIR/TRE-Rnnn-Name.
 */
import type { CapacitySourceValue } from './queries.js';
import type { CodeableConcept, Coding } from './types.js';

/**
 * The ROR IG the hub follows: the only place its version is written (the profiles of
 * test/fixtures/ror-ig/profiles and the CapabilityStatement comparison read it from here).
 */
export const IG = {
  packageId: 'ans.fhir.fr.ror',
  version: '0.7.0',
  canonical: 'https://interop.esante.gouv.fr/ig/fhir/ror',
} as const;

const ROR_SD = `${IG.canonical}/StructureDefinition`;
const nos = (id: string, name: string): string =>
  `https://mos.esante.gouv.fr/NOS/${id}-${name}/FHIR/${id.replace('_', '-')}-${name}`;

export const PROFILES = {
  organization: `${ROR_SD}/ror-organization`,
  healthcareService: `${ROR_SD}/ror-healthcareservice`,
  location: `${ROR_SD}/ror-location`,
  practitioner: `${ROR_SD}/ror-practitioner`,
  practitionerRole: `${ROR_SD}/ror-practitionerrole`,
  task: `${ROR_SD}/ror-task`,
} as const;

export const EXTENSIONS = {
  metaCreationDate: `${ROR_SD}/ror-meta-creation-date`,
  /** modeExerciceOffre (TRE_R23), 1..1 on ror-practitionerrole. */
  practitionerRoleUnitExerciseMode: `${ROR_SD}/ror-practitionerrole-unit-exercise-mode`,
  sensitiveUnit: `${ROR_SD}/ror-healthcareservice-sensitive-unit`,
  patientType: `${ROR_SD}/ror-healthcareservice-patient-type`,
  /** secteurPsychiatrique (0..*): one extension per sector code. */
  psychiatricSector: `${ROR_SD}/ror-healthcareservice-psychiatric-sector`,
  communeCog: `${ROR_SD}/ror-commune-cog`,
  supportedCapacity: `${ROR_SD}/ror-location-supported-capacity`,
  contactConfidentialityLevel: `${ROR_SD}/ror-contact-confidentiality-level`,
  telecomCommunicationChannel: `${ROR_SD}/ror-telecom-communication-channel`,
  telecomConfidentialityLevel: `${ROR_SD}/ror-telecom-confidentiality-level`,
  /** Confidentiality of a whole HealthcareService contact (the IG example's url, not ror-contact-…). */
  confidentialityLevel: `${ROR_SD}/ror-confidentiality-level`,
  healthcareServiceContact: `${ROR_SD}/ror-healthcareservice-contact`,
  healthcareServiceContactTelecom: `${ROR_SD}/ror-healthcareservice-contact-telecom`,
  /** On HealthcareService.characteristic: tells a specific act from an act done outside the office (same TRE_R210). */
  actType: `${ROR_SD}/ror-act-type`,
  availableTimeTypeOfTime: `${ROR_SD}/ror-available-time-type-of-time`,
  availableTimeNumberDaysOfWeek: `${ROR_SD}/ror-available-time-number-days-of-week`,
  /** The dates an availableTime is in force (Period). */
  availableTimeEffectiveOpeningClosingDate: `${ROR_SD}/ror-available-time-effective-opening-closing-date`,
  /** zoneIntervention: typeTerritorialDivision (TRE_R201) and codeTerritorialDivision sub-extensions. */
  territorialDivision: `${ROR_SD}/ror-territorial-division`,
  /** metadonnee.modeleSaisie: the entry form (Questionnaire) used, canonical `url|version`. */
  metaQuestionnaireUsedAsATemplate: `${ROR_SD}/ror-meta-questionnaire-used-as-a-template`,
  locationEquipment: `${ROR_SD}/ror-location-equipment`,
  /** Nested in ror-location-equipment, as the IG's extension and its PATCH example draw it (D174). */
  locationEquipmentLimit: `${ROR_SD}/ror-location-equipment-limit`,
  locationResidentialCapacity: `${ROR_SD}/ror-location-residential-capacity`,
  /** FR Core address extension the ror-organization profile slices as `address.extension[inseeCode]`. */
  addressInseeCode: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code',
  /** Core R4 extension (lat/long sub-extensions) the profile slices as `ror-organization-geolocation`. */
  geolocation: 'http://hl7.org/fhir/StructureDefinition/geolocation',
  /** ISO 21090 address parts on Address.line (the ror-organization profile slices them by these URLs). */
  adxpHouseNumber: 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-houseNumber',
  adxpBuildingNumberSuffix: 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-buildingNumberSuffix',
  adxpStreetNameType: 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-streetNameType',
  adxpStreetNameBase: 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-streetNameBase',
  adxpPostBox: 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-postBox',
  /** typeFermeture (TRE_R286) of an EG, as FINESS records it. */
  organizationClosingType: `${ROR_SD}/ror-organization-closing-type`,
  /** Core R4 extension (valuePeriod): dateOuverture (start) and dateFermeture (end). */
  organizationPeriod: 'http://hl7.org/fhir/StructureDefinition/organization-period',
  /** zonePoser: helicopter landing zone (valueBoolean). */
  organizationDropZone: `${ROR_SD}/ror-organization-drop-zone`,
  /** nomOI: the name of an internal organisation (the EG's pôles, D179). */
  organizationOiName: `${ROR_SD}/ror-organization-oi-name`,
  /** Tarif: one per price, with sub-extensions priceType, priceUnit, amount, startDate… */
  organizationPrice: `${ROR_SD}/ror-organization-price`,
  /** The Annuaire Santé's lieu-dit extension, which the ROR IG reuses on Address.line (slice lieuDit). */
  lieuDit: 'https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-lieu-dit',
} as const;

/** The hub's own definitions, for what the IG has no element for (not resolvable: R4 allows it). */
export const HUB_EXTENSIONS = {
  /** A unit's kind and discipline (GraphQL UnitKind, Discipline), taken when a HealthcareService is created (docs/fhir-write.md). */
  unitType: 'https://ror-hub.fr/fhir/StructureDefinition/unit-type',
} as const;

export const CODE_SYSTEMS = {
  regionOM: nos('TRE_R30', 'RegionOM'),
  departementOM: nos('TRE_G09', 'DepartementOM'),
  typeDivisionTerritoriale: nos('TRE_R201', 'TypeDivisionTerritoriale'),
  categorieOrganisation: nos('TRE_R244', 'CategorieOrganisation'),
  typeMaternite: nos('TRE_R253', 'TypeMaternite'),
  ouvertureAnnuelle: nos('TRE_R238', 'OuvertureAnnuelle'),
  publicPrisEnCharge: nos('TRE_R239', 'PublicPrisEnCharge'),
  communeOM: nos('TRE_R13', 'CommuneOM'),
  categorieEtablissement: nos('TRE_R66', 'CategorieEtablissement'),
  typeIdentifiantStructure: nos('TRE_G07', 'TypeIdentifiantStructure'),
  champActivite: nos('TRE_R227', 'ChampActivite'),
  activiteOperationnelle: nos('TRE_R211', 'ActiviteOperationnelle'),
  modePriseEnCharge: nos('TRE_R213', 'ModePriseEnCharge'),
  ucumUniteMesure: nos('TRE_R247', 'UcumUniteMesure'),
  typeIdentifiantOffre: nos('TRE_R355', 'TypeIdentifiantOffre'),
  typeIdentifiantRessourceOperationnelle: nos('TRE_R354', 'TypeIdentifiantRessourceOperationnelle'),
  statutLieu: nos('TRE_R203', 'StatutLieu'),
  fonctionLieu: nos('TRE_R343', 'FonctionLieu'),
  natureCapacite: nos('TRE_R329', 'NatureCapacite'),
  typeStatutCapacite: nos('TRE_R330', 'TypeStatutCapacite'),
  temporaliteCapacite: nos('TRE_R331', 'TemporaliteCapacite'),
  genreCapacite: nos('TRE_R332', 'GenreCapacite'),
  typeFermetureCapacite: nos('TRE_R333', 'TypeFermetureCapacite'),
  typeLitSupplementaire: nos('TRE_R334', 'TypeLitSupplementaire'),
  typeSourceCapacite: nos('TRE_R335', 'TypeSourceCapacite'),
  affectationTemporaire: nos('TRE_R337', 'AffectationTemporaire'),
  typeCrise: nos('TRE_R336', 'TypeCrise'),
  typeHabitation: nos('TRE_R242', 'TypeHabitation'),
  typeCaracteristiqueEquipement: nos('TRE_R340', 'TypeCaracteristiqueEquipement'),
  canalCommunication: nos('TRE_R200', 'CanalCommunication'),
  niveauConfidentialite: nos('TRE_R283', 'NiveauConfidentialite'),
  natureContact: nos('TRE_R287', 'NatureContact'),
  acteSpecifique: nos('TRE_R210', 'ActeSpecifique'),
  equipement: nos('TRE_R212', 'Equipement'),
  typeHoraire: nos('TRE_R252', 'TypeHoraire'),
  professionSante: nos('TRE_G15', 'ProfessionSante'),
  modeExercice: nos('TRE_R23', 'ModeExercice'),
  typeSavoirFaire: nos('TRE_R04', 'TypeSavoirFaire'),
  specialiteOrdinale: nos('TRE_R38', 'SpecialiteOrdinale'),
  typeFermeture: nos('TRE_R286', 'TypeFermeture'),
  typeTarif: nos('TRE_R246', 'TypeTarif'),
  unitePrix: nos('TRE_R228', 'UnitePrix'),
  groupeTarifaireDependance: nos('TRE_R237', 'GroupeTarifaireDependance'),
  temporaliteAccueil: nos('TRE_R240', 'TemporaliteAccueil'),
  conditionTarifaire: nos('TRE_R250', 'ConditionTarifaire'),
  /** ror-task (error reports): businessStatus (JDV_J244), reasonCode (JDV_J242), code (JDV_J241). */
  statutMetierAnomalie: nos('TRE_R352', 'StatutMetierAnomalie'),
  actionAnomalie: nos('TRE_R349', 'ActionAnomalie'),
  thematiqueAnomalie: nos('TRE_R350', 'ThematiqueAnomalie'),
} as const;

/** UCUM, the system of the equipment limits' units (kg, cm). */
export const UCUM = 'http://unitsofmeasure.org';

/** Identifier namespaces (Identifier.system). */
export const IDENTIFIER_SYSTEMS = {
  /** As in the IG's EG example; the Annuaire Santé uses the same register. */
  finess: 'https://finess.esante.gouv.fr',
  /** Fixed by ror-organization on identifier[numSIRET]. */
  sirene: 'http://sirene.fr',
  /** idNat_Struct (CI-SIS national structure identifier). */
  idNatStruct: 'urn:oid:1.2.250.1.71.4.2.2',
  /** idNat_PS (CI-SIS national professional identifier), fixed by ror-practitioner. */
  idNatPs: 'urn:oid:1.2.250.1.71.4.2.1',
  /**
   * identifiantSituationOperationnelle of PractitionerRole: the IG fixes neither system nor format,
   * the hub (a ROR) assigns them (`S` + digits, docs/professionals.md), in its own namespace.
   */
  situation: 'https://ror-hub.fr/fhir/NamingSystem/situation-operationnelle',
} as const;

const coding = (system: string, code: string, display: string): Coding => ({ system, code, display });

/**
 * Fixed codings, with their NOS labels. A code of a system the offer subgraph loads (TRE_R283,
 * R287, R200…) carries that file's label, so a code reads the same in every resource: the hub's
 * national terminology files are the one source of displays (test/fhir-mapping.test.ts checks
 * these against them). The IG's examples sometimes show an older NOS label (R283 `1` "Accès
 * libre", R227 `01` with commas): the current release wins (docs/decisions.md).
 */
export const CODINGS = {
  identifierFiness: coding(CODE_SYSTEMS.typeIdentifiantStructure, '1', 'FINESS'),
  identifierSiret: coding(CODE_SYSTEMS.typeIdentifiantStructure, '3', 'SIRET'),
  identifierIdNatStruct: coding(CODE_SYSTEMS.typeIdentifiantStructure, '40', 'Identifiant national de structure'),
  identifierOffer: coding(
    CODE_SYSTEMS.typeIdentifiantOffre,
    '35',
    "Identifiant fonctionnel de l'offre connu par l'instance ROR",
  ),
  identifierLocation: coding(
    CODE_SYSTEMS.typeIdentifiantRessourceOperationnelle,
    '25',
    "Identifiant du lieu de réalisation de l'offre connu par l'instance ROR",
  ),
  locationOperational: coding(CODE_SYSTEMS.statutLieu, '3', 'Opérationnel'),
  /** TRE_R343-FonctionLieu (NOS release 20260601120000): the four hospitalisation places. */
  placeHostingMco: coding(CODE_SYSTEMS.fonctionLieu, '001', 'Hébergement MCO'),
  placeHostingPsy: coding(CODE_SYSTEMS.fonctionLieu, '002', 'Hébergement PSY'),
  placeHostingMs: coding(CODE_SYSTEMS.fonctionLieu, '003', 'Hébergement MS'),
  placeHostingSmr: coding(CODE_SYSTEMS.fonctionLieu, '004', 'Hébergement SMR'),
  capacityBed: coding(CODE_SYSTEMS.natureCapacite, '01', 'Lit'),
  capacityPlace: coding(CODE_SYSTEMS.natureCapacite, '02', 'Place'),
  capacityInstalled: coding(CODE_SYSTEMS.typeStatutCapacite, '01', 'Installé'),
  capacityAvailable: coding(CODE_SYSTEMS.typeStatutCapacite, '02', 'Disponible'),
  capacityClosed: coding(CODE_SYSTEMS.typeStatutCapacite, '05', 'Fermé'),
  capacitySupplementary: coding(CODE_SYSTEMS.typeStatutCapacite, '06', 'Supplémentaire'),
  temporalityCurrent: coding(CODE_SYSTEMS.temporaliteCapacite, '01', 'Courant'),
  genderWomen: coding(CODE_SYSTEMS.genreCapacite, '01', 'Femme'),
  genderMen: coding(CODE_SYSTEMS.genreCapacite, '02', 'Homme'),
  genderUndifferentiated: coding(CODE_SYSTEMS.genreCapacite, '03', 'Indifférencié'),
  closingReactivable: coding(CODE_SYSTEMS.typeFermetureCapacite, '01', 'Réactivable'),
  closingNotReactivable: coding(CODE_SYSTEMS.typeFermetureCapacite, '02', 'Non réactivable'),
  additionalBedMobilised: coding(CODE_SYSTEMS.typeLitSupplementaire, '01', 'Mobilisé'),
  openingHours: coding(CODE_SYSTEMS.typeHoraire, '01', "Horaire d'ouverture"),
  assignmentNone: coding(CODE_SYSTEMS.affectationTemporaire, '01', 'Aucune'),
  channelLandline: coding(CODE_SYSTEMS.canalCommunication, '2', 'Téléphone fixe'),
  confidentialityPublic: coding(CODE_SYSTEMS.niveauConfidentialite, '1', 'Visible du grand public'),
  channelEmail: coding(CODE_SYSTEMS.canalCommunication, '3', 'Courrier électronique'),
  contactSwitchboard: coding(CODE_SYSTEMS.natureContact, '06', 'Standard'),
  contactAlert: coding(CODE_SYSTEMS.natureContact, '08', 'Alerte-Tension-SSE'),
  contactManagement: coding(CODE_SYSTEMS.natureContact, '10', 'Direction'),
  /** PractitionerRole.specialty[expertiseType] of an ordinal specialty (TRE_R38). */
  expertiseSpecialty: coding(CODE_SYSTEMS.typeSavoirFaire, 'S', 'Spécialité ordinale'),
  /** ror-task businessStatus (TRE_R352, release 20231215120000), reasonCode (TRE_R349) and code (TRE_R350): D191. */
  reportToProcess: coding(CODE_SYSTEMS.statutMetierAnomalie, '02', 'À traiter'),
  reportToleratedForGood: coding(CODE_SYSTEMS.statutMetierAnomalie, '07', 'Toléré définitivement'),
  reportCorrected: coding(CODE_SYSTEMS.statutMetierAnomalie, '08', 'Corrigé'),
  reportRefused: coding(CODE_SYSTEMS.statutMetierAnomalie, '09', 'Refusé'),
  actionAddition: coding(CODE_SYSTEMS.actionAnomalie, 'AJO', 'Ajout'),
  actionCorrection: coding(CODE_SYSTEMS.actionAnomalie, 'COR', 'Correction'),
  themeCompleteness: coding(CODE_SYSTEMS.thematiqueAnomalie, '01', 'Complétude'),
  themeAccuracy: coding(CODE_SYSTEMS.thematiqueAnomalie, '06', 'Exactitude'),
} as const;

/** The name the hub gives itself as a system (CapabilityStatement.software, a ror-task's systemRequester for its users). */
export const HUB_SYSTEM_NAME = 'ROR Hub';

/**
 * How the hub's capacity sources map onto TRE_R335-TypeSourceCapacite
 * (01 Saisie manuelle, 02 Bed management, 03 GAM, 04 DPI).
 * AUTOMATIC_FEED is the hospital's bed-management feed (02). IMPORT (a file loaded by the
 * regional team) has no code of its own in R335: it is declared as 01 because a person, not a
 * hospital system, is the origin of the figure.
 */
export const CAPACITY_SOURCE_CODINGS: Readonly<Record<CapacitySourceValue, Coding>> = {
  MANUAL: coding(CODE_SYSTEMS.typeSourceCapacite, '01', 'Saisie manuelle'),
  AUTOMATIC_FEED: coding(CODE_SYSTEMS.typeSourceCapacite, '02', 'Bed management'),
  IMPORT: coding(CODE_SYSTEMS.typeSourceCapacite, '01', 'Saisie manuelle'),
};

/** A CodeableConcept of copies of the codings, so no resource shares (and could alter) a constant. */
export function concept(...codings: Coding[]): CodeableConcept {
  return { coding: codings.map((c) => ({ ...c })) };
}

/**
 * A NOS coding from a GraphQL `Coding`. The system is pinned to the canonical the profile slices
 * on (slices discriminate on `coding.system`); code and label come from the record.
 */
export function nosCoding(system: string, source: { code: string; display?: string | null }): Coding {
  return source.display ? { system, code: source.code, display: source.display } : { system, code: source.code };
}
