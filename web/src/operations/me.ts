import { graphql } from '../gql';

/** The signed-in user and the rights each assignment gives: the menu is built from them. */
export const MeQuery = graphql(`
  query ConsoleMe {
    me {
      id
      firstName
      lastName
      account { login }
      roleAssignments { id role right perimeterKind perimeterId effectiveRights }
      defaultGrants { rights perimeterKind perimeterId }
    }
  }
`);
