/** French labels of the crisis protocol's codes (schemas/tensions.crisis.graphql). */
import type { CrisisActivationAction, CrisisLevel, CrisisResourceKind } from '../../gql/graphql';

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
  FIELD_REPORTED: 'Remontée du terrain',
};

export const LEVEL_SEVERITY: Record<CrisisLevel, 'info' | 'warning' | 'error'> = { LEVEL_1: 'info', LEVEL_2: 'warning', LEVEL_3: 'error' };
