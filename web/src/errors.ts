/**
 * GraphQL errors in French. The API writes its messages in English for developers; the console
 * shows a French sentence per error code, or per field for a refused input, next to the field
 * the error names when it names one (`extensions.field`).
 */
import type { CombinedError } from 'urql';

const BY_CODE: Record<string, string> = {
  BAD_USER_INPUT: 'Valeur refusée.',
  UNAUTHENTICATED: 'Votre session a expiré : reconnectez-vous.',
  FORBIDDEN: 'Vos droits ne permettent pas cette action.',
  NOT_FOUND: 'Introuvable (supprimé, ou hors de votre périmètre).',
  CONFLICT: 'La demande a changé entre-temps : voici son état actuel.',
  RATE_LIMITED: 'Trop de requêtes : réessayez dans un instant.',
  SERVICE_UNAVAILABLE: 'Service momentanément indisponible : réessayez dans un instant.',
};

/** What the API checks on each field the screens send, said in French (its own message is English). */
const FIELD_RULES: Record<string, string> = {
  postalCode: 'Code postal inconnu, ou sans établissement dans la commune.',
  communeCode: 'Code commune inconnu, ou sans établissement dans la commune.',
  radiusKm: 'Le rayon doit être compris entre 1 et 200 km.',
  latitude: 'Latitude invalide.',
  longitude: 'Longitude invalide.',
  disciplines: 'Discipline inconnue.',
  patientAge: 'Âge hors des bornes acceptées.',
  unitIds: 'Une des unités choisies ne peut pas recevoir cette demande (archivée, ou ne prenant pas ce patient).',
  clinicalSummary: 'Résumé clinique refusé : 2 000 caractères au plus.',
  callbackContact: 'Indiquez un numéro de téléphone ou une adresse électronique valide.',
  patientName: 'Nom du patient refusé.',
  wishedAt: 'Date souhaitée invalide.',
  reason: 'Un motif est obligatoire pour refuser.',
  proposedAt: 'L’horaire proposé doit être une date future.',
  comment: 'Commentaire refusé.',
  // Tension declarations (docs/tensions.md § Lifecycle).
  establishmentId: 'Établissement inconnu, ou hors de votre périmètre.',
  disciplineGroupCode: 'Groupe de disciplines inconnu.',
  levelCode: 'Niveau de tension inconnu.',
  actionCode: 'Action inconnue ou retirée du répertoire.',
  startedAt: 'Le début de la tension ne peut pas être dans le futur.',
  endedAt: 'La levée ne peut pas être dans le futur, ni avant le dernier changement.',
  notes: 'Commentaire refusé : 2 000 caractères au plus.',
  // The offer's records (docs/offer-editing.md § Values).
  name: 'Nom refusé : il ne peut pas être vide (200 caractères au plus), et une copie doit porter un autre nom que l’unité copiée.',
  ufCode: 'Code UF refusé : 1 à 10 lettres ou chiffres.',
  sseCapacity: 'La capacité SSE est un nombre entier de lits, positif ou nul.',
  patientAgeMin: 'L’âge minimal est un nombre entier d’années, de 0 à 150.',
  patientAgeMax: 'L’âge maximal doit être compris entre 0 et 150 ans, et ne pas être inférieur à l’âge minimal.',
  accessDetails: 'Indications d’accès refusées : 2 000 caractères au plus.',
  activityFieldCode: 'Champ d’activité inconnu ou obsolète.',
  careModeCode: 'Mode de prise en charge inconnu ou obsolète.',
  switchboardPhone: 'Numéro de téléphone invalide.',
  managementPhone: 'Numéro de téléphone invalide.',
  alertPhones: 'Un des numéros d’alerte est invalide.',
  alertEmail: 'Adresse électronique invalide.',
  managementEmail: 'Adresse électronique invalide.',
  website: 'Adresse web invalide : elle commence par http:// ou https://.',
  toEstablishmentId: 'Établissement de destination refusé (inconnu, ou déjà celui de l’unité).',
  message: 'Le message doit contenir de 1 à 4 000 caractères.',
  // A professional's record (docs/professionals.md § Records).
  jobTitle: 'Fonction refusée : 100 caractères au plus.',
  workEmail: 'Adresse électronique invalide.',
  workPhone: 'Numéro de téléphone invalide : 6 à 15 chiffres, éventuellement précédés de +.',
  mssanteAddress: 'Adresse MSSanté invalide : elle se termine par mssante.fr.',
  specialtyCode: 'Spécialité inconnue de la liste des spécialités ordinales (TRE_R38).',
  note: 'La note de clôture contient 4 000 caractères au plus.',
  // Professionals (docs/professionals.md).
  lastName: 'Nom refusé : des lettres seulement (accents, traits d’union et apostrophes admis), 100 au plus.',
  firstName: 'Prénom refusé : des lettres seulement (accents, traits d’union et apostrophes admis), 100 au plus.',
  rppsNumber: 'Le numéro RPPS compte 11 chiffres et ne doit pas être déjà attribué.',
  adeliNumber: 'Le numéro ADELI compte 9 caractères et ne doit pas être déjà attribué.',
  professionCode: 'Profession inconnue.',
  perimeterKind: 'Ce rôle ne s’attribue pas sur ce type de périmètre.',
  perimeterId: 'Périmètre refusé : un n° FINESS (9 caractères) pour une entité juridique ou un établissement, l’identifiant d’une unité existante, rien pour toute la région.',
  // Lits disponibles (docs/capacities.md § Rules)
  installedBeds: 'Lits installés : de 0 à 10 000, et jamais ramenés à 0 (saisissez les lits convertis en « fermés »).',
  availableMen: 'Nombre entier de 0 à 10 000.',
  availableWomen: 'Nombre entier de 0 à 10 000.',
  availableUndifferentiated: 'Les lits libres (hommes + femmes + indifférenciés) ne peuvent dépasser le total opérationnel.',
  closedBeds: 'Les lits fermés ne peuvent dépasser les lits installés.',
  reopenedBeds: 'Les lits réouverts ne peuvent dépasser les lits fermés.',
  reopenableBeds: 'Les lits réactivables ne peuvent dépasser les lits encore fermés (fermés − réouverts).',
  mobilisedBeds: 'Nombre entier de 0 à 10 000.',
  startDate: 'Date de début invalide.',
  endDate: 'Le dernier jour doit suivre le premier.',
  beds: 'Le nombre de lits fermés doit aller de 1 aux lits installés de l’unité.',
  // The HET follow-up (docs/het-follow-up.md).
  unitId: 'Cette unité n’appartient pas à l’établissement choisi.',
  tensionId: 'Indiquez la déclaration de ce même établissement qui a suivi l’alerte, et seulement si une déclaration a suivi.',
  participants: 'Indiquez les participants (1 000 caractères au plus).',
  summary: 'Décrivez le déroulé de l’épisode (4 000 caractères au plus).',
  strengths: '4 000 caractères au plus.',
  improvements: '4 000 caractères au plus.',
  recommendations: '4 000 caractères au plus.',
  heldAt: 'La date du RETEX ne peut pas être dans le futur.',
  doneAt: 'Une étape se note une fois faite : pas de date future.',
  answers: 'Répondez à toutes les questions obligatoires, chacune une fois.',
};

/** CONFLICT on a field: another record stands in the way (a UF code already taken). */
const FIELD_CONFLICTS: Record<string, string> = {
  ufCode: 'Ce code UF est déjà utilisé par une autre unité de l’établissement.',
};

export interface FrenchErrors {
  /** Errors naming an input field, by field name (last segment of the path the server gives). */
  fields: Record<string, string>;
  /** The rest, for an alert above the form. */
  general: string[];
  codes: Set<string>;
}

export function frenchErrors(error: CombinedError | undefined): FrenchErrors {
  const out: FrenchErrors = { fields: {}, general: [], codes: new Set() };
  if (!error) return out;
  if (error.networkError) out.general.push('Le hub ne répond pas : vérifiez la connexion et réessayez.');
  for (const graphQLError of error.graphQLErrors) {
    const code = String(graphQLError.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    out.codes.add(code);
    const text = BY_CODE[code] ?? 'Erreur inattendue du hub : réessayez plus tard.';
    // The offer names the input field (`field`); the professionals subgraph the argument (`argumentName`).
    const field = graphQLError.extensions?.field ?? graphQLError.extensions?.argumentName;
    if (typeof field === 'string') {
      const name = (field.split('.').pop() ?? field).replace(/\[\d+\]$/, '');
      out.fields[name] = (code === 'BAD_USER_INPUT' ? FIELD_RULES[name] : code === 'CONFLICT' ? FIELD_CONFLICTS[name] : undefined) ?? text;
    } else out.general.push(text);
  }
  return out;
}

/** DSFR error state of a field (Input, Select…), with its French message; nothing when valid. */
export function fieldState(message: string | undefined): { state?: 'error'; stateRelatedMessage?: string } {
  return message ? { state: 'error', stateRelatedMessage: message } : {};
}
