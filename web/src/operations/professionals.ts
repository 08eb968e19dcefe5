import { graphql } from '../gql';

/** The list of "Professionnels", ordered by name; filters by name, profession, function, identifier and establishment. */
export const ProfessionalsQuery = graphql(`
  query ConsoleProfessionals($filter: ProfessionalFilter, $first: Int) {
    professionals(filter: $filter, first: $first) {
      totalCount
      edges { node { id lastName firstName jobTitle profession { code display } establishments { id name } } }
    }
  }
`);

export const ProfessionalFields = graphql(`
  fragment ConsoleProfessional on Professional {
    id
    lastName
    firstName
    sex
    profession { code display }
    specialty { code display }
    rppsNumber
    adeliNumber
    jobTitle
    workEmail
    workPhone
    mssanteAddress
    establishments { id name organization { id } }
    units { id name }
    archived
    updatedAt
  }
`);

/**
 * A professional's record. The account and the role assignments are asked apart: the API answers
 * them only to those whose rights cover the person (FORBIDDEN otherwise), and the record itself
 * must show either way.
 */
export const ProfessionalQuery = graphql(`
  query ConsoleProfessional($id: ID!) {
    professional(id: $id) { ...ConsoleProfessional }
  }
`);

export const ProfessionalAccountQuery = graphql(`
  query ConsoleProfessionalAccount($id: ID!) {
    professional(id: $id) { id account { login enabled hasPassword } }
  }
`);

export const ProfessionalRolesQuery = graphql(`
  query ConsoleProfessionalRoles($id: ID!) {
    professional(id: $id) { id roleAssignments { id role right perimeterKind perimeterId grantedAt } }
  }
`);

export const UpdateProfessionalMutation = graphql(`
  mutation ConsoleUpdateProfessional($id: ID!, $input: UpdateProfessionalInput!) {
    updateProfessional(id: $id, input: $input) { ...ConsoleProfessional }
  }
`);

export const AssignRoleMutation = graphql(`
  mutation ConsoleAssignRole($professionalId: ID!, $role: Role!, $perimeterKind: PerimeterKind!, $perimeterId: ID) {
    assignRole(professionalId: $professionalId, role: $role, perimeterKind: $perimeterKind, perimeterId: $perimeterId) {
      assignment { id }
      grantedRights
      ignoredRights
    }
  }
`);

export const RevokeRoleAssignmentMutation = graphql(`
  mutation ConsoleRevokeRoleAssignment($id: ID!) {
    revokeRoleAssignment(id: $id) { id }
  }
`);
