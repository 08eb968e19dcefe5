/** French labels of the crisis protocol's codes (schemas/tensions.crisis.graphql). */
import type { CommunicationChannel, CrisisActivationAction, CrisisGroupTheme, CrisisLevel, CrisisResourceKind } from '../../gql/graphql';

export const RESOURCE_KINDS: Record<CrisisResourceKind, string> = { PERSON: 'Personnes', PREMISES: 'Locaux', EQUIPMENT: 'Matériel' };

export const ACTIVATION_ACTIONS: Record<CrisisActivationAction, string> = {
  ACTIVATED: 'Activation',
  LEVEL_CHANGED: 'Changement de niveau',
  DEACTIVATED: 'Désactivation',
};

/** Live events: the cell's changes and what it runs. */
export const CHANGE_ACTIONS: Record<string, string> = {
  ...ACTIVATION_ACTIONS,
  PROCEDURE_TRIGGERED: 'Procédure déclenchée',
  RESOURCE_CHANGED: 'Ressource modifiée',
  MEETING_RECORDED: 'Réunion enregistrée',
  PROTOCOL_CHANGED: 'Protocole modifié',
  FIELD_REPORTED: 'Remontée du terrain',
};

export const LEVEL_SEVERITY: Record<CrisisLevel, 'info' | 'warning' | 'error'> = { LEVEL_1: 'info', LEVEL_2: 'warning', LEVEL_3: 'error' };

export const GROUP_THEMES: Record<CrisisGroupTheme, string> = {
  WATCH: 'Veille',
  PARTNERSHIP: 'Coordination et lien partenarial',
  CONTINUITY_OF_CARE: 'Réorganisation et continuité des soins',
  CITY_HOSPITAL: 'Coordination ville / hôpital / médico-social',
  SCREENING: 'Dépistages',
  PATIENT_FOLLOW_UP: 'Suivi de patients',
  TRANSPORT: 'Transports sanitaires',
  PSYCHOLOGICAL_SUPPORT: 'Prise en charge médico-psychologique',
  LOGISTICS: 'Logistique et matériel',
  COMMUNICATION: 'Communication',
};

export const CHANNELS: Record<CommunicationChannel, string> = {
  EMAIL: 'Courriel',
  SMS: 'SMS',
  PHONE: 'Téléphone',
  MESSAGING_GROUP: 'Groupe de messagerie',
  MEETING: 'Réunion',
  WEBSITE: 'Site internet',
  SOCIAL_NETWORKS: 'Réseaux sociaux',
  PRESS: 'Presse',
  RADIO: 'Radio',
};
