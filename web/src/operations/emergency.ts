import { graphql } from '../gql';

/** The establishments of a département: the candidates of the BJML table and the ED picker. */
export const DepartmentEstablishmentsQuery = graphql(`
  query ConsoleDepartmentEstablishments($departmentCode: String!) {
    establishments(filter: { departmentCode: $departmentCode }, first: 100) {
      totalCount
      edges { node { id name address { city } } }
    }
  }
`);

/** One establishment's BJML for the current ISO week (asked per establishment: the API has no list). */
export const BjmlQuery = graphql(`
  query ConsoleBjml($establishmentId: ID!) {
    bjml(establishmentId: $establishmentId) {
      year
      week
      years
      expectedDays
      observedDays
      exitModeFilledRate
      quality
      bjml
      mean
      p75
    }
  }
`);

export const EmergencyIndicatorsQuery = graphql(`
  query ConsoleEmergencyIndicators($establishmentId: ID!, $from: String!, $to: String!) {
    emergencyIndicators(establishmentId: $establishmentId, from: $from, to: $to) {
      receptionCapacity
      receptionCapacityIsDefault
      days {
        day
        visits
        visits75
        admissionRate
        admittedMeanLengthOfStay
        presentAt15
        loadAt15
        source
      }
    }
  }
`);

export const AlertProposalFields = graphql(`
  fragment ConsoleAlertProposal on AlertProposal {
    id
    establishment { id name }
    day
    signal
    value
    threshold
    band
    status
    createdAt
    decidedAt
    decidedBy
  }
`);

/** Those still to decide, whatever their day, and those of the last days (decided ones included). */
export const AlertProposalsQuery = graphql(`
  query ConsoleAlertProposals($from: String!) {
    waiting: alertProposals(status: PROPOSED) { ...ConsoleAlertProposal }
    recent: alertProposals(from: $from) { ...ConsoleAlertProposal }
  }
`);

export const AcknowledgeAlertProposalMutation = graphql(`
  mutation ConsoleAcknowledgeAlertProposal($id: ID!) {
    acknowledgeAlertProposal(id: $id) { ...ConsoleAlertProposal }
  }
`);

export const DismissAlertProposalMutation = graphql(`
  mutation ConsoleDismissAlertProposal($id: ID!) {
    dismissAlertProposal(id: $id) { ...ConsoleAlertProposal }
  }
`);
