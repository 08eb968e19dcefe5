/**
 * The ROR IG's extensions, authored as differentials from docs of the IG
 * (/work/shared/reference/ror-fhir-model.md §1–2, the IG's SearchParameters and examples; where
 * the model is silent, the IG's extension pages). Each is a simple extension (one `value[x]`
 * type) or a complex one (sub-extensions, by relative name or by the canonical of another ROR
 * extension). fhir/README.md § Profiles lists where the sources disagree.
 */
import { CODE_SYSTEMS } from '../../fhir/codes.js';
import { card, el, extensionSlices, jdv, required, sdUrl, type ElementDef } from './elements.js';

export interface SubExtension {
  /** Relative name (`capacityType`) or, for another ROR extension, its id (`ror-confidentiality-level`). */
  name: string;
  min: number;
  max: string;
  /** Value types; absent for a sub-extension that is a ROR extension of its own (`extension: true`). */
  types?: string[];
  valueSet?: string;
  /** The one NOS code system the value set draws from (authored as a coding pattern: fhir/README.md § Profiles). */
  system?: string;
  /** The sub-extension is the ROR extension `name` (url = its canonical). */
  extension?: boolean;
  /** Elements of the value that are 1..1 (e.g. a Range's low and high). */
  requiredInValue?: string[];
}

export interface ExtensionSpec {
  id: string;
  name: string;
  description: string;
  /** FHIRPath contexts the extension may appear in. */
  context: string[];
  /** Value types of a simple extension. */
  types?: string[];
  valueSet?: string;
  /** The one NOS code system the value set draws from. */
  system?: string;
  /** Sub-extensions of a complex extension. */
  subs?: SubExtension[];
  /** Extra invariants on the value (e.g. a canonical with its version). */
  constraint?: ElementDef['constraint'];
}

const cc = ['CodeableConcept'];
const simple = (id: string, name: string, description: string, context: string[], types: string[], valueSet?: string, system?: string): ExtensionSpec => ({
  id,
  name,
  description,
  context,
  types,
  ...(valueSet ? { valueSet } : {}),
  ...(system ? { system } : {}),
});
/** The value of a coded (sub-)extension: its binding and, when the model names it, its code system's coding pattern. */
const coded = (valueSet: string | undefined, system: string | undefined): Partial<ElementDef> => ({
  ...(valueSet ? required(valueSet) : {}),
  ...(system ? { patternCodeableConcept: { coding: [{ system }] } } : {}),
});
const S = CODE_SYSTEMS;

const confidentiality = jdv('J222', 'NiveauConfidentialite');

export const EXTENSION_SPECS: readonly ExtensionSpec[] = [
  simple('ror-meta-creation-date', 'RORMetaCreationDate', 'Date de création (dans le ROR régional) présente dans les métadonnées (dateCreation).', ['DomainResource'], ['dateTime']),
  simple('ror-meta-comment', 'RORMetaComment', 'Commentaire présent dans les métadonnées.', ['DomainResource'], ['string']),
  {
    ...simple('ror-meta-questionnaire-used-as-a-template', 'RORMetaQuestionnaireUsedAsATemplate', 'Questionnaire de saisie utilisé comme modèle (url|version).', ['DomainResource'], ['canonical']),
    constraint: [{ key: 'ror-questionnaire-version-required', severity: 'error', human: 'La référence canonique du questionnaire inclut sa version (url|version)', expression: "value.exists() implies value.toString().contains('|')" }],
  },
  simple('ror-act-type', 'RORActType', "Type d'acte (spécifique ou hors cabinet) d'une caractéristique.", ['HealthcareService.characteristic'], ['code'], `https://interop.esante.gouv.fr/ig/fhir/ror/ValueSet/act-type-ror-valueset`),
  simple('ror-available-time-effective-opening-closing-date', 'RORAvailableTimeEffectiveOpeningClosingDate', 'debutDateEffective + finDateEffective (Horaire).', ['HealthcareService.availableTime', 'PractitionerRole.availableTime'], ['Period']),
  simple('ror-available-time-number-days-of-week', 'RORAvailableTimeNumberDaysofWeek', 'Numéro du jour dans la semaine (1 = lundi).', ['HealthcareService.availableTime', 'PractitionerRole.availableTime'], ['integer']),
  simple('ror-available-time-type-of-time', 'RORAvailableTimeTypeOfTime', 'Type de plage horaire (TRE_R252).', ['HealthcareService.availableTime', 'PractitionerRole.availableTime'], cc, jdv('J41', 'TypeHoraire'), S.typeHoraire),
  simple('ror-comment', 'RORComment', 'Commentaire de la structure.', ['Location'], ['string']),
  simple('ror-commune-cog', 'RORCommuneCog', 'Code officiel géographique (COG) de la commune du lieu (TRE_R13).', ['Location'], cc, jdv('J124', 'Commune'), S.communeOM),
  simple('ror-confidence-geolocation', 'RORConfidenceGeolocation', 'La longitude et la latitude sont-elles fiables.', ['Extension'], ['boolean']),
  simple('ror-confidentiality-level', 'RORConfidentialityLevel', "Niveau de restriction de l'accès à un contact d'offre.", ['Extension'], cc, confidentiality, S.niveauConfidentialite),
  simple('ror-contact-confidentiality-level', 'RORContactConfidentialityLevel', "Niveau de restriction de l'accès à un contact.", ['Organization.contact'], cc, confidentiality, S.niveauConfidentialite),
  simple('ror-contact-description', 'RORContactDescription', 'Description du contact.', ['Organization.contact'], ['string']),
  simple('ror-contact-function-contact', 'RORContactFunctionContact', 'Fonction de la personne assurant le contact.', ['Organization.contact', 'Extension'], cc, jdv('J220', 'FonctionContact')),
  simple('ror-contact-telecom-confidentiality-level', 'RORContactTelecomConfidentialityLevel', "Niveau de restriction de l'accès à une télécommunication de contact.", ['Organization.contact.telecom'], cc, confidentiality, S.niveauConfidentialite),
  simple('ror-contact-telecom-usage', 'RORContactTelecomUsage', "Utilisation d'une télécommunication de contact.", ['Organization.contact.telecom'], ['string']),
  simple('ror-coordinate-reliability', 'RORCoordinateReliability', 'Les coordonnées géographiques sont-elles fiables.', ['Location.position'], ['boolean']),
  simple('ror-healthcareservice-no-consent-habilitation', 'RORHealthcareServiceNoConsentHabilitation', 'Habilitation aux soins sans consentement.', ['HealthcareService'], ['boolean']),
  simple('ror-healthcareservice-psychiatric-sector', 'RORHealthcareServicePsychiatricSector', 'Secteur psychiatrique.', ['HealthcareService'], ['string']),
  simple('ror-healthcareservice-sensitive-unit', 'RORHealthcareServiceSensitiveUnit', "Toutes les informations de l'offre sont confidentielles (uniteSensible).", ['HealthcareService'], ['boolean']),
  simple('ror-organization-accessibility-location', 'ROROrganizationAccessibilityLocation', 'Accessibilité des locaux.', ['Organization'], cc, jdv('J50', 'AccessibiliteLieu')),
  simple('ror-organization-accomodation-family', 'ROROrganizationAccomodationFamily', "L'établissement peut héberger les familles.", ['Organization'], ['boolean']),
  simple('ror-organization-additional-name', 'ROROrganizationAdditionalName', 'complementRaisonSociale (EJ) ou complementDenominationEG (EG).', ['Organization.name'], ['string']),
  simple('ror-organization-closing-type', 'ROROrganizationClosingType', "Type de fermeture de l'organisation.", ['Organization'], cc, jdv('J201', 'TypeFermeture')),
  simple('ror-organization-comment', 'ROROrganizationComment', "Commentaire de l'EG.", ['Organization'], ['string']),
  simple('ror-organization-creation-date', 'ROROrganizationCreationDate', "Date de création de l'entité juridique.", ['Organization'], ['date']),
  simple('ror-organization-drop-zone', 'ROROrganizationDropZone', 'Zone de poser pour hélicoptère.', ['Organization'], ['boolean']),
  simple('ror-organization-oi-name', 'ROROrganizationOiName', "Nom d'une organisation interne (OI) de l'entité géographique.", ['Organization'], ['string']),
  simple('ror-organization-financial-help-type', 'ROROrganizationFinancialHelpType', 'Aide financière habilitée ou conventionnée.', ['Organization'], cc, jdv('J31', 'AideFinanciere')),
  simple('ror-organization-level-recours-orsan', 'ROROrganizationLevelRecourseORSAN', 'Niveau de recours ORSAN.', ['Organization'], cc, jdv('J204', 'NiveauRecoursORSAN')),
  simple('ror-organization-nb-permanent-social-help-place', 'ROROrganizationNbPermanentSocialHelpPlace', "Nombre de places permanentes d'aide sociale.", ['Organization'], ['integer']),
  simple('ror-organization-nb-temporary-social-help-place', 'ROROrganizationNbTemporarySocialHelpPlace', "Nombre de places temporaires d'aide sociale.", ['Organization'], ['integer']),
  simple('ror-organization-reopening-date', 'ROROrganizationReopeningDate', "Date prévisionnelle de réouverture de l'organisation interne.", ['Organization'], ['date']),
  simple('ror-practitionerrole-unit-exercise-mode', 'RORPractitionerRoleUnitExerciseMode', "Mode d'exercice dans l'offre (TRE_R23).", ['PractitionerRole'], cc, undefined, S.modeExercice),
  simple('ror-telecom-communication-channel', 'RORTelecomCommunicationChannel', 'Canal de communication (TRE_R200).', ['ContactPoint', 'Extension'], cc, jdv('J225', 'CanalCommunication'), S.canalCommunication),
  simple('ror-telecom-confidentiality-level', 'RORTelecomConfidentialityLevel', "Niveau de restriction de l'accès à une télécommunication (TRE_R283).", ['ContactPoint', 'Extension'], cc, confidentiality, S.niveauConfidentialite),
  simple('ror-telecom-usage', 'RORTelecomUsage', 'Utilisation du canal de communication.', ['ContactPoint', 'Extension'], cc),
  simple('as-ext-lieu-dit', 'AsLieuDit', 'Lieu-dit (ligne d’adresse).', ['Address.line'], ['string']),
  {
    id: 'ror-healthcareservice-contact',
    name: 'RORHealthcareServiceContact',
    description: "Personne ou service qui agit comme point de contact de l'offre.",
    context: ['HealthcareService'],
    subs: [
      { name: 'name', min: 0, max: '1', types: ['HumanName'] },
      { name: 'ror-contact-function-contact', min: 0, max: '1', extension: true },
      { name: 'purposeContact', min: 0, max: '1', types: cc, valueSet: jdv('J221', 'NatureContact'), system: S.natureContact },
      { name: 'description', min: 0, max: '1', types: ['string'] },
      { name: 'ror-confidentiality-level', min: 1, max: '1', extension: true },
      { name: 'ror-healthcareservice-contact-telecom', min: 0, max: '*', extension: true },
    ],
  },
  {
    id: 'ror-healthcareservice-contact-telecom',
    name: 'RORHealthcareServiceContactTelecom',
    description: 'Télécommunication d’un contact d’offre.',
    context: [sdUrl('ror-healthcareservice-contact')],
    subs: [
      { name: 'ror-telecom-communication-channel', min: 1, max: '1', extension: true },
      { name: 'ror-telecom-usage', min: 0, max: '1', extension: true },
      { name: 'ror-telecom-confidentiality-level', min: 1, max: '1', extension: true },
      { name: 'telecomAddress', min: 1, max: '1', types: ['string'] },
    ],
  },
  {
    id: 'ror-healthcareservice-patient-type',
    name: 'RORHealthcareServicePatientType',
    description: 'Patientèle : public pris en charge et tranche d’âge (UCUM a).',
    context: ['HealthcareService'],
    subs: [
      { name: 'supportedPatientInfo', min: 0, max: '*', types: cc, valueSet: jdv('J29', 'PublicPrisEnCharge') },
      { name: 'ageRange', min: 1, max: '1', types: ['Range'], requiredInValue: ['low', 'high'] },
    ],
  },
  {
    id: 'ror-territorial-division',
    name: 'RORTerritorialDivision',
    description: 'Division territoriale (zone d’intervention, territoire de santé).',
    context: ['HealthcareService', 'Organization'],
    subs: [
      { name: 'typeTerritorialDivision', min: 1, max: '1', types: cc, valueSet: jdv('J223', 'TypeDivisionTerritoriale') },
      { name: 'codeTerritorialDivision', min: 1, max: '1', types: cc, valueSet: 'https://interop.esante.gouv.fr/ig/fhir/ror/ValueSet/code-region-territorial-division-ror-valueset' },
    ],
  },
  {
    id: 'ror-location-equipment',
    name: 'RORLocationEquipment',
    description: 'Équipement spécifique (TRE_R212) et ses limites.',
    context: ['Location'],
    subs: [
      { name: 'equipmentType', min: 1, max: '1', types: cc, valueSet: jdv('J18', 'EquipementSpecifique'), system: S.equipement },
      { name: 'nbInService', min: 0, max: '1', types: ['integer'] },
      { name: 'ror-location-equipment-limit', min: 0, max: '*', extension: true },
    ],
  },
  {
    id: 'ror-location-equipment-limit',
    name: 'RORLocationEquipmentLimit',
    description: "Limite de l'équipement le plus tolérant de son type.",
    context: ['Location', 'Extension'],
    subs: [
      { name: 'equipmentFeature', min: 1, max: '1', types: cc, valueSet: jdv('J228', 'TypeCaracteristiqueEquipement') },
      { name: 'limitValue', min: 1, max: '1', types: ['Quantity'] },
    ],
  },
  {
    id: 'ror-location-residential-capacity',
    name: 'RORLocationResidentialCapacity',
    description: "Capacité d'habitation : type et nombre.",
    context: ['Location'],
    subs: [
      { name: 'residentialType', min: 1, max: '1', types: cc, valueSet: jdv('J32', 'TypeHabitation') },
      { name: 'residentialNumber', min: 0, max: '1', types: ['integer'] },
    ],
  },
  {
    id: 'ror-location-supported-capacity',
    name: 'RORLocationSupportedCapacity',
    description: 'Un enregistrement de capacité : nombre de lits ou places pour un statut et une temporalité.',
    context: ['Location'],
    subs: [
      { name: 'capacityType', min: 1, max: '1', types: cc, valueSet: jdv('J187', 'NatureCapacite'), system: S.natureCapacite },
      { name: 'capacityStatus', min: 1, max: '1', types: cc, valueSet: jdv('J188', 'TypeStatutCapacite'), system: S.typeStatutCapacite },
      { name: 'temporalityCapacity', min: 1, max: '1', types: cc, valueSet: jdv('J189', 'TemporaliteCapacite'), system: S.temporaliteCapacite },
      { name: 'nbCapacity', min: 1, max: '1', types: ['integer'] },
      { name: 'capacitySourceType', min: 1, max: '1', types: cc, valueSet: jdv('J193', 'TypeSourceCapacite'), system: S.typeSourceCapacite },
      { name: 'genderCapacityAvailable', min: 0, max: '1', types: cc, valueSet: jdv('J190', 'GenreCapacite'), system: S.genreCapacite },
      { name: 'capacityUpdateDate', min: 1, max: '1', types: ['dateTime'] },
      { name: 'capacityClosingType', min: 0, max: '1', types: cc, valueSet: jdv('J191', 'TypeFermetureCapacite'), system: S.typeFermetureCapacite },
      { name: 'additionalBedType', min: 0, max: '1', types: cc, valueSet: jdv('J192', 'TypeLitSupplementaire'), system: S.typeLitSupplementaire },
      { name: 'crisisType', min: 0, max: '1', types: cc, valueSet: jdv('J194', 'TypeCrise'), system: 'https://mos.esante.gouv.fr/NOS/TRE_R336-TypeCrise/FHIR/TRE-R336-TypeCrise' },
      { name: 'temporaryAssignement', min: 1, max: '1', types: cc, valueSet: jdv('J195', 'AffectationTemporaire'), system: S.affectationTemporaire },
    ],
  },
  {
    id: 'ror-organization-price',
    name: 'ROROrganizationPrice',
    description: "Tarif d'une prestation ou d'un service de l'entité géographique.",
    context: ['Organization'],
    subs: [
      { name: 'priceType', min: 1, max: '1', types: cc, valueSet: jdv('J36', 'TypeTarif') },
      { name: 'priceUnit', min: 1, max: '1', types: cc, valueSet: jdv('J205', 'UnitePrix') },
      { name: 'amount', min: 1, max: '1', types: ['Money'] },
      { name: 'startDate', min: 0, max: '1', types: ['dateTime'] },
      { name: 'under60', min: 0, max: '1', types: ['boolean'] },
      { name: 'deliveryIncluded', min: 0, max: '*', types: cc, valueSet: jdv('J206', 'PrestationNonObligatoireIncluse') },
      { name: 'othersDeliveryIncluded', min: 0, max: '*', types: ['string'] },
      { name: 'residentialType', min: 0, max: '1', types: cc, valueSet: jdv('J32', 'TypeHabitation') },
      { name: 'specialPrice', min: 0, max: '1', types: cc, valueSet: jdv('J39', 'ConditionTarifaire') },
      { name: 'welcomeType', min: 0, max: '1', types: cc, valueSet: jdv('J30', 'TemporaliteAccueil') },
      { name: 'mealDeliveryName', min: 0, max: '1', types: ['string'] },
      { name: 'dependencyLevel', min: 0, max: '1', types: cc, valueSet: jdv('J27', 'GroupeTarifaireDependance') },
      { name: 'humanHelpPriceName', min: 0, max: '1', types: ['string'] },
      { name: 'managementType', min: 0, max: '1', types: cc, valueSet: jdv('J26', 'ModeGestion') },
      { name: 'otherAdditionalServiceName', min: 0, max: '1', types: ['string'] },
      { name: 'additionalServiceName', min: 0, max: '1', types: cc, valueSet: jdv('J206', 'PrestationNonObligatoireIncluse') },
    ],
  },
  {
    id: 'ror-practitionerrole-name',
    name: 'RORPractitionerRoleName',
    description: "Identité d'exercice : civilité, nom et prénom d'exercice.",
    context: ['PractitionerRole'],
    subs: [
      { name: 'exerciseTitle', min: 0, max: '1', types: cc, valueSet: jdv('J208', 'CiviliteExercice') },
      { name: 'exerciseLastName', min: 1, max: '1', types: ['string'] },
      { name: 'exerciseFirstName', min: 0, max: '1', types: ['string'] },
    ],
  },
];

/** Differential of a simple extension: its value type(s), no sub-extension. */
function simpleDifferential(spec: ExtensionSpec, types: readonly string[]): ElementDef[] {
  return [
    card('Extension.extension', 0, '0'),
    el('Extension.url', { fixedUri: sdUrl(spec.id) }),
    card('Extension.value[x]', 1, '1', { type: types.map((code) => ({ code })), ...coded(spec.valueSet, spec.system), ...(spec.constraint ? { constraint: spec.constraint } : {}) }),
  ];
}

/** Differential of one sub-extension slice of a complex extension. */
function subDifferential(sub: SubExtension): ElementDef[] {
  const id = `Extension.extension:${sub.name}`;
  if (sub.extension) return [];
  return [
    card(`${id}.extension`, 0, '0'),
    el(`${id}.url`, { fixedUri: sub.name }),
    card(`${id}.value[x]`, 1, '1', { type: (sub.types ?? []).map((code) => ({ code })), ...coded(sub.valueSet, sub.system) }),
    ...(sub.requiredInValue ?? []).map((child) => card(`${id}.value[x].${child}`, 1, '1')),
  ];
}

function complexDifferential(spec: ExtensionSpec, subs: readonly SubExtension[]): ElementDef[] {
  const slices = extensionSlices(
    'Extension.extension',
    subs.map((s) => ({ name: s.name, url: s.extension ? sdUrl(s.name) : s.name, min: s.min, max: s.max })),
  ).map((e) => {
    // A relative sub-extension is a plain Extension constrained here, not a profile of its own.
    const sub = subs.find((s) => e.sliceName === s.name);
    return sub && !sub.extension ? { ...e, type: [{ code: 'Extension' }] } : e;
  });
  const bySlice = subs.flatMap(subDifferential);
  // Keep each slice's children right after it (snapshot order), then url and value.
  const ordered = slices.flatMap((e) => (e.sliceName ? [e, ...slices.filter((c) => c.id === `${e.id}.url`), ...bySlice.filter((c) => c.id.startsWith(`${e.id}.`))] : e.id.endsWith('.url') ? [] : [e]));
  return [...ordered, el('Extension.url', { fixedUri: sdUrl(spec.id) }), card('Extension.value[x]', 0, '0')];
}

/** The StructureDefinition (differential only) of an extension. */
export function extensionDefinition(spec: ExtensionSpec): Record<string, unknown> {
  const elements = spec.subs ? complexDifferential(spec, spec.subs) : simpleDifferential(spec, spec.types ?? []);
  return {
    resourceType: 'StructureDefinition',
    id: spec.id,
    url: sdUrl(spec.id),
    name: spec.name,
    title: spec.name,
    status: 'draft',
    description: spec.description,
    fhirVersion: '4.0.1',
    kind: 'complex-type',
    abstract: false,
    context: spec.context.map((expression) => ({ type: expression.startsWith('http') ? 'extension' : 'element', expression })),
    type: 'Extension',
    baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Extension',
    derivation: 'constraint',
    differential: { element: [el('Extension', { short: spec.description, definition: spec.description }), ...elements] },
  };
}
