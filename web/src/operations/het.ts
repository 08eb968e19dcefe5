import { graphql } from '../gql';

/** What the alert list, the form and the live events show of a manual alert. */
export const HetAlertFields = graphql(`
  fragment ConsoleHetAlert on HetAlert {
    id
    status
    version
    reason
    reasonLabel
    disciplineGroup
    message
    createdBy
    createdAt
    acknowledgedBy
    acknowledgedAt
    closedBy
    closedAt
    outcome
    closingNotes
    tension { id }
    unit { id }
    establishment { id name organization { id } address { city departmentCode } }
  }
`);

export const HetAlertsQuery = graphql(`
  query ConsoleHetAlerts($filter: HetAlertFilter, $first: Int) {
    hetAlerts(filter: $filter, first: $first) { ...ConsoleHetAlert }
  }
`);

export const HetAlertChangedSubscription = graphql(`
  subscription ConsoleHetAlertChanged {
    hetAlertChanged { id at action alert { ...ConsoleHetAlert } }
  }
`);

export const HetAlertReferenceQuery = graphql(`
  query ConsoleHetAlertReference {
    hetAlertReasons { code label }
    disciplineGroups { code label }
  }
`);

export const CreateHetAlertMutation = graphql(`
  mutation ConsoleCreateHetAlert($input: HetAlertInput!) {
    createHetAlert(input: $input) { ...ConsoleHetAlert }
  }
`);

export const AcknowledgeHetAlertMutation = graphql(`
  mutation ConsoleAcknowledgeHetAlert($id: ID!, $expectedVersion: Int!) {
    acknowledgeHetAlert(id: $id, expectedVersion: $expectedVersion) { ...ConsoleHetAlert }
  }
`);

export const CloseHetAlertMutation = graphql(`
  mutation ConsoleCloseHetAlert($id: ID!, $outcome: HetAlertOutcome!, $tensionId: ID, $notes: String, $expectedVersion: Int!) {
    closeHetAlert(id: $id, outcome: $outcome, tensionId: $tensionId, notes: $notes, expectedVersion: $expectedVersion) { ...ConsoleHetAlert }
  }
`);

/** The map: markers with the offer's positions. */
export const TensionMapQuery = graphql(`
  query ConsoleTensionMap($departmentCode: String) {
    tensionMap(departmentCode: $departmentCode) {
      highestLevel
      tensions { id level levelDetail { rank label(regionCode: "24") } disciplineGroup startedAt }
      openAlerts { id reasonLabel createdAt }
      establishment { id name position { latitude longitude } address { city departmentCode departmentName } }
    }
  }
`);

export const HetProcedureFields = graphql(`
  fragment ConsoleHetProcedure on HetProcedure {
    status
    version
    openedBy
    openedAt
    closedBy
    closedAt
    tension { id level levelDetail { rank label(regionCode: "24") } status startedAt endedAt disciplineGroup establishment { id name } }
    steps { step { code label } done doneAt doneBy notes }
    retex { heldAt participants summary strengths improvements recommendations savedBy savedAt }
    survey { channel respondent respondedAt answers { question { code label kind } value } }
  }
`);

export const HetProceduresQuery = graphql(`
  query ConsoleHetProcedures {
    hetProcedures { ...ConsoleHetProcedure }
    tensions(filter: { status: IN_PROGRESS }, first: 200) { edges { node { id level disciplineGroup startedAt establishment { id name } } } }
    hetSurveyQuestions { code label kind required }
    hetSurveyChannels { code label }
  }
`);

export const OpenHetProcedureMutation = graphql(`
  mutation ConsoleOpenHetProcedure($tensionId: ID!) {
    openHetProcedure(tensionId: $tensionId) { ...ConsoleHetProcedure }
  }
`);

export const RecordHetProcedureStepMutation = graphql(`
  mutation ConsoleRecordHetProcedureStep($tensionId: ID!, $step: String!, $doneAt: DateTime, $notes: String) {
    recordHetProcedureStep(tensionId: $tensionId, step: $step, doneAt: $doneAt, notes: $notes) { ...ConsoleHetProcedure }
  }
`);

export const SaveHetRetexMutation = graphql(`
  mutation ConsoleSaveHetRetex($tensionId: ID!, $input: HetRetexInput!) {
    saveHetRetex(tensionId: $tensionId, input: $input) { ...ConsoleHetProcedure }
  }
`);

export const CloseHetProcedureMutation = graphql(`
  mutation ConsoleCloseHetProcedure($tensionId: ID!, $expectedVersion: Int!) {
    closeHetProcedure(tensionId: $tensionId, expectedVersion: $expectedVersion) { ...ConsoleHetProcedure }
  }
`);

/** The survey of an episode, for the establishment's declarants (TensionDetail) and the ARS. */
export const HetSurveyQuery = graphql(`
  query ConsoleHetSurvey($tensionId: ID!) {
    hetSurvey(tensionId: $tensionId) { channel respondent respondedAt answers { question { code } value } }
    hetSurveyQuestions { code label kind required }
    hetSurveyChannels { code label }
  }
`);

export const SubmitHetSurveyMutation = graphql(`
  mutation ConsoleSubmitHetSurvey($tensionId: ID!, $answers: [HetSurveyAnswerInput!]!, $channel: String) {
    submitHetSurvey(tensionId: $tensionId, answers: $answers, channel: $channel) { channel respondent respondedAt answers { question { code } value } }
  }
`);

/** The units of an establishment, for an alert that concerns one. */
export const AlertUnitsQuery = graphql(`
  query ConsoleAlertUnits($id: ID!) {
    establishment(id: $id) { id units { id name } }
  }
`);

/** The region's establishments, as the map's background (one page of 200 at a time). */
export const MapBackgroundQuery = graphql(`
  query ConsoleMapBackground($after: String) {
    establishments(filter: { regionCode: "24" }, first: 200, after: $after) {
      edges { node { id position { latitude longitude } address { departmentCode departmentName } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
