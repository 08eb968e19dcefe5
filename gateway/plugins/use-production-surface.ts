/**
 * What an anonymous caller learns about the schema in production: no introspection (`__schema`,
 * `__type`) and no "Did you mean …" suggestions in validation errors. Authenticated callers keep
 * both; the SDL is published in schemas/ anyway (docs/authorisation.md § Production surface).
 *
 * Decided per request, from the caller's identity: Apollo caches a validated document by its
 * hash, so a validation rule would let an anonymous caller reuse a document an authenticated one
 * had validated. The check runs in `didResolveOperation` instead, for every request, before execution.
 */
import { GraphQLError, visit, BREAK, type DocumentNode } from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { Identity } from '../../platform/auth/identity.js';
import type { GatewayContext } from '../context.js';

/** True when `identity` gets the production surface: anonymous, in production. */
export function hidesSchema(production: boolean, identity: Identity | undefined): boolean {
  return production && (identity?.kind ?? 'anonymous') === 'anonymous';
}

/** A validation message without graphql-js's trailing suggestion (as Apollo's own DisableSuggestions plugin does). */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean(.+?)\?$/, '');
}

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export function productionSurface(production: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (!hidesSchema(production, contextValue.identity)) return;
      return {
        async validationDidStart() {
          return async (errors) => errors?.forEach((error) => (error.message = withoutSuggestions(error.message)));
        },
        async didResolveOperation({ document }) {
          if (!introspects(document)) return;
          throw new GraphQLError('Introspection is not available to anonymous callers; the schema is published in the schemas/ folder of the hub.', {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400, headers: new HeaderMap() } },
          });
        },
      };
    },
  };
}
