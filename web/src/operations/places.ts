import { graphql } from '../gql';

export const PlaceSearchQuery = graphql(`
  query ConsolePlaceSearch($criteria: PlaceSearchInput!, $first: Int, $after: String) {
    placeSearch(criteria: $criteria, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      centre { latitude longitude radiusKm communeCode communeName }
      edges {
        node {
          distanceKm
          freeBeds
          installedBeds
          updatedAt
          stale
          unit {
            id
            name
            discipline
            establishment { id name }
            contacts { role value channel { code display } nature { display } }
          }
        }
      }
    }
  }
`);

export const RequestAdmissionMutation = graphql(`
  mutation ConsoleRequestAdmission($input: AdmissionRequestInput!) {
    requestAdmission(input: $input) {
      id
      status
      targets { unit { id name } status }
    }
  }
`);
