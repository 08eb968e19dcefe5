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
      members { name function organisation }
      currentProcedures { id title description owner lastTriggeredAt }
      history { id at actor action level reason }
    }
    resources { id kind label quantity details available }
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
