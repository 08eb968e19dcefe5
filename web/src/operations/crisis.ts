import { graphql } from '../gql';

/** What the crisis screen shows of a CPTS: its cell, members, resources and the procedures of the current level. */
export const CrisisCptsFields = graphql(`
  fragment ConsoleCrisisCpts on Cpts {
    id
    name
    departmentCode
    communes { code name }
    members { id lastName firstName }
    cell {
      active
      level
      levelDetail { label description }
      activatedAt
      version
      members { id name function organisation }
      currentProcedures { id title description owner lastTriggeredAt }
      history { id at actor action level reason }
    }
    resources { id kind label quantity details available communeCode }
    workingGroups { id theme label referentName }
    procedures { id level title description owner lastTriggeredAt }
    communicationPlan { id level audience message channel owner }
    indicators { activations proceduresTriggered meetingsHeld meanMinutesToFirstProcedure meanMinutesToFirstMeeting }
  }
`);

export const CrisisCptsListQuery = graphql(`
  query ConsoleCrisisCptsList {
    cptsList { ...ConsoleCrisisCpts }
    crisisLevels { code label }
  }
`);

export const ActivateCrisisCellMutation = graphql(`
  mutation ConsoleActivateCrisisCell($cptsId: ID!, $level: CrisisLevel!, $reason: String, $expectedVersion: Int!) {
    activateCrisisCell(cptsId: $cptsId, level: $level, reason: $reason, expectedVersion: $expectedVersion) { ...ConsoleCrisisCpts }
  }
`);

export const DeactivateCrisisCellMutation = graphql(`
  mutation ConsoleDeactivateCrisisCell($cptsId: ID!, $reason: String, $expectedVersion: Int!) {
    deactivateCrisisCell(cptsId: $cptsId, reason: $reason, expectedVersion: $expectedVersion) { ...ConsoleCrisisCpts }
  }
`);

export const TriggerCrisisProcedureMutation = graphql(`
  mutation ConsoleTriggerCrisisProcedure($procedureId: ID!) {
    triggerCrisisProcedure(procedureId: $procedureId) { id lastTriggeredAt }
  }
`);

export const CrisisCellChangedSubscription = graphql(`
  subscription ConsoleCrisisCellChanged {
    crisisCellChanged { id at action cpts { ...ConsoleCrisisCpts } }
  }
`);

// Editing the protocol (ORU_CPTS_CRISE_EDIT): the page updates from crisisCellChanged, which every
// edit sends (PROTOCOL_CHANGED, RESOURCE_CHANGED); removals answer the CPTS as well.
export const AddCrisisCellMemberMutation = graphql(`
  mutation ConsoleAddCrisisCellMember($cptsId: ID!, $input: CrisisCellMemberInput!) { addCrisisCellMember(cptsId: $cptsId, input: $input) { id } }
`);
export const UpdateCrisisCellMemberMutation = graphql(`
  mutation ConsoleUpdateCrisisCellMember($id: ID!, $input: CrisisCellMemberInput!) { updateCrisisCellMember(id: $id, input: $input) { id } }
`);
export const RemoveCrisisCellMemberMutation = graphql(`
  mutation ConsoleRemoveCrisisCellMember($id: ID!) { removeCrisisCellMember(id: $id) { ...ConsoleCrisisCpts } }
`);
export const AddCrisisWorkingGroupMutation = graphql(`
  mutation ConsoleAddCrisisWorkingGroup($cptsId: ID!, $input: CrisisWorkingGroupInput!) { addCrisisWorkingGroup(cptsId: $cptsId, input: $input) { id } }
`);
export const UpdateCrisisWorkingGroupMutation = graphql(`
  mutation ConsoleUpdateCrisisWorkingGroup($id: ID!, $input: CrisisWorkingGroupInput!) { updateCrisisWorkingGroup(id: $id, input: $input) { id } }
`);
export const RemoveCrisisWorkingGroupMutation = graphql(`
  mutation ConsoleRemoveCrisisWorkingGroup($id: ID!) { removeCrisisWorkingGroup(id: $id) { ...ConsoleCrisisCpts } }
`);
export const AddCrisisProcedureMutation = graphql(`
  mutation ConsoleAddCrisisProcedure($cptsId: ID!, $input: CrisisProcedureInput!) { addCrisisProcedure(cptsId: $cptsId, input: $input) { id } }
`);
export const UpdateCrisisProcedureMutation = graphql(`
  mutation ConsoleUpdateCrisisProcedure($id: ID!, $input: CrisisProcedureInput!) { updateCrisisProcedure(id: $id, input: $input) { id } }
`);
export const RemoveCrisisProcedureMutation = graphql(`
  mutation ConsoleRemoveCrisisProcedure($id: ID!) { removeCrisisProcedure(id: $id) { ...ConsoleCrisisCpts } }
`);
export const AddCrisisCommunicationMutation = graphql(`
  mutation ConsoleAddCrisisCommunication($cptsId: ID!, $input: CrisisCommunicationInput!) { addCrisisCommunication(cptsId: $cptsId, input: $input) { id } }
`);
export const UpdateCrisisCommunicationMutation = graphql(`
  mutation ConsoleUpdateCrisisCommunication($id: ID!, $input: CrisisCommunicationInput!) { updateCrisisCommunication(id: $id, input: $input) { id } }
`);
export const RemoveCrisisCommunicationMutation = graphql(`
  mutation ConsoleRemoveCrisisCommunication($id: ID!) { removeCrisisCommunication(id: $id) { ...ConsoleCrisisCpts } }
`);
export const AddCrisisResourceMutation = graphql(`
  mutation ConsoleAddCrisisResource($cptsId: ID!, $input: CrisisResourceInput!) { addCrisisResource(cptsId: $cptsId, input: $input) { id } }
`);
export const UpdateCrisisResourceMutation = graphql(`
  mutation ConsoleUpdateCrisisResource($id: ID!, $input: CrisisResourceInput!) { updateCrisisResource(id: $id, input: $input) { id } }
`);
export const RemoveCrisisResourceMutation = graphql(`
  mutation ConsoleRemoveCrisisResource($id: ID!) { removeCrisisResource(id: $id) { ...ConsoleCrisisCpts } }
`);
