import { graphql } from '../gql';

export const TerritoryRowFields = graphql(`
  fragment ConsoleTerritoryRow on TerritoryEstablishment {
    establishment { id name }
    departmentCode
    contact { contact phone answerDelayMinutes }
    availableBeds
    installedBeds
    byDiscipline { discipline availableBeds installedBeds }
    elderlyPlaces { units installedPlaces availablePlaces }
    bedBlockers
    oldestUpdate
    maturity { score outOf percent level criteria { code label met } }
  }
`);

export const TerritoriesQuery = graphql(`
  query ConsoleTerritories {
    territories { code name departmentCodes }
  }
`);

export const TerritoryDashboardQuery = graphql(`
  query ConsoleTerritoryDashboard($code: ID!) {
    territoryDashboard(code: $code) {
      territory { code name departmentCodes }
      establishments { ...ConsoleTerritoryRow }
      totals { establishments availableBeds installedBeds bedBlockers elderlyPlaces { installedPlaces availablePlaces } }
    }
    territoryBedBlockers(code: $code) {
      total { patients totalDaysWaited maxDaysWaited }
      byDestination { destination count { patients totalDaysWaited maxDaysWaited } }
    }
  }
`);

export const TerritoryDashboardChangedSubscription = graphql(`
  subscription ConsoleTerritoryDashboardChanged($code: ID!) {
    territoryDashboardChanged(code: $code) { cause at row { ...ConsoleTerritoryRow } }
  }
`);

export const DepartmentEmergencyQuery = graphql(`
  query ConsoleDepartmentEmergency($departmentCode: String!) {
    departmentEmergency(departmentCode: $departmentCode) {
      departmentCode
      day
      week
      rows { establishment { id name } indicators { visits admitted } bjml { quality bjml p75 } availableDownstreamBeds belowBjml }
      totals { emergencyDepartments visits admitted bjml p75 bjmlNotComputed availableDownstreamBeds }
    }
  }
`);

export const DeclareMaturityMutation = graphql(`
  mutation ConsoleDeclareMaturity($establishmentId: ID!, $input: BedManagementMaturityInput!) {
    declareBedManagementMaturity(establishmentId: $establishmentId, input: $input) { percent }
  }
`);
