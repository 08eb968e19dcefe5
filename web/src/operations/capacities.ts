import { graphql } from '../gql';

export const CapacityFields = graphql(`
  fragment ConsoleCapacity on Capacity {
    installedBeds
    available { men women undifferentiated total }
    closedBeds
    reopenedBeds
    reopenableBeds
    mobilisedBeds
    totalOperational
    remainingToMobilise
    notes
    source
    updatedAt
    updatedBy
    version
  }
`);

export const CapacityUnitFields = graphql(`
  fragment ConsoleCapacityUnit on Unit {
    id
    name
    ufCode
    discipline
    pole { id name }
    establishment { id name organization { id } address { departmentCode } }
    capacity { ...ConsoleCapacity }
  }
`);

/** The grid's units: one page of units (the perimeter's establishments, or the region's for a transversal reader). */
export const CapacityUnitsQuery = graphql(`
  query ConsoleCapacityUnits($filter: UnitFilter!, $first: Int) {
    units(filter: $filter, first: $first) {
      totalCount
      edges { node { ...ConsoleCapacityUnit } }
    }
  }
`);

/** The establishments of the legal entities of the user's perimeter. */
export const CapacityOrganizationsQuery = graphql(`
  query ConsoleCapacityOrganization($id: ID!) {
    organization(id: $id) { id establishments { id name } }
  }
`);

export const CapacityEstablishmentsQuery = graphql(`
  query ConsoleCapacityEstablishments($first: Int) {
    establishments(first: $first) { edges { node { id name } } }
  }
`);

export const UpdateUnitCapacityMutation = graphql(`
  mutation ConsoleUpdateUnitCapacity($unitId: ID!, $input: CapacityInput!, $expectedVersion: Int!) {
    updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $expectedVersion) { ...ConsoleCapacity }
  }
`);

export const UpdateCapacitiesMutation = graphql(`
  mutation ConsoleUpdateCapacities($entries: [CapacityEntry!]!) {
    updateCapacities(entries: $entries) { ...ConsoleCapacity }
  }
`);

export const CapacityChangedSubscription = graphql(`
  subscription ConsoleCapacityChanged($filter: CapacityChangeFilter) {
    capacityChanged(filter: $filter) {
      id
      at
      unit { id }
      capacity { ...ConsoleCapacity }
    }
  }
`);

export const CapacitySynthesisQuery = graphql(`
  query ConsoleCapacitySynthesis($groupBy: [CapacityGrouping!]!, $filter: CapacitySynthesisFilter) {
    capacitySynthesis(groupBy: $groupBy, filter: $filter) {
      totals { ...ConsoleCapacityTotals }
      groups {
        level key label totals { ...ConsoleCapacityTotals }
        groups { level key label totals { ...ConsoleCapacityTotals } }
      }
    }
  }
`);

export const CapacityTotalsFields = graphql(`
  fragment ConsoleCapacityTotals on CapacityTotals {
    units
    unitsWithoutCapacity
    installedBeds
    availableBeds
    closedBeds
    reopenedBeds
    reopenableBeds
    mobilisedBeds
    crisisMobilisedBeds
    temporarilyAssignedBeds
    totalOperational
    remainingToMobilise
    oldestUpdate
  }
`);

export const SavedCapacityFiltersQuery = graphql(`
  query ConsoleSavedCapacityFilters {
    mySavedCapacityFilters { id name isDefault establishmentId disciplines }
  }
`);

export const SaveCapacityFilterMutation = graphql(`
  mutation ConsoleSaveCapacityFilter($input: SavedCapacityFilterInput!) {
    saveCapacityFilter(input: $input) { id name isDefault establishmentId disciplines }
  }
`);

export const DeleteCapacityFilterMutation = graphql(`
  mutation ConsoleDeleteCapacityFilter($id: ID!) {
    deleteCapacityFilter(id: $id)
  }
`);

export const PlannedClosuresQuery = graphql(`
  query ConsolePlannedClosures($filter: UnitFilter!, $first: Int) {
    units(filter: $filter, first: $first) {
      edges {
        node {
          id
          name
          establishment { id name }
          plannedClosures { id startDate endDate beds reason notes createdAt createdBy }
        }
      }
    }
  }
`);

export const AddPlannedClosureMutation = graphql(`
  mutation ConsoleAddPlannedClosure($unitId: ID!, $input: PlannedClosureInput!) {
    addPlannedClosure(unitId: $unitId, input: $input) { id }
  }
`);

export const RemovePlannedClosureMutation = graphql(`
  mutation ConsoleRemovePlannedClosure($id: ID!) {
    removePlannedClosure(id: $id)
  }
`);

export const CapacitySnapshotsQuery = graphql(`
  query ConsoleCapacitySnapshots {
    capacitySnapshots(first: 1) { date takenAt units csvPath }
  }
`);

/** One unit as it is now: read again after a CONFLICT, to show the current figures. */
export const CapacityUnitQuery = graphql(`
  query ConsoleCapacityUnit($id: ID!) {
    unit(id: $id) { ...ConsoleCapacityUnit }
  }
`);

/** The establishment of a perimeter given as an establishment, or holding a perimeter given as a unit. */
export const CapacityPerimeterPlaceQuery = graphql(`
  query ConsoleCapacityPerimeterPlace($establishmentId: ID!, $unitId: ID!, $byUnit: Boolean!) {
    establishment(id: $establishmentId) @skip(if: $byUnit) { id name }
    unit(id: $unitId) @include(if: $byUnit) { id establishment { id name } }
  }
`);
