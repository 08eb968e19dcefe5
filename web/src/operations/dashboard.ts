import { graphql } from '../gql';

/** Free beds of a département by discipline (the capacity synthesis). */
export const DashboardCapacityQuery = graphql(`
  query ConsoleDashboardCapacity($departmentCode: String!) {
    capacitySynthesis(groupBy: [DISCIPLINE], filter: { departmentCode: $departmentCode }) {
      totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate }
      groups { key label totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate } }
    }
  }
`);

export const DashboardTensionsQuery = graphql(`
  query ConsoleDashboardTensions($departmentCode: String!) {
    tensions(filter: { departmentCode: $departmentCode, status: IN_PROGRESS }, first: 100) {
      totalCount
      edges {
        node {
          id
          establishment { id name }
          disciplineGroup
          level
          levelDetail { rank label }
          startedAt
          declaredBy
        }
      }
    }
  }
`);

export const DashboardAdmissionsQuery = graphql(`
  query ConsoleDashboardAdmissions($from: DateTime!, $to: DateTime!) {
    admissionIndicators(from: $from, to: $to, period: WEEK, groupBy: ESTABLISHMENT) {
      periodStart
      establishment { id name address { departmentCode } }
      received
      accepted
      refused
      withdrawn
      expired
      medianAnswerMinutes
    }
  }
`);

export const DashboardPopulationQuery = graphql(`
  query ConsoleDashboardPopulation($departmentCode: String!) {
    populationIndicators(level: DEPARTMENT, departmentCode: $departmentCode) {
      areaCode
      areaName
      sector
      establishments
      populated
      populatedRate
      quality
      qualityRate
      band
    }
  }
`);

/** Any capacity change in the département: the free-bed figures are read again. */
export const DashboardCapacityChangedSubscription = graphql(`
  subscription ConsoleDashboardCapacityChanged($departmentCode: String!) {
    capacityChanged(filter: { departmentCode: $departmentCode }) {
      at
      unit { name establishment { name } }
      capacity { updatedBy }
    }
  }
`);

export const DashboardTensionChangedSubscription = graphql(`
  subscription ConsoleDashboardTensionChanged($departmentCode: String!) {
    tensionChanged(filter: { departmentCode: $departmentCode }) {
      at
      action
      tension { establishment { name } }
      entries { author }
    }
  }
`);

/** The région's départements with their names (population rows, all sectors), for the selectors. */
export const DepartmentsQuery = graphql(`
  query ConsoleDepartments {
    populationIndicators(level: DEPARTMENT) { areaCode areaName sector }
  }
`);

/**
 * The département's units with their capacity, one page: the free beds by discipline of a user
 * who reads capacities without the synthesis right (the ARS's ORU_CAPACITE_DISPONIBLE_SHOW).
 */
export const DashboardUnitsQuery = graphql(`
  query ConsoleDashboardUnits($departmentCode: String!, $after: String) {
    units(filter: { departmentCode: $departmentCode }, first: 200, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id discipline capacity { installedBeds availableBeds updatedAt } } }
    }
  }
`);
