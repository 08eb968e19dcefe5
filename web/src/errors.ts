/**
 * GraphQL errors in French. The API writes its messages in English for developers; the console
 * shows a French sentence per error code, next to the field the error names when it names one.
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
    const field = graphQLError.extensions?.field;
    if (typeof field === 'string') {
      const name = field.split('.').pop() ?? field;
      // The server's own sentence stays visible after the French one: it names the rule broken.
      out.fields[name] = `${text} (${graphQLError.message})`;
    } else out.general.push(text);
  }
  return out;
}
