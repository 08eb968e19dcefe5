import { graphql } from '../gql';

/** What the lists, the detail and the live events show of a declaration. */
export const TensionFields = graphql(`
  fragment ConsoleTension on Tension {
    id
    status
    level
    levelDetail { code rank label(regionCode: "24") }
    disciplineGroup
    disciplineGroupCode
    startedAt
    endedAt
    version
    declaredBy
    establishment { id name organization { id } address { city departmentCode } }
    timeline { id at author kind action { code label } levelCode disciplineGroupCode notes }
  }
`);

export const TensionsQuery = graphql(`
  query ConsoleTensions($filter: TensionFilter, $window: TensionWindow, $first: Int) {
    tensions(filter: $filter, window: $window, first: $first) {
      totalCount
      edges { node { ...ConsoleTension } }
    }
  }
`);

/** One declaration with its crisis-cell mails and the beds of its solidarity establishments. */
export const TensionQuery = graphql(`
  query ConsoleTension($id: ID!) {
    tension(id: $id) {
      ...ConsoleTension
      notifications { recipient subject status attempts sentAt createdAt }
      solidarity {
        establishment { establishment { id name } beds { available total } }
        solidarityEstablishments { establishment { id name } beds { available total } }
      }
    }
  }
`);

/** The reference data of the wizard: levels, discipline groups, the action repertoire. */
export const TensionReferenceQuery = graphql(`
  query ConsoleTensionReference {
    tensionLevels { code rank label(regionCode: "24") }
    disciplineGroups { code label }
    hetActionRepertoire { code label actions { code label active } }
  }
`);

/** The establishments of one perimeter where the user may declare (ESTABLISHMENT or ORGANIZATION grant). */
export const DeclarableEstablishmentQuery = graphql(`
  query ConsoleDeclarableEstablishment($id: ID!) {
    establishment(id: $id) { id name address { city } }
  }
`);

export const DeclarableOrganizationQuery = graphql(`
  query ConsoleDeclarableOrganization($id: ID!) {
    organization(id: $id) { id establishments { id name address { city } } }
  }
`);

export const DeclareTensionMutation = graphql(`
  mutation ConsoleDeclareTension($input: DeclareTensionInput!) {
    declareTension(input: $input) { ...ConsoleTension }
  }
`);

export const UpdateTensionMutation = graphql(`
  mutation ConsoleUpdateTension($id: ID!, $input: UpdateTensionInput!, $expectedVersion: Int!) {
    updateTension(id: $id, input: $input, expectedVersion: $expectedVersion) { ...ConsoleTension }
  }
`);

export const AddTensionActionsMutation = graphql(`
  mutation ConsoleAddTensionActions($id: ID!, $actions: [TensionActionInput!]!) {
    addTensionActions(id: $id, actions: $actions) { ...ConsoleTension }
  }
`);

export const CloseTensionMutation = graphql(`
  mutation ConsoleCloseTension($id: ID!, $notes: String) {
    closeTension(id: $id, notes: $notes) { ...ConsoleTension }
  }
`);

/** The ARS follow-up counts over a period, for the region or one département. */
export const HetIndicatorsQuery = graphql(`
  query ConsoleHetIndicators($from: DateTime!, $to: DateTime!, $departmentCode: String) {
    hetIndicators(from: $from, to: $to, departmentCode: $departmentCode) { from to departmentCode alerts triggers arsInvolvements }
  }
`);

/** The crisis-cell mails of the region's recent declarations (ARS view). */
export const TensionMailsQuery = graphql(`
  query ConsoleTensionMails($filter: TensionFilter, $window: TensionWindow, $first: Int) {
    tensions(filter: $filter, window: $window, first: $first) {
      edges { node { id establishment { id name } notifications { recipient subject status attempts sentAt createdAt } } }
    }
  }
`);

export const TensionChangedSubscription = graphql(`
  subscription ConsoleTensionChanged($filter: TensionChangeFilter) {
    tensionChanged(filter: $filter) {
      id
      at
      action
      tension { ...ConsoleTension }
      entries { author }
    }
  }
`);

export const CrisisPlanFields = graphql(`
  fragment ConsoleCrisisPlan on CrisisPlan {
    kind
    version
    updatedAt
    updatedBy
    establishment { id name }
    content {
      summary
      levels { code label description }
      triggers { levelCode description indicator threshold }
      contacts { role name phone email availability }
      actions { levelCode description owner }
    }
    versions { version author at }
  }
`);

export const MyCrisisPlansQuery = graphql(`
  query ConsoleMyCrisisPlans($kind: CrisisPlanKind!) {
    myCrisisPlans(kind: $kind) { ...ConsoleCrisisPlan }
  }
`);

export const SaveCrisisPlanMutation = graphql(`
  mutation ConsoleSaveCrisisPlan($kind: CrisisPlanKind!, $establishmentId: ID!, $content: CrisisPlanContentInput!, $expectedVersion: Int!) {
    saveCrisisPlan(kind: $kind, establishmentId: $establishmentId, content: $content, expectedVersion: $expectedVersion) { ...ConsoleCrisisPlan }
  }
`);
