/** French labels of the offer's enums and audit fields (the API's names are English). */
import type { FeedbackStatus, FeedbackSubjectType, UnitKind } from '../../gql/graphql';

export const UNIT_KINDS: Record<UnitKind, string> = {
  MCO: 'Médecine, chirurgie, obstétrique (MCO)',
  SMR: 'Soins médicaux et de réadaptation (SMR)',
  PSYCHIATRY: 'Psychiatrie',
  MEDICO_TECHNICAL: 'Médico-technique',
  ELDERLY: 'Personnes âgées',
  DISABLED: 'Personnes handicapées',
  HAD: 'Hospitalisation à domicile',
};

export const AUDIT_ACTIONS: Record<string, string> = {
  CREATE: 'Création',
  UPDATE: 'Modification',
  ARCHIVE: 'Archivage',
  REACTIVATE: 'Réactivation',
  TRANSFER: 'Transfert',
  COPY: 'Copie',
  CHANGE_TYPE: 'Changement de type',
  IMPORT: 'Import FINESS',
};

/** Audited fields (docs/offer-editing.md § Audit trail); an unknown one shows its API name. */
export const AUDIT_FIELDS: Record<string, string> = {
  name: 'Nom',
  ufCode: 'Code UF',
  kind: 'Type',
  discipline: 'Discipline',
  poleId: 'Pôle',
  sseCapacity: 'Capacité SSE',
  activityFieldCode: 'Champ d’activité',
  careModeCode: 'Mode de prise en charge',
  operationalActivityCodes: 'Activités opérationnelles',
  patientAgeMin: 'Âge minimal',
  patientAgeMax: 'Âge maximal',
  specificActCodes: 'Actes spécifiques',
  equipmentCodes: 'Équipements',
  psychiatricSectors: 'Secteurs de psychiatrie',
  categoryCode: 'Type d’offre',
  maternityTypeCode: 'Type de maternité',
  annualOpeningCode: 'Ouverture annuelle',
  patientTypeCodes: 'Publics pris en charge',
  interventionZones: 'Zones d’intervention',
  closedFrom: 'Date de fermeture',
  reopeningOn: 'Date prévisionnelle de réouverture',
  closureDescription: 'Motif de fermeture',
  entryTemplate: 'Modèle de saisie',
  houseNumber: 'Numéro de voie',
  houseNumberSuffix: 'Indice de répétition',
  streetType: 'Type de voie',
  streetName: 'Libellé de voie',
  namedPlace: 'Lieu-dit',
  postBox: 'Boîte postale',
  contacts: 'Contacts',
  sensitive: 'Unité sensible',
  openingHours: 'Horaires d’ouverture',
  visitingHours: 'Horaires de visite',
  accessDetails: 'Accès',
  ownAddress: 'Adresse propre',
  archived: 'Archivée',
  establishmentId: 'Établissement',
  switchboardPhone: 'Standard',
  managementPhone: 'Téléphone de la direction',
  alertPhones: 'Téléphones d’alerte',
  alertEmail: 'Courriel d’alerte',
  managementEmail: 'Courriel de la direction',
  website: 'Site web',
  professionals: 'Professionnels',
  copiedFrom: 'Copiée depuis',
};

export const FEEDBACK_SUBJECTS: Record<FeedbackSubjectType, string> = {
  ORGANIZATION: 'Entité juridique',
  ESTABLISHMENT: 'Établissement',
  UNIT: 'Unité',
  PROFESSIONAL: 'Professionnel',
  SITUATION: 'Professionnel dans une unité',
  SEARCH: 'Recherche',
  NONE: 'Aucun objet',
};

export const FEEDBACK_STATUSES: Record<FeedbackStatus, string> = { OPEN: 'À traiter', CLOSED: 'Clos' };
