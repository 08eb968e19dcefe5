/**
 * The ROR IG's resource profiles the hub claims in `meta.profile` (fhir/codes.ts PROFILES),
 * authored as differentials from /work/shared/reference/ror-fhir-model.md §1 (elements,
 * cardinalities, slices, extensions, bindings). Their base is the R4 resource: the IG's parents
 * (as-organization, fr-core-*) are in no package we can read; fhir/README.md § Profiles.
 */
import { CODE_SYSTEMS, IDENTIFIER_SYSTEMS, PROFILES } from '../../fhir/codes.js';
import { REPORT_TASK_SYSTEMS } from '../../fhir/mappers/report-task.js';
import { availableTime, card, codeSlices, el, extensionSlices, jdv, regionTag, required, sdUrl, telecom, type ElementDef, type ExtensionSlice } from './elements.js';

export interface ProfileSpec {
  id: string;
  name: string;
  type: string;
  description: string;
  elements: ElementDef[];
}

const nos = (id: string, name: string): string => `https://mos.esante.gouv.fr/NOS/${id}-${name}/FHIR/${id.replace('_', '-')}-${name}`;
const rorExtension = (id: string, min: number, max: string): ExtensionSlice => ({ name: id, url: sdUrl(id), min, max });
const creationDate = rorExtension('ror-meta-creation-date', 1, '1');

/**
 * A binding to a JDV drawn from one NOS code system, with the invariant that the concept carries a
 * coding of that system (Medplum checks no binding offline; the JDV's codes are all that system's).
 */
function codedFrom(id: string, min: number, max: string, valueSet: string, system: string): ElementDef {
  const key = `ror-${id.slice(id.indexOf('.') + 1).replace(/[^A-Za-z0-9]+/g, '-')}-system`;
  return card(id, min, max, {
    ...required(valueSet),
    constraint: [{ key, severity: 'error', human: `coded in ${system}`, expression: `coding.where(system = '${system}').exists()` }],
  });
}

/** An identifier slice told by its type (a TRE coding), with its system fixed when the model gives one. */
function identifierSlice(id: string, min: number, max: string, type: { system: string; code: string }, system?: string): ElementDef[] {
  return [
    card(id, min, max),
    card(`${id}.type`, 1, '1', { patternCodeableConcept: { coding: [type] } }),
    ...(system ? [el(`${id}.system`, { fixedUri: system })] : []),
  ];
}

const identifierSlicing = (id: string): ElementDef => el(id, { slicing: { discriminator: [{ type: 'pattern', path: 'type' }], rules: 'open', ordered: false } });
const G07 = CODE_SYSTEMS.typeIdentifiantStructure;
const R354 = CODE_SYSTEMS.typeIdentifiantRessourceOperationnelle;

const healthcareService: ProfileSpec = {
  id: 'ror-healthcareservice',
  name: 'RORHealthcareService',
  type: 'HealthcareService',
  description: 'Offre opérationnelle (ROR).',
  elements: [
    ...regionTag('HealthcareService', CODE_SYSTEMS.regionOM),
    card('HealthcareService.identifier', 1, '1'),
    card('HealthcareService.category', 0, '1', required(jdv('J238', 'TypeOffre'))),
    codedFrom('HealthcareService.type', 1, '1', jdv('J20', 'ChampActivite'), CODE_SYSTEMS.champActivite),
    card('HealthcareService.specialty', 1, '*'),
    ...codeSlices('HealthcareService.specialty', [
      { name: 'operationalActivity', min: 1, max: '1', system: CODE_SYSTEMS.activiteOperationnelle, valueSet: jdv('J17', 'ActiviteOperationnelle') },
      { name: 'operationalActivityFamily', min: 0, max: '1', short: 'JDV_J51-FamilleActiviteOperationnelle-ROR (code system not in the model)' },
    ]),
    card('HealthcareService.characteristic', 1, '*'),
    ...codeSlices('HealthcareService.characteristic', [
      { name: 'receptionType', min: 0, max: '1', short: 'JDV_J30-TemporaliteAccueil-ROR (code system not in the model)' },
      { name: 'careMode', min: 1, max: '1', system: CODE_SYSTEMS.modePriseEnCharge, valueSet: jdv('J19', 'ModePriseEnCharge') },
      { name: 'receptionModality', min: 0, max: '*', system: nos('TRE_R338', 'ModaliteAccueil'), valueSet: jdv('J226', 'ModaliteAccueil') },
      { name: 'managementType', min: 0, max: '*', short: 'JDV_J26-ModeGestion-ROR (code system not in the model)' },
      { name: 'specificAct', min: 0, max: '*', system: CODE_SYSTEMS.acteSpecifique, extension: [{ url: sdUrl('ror-act-type'), valueCode: 'specificAct' }], valueSet: jdv('J16', 'ActeSpecifique') },
      { name: 'outsideOfficeAct', min: 0, max: '*', system: CODE_SYSTEMS.acteSpecifique, extension: [{ url: sdUrl('ror-act-type'), valueCode: 'outsideOfficeAct' }], valueSet: jdv('J16', 'ActeSpecifique') },
      { name: 'takingCareSpeciality', min: 0, max: '*', short: 'JDV_J35-SpecialisationDePriseEnCharge-ROR (code system not in the model)' },
      { name: 'annualOpening', min: 0, max: '1', system: nos('TRE_R238', 'OuvertureAnnuelle'), valueSet: jdv('J28', 'OuvertureAnnuelle') },
      { name: 'ressourceProfession', min: 0, max: '*', short: 'JDV_J186-ProfessionRessource-ROR (code system not in the model)' },
      { name: 'specificCompetence', min: 0, max: '*', short: 'JDV_J33-CompetenceSpecifique-ROR (code system not in the model)' },
      { name: 'expertiseLevel', min: 0, max: '*', short: 'JDV_J227-NiveauExpertise-ROR (code system not in the model)' },
      { name: 'temporalityStopService', min: 0, max: '1', short: 'JDV_J185-TypeFermeture-ROR (code system not in the model)' },
    ]),
    ...availableTime('HealthcareService.availableTime'),
    el('HealthcareService.notAvailable', { slicing: { discriminator: [{ type: 'value', path: 'id' }], rules: 'open', ordered: false } }),
    card('HealthcareService.notAvailable:closingReopeningDate', 0, '1'),
    el('HealthcareService.notAvailable:closingReopeningDate.id', { fixedString: 'closingReopeningDate' }),
    ...telecom('HealthcareService.telecom'),
    ...extensionSlices('HealthcareService.extension', [
      rorExtension('ror-territorial-division', 0, '*'),
      rorExtension('ror-healthcareservice-sensitive-unit', 1, '1'),
      rorExtension('ror-healthcareservice-no-consent-habilitation', 0, '1'),
      rorExtension('ror-healthcareservice-psychiatric-sector', 0, '*'),
      rorExtension('ror-healthcareservice-patient-type', 1, '1'),
      rorExtension('ror-healthcareservice-contact', 0, '*'),
      rorExtension('ror-meta-questionnaire-used-as-a-template', 0, '1'),
      creationDate,
    ]),
  ],
};

const location: ProfileSpec = {
  id: 'ror-location',
  name: 'RORLocation',
  type: 'Location',
  description: "Lieu de réalisation de l'offre (ROR), où vivent les capacités.",
  elements: [
    ...regionTag('Location', CODE_SYSTEMS.regionOM),
    identifierSlicing('Location.identifier'),
    ...identifierSlice('Location.identifier:idExterneSynchro', 0, '1', { system: R354, code: '26' }),
    ...identifierSlice('Location.identifier:idLocation', 0, '1', { system: R354, code: '25' }),
    card('Location.alias', 0, '1', { short: 'nomExterneSynchro' }),
    el('Location.operationalStatus', required(jdv('J224', 'StatutLieu'))),
    codedFrom('Location.type', 0, '1', jdv('J198', 'FonctionLieu'), CODE_SYSTEMS.fonctionLieu),
    ...telecom('Location.telecom'),
    ...extensionSlices('Location.position.extension', [rorExtension('ror-coordinate-reliability', 0, '1')]),
    ...extensionSlices('Location.extension', [
      rorExtension('ror-commune-cog', 1, '1'),
      rorExtension('ror-location-equipment', 0, '*'),
      rorExtension('ror-location-residential-capacity', 0, '*'),
      rorExtension('ror-location-supported-capacity', 0, '*'),
      rorExtension('ror-comment', 0, '1'),
      creationDate,
    ]),
  ],
};

const organization: ProfileSpec = {
  id: 'ror-organization',
  name: 'ROROrganization',
  type: 'Organization',
  description: 'Entité juridique, entité géographique ou organisation interne (ROR).',
  elements: [
    ...regionTag('Organization', CODE_SYSTEMS.regionOM),
    card('Organization.name', 0, '1'),
    card('Organization.alias', 0, '1'),
    identifierSlicing('Organization.identifier'),
    ...identifierSlice('Organization.identifier:idNatSt', 0, '1', { system: G07, code: '40' }),
    ...identifierSlice('Organization.identifier:finess', 0, '1', { system: G07, code: '1' }),
    ...identifierSlice('Organization.identifier:sirene', 0, '1', { system: G07, code: '2' }),
    ...identifierSlice('Organization.identifier:rppsRang', 0, '1', { system: G07, code: '4' }),
    ...identifierSlice('Organization.identifier:adeliRang', 0, '1', { system: G07, code: '0' }),
    ...identifierSlice('Organization.identifier:numSIRET', 0, '1', { system: G07, code: '3' }, IDENTIFIER_SYSTEMS.sirene),
    ...identifierSlice('Organization.identifier:identifierOI', 0, '1', { system: nos('TRE_R345', 'TypeIdentifiantAutre'), code: '42' }, 'https://oi.esante.gouv.fr'),
    ...codeSlices('Organization.type', [
      { name: 'statutJuridiqueINSEE', min: 0, max: '1', short: 'JDV_J199-StatutJuridique-ROR (code system not in the model)' },
      { name: 'sousEnsembleAgregatStatutJuridique', min: 0, max: '1', short: 'JDV_J200-SousEnsembleAgregatStatutJuridique-ROR (code system not in the model)' },
      { name: 'categorieEtablissement', min: 0, max: '1', system: CODE_SYSTEMS.categorieEtablissement, valueSet: jdv('J55', 'CategorieEG') },
      { name: 'sphParticipation', min: 0, max: '1', short: 'JDV_J202-ESPIC-ROR (code system not in the model)' },
      { name: 'OIType', min: 0, max: '1', short: 'JDV_J203-TypeOrganisationInterne-ROR (code system not in the model)' },
    ]),
    el('Organization.contact.purpose', required(jdv('J221', 'NatureContact'))),
    ...extensionSlices('Organization.contact.extension', [
      rorExtension('ror-contact-function-contact', 0, '1'),
      rorExtension('ror-contact-description', 0, '1'),
      rorExtension('ror-contact-confidentiality-level', 0, '1'),
    ]),
    ...telecom('Organization.contact.telecom'),
    card('Organization.address', 0, '1'),
    ...extensionSlices('Organization.address.extension', [
      { name: 'inseeCode', url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code', min: 0, max: '1' },
      { name: 'ror-organization-geolocation', url: 'http://hl7.org/fhir/StructureDefinition/geolocation', min: 0, max: '1' },
    ]),
    ...telecom('Organization.telecom'),
    ...extensionSlices('Organization.extension', [
      rorExtension('ror-organization-price', 0, '*'),
      rorExtension('ror-territorial-division', 0, '*'),
      rorExtension('ror-organization-financial-help-type', 0, '*'),
      rorExtension('ror-organization-accomodation-family', 0, '1'),
      rorExtension('ror-organization-nb-permanent-social-help-place', 0, '1'),
      rorExtension('ror-organization-nb-temporary-social-help-place', 0, '1'),
      rorExtension('ror-organization-accessibility-location', 0, '1'),
      rorExtension('ror-organization-level-recours-orsan', 0, '1'),
      rorExtension('ror-organization-drop-zone', 0, '1'),
      rorExtension('ror-organization-reopening-date', 0, '1'),
      rorExtension('ror-organization-creation-date', 0, '1'),
      rorExtension('ror-organization-closing-type', 0, '1'),
      { name: 'organization-period', url: 'http://hl7.org/fhir/StructureDefinition/organization-period', min: 0, max: '1' },
      rorExtension('ror-meta-comment', 0, '1'),
      creationDate,
      rorExtension('ror-organization-comment', 0, '1'),
    ]),
  ],
};

const practitioner: ProfileSpec = {
  id: 'ror-practitioner',
  name: 'RORPractitioner',
  type: 'Practitioner',
  description: "Données d'identification pérennes d'un professionnel (ROR).",
  elements: [
    ...regionTag('Practitioner', CODE_SYSTEMS.regionOM),
    card('Practitioner.identifier', 1, '1', { short: 'idNat_PS' }),
    el('Practitioner.identifier.system', { fixedUri: IDENTIFIER_SYSTEMS.idNatPs }),
    card('Practitioner.name.prefix', 0, '1', { binding: { strength: 'extensible', valueSet: jdv('J207', 'Civilite') } }),
    ...telecom('Practitioner.telecom'),
    ...extensionSlices('Practitioner.extension', [creationDate]),
  ],
};

const practitionerRole: ProfileSpec = {
  id: 'ror-practitionerrole',
  name: 'RORPractitionerRole',
  type: 'PractitionerRole',
  description: "Modalités d'exercice opérationnelles d'un professionnel dans une offre (ROR).",
  elements: [
    ...regionTag('PractitionerRole', CODE_SYSTEMS.regionOM),
    card('PractitionerRole.identifier', 0, '1', { short: 'identifiantSituationOperationnelle' }),
    card('PractitionerRole.practitioner', 1, '1'),
    card('PractitionerRole.healthcareService', 1, '1'),
    codedFrom('PractitionerRole.code', 1, '1', jdv('J229', 'ProfessionSante'), CODE_SYSTEMS.professionSante),
    card('PractitionerRole.availableTime', 0, '1'),
    ...availableTime('PractitionerRole.availableTime'),
    card('PractitionerRole.telecom', 0, '1'),
    ...telecom('PractitionerRole.telecom'),
    ...codeSlices('PractitionerRole.specialty', [
      { name: 'expertiseType', min: 1, max: '1', system: CODE_SYSTEMS.typeSavoirFaire, valueSet: jdv('J209', 'TypeSavoirFaire') },
      { name: 'specialty', min: 0, max: '1', system: CODE_SYSTEMS.specialiteOrdinale, valueSet: jdv('J210', 'SpecialiteOrdinale') },
      { name: 'competence', min: 0, max: '1', short: 'JDV_J232-Competence-ROR (code system not in the model)' },
      { name: 'exclusiveCompetence', min: 0, max: '1', short: 'JDV_J211-CompetenceExclusive-ROR (code system not in the model)' },
      { name: 'specificOrientation', min: 0, max: '1', short: 'JDV_J212-OrientationParticuliere-ROR (code system not in the model)' },
      { name: 'expertiseCapacity', min: 0, max: '1', short: 'JDV_J213-CapaciteSavoirFaire-ROR (code system not in the model)' },
      { name: 'qualificationPAC', min: 0, max: '1', short: 'JDV_J214-QualificationPAC-ROR (code system not in the model)' },
      { name: 'nonQualifyingDESC', min: 0, max: '1', short: 'JDV_J215-DESCnonQualifiant-ROR (code system not in the model)' },
      { name: 'supplementaryExerciseRight', min: 0, max: '1', short: 'JDV_J216-DroitExerciceCompl-ROR (code system not in the model)' },
      { name: 'specificCompetence', min: 0, max: '*', short: 'JDV_J33-CompetenceSpecifique-ROR (code system not in the model)' },
    ]),
    ...extensionSlices('PractitionerRole.extension', [
      rorExtension('ror-practitionerrole-unit-exercise-mode', 1, '1'),
      rorExtension('ror-practitionerrole-name', 0, '1'),
      creationDate,
      rorExtension('ror-meta-comment', 0, '1'),
    ]),
  ],
};

/** An input/output slice of ror-task, told by its `type` (a code of the IG's task code systems). */
function taskParameter(id: string, system: string, min: number, max: string, types?: string[]): ElementDef[] {
  const code = id.slice(id.lastIndexOf(':') + 1);
  return [
    card(id, min, max),
    el(`${id}.type`, { patternCodeableConcept: { coding: [{ system, code }] } }),
    ...(types ? [el(`${id}.value[x]`, { type: types.map((t) => ({ code: t })) })] : []),
  ];
}

const task: ProfileSpec = {
  id: 'ror-task',
  name: 'RORTask',
  type: 'Task',
  description: 'Anomalie concernant une donnée dans une ressource du ROR.',
  elements: [
    card('Task.identifier', 0, '1'),
    // JDV_J244 draws from TRE_R352 (the IG's ror-task example codes its business status there).
    codedFrom('Task.businessStatus', 1, '1', jdv('J244', 'StatutMetierAnomalie'), CODE_SYSTEMS.statutMetierAnomalie),
    card('Task.code', 1, '1', { binding: { strength: 'preferred', valueSet: jdv('J241', 'ThematiqueAnomalie') } }),
    card('Task.focus', 1, '1'),
    card('Task.authoredOn', 1, '1'),
    card('Task.lastModified', 1, '1'),
    card('Task.reasonCode', 1, '1', { binding: { strength: 'preferred', valueSet: jdv('J242', 'ActionAnomalie') } }),
    el('Task.input', { slicing: { discriminator: [{ type: 'pattern', path: 'type' }], rules: 'open', ordered: false } }),
    ...taskParameter('Task.input:ruleErrorId', REPORT_TASK_SYSTEMS.input, 0, '1', ['string']),
    ...taskParameter('Task.input:errorValue', REPORT_TASK_SYSTEMS.input, 0, '*'),
    ...taskParameter('Task.input:proposedValue', REPORT_TASK_SYSTEMS.input, 0, '*'),
    ...taskParameter('Task.input:pathElementError', REPORT_TASK_SYSTEMS.input, 0, '1', ['Expression']),
    ...taskParameter('Task.input:systemRequester', REPORT_TASK_SYSTEMS.input, 1, '1', ['string']),
    ...taskParameter('Task.input:identifierRequester', REPORT_TASK_SYSTEMS.input, 0, '1', ['Identifier']),
    el('Task.output', { slicing: { discriminator: [{ type: 'pattern', path: 'type' }], rules: 'open', ordered: false } }),
    ...taskParameter('Task.output:newValue', REPORT_TASK_SYSTEMS.output, 0, '*'),
    ...taskParameter('Task.output:identifierAnalyst', REPORT_TASK_SYSTEMS.output, 0, '1', ['Identifier']),
  ],
};

export const PROFILE_SPECS: readonly ProfileSpec[] = [healthcareService, location, organization, practitioner, practitionerRole, task];

/** The StructureDefinition (differential only) of a profile; its url is the one PROFILES names. */
export function profileDefinition(spec: ProfileSpec): Record<string, unknown> {
  const url = sdUrl(spec.id);
  if (!Object.values(PROFILES).includes(url as never)) throw new Error(`${url} is not in fhir/codes.ts PROFILES`);
  return {
    resourceType: 'StructureDefinition',
    id: spec.id,
    url,
    name: spec.name,
    title: spec.name,
    status: 'draft',
    description: spec.description,
    fhirVersion: '4.0.1',
    kind: 'resource',
    abstract: false,
    type: spec.type,
    baseDefinition: `http://hl7.org/fhir/StructureDefinition/${spec.type}`,
    derivation: 'constraint',
    differential: { element: [el(spec.type), ...spec.elements] },
  };
}
