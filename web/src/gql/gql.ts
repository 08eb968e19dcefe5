/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ConsoleCapacity on Capacity {\n    installedBeds\n    available { men women undifferentiated total }\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    totalOperational\n    remainingToMobilise\n    notes\n    source\n    updatedAt\n    updatedBy\n    version\n  }\n": typeof types.ConsoleCapacityFragmentDoc,
    "\n  fragment ConsoleCapacityUnit on Unit {\n    id\n    name\n    ufCode\n    discipline\n    pole { id name }\n    establishment { id name organization { id } address { departmentCode } }\n    capacity { ...ConsoleCapacity }\n  }\n": typeof types.ConsoleCapacityUnitFragmentDoc,
    "\n  query ConsoleCapacityUnits($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      totalCount\n      edges { node { ...ConsoleCapacityUnit } }\n    }\n  }\n": typeof types.ConsoleCapacityUnitsDocument,
    "\n  query ConsoleCapacityOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name } }\n  }\n": typeof types.ConsoleCapacityOrganizationDocument,
    "\n  query ConsoleCapacityEstablishments($first: Int) {\n    establishments(first: $first) { edges { node { id name } } }\n  }\n": typeof types.ConsoleCapacityEstablishmentsDocument,
    "\n  mutation ConsoleUpdateUnitCapacity($unitId: ID!, $input: CapacityInput!, $expectedVersion: Int!) {\n    updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $expectedVersion) { ...ConsoleCapacity }\n  }\n": typeof types.ConsoleUpdateUnitCapacityDocument,
    "\n  mutation ConsoleUpdateCapacities($entries: [CapacityEntry!]!) {\n    updateCapacities(entries: $entries) { ...ConsoleCapacity }\n  }\n": typeof types.ConsoleUpdateCapacitiesDocument,
    "\n  subscription ConsoleCapacityChanged($filter: CapacityChangeFilter) {\n    capacityChanged(filter: $filter) {\n      id\n      at\n      unit { id }\n      capacity { ...ConsoleCapacity }\n    }\n  }\n": typeof types.ConsoleCapacityChangedDocument,
    "\n  query ConsoleCapacitySynthesis($groupBy: [CapacityGrouping!]!, $filter: CapacitySynthesisFilter) {\n    capacitySynthesis(groupBy: $groupBy, filter: $filter) {\n      totals { ...ConsoleCapacityTotals }\n      groups {\n        level key label totals { ...ConsoleCapacityTotals }\n        groups { level key label totals { ...ConsoleCapacityTotals } }\n      }\n    }\n  }\n": typeof types.ConsoleCapacitySynthesisDocument,
    "\n  fragment ConsoleCapacityTotals on CapacityTotals {\n    units\n    unitsWithoutCapacity\n    installedBeds\n    availableBeds\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    crisisMobilisedBeds\n    temporarilyAssignedBeds\n    totalOperational\n    remainingToMobilise\n    oldestUpdate\n  }\n": typeof types.ConsoleCapacityTotalsFragmentDoc,
    "\n  query ConsoleSavedCapacityFilters {\n    mySavedCapacityFilters { id name isDefault establishmentId disciplines }\n  }\n": typeof types.ConsoleSavedCapacityFiltersDocument,
    "\n  mutation ConsoleSaveCapacityFilter($input: SavedCapacityFilterInput!) {\n    saveCapacityFilter(input: $input) { id name isDefault establishmentId disciplines }\n  }\n": typeof types.ConsoleSaveCapacityFilterDocument,
    "\n  mutation ConsoleDeleteCapacityFilter($id: ID!) {\n    deleteCapacityFilter(id: $id)\n  }\n": typeof types.ConsoleDeleteCapacityFilterDocument,
    "\n  query ConsolePlannedClosures($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          establishment { id name }\n          plannedClosures { id startDate endDate beds reason notes createdAt createdBy }\n        }\n      }\n    }\n  }\n": typeof types.ConsolePlannedClosuresDocument,
    "\n  mutation ConsoleAddPlannedClosure($unitId: ID!, $input: PlannedClosureInput!) {\n    addPlannedClosure(unitId: $unitId, input: $input) { id }\n  }\n": typeof types.ConsoleAddPlannedClosureDocument,
    "\n  mutation ConsoleRemovePlannedClosure($id: ID!) {\n    removePlannedClosure(id: $id)\n  }\n": typeof types.ConsoleRemovePlannedClosureDocument,
    "\n  query ConsoleCapacitySnapshots {\n    capacitySnapshots(first: 1) { date takenAt units csvPath }\n  }\n": typeof types.ConsoleCapacitySnapshotsDocument,
    "\n  query ConsoleCapacityUnit($id: ID!) {\n    unit(id: $id) { ...ConsoleCapacityUnit }\n  }\n": typeof types.ConsoleCapacityUnitDocument,
    "\n  query ConsoleCapacityPerimeterPlace($establishmentId: ID!, $unitId: ID!, $byUnit: Boolean!) {\n    establishment(id: $establishmentId) @skip(if: $byUnit) { id name }\n    unit(id: $unitId) @include(if: $byUnit) { id establishment { id name } }\n  }\n": typeof types.ConsoleCapacityPerimeterPlaceDocument,
    "\n  fragment ConsoleCrisisCpts on Cpts {\n    id\n    name\n    departmentCode\n    communes { code name }\n    members { id lastName firstName }\n    cell {\n      active\n      level\n      levelDetail { label description }\n      activatedAt\n      version\n      members { id name function organisation }\n      currentProcedures { id title description owner lastTriggeredAt }\n      history { id at actor action level reason }\n    }\n    resources { id kind label quantity details available communeCode }\n    workingGroups { id theme label referentName }\n    procedures { id level title description owner lastTriggeredAt }\n    communicationPlan { id level audience message channel owner }\n    indicators { activations proceduresTriggered meetingsHeld meanMinutesToFirstProcedure meanMinutesToFirstMeeting }\n  }\n": typeof types.ConsoleCrisisCptsFragmentDoc,
    "\n  query ConsoleCrisisCptsList {\n    cptsList { ...ConsoleCrisisCpts }\n    crisisLevels { code label }\n  }\n": typeof types.ConsoleCrisisCptsListDocument,
    "\n  mutation ConsoleActivateCrisisCell($cptsId: ID!, $level: CrisisLevel!, $reason: String, $expectedVersion: Int!) {\n    activateCrisisCell(cptsId: $cptsId, level: $level, reason: $reason, expectedVersion: $expectedVersion) { ...ConsoleCrisisCpts }\n  }\n": typeof types.ConsoleActivateCrisisCellDocument,
    "\n  mutation ConsoleDeactivateCrisisCell($cptsId: ID!, $reason: String, $expectedVersion: Int!) {\n    deactivateCrisisCell(cptsId: $cptsId, reason: $reason, expectedVersion: $expectedVersion) { ...ConsoleCrisisCpts }\n  }\n": typeof types.ConsoleDeactivateCrisisCellDocument,
    "\n  mutation ConsoleTriggerCrisisProcedure($procedureId: ID!) {\n    triggerCrisisProcedure(procedureId: $procedureId) { id lastTriggeredAt }\n  }\n": typeof types.ConsoleTriggerCrisisProcedureDocument,
    "\n  subscription ConsoleCrisisCellChanged {\n    crisisCellChanged { id at action cpts { ...ConsoleCrisisCpts } }\n  }\n": typeof types.ConsoleCrisisCellChangedDocument,
    "\n  mutation ConsoleAddCrisisCellMember($cptsId: ID!, $input: CrisisCellMemberInput!) { addCrisisCellMember(cptsId: $cptsId, input: $input) { id } }\n": typeof types.ConsoleAddCrisisCellMemberDocument,
    "\n  mutation ConsoleUpdateCrisisCellMember($id: ID!, $input: CrisisCellMemberInput!) { updateCrisisCellMember(id: $id, input: $input) { id } }\n": typeof types.ConsoleUpdateCrisisCellMemberDocument,
    "\n  mutation ConsoleRemoveCrisisCellMember($id: ID!) { removeCrisisCellMember(id: $id) { ...ConsoleCrisisCpts } }\n": typeof types.ConsoleRemoveCrisisCellMemberDocument,
    "\n  mutation ConsoleAddCrisisWorkingGroup($cptsId: ID!, $input: CrisisWorkingGroupInput!) { addCrisisWorkingGroup(cptsId: $cptsId, input: $input) { id } }\n": typeof types.ConsoleAddCrisisWorkingGroupDocument,
    "\n  mutation ConsoleUpdateCrisisWorkingGroup($id: ID!, $input: CrisisWorkingGroupInput!) { updateCrisisWorkingGroup(id: $id, input: $input) { id } }\n": typeof types.ConsoleUpdateCrisisWorkingGroupDocument,
    "\n  mutation ConsoleRemoveCrisisWorkingGroup($id: ID!) { removeCrisisWorkingGroup(id: $id) { ...ConsoleCrisisCpts } }\n": typeof types.ConsoleRemoveCrisisWorkingGroupDocument,
    "\n  mutation ConsoleAddCrisisProcedure($cptsId: ID!, $input: CrisisProcedureInput!) { addCrisisProcedure(cptsId: $cptsId, input: $input) { id } }\n": typeof types.ConsoleAddCrisisProcedureDocument,
    "\n  mutation ConsoleUpdateCrisisProcedure($id: ID!, $input: CrisisProcedureInput!) { updateCrisisProcedure(id: $id, input: $input) { id } }\n": typeof types.ConsoleUpdateCrisisProcedureDocument,
    "\n  mutation ConsoleRemoveCrisisProcedure($id: ID!) { removeCrisisProcedure(id: $id) { ...ConsoleCrisisCpts } }\n": typeof types.ConsoleRemoveCrisisProcedureDocument,
    "\n  mutation ConsoleAddCrisisCommunication($cptsId: ID!, $input: CrisisCommunicationInput!) { addCrisisCommunication(cptsId: $cptsId, input: $input) { id } }\n": typeof types.ConsoleAddCrisisCommunicationDocument,
    "\n  mutation ConsoleUpdateCrisisCommunication($id: ID!, $input: CrisisCommunicationInput!) { updateCrisisCommunication(id: $id, input: $input) { id } }\n": typeof types.ConsoleUpdateCrisisCommunicationDocument,
    "\n  mutation ConsoleRemoveCrisisCommunication($id: ID!) { removeCrisisCommunication(id: $id) { ...ConsoleCrisisCpts } }\n": typeof types.ConsoleRemoveCrisisCommunicationDocument,
    "\n  mutation ConsoleAddCrisisResource($cptsId: ID!, $input: CrisisResourceInput!) { addCrisisResource(cptsId: $cptsId, input: $input) { id } }\n": typeof types.ConsoleAddCrisisResourceDocument,
    "\n  mutation ConsoleUpdateCrisisResource($id: ID!, $input: CrisisResourceInput!) { updateCrisisResource(id: $id, input: $input) { id } }\n": typeof types.ConsoleUpdateCrisisResourceDocument,
    "\n  mutation ConsoleRemoveCrisisResource($id: ID!) { removeCrisisResource(id: $id) { ...ConsoleCrisisCpts } }\n": typeof types.ConsoleRemoveCrisisResourceDocument,
    "\n  query ConsoleDashboardCapacity($departmentCode: String!) {\n    capacitySynthesis(groupBy: [DISCIPLINE], filter: { departmentCode: $departmentCode }) {\n      totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate }\n      groups { key label totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate } }\n    }\n  }\n": typeof types.ConsoleDashboardCapacityDocument,
    "\n  query ConsoleDashboardTensions($departmentCode: String!) {\n    tensions(filter: { departmentCode: $departmentCode, status: IN_PROGRESS }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          establishment { id name }\n          disciplineGroup\n          level\n          levelDetail { rank label }\n          startedAt\n          declaredBy\n        }\n      }\n    }\n  }\n": typeof types.ConsoleDashboardTensionsDocument,
    "\n  query ConsoleDashboardAdmissions($from: DateTime!, $to: DateTime!) {\n    admissionIndicators(from: $from, to: $to, period: WEEK, groupBy: ESTABLISHMENT) {\n      periodStart\n      establishment { id name address { departmentCode } }\n      received\n      accepted\n      refused\n      withdrawn\n      expired\n      medianAnswerMinutes\n    }\n  }\n": typeof types.ConsoleDashboardAdmissionsDocument,
    "\n  query ConsoleDashboardPopulation($departmentCode: String!) {\n    populationIndicators(level: DEPARTMENT, departmentCode: $departmentCode) {\n      areaCode\n      areaName\n      sector\n      establishments\n      populated\n      populatedRate\n      quality\n      qualityRate\n      band\n    }\n  }\n": typeof types.ConsoleDashboardPopulationDocument,
    "\n  subscription ConsoleDashboardCapacityChanged($departmentCode: String!) {\n    capacityChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      unit { name establishment { name } }\n      capacity { updatedBy }\n    }\n  }\n": typeof types.ConsoleDashboardCapacityChangedDocument,
    "\n  subscription ConsoleDashboardTensionChanged($departmentCode: String!) {\n    tensionChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      action\n      tension { establishment { name } }\n      entries { author }\n    }\n  }\n": typeof types.ConsoleDashboardTensionChangedDocument,
    "\n  query ConsoleDepartments {\n    populationIndicators(level: DEPARTMENT) { areaCode areaName sector }\n  }\n": typeof types.ConsoleDepartmentsDocument,
    "\n  query ConsoleDashboardUnits($departmentCode: String!, $after: String) {\n    units(filter: { departmentCode: $departmentCode }, first: 200, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id discipline capacity { installedBeds availableBeds updatedAt } } }\n    }\n  }\n": typeof types.ConsoleDashboardUnitsDocument,
    "\n  query ConsoleDepartmentEstablishments($departmentCode: String!) {\n    establishments(filter: { departmentCode: $departmentCode }, first: 100) {\n      totalCount\n      edges { node { id name address { city } } }\n    }\n  }\n": typeof types.ConsoleDepartmentEstablishmentsDocument,
    "\n  query ConsoleBjml($establishmentId: ID!) {\n    bjml(establishmentId: $establishmentId) {\n      year\n      week\n      years\n      expectedDays\n      observedDays\n      exitModeFilledRate\n      quality\n      bjml\n      mean\n      p75\n    }\n  }\n": typeof types.ConsoleBjmlDocument,
    "\n  query ConsoleEmergencyIndicators($establishmentId: ID!, $from: String!, $to: String!) {\n    emergencyIndicators(establishmentId: $establishmentId, from: $from, to: $to) {\n      receptionCapacity\n      receptionCapacityIsDefault\n      days {\n        day\n        visits\n        visits75\n        admissionRate\n        admittedMeanLengthOfStay\n        presentAt15\n        loadAt15\n        source\n      }\n    }\n  }\n": typeof types.ConsoleEmergencyIndicatorsDocument,
    "\n  fragment ConsoleAlertProposal on AlertProposal {\n    id\n    establishment { id name }\n    day\n    signal\n    value\n    threshold\n    band\n    status\n    createdAt\n    decidedAt\n    decidedBy\n  }\n": typeof types.ConsoleAlertProposalFragmentDoc,
    "\n  query ConsoleAlertProposals($from: String!) {\n    waiting: alertProposals(status: PROPOSED) { ...ConsoleAlertProposal }\n    recent: alertProposals(from: $from) { ...ConsoleAlertProposal }\n  }\n": typeof types.ConsoleAlertProposalsDocument,
    "\n  mutation ConsoleAcknowledgeAlertProposal($id: ID!) {\n    acknowledgeAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n": typeof types.ConsoleAcknowledgeAlertProposalDocument,
    "\n  mutation ConsoleDismissAlertProposal($id: ID!) {\n    dismissAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n": typeof types.ConsoleDismissAlertProposalDocument,
    "\n  fragment ConsoleHetAlert on HetAlert {\n    id\n    status\n    version\n    reason\n    reasonLabel\n    disciplineGroup\n    message\n    createdBy\n    createdAt\n    acknowledgedBy\n    acknowledgedAt\n    closedBy\n    closedAt\n    outcome\n    closingNotes\n    tension { id }\n    unit { id }\n    establishment { id name organization { id } address { city departmentCode } }\n  }\n": typeof types.ConsoleHetAlertFragmentDoc,
    "\n  query ConsoleHetAlerts($filter: HetAlertFilter, $first: Int) {\n    hetAlerts(filter: $filter, first: $first) { ...ConsoleHetAlert }\n  }\n": typeof types.ConsoleHetAlertsDocument,
    "\n  subscription ConsoleHetAlertChanged {\n    hetAlertChanged { id at action alert { ...ConsoleHetAlert } }\n  }\n": typeof types.ConsoleHetAlertChangedDocument,
    "\n  query ConsoleHetAlertReference {\n    hetAlertReasons { code label }\n    disciplineGroups { code label }\n  }\n": typeof types.ConsoleHetAlertReferenceDocument,
    "\n  mutation ConsoleCreateHetAlert($input: HetAlertInput!) {\n    createHetAlert(input: $input) { ...ConsoleHetAlert }\n  }\n": typeof types.ConsoleCreateHetAlertDocument,
    "\n  mutation ConsoleAcknowledgeHetAlert($id: ID!, $expectedVersion: Int!) {\n    acknowledgeHetAlert(id: $id, expectedVersion: $expectedVersion) { ...ConsoleHetAlert }\n  }\n": typeof types.ConsoleAcknowledgeHetAlertDocument,
    "\n  mutation ConsoleCloseHetAlert($id: ID!, $outcome: HetAlertOutcome!, $tensionId: ID, $notes: String, $expectedVersion: Int!) {\n    closeHetAlert(id: $id, outcome: $outcome, tensionId: $tensionId, notes: $notes, expectedVersion: $expectedVersion) { ...ConsoleHetAlert }\n  }\n": typeof types.ConsoleCloseHetAlertDocument,
    "\n  query ConsoleTensionMap($departmentCode: String) {\n    tensionMap(departmentCode: $departmentCode) {\n      highestLevel\n      tensions { id level levelDetail { rank label(regionCode: \"24\") } disciplineGroup startedAt }\n      openAlerts { id reasonLabel createdAt }\n      establishment { id name position { latitude longitude } address { city departmentCode departmentName } }\n    }\n  }\n": typeof types.ConsoleTensionMapDocument,
    "\n  fragment ConsoleHetProcedure on HetProcedure {\n    status\n    version\n    openedBy\n    openedAt\n    closedBy\n    closedAt\n    tension { id level levelDetail { rank label(regionCode: \"24\") } status startedAt endedAt disciplineGroup establishment { id name } }\n    steps { step { code label } done doneAt doneBy notes }\n    retex { heldAt participants summary strengths improvements recommendations savedBy savedAt }\n    survey { channel respondent respondedAt answers { question { code label kind } value } }\n  }\n": typeof types.ConsoleHetProcedureFragmentDoc,
    "\n  query ConsoleHetProcedures {\n    hetProcedures { ...ConsoleHetProcedure }\n    tensions(filter: { status: IN_PROGRESS }, first: 200) { edges { node { id level disciplineGroup startedAt establishment { id name } } } }\n    hetSurveyQuestions { code label kind required }\n    hetSurveyChannels { code label }\n  }\n": typeof types.ConsoleHetProceduresDocument,
    "\n  mutation ConsoleOpenHetProcedure($tensionId: ID!) {\n    openHetProcedure(tensionId: $tensionId) { ...ConsoleHetProcedure }\n  }\n": typeof types.ConsoleOpenHetProcedureDocument,
    "\n  mutation ConsoleRecordHetProcedureStep($tensionId: ID!, $step: String!, $doneAt: DateTime, $notes: String) {\n    recordHetProcedureStep(tensionId: $tensionId, step: $step, doneAt: $doneAt, notes: $notes) { ...ConsoleHetProcedure }\n  }\n": typeof types.ConsoleRecordHetProcedureStepDocument,
    "\n  mutation ConsoleSaveHetRetex($tensionId: ID!, $input: HetRetexInput!) {\n    saveHetRetex(tensionId: $tensionId, input: $input) { ...ConsoleHetProcedure }\n  }\n": typeof types.ConsoleSaveHetRetexDocument,
    "\n  mutation ConsoleCloseHetProcedure($tensionId: ID!, $expectedVersion: Int!) {\n    closeHetProcedure(tensionId: $tensionId, expectedVersion: $expectedVersion) { ...ConsoleHetProcedure }\n  }\n": typeof types.ConsoleCloseHetProcedureDocument,
    "\n  query ConsoleHetSurvey($tensionId: ID!) {\n    hetSurvey(tensionId: $tensionId) { channel respondent respondedAt answers { question { code } value } }\n    hetSurveyQuestions { code label kind required }\n    hetSurveyChannels { code label }\n  }\n": typeof types.ConsoleHetSurveyDocument,
    "\n  mutation ConsoleSubmitHetSurvey($tensionId: ID!, $answers: [HetSurveyAnswerInput!]!, $channel: String) {\n    submitHetSurvey(tensionId: $tensionId, answers: $answers, channel: $channel) { channel respondent respondedAt answers { question { code } value } }\n  }\n": typeof types.ConsoleSubmitHetSurveyDocument,
    "\n  query ConsoleAlertUnits($id: ID!) {\n    establishment(id: $id) { id units { id name } }\n  }\n": typeof types.ConsoleAlertUnitsDocument,
    "\n  query ConsoleMapBackground($after: String) {\n    establishments(filter: { regionCode: \"24\" }, first: 200, after: $after) {\n      edges { node { id position { latitude longitude } address { departmentCode departmentName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ConsoleMapBackgroundDocument,
    "\n  query ConsoleMe {\n    me {\n      id\n      firstName\n      lastName\n      account { login }\n      roleAssignments { id role right perimeterKind perimeterId effectiveRights }\n      defaultGrants { rights perimeterKind perimeterId }\n    }\n  }\n": typeof types.ConsoleMeDocument,
    "\n  query ConsoleOfferSearch($name: String!, $first: Int) {\n    establishments(filter: { name: $name }, first: $first) {\n      totalCount\n      edges { node { id name category { display } address { city departmentCode } organization { id name } } }\n    }\n    units(filter: { name: $name }, first: $first) {\n      totalCount\n      edges { node { id name ufCode discipline establishment { id name } } }\n    }\n  }\n": typeof types.ConsoleOfferSearchDocument,
    "\n  fragment ConsoleAuditEvent on AuditEvent {\n    id\n    action\n    at\n    actor\n    changes { field from to }\n  }\n": typeof types.ConsoleAuditEventFragmentDoc,
    "\n  fragment ConsoleEstablishment on Establishment {\n    id\n    finess\n    siret\n    name\n    category { code display }\n    organization { id name }\n    address { line postalCode city departmentCode }\n    switchboardPhone\n    managementPhone\n    alertPhones\n    alertEmail\n    managementEmail\n    website\n    updatedAt\n    units { id name ufCode discipline pole { name } }\n  }\n": typeof types.ConsoleEstablishmentFragmentDoc,
    "\n  query ConsoleEstablishment($id: ID!) {\n    establishment(id: $id) { ...ConsoleEstablishment }\n  }\n": typeof types.ConsoleEstablishmentDocument,
    "\n  query ConsoleEstablishmentHistory($id: ID!, $first: Int) {\n    establishment(id: $id) { id history(first: $first) { totalCount edges { node { ...ConsoleAuditEvent } } } }\n  }\n": typeof types.ConsoleEstablishmentHistoryDocument,
    "\n  mutation ConsoleUpdateEstablishment($id: ID!, $input: EstablishmentUpdate!) {\n    updateEstablishment(id: $id, input: $input) { ...ConsoleEstablishment }\n  }\n": typeof types.ConsoleUpdateEstablishmentDocument,
    "\n  fragment ConsoleUnit on Unit {\n    id\n    name\n    ufCode\n    kind\n    discipline\n    establishment { id name organization { id } }\n    pole { id name }\n    activityField { code display }\n    careMode { code display }\n    operationalActivities { code display }\n    specificActs { code display }\n    equipment { code display }\n    patientAge { min max }\n    sseCapacity\n    contacts { nature { display } role channel { display } value }\n    accessDetails\n    address { line postalCode city }\n    hasOwnAddress\n    sensitive\n    archived\n    updatedAt\n  }\n": typeof types.ConsoleUnitFragmentDoc,
    "\n  query ConsoleUnit($id: ID!) {\n    unit(id: $id) { ...ConsoleUnit }\n  }\n": typeof types.ConsoleUnitDocument,
    "\n  query ConsoleUnitHistory($id: ID!, $first: Int) {\n    unit(id: $id) { id history(first: $first) { totalCount edges { node { ...ConsoleAuditEvent } } } }\n  }\n": typeof types.ConsoleUnitHistoryDocument,
    "\n  query ConsoleUnitCodes {\n    activityFields: codeSystem(id: \"TRE_R227-ChampActivite\") { codes { code display } }\n    careModes: codeSystem(id: \"TRE_R213-ModePriseEnCharge\") { codes { code display } }\n  }\n": typeof types.ConsoleUnitCodesDocument,
    "\n  mutation ConsoleUpdateUnit($id: ID!, $input: UnitUpdate!) {\n    updateUnit(id: $id, input: $input) { ...ConsoleUnit }\n  }\n": typeof types.ConsoleUpdateUnitDocument,
    "\n  mutation ConsoleArchiveUnit($id: ID!) { archiveUnit(id: $id) { ...ConsoleUnit } }\n": typeof types.ConsoleArchiveUnitDocument,
    "\n  mutation ConsoleReactivateUnit($id: ID!) { reactivateUnit(id: $id) { ...ConsoleUnit } }\n": typeof types.ConsoleReactivateUnitDocument,
    "\n  mutation ConsoleTransferUnit($id: ID!, $toEstablishmentId: ID!, $withProfessionals: Boolean!) {\n    transferUnit(id: $id, toEstablishmentId: $toEstablishmentId, withProfessionals: $withProfessionals) { ...ConsoleUnit }\n  }\n": typeof types.ConsoleTransferUnitDocument,
    "\n  mutation ConsoleCopyUnit($id: ID!, $name: String!, $ufCode: String!) {\n    copyUnit(id: $id, name: $name, ufCode: $ufCode) { id name }\n  }\n": typeof types.ConsoleCopyUnitDocument,
    "\n  mutation ConsoleReportError($subjectType: FeedbackSubjectType!, $subjectId: ID, $message: String!) {\n    reportError(subjectType: $subjectType, subjectId: $subjectId, message: $message) { id createdAt }\n  }\n": typeof types.ConsoleReportErrorDocument,
    "\n  fragment ConsoleFeedback on Feedback {\n    id\n    kind\n    subject { type id searchText }\n    message\n    senderLogin\n    status\n    createdAt\n    closedAt\n    closedBy\n    closingNote\n  }\n": typeof types.ConsoleFeedbackFragmentDoc,
    "\n  query ConsoleFeedback($status: FeedbackStatus, $first: Int) {\n    feedback(status: $status, first: $first) { totalCount edges { node { ...ConsoleFeedback } } }\n  }\n": typeof types.ConsoleFeedbackDocument,
    "\n  mutation ConsoleCloseFeedback($id: ID!, $note: String) {\n    closeFeedback(id: $id, note: $note) { ...ConsoleFeedback }\n  }\n": typeof types.ConsoleCloseFeedbackDocument,
    "\n  subscription ConsoleOfferRecordChanged($recordType: OfferChangeRecordType!, $recordId: ID!) {\n    offerRecordChanged(recordType: $recordType, recordId: $recordId) { position action at actor }\n  }\n": typeof types.ConsoleOfferRecordChangedDocument,
    "\n  query ConsolePlaceSearch($criteria: PlaceSearchInput!, $first: Int, $after: String) {\n    placeSearch(criteria: $criteria, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      centre { latitude longitude radiusKm communeCode communeName }\n      edges {\n        node {\n          distanceKm\n          freeBeds\n          installedBeds\n          updatedAt\n          stale\n          unit {\n            id\n            name\n            discipline\n            establishment { id name }\n            contacts { role value channel { code display } nature { display } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsolePlaceSearchDocument,
    "\n  mutation ConsoleRequestAdmission($input: AdmissionRequestInput!) {\n    requestAdmission(input: $input) {\n      id\n      status\n      targets { unit { id name } status }\n    }\n  }\n": typeof types.ConsoleRequestAdmissionDocument,
    "\n  query ConsoleProfessionals($filter: ProfessionalFilter, $first: Int) {\n    professionals(filter: $filter, first: $first) {\n      totalCount\n      edges { node { id lastName firstName jobTitle profession { code display } establishments { id name } } }\n    }\n  }\n": typeof types.ConsoleProfessionalsDocument,
    "\n  fragment ConsoleProfessional on Professional {\n    id\n    lastName\n    firstName\n    sex\n    profession { code display }\n    specialty { code display }\n    rppsNumber\n    adeliNumber\n    jobTitle\n    workEmail\n    workPhone\n    mssanteAddress\n    establishments { id name organization { id } }\n    units { id name }\n    archived\n    updatedAt\n  }\n": typeof types.ConsoleProfessionalFragmentDoc,
    "\n  query ConsoleProfessional($id: ID!) {\n    professional(id: $id) { ...ConsoleProfessional }\n  }\n": typeof types.ConsoleProfessionalDocument,
    "\n  query ConsoleProfessionalAccount($id: ID!) {\n    professional(id: $id) { id account { login enabled hasPassword } }\n  }\n": typeof types.ConsoleProfessionalAccountDocument,
    "\n  query ConsoleProfessionalRoles($id: ID!) {\n    professional(id: $id) { id roleAssignments { id role right perimeterKind perimeterId grantedAt } }\n  }\n": typeof types.ConsoleProfessionalRolesDocument,
    "\n  mutation ConsoleUpdateProfessional($id: ID!, $input: UpdateProfessionalInput!) {\n    updateProfessional(id: $id, input: $input) { ...ConsoleProfessional }\n  }\n": typeof types.ConsoleUpdateProfessionalDocument,
    "\n  mutation ConsoleAssignRole($professionalId: ID!, $role: Role!, $perimeterKind: PerimeterKind!, $perimeterId: ID) {\n    assignRole(professionalId: $professionalId, role: $role, perimeterKind: $perimeterKind, perimeterId: $perimeterId) {\n      assignment { id }\n      grantedRights\n      ignoredRights\n    }\n  }\n": typeof types.ConsoleAssignRoleDocument,
    "\n  mutation ConsoleRevokeRoleAssignment($id: ID!) {\n    revokeRoleAssignment(id: $id) { id }\n  }\n": typeof types.ConsoleRevokeRoleAssignmentDocument,
    "\n  fragment ConsoleAdmissionRequest on AdmissionRequest {\n    id\n    status\n    version\n    patientAge\n    patientSex\n    discipline\n    urgency\n    wishedAt\n    clinicalSummary\n    patientName\n    callbackContact\n    createdAt\n    updatedAt\n    expiresAt\n    requester { name kind }\n    acceptedUnit { id name }\n    targets {\n      unit { id name }\n      establishment { id name organization { id } }\n      status\n      answer\n      refusalReason\n      comment\n      proposedAt\n      answeredBy\n      answeredAt\n    }\n  }\n": typeof types.ConsoleAdmissionRequestFragmentDoc,
    "\n  query ConsoleAdmissionRequests($filter: AdmissionRequestFilter, $first: Int, $after: String) {\n    admissionRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ConsoleAdmissionRequest } }\n    }\n  }\n": typeof types.ConsoleAdmissionRequestsDocument,
    "\n  mutation ConsoleAnswerAdmissionRequest($id: ID!, $unitId: ID!, $input: AdmissionAnswerInput!, $expectedVersion: Int!) {\n    answerAdmissionRequest(id: $id, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": typeof types.ConsoleAnswerAdmissionRequestDocument,
    "\n  query ConsoleAdmissionRequest($id: ID!) {\n    admissionRequest(id: $id) { ...ConsoleAdmissionRequest }\n  }\n": typeof types.ConsoleAdmissionRequestDocument,
    "\n  subscription ConsoleAdmissionRequestChanged($filter: AdmissionRequestChangeFilter) {\n    admissionRequestChanged(filter: $filter) {\n      position\n      action\n      at\n      actor\n      request { ...ConsoleAdmissionRequest }\n    }\n  }\n": typeof types.ConsoleAdmissionRequestChangedDocument,
    "\n  mutation ConsoleAcceptAdmissionProposal($id: ID!, $unitId: ID!, $expectedVersion: Int!) {\n    acceptAdmissionProposal(id: $id, unitId: $unitId, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": typeof types.ConsoleAcceptAdmissionProposalDocument,
    "\n  mutation ConsoleCancelAdmissionRequest($id: ID!, $expectedVersion: Int!, $reason: String) {\n    cancelAdmissionRequest(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": typeof types.ConsoleCancelAdmissionRequestDocument,
    "\n  mutation ConsoleRecordAdmission($id: ID!, $expectedVersion: Int!) {\n    recordAdmission(id: $id, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": typeof types.ConsoleRecordAdmissionDocument,
    "\n  fragment ConsoleTension on Tension {\n    id\n    status\n    level\n    levelDetail { code rank label(regionCode: \"24\") }\n    disciplineGroup\n    disciplineGroupCode\n    startedAt\n    endedAt\n    version\n    declaredBy\n    establishment { id name organization { id } address { city departmentCode } }\n    timeline { id at author kind action { code label } levelCode disciplineGroupCode notes }\n  }\n": typeof types.ConsoleTensionFragmentDoc,
    "\n  query ConsoleTensions($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      totalCount\n      edges { node { ...ConsoleTension } }\n    }\n  }\n": typeof types.ConsoleTensionsDocument,
    "\n  query ConsoleTension($id: ID!) {\n    tension(id: $id) {\n      ...ConsoleTension\n      notifications { recipient subject status attempts sentAt createdAt }\n      solidarity {\n        establishment { establishment { id name } beds { available total } }\n        solidarityEstablishments { establishment { id name } beds { available total } }\n      }\n    }\n  }\n": typeof types.ConsoleTensionDocument,
    "\n  query ConsoleTensionReference {\n    tensionLevels { code rank label(regionCode: \"24\") }\n    disciplineGroups { code label }\n    hetActionRepertoire { code label actions { code label active } }\n  }\n": typeof types.ConsoleTensionReferenceDocument,
    "\n  query ConsoleDeclarableEstablishment($id: ID!) {\n    establishment(id: $id) { id name address { city } }\n  }\n": typeof types.ConsoleDeclarableEstablishmentDocument,
    "\n  query ConsoleDeclarableOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name address { city } } }\n  }\n": typeof types.ConsoleDeclarableOrganizationDocument,
    "\n  mutation ConsoleDeclareTension($input: DeclareTensionInput!) {\n    declareTension(input: $input) { ...ConsoleTension }\n  }\n": typeof types.ConsoleDeclareTensionDocument,
    "\n  mutation ConsoleUpdateTension($id: ID!, $input: UpdateTensionInput!, $expectedVersion: Int!) {\n    updateTension(id: $id, input: $input, expectedVersion: $expectedVersion) { ...ConsoleTension }\n  }\n": typeof types.ConsoleUpdateTensionDocument,
    "\n  mutation ConsoleAddTensionActions($id: ID!, $actions: [TensionActionInput!]!) {\n    addTensionActions(id: $id, actions: $actions) { ...ConsoleTension }\n  }\n": typeof types.ConsoleAddTensionActionsDocument,
    "\n  mutation ConsoleCloseTension($id: ID!, $notes: String) {\n    closeTension(id: $id, notes: $notes) { ...ConsoleTension }\n  }\n": typeof types.ConsoleCloseTensionDocument,
    "\n  query ConsoleHetIndicators($from: DateTime!, $to: DateTime!, $departmentCode: String) {\n    hetIndicators(from: $from, to: $to, departmentCode: $departmentCode) { from to departmentCode alerts triggers arsInvolvements }\n  }\n": typeof types.ConsoleHetIndicatorsDocument,
    "\n  query ConsoleTensionMails($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      edges { node { id establishment { id name } notifications { recipient subject status attempts sentAt createdAt } } }\n    }\n  }\n": typeof types.ConsoleTensionMailsDocument,
    "\n  subscription ConsoleTensionChanged($filter: TensionChangeFilter) {\n    tensionChanged(filter: $filter) {\n      id\n      at\n      action\n      tension { ...ConsoleTension }\n      entries { author }\n    }\n  }\n": typeof types.ConsoleTensionChangedDocument,
    "\n  fragment ConsoleCrisisPlan on CrisisPlan {\n    kind\n    version\n    updatedAt\n    updatedBy\n    establishment { id name }\n    content {\n      summary\n      levels { code label description }\n      triggers { levelCode description indicator threshold }\n      contacts { role name phone email availability }\n      actions { levelCode description owner }\n    }\n    versions { version author at }\n  }\n": typeof types.ConsoleCrisisPlanFragmentDoc,
    "\n  query ConsoleMyCrisisPlans($kind: CrisisPlanKind!) {\n    myCrisisPlans(kind: $kind) { ...ConsoleCrisisPlan }\n  }\n": typeof types.ConsoleMyCrisisPlansDocument,
    "\n  mutation ConsoleSaveCrisisPlan($kind: CrisisPlanKind!, $establishmentId: ID!, $content: CrisisPlanContentInput!, $expectedVersion: Int!) {\n    saveCrisisPlan(kind: $kind, establishmentId: $establishmentId, content: $content, expectedVersion: $expectedVersion) { ...ConsoleCrisisPlan }\n  }\n": typeof types.ConsoleSaveCrisisPlanDocument,
    "\n  fragment ConsoleTerritoryRow on TerritoryEstablishment {\n    establishment { id name }\n    departmentCode\n    contact { contact phone answerDelayMinutes }\n    availableBeds\n    installedBeds\n    byDiscipline { discipline availableBeds installedBeds }\n    elderlyPlaces { units installedPlaces availablePlaces }\n    bedBlockers\n    oldestUpdate\n    maturity { score outOf percent level criteria { code label met } }\n  }\n": typeof types.ConsoleTerritoryRowFragmentDoc,
    "\n  query ConsoleTerritories {\n    territories { code name departmentCodes }\n  }\n": typeof types.ConsoleTerritoriesDocument,
    "\n  query ConsoleTerritoryDashboard($code: ID!) {\n    territoryDashboard(code: $code) {\n      territory { code name departmentCodes }\n      establishments { ...ConsoleTerritoryRow }\n      totals { establishments availableBeds installedBeds bedBlockers elderlyPlaces { installedPlaces availablePlaces } }\n    }\n    territoryBedBlockers(code: $code) {\n      total { patients totalDaysWaited maxDaysWaited }\n      byDestination { destination count { patients totalDaysWaited maxDaysWaited } }\n    }\n  }\n": typeof types.ConsoleTerritoryDashboardDocument,
    "\n  subscription ConsoleTerritoryDashboardChanged($code: ID!) {\n    territoryDashboardChanged(code: $code) { cause at row { ...ConsoleTerritoryRow } }\n  }\n": typeof types.ConsoleTerritoryDashboardChangedDocument,
    "\n  query ConsoleDepartmentEmergency($departmentCode: String!) {\n    departmentEmergency(departmentCode: $departmentCode) {\n      departmentCode\n      day\n      week\n      rows { establishment { id name } indicators { visits admitted } bjml { quality bjml p75 } availableDownstreamBeds belowBjml }\n      totals { emergencyDepartments visits admitted bjml p75 bjmlNotComputed availableDownstreamBeds }\n    }\n  }\n": typeof types.ConsoleDepartmentEmergencyDocument,
    "\n  mutation ConsoleDeclareMaturity($establishmentId: ID!, $input: BedManagementMaturityInput!) {\n    declareBedManagementMaturity(establishmentId: $establishmentId, input: $input) { percent }\n  }\n": typeof types.ConsoleDeclareMaturityDocument,
};
const documents: Documents = {
    "\n  fragment ConsoleCapacity on Capacity {\n    installedBeds\n    available { men women undifferentiated total }\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    totalOperational\n    remainingToMobilise\n    notes\n    source\n    updatedAt\n    updatedBy\n    version\n  }\n": types.ConsoleCapacityFragmentDoc,
    "\n  fragment ConsoleCapacityUnit on Unit {\n    id\n    name\n    ufCode\n    discipline\n    pole { id name }\n    establishment { id name organization { id } address { departmentCode } }\n    capacity { ...ConsoleCapacity }\n  }\n": types.ConsoleCapacityUnitFragmentDoc,
    "\n  query ConsoleCapacityUnits($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      totalCount\n      edges { node { ...ConsoleCapacityUnit } }\n    }\n  }\n": types.ConsoleCapacityUnitsDocument,
    "\n  query ConsoleCapacityOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name } }\n  }\n": types.ConsoleCapacityOrganizationDocument,
    "\n  query ConsoleCapacityEstablishments($first: Int) {\n    establishments(first: $first) { edges { node { id name } } }\n  }\n": types.ConsoleCapacityEstablishmentsDocument,
    "\n  mutation ConsoleUpdateUnitCapacity($unitId: ID!, $input: CapacityInput!, $expectedVersion: Int!) {\n    updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $expectedVersion) { ...ConsoleCapacity }\n  }\n": types.ConsoleUpdateUnitCapacityDocument,
    "\n  mutation ConsoleUpdateCapacities($entries: [CapacityEntry!]!) {\n    updateCapacities(entries: $entries) { ...ConsoleCapacity }\n  }\n": types.ConsoleUpdateCapacitiesDocument,
    "\n  subscription ConsoleCapacityChanged($filter: CapacityChangeFilter) {\n    capacityChanged(filter: $filter) {\n      id\n      at\n      unit { id }\n      capacity { ...ConsoleCapacity }\n    }\n  }\n": types.ConsoleCapacityChangedDocument,
    "\n  query ConsoleCapacitySynthesis($groupBy: [CapacityGrouping!]!, $filter: CapacitySynthesisFilter) {\n    capacitySynthesis(groupBy: $groupBy, filter: $filter) {\n      totals { ...ConsoleCapacityTotals }\n      groups {\n        level key label totals { ...ConsoleCapacityTotals }\n        groups { level key label totals { ...ConsoleCapacityTotals } }\n      }\n    }\n  }\n": types.ConsoleCapacitySynthesisDocument,
    "\n  fragment ConsoleCapacityTotals on CapacityTotals {\n    units\n    unitsWithoutCapacity\n    installedBeds\n    availableBeds\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    crisisMobilisedBeds\n    temporarilyAssignedBeds\n    totalOperational\n    remainingToMobilise\n    oldestUpdate\n  }\n": types.ConsoleCapacityTotalsFragmentDoc,
    "\n  query ConsoleSavedCapacityFilters {\n    mySavedCapacityFilters { id name isDefault establishmentId disciplines }\n  }\n": types.ConsoleSavedCapacityFiltersDocument,
    "\n  mutation ConsoleSaveCapacityFilter($input: SavedCapacityFilterInput!) {\n    saveCapacityFilter(input: $input) { id name isDefault establishmentId disciplines }\n  }\n": types.ConsoleSaveCapacityFilterDocument,
    "\n  mutation ConsoleDeleteCapacityFilter($id: ID!) {\n    deleteCapacityFilter(id: $id)\n  }\n": types.ConsoleDeleteCapacityFilterDocument,
    "\n  query ConsolePlannedClosures($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          establishment { id name }\n          plannedClosures { id startDate endDate beds reason notes createdAt createdBy }\n        }\n      }\n    }\n  }\n": types.ConsolePlannedClosuresDocument,
    "\n  mutation ConsoleAddPlannedClosure($unitId: ID!, $input: PlannedClosureInput!) {\n    addPlannedClosure(unitId: $unitId, input: $input) { id }\n  }\n": types.ConsoleAddPlannedClosureDocument,
    "\n  mutation ConsoleRemovePlannedClosure($id: ID!) {\n    removePlannedClosure(id: $id)\n  }\n": types.ConsoleRemovePlannedClosureDocument,
    "\n  query ConsoleCapacitySnapshots {\n    capacitySnapshots(first: 1) { date takenAt units csvPath }\n  }\n": types.ConsoleCapacitySnapshotsDocument,
    "\n  query ConsoleCapacityUnit($id: ID!) {\n    unit(id: $id) { ...ConsoleCapacityUnit }\n  }\n": types.ConsoleCapacityUnitDocument,
    "\n  query ConsoleCapacityPerimeterPlace($establishmentId: ID!, $unitId: ID!, $byUnit: Boolean!) {\n    establishment(id: $establishmentId) @skip(if: $byUnit) { id name }\n    unit(id: $unitId) @include(if: $byUnit) { id establishment { id name } }\n  }\n": types.ConsoleCapacityPerimeterPlaceDocument,
    "\n  fragment ConsoleCrisisCpts on Cpts {\n    id\n    name\n    departmentCode\n    communes { code name }\n    members { id lastName firstName }\n    cell {\n      active\n      level\n      levelDetail { label description }\n      activatedAt\n      version\n      members { id name function organisation }\n      currentProcedures { id title description owner lastTriggeredAt }\n      history { id at actor action level reason }\n    }\n    resources { id kind label quantity details available communeCode }\n    workingGroups { id theme label referentName }\n    procedures { id level title description owner lastTriggeredAt }\n    communicationPlan { id level audience message channel owner }\n    indicators { activations proceduresTriggered meetingsHeld meanMinutesToFirstProcedure meanMinutesToFirstMeeting }\n  }\n": types.ConsoleCrisisCptsFragmentDoc,
    "\n  query ConsoleCrisisCptsList {\n    cptsList { ...ConsoleCrisisCpts }\n    crisisLevels { code label }\n  }\n": types.ConsoleCrisisCptsListDocument,
    "\n  mutation ConsoleActivateCrisisCell($cptsId: ID!, $level: CrisisLevel!, $reason: String, $expectedVersion: Int!) {\n    activateCrisisCell(cptsId: $cptsId, level: $level, reason: $reason, expectedVersion: $expectedVersion) { ...ConsoleCrisisCpts }\n  }\n": types.ConsoleActivateCrisisCellDocument,
    "\n  mutation ConsoleDeactivateCrisisCell($cptsId: ID!, $reason: String, $expectedVersion: Int!) {\n    deactivateCrisisCell(cptsId: $cptsId, reason: $reason, expectedVersion: $expectedVersion) { ...ConsoleCrisisCpts }\n  }\n": types.ConsoleDeactivateCrisisCellDocument,
    "\n  mutation ConsoleTriggerCrisisProcedure($procedureId: ID!) {\n    triggerCrisisProcedure(procedureId: $procedureId) { id lastTriggeredAt }\n  }\n": types.ConsoleTriggerCrisisProcedureDocument,
    "\n  subscription ConsoleCrisisCellChanged {\n    crisisCellChanged { id at action cpts { ...ConsoleCrisisCpts } }\n  }\n": types.ConsoleCrisisCellChangedDocument,
    "\n  mutation ConsoleAddCrisisCellMember($cptsId: ID!, $input: CrisisCellMemberInput!) { addCrisisCellMember(cptsId: $cptsId, input: $input) { id } }\n": types.ConsoleAddCrisisCellMemberDocument,
    "\n  mutation ConsoleUpdateCrisisCellMember($id: ID!, $input: CrisisCellMemberInput!) { updateCrisisCellMember(id: $id, input: $input) { id } }\n": types.ConsoleUpdateCrisisCellMemberDocument,
    "\n  mutation ConsoleRemoveCrisisCellMember($id: ID!) { removeCrisisCellMember(id: $id) { ...ConsoleCrisisCpts } }\n": types.ConsoleRemoveCrisisCellMemberDocument,
    "\n  mutation ConsoleAddCrisisWorkingGroup($cptsId: ID!, $input: CrisisWorkingGroupInput!) { addCrisisWorkingGroup(cptsId: $cptsId, input: $input) { id } }\n": types.ConsoleAddCrisisWorkingGroupDocument,
    "\n  mutation ConsoleUpdateCrisisWorkingGroup($id: ID!, $input: CrisisWorkingGroupInput!) { updateCrisisWorkingGroup(id: $id, input: $input) { id } }\n": types.ConsoleUpdateCrisisWorkingGroupDocument,
    "\n  mutation ConsoleRemoveCrisisWorkingGroup($id: ID!) { removeCrisisWorkingGroup(id: $id) { ...ConsoleCrisisCpts } }\n": types.ConsoleRemoveCrisisWorkingGroupDocument,
    "\n  mutation ConsoleAddCrisisProcedure($cptsId: ID!, $input: CrisisProcedureInput!) { addCrisisProcedure(cptsId: $cptsId, input: $input) { id } }\n": types.ConsoleAddCrisisProcedureDocument,
    "\n  mutation ConsoleUpdateCrisisProcedure($id: ID!, $input: CrisisProcedureInput!) { updateCrisisProcedure(id: $id, input: $input) { id } }\n": types.ConsoleUpdateCrisisProcedureDocument,
    "\n  mutation ConsoleRemoveCrisisProcedure($id: ID!) { removeCrisisProcedure(id: $id) { ...ConsoleCrisisCpts } }\n": types.ConsoleRemoveCrisisProcedureDocument,
    "\n  mutation ConsoleAddCrisisCommunication($cptsId: ID!, $input: CrisisCommunicationInput!) { addCrisisCommunication(cptsId: $cptsId, input: $input) { id } }\n": types.ConsoleAddCrisisCommunicationDocument,
    "\n  mutation ConsoleUpdateCrisisCommunication($id: ID!, $input: CrisisCommunicationInput!) { updateCrisisCommunication(id: $id, input: $input) { id } }\n": types.ConsoleUpdateCrisisCommunicationDocument,
    "\n  mutation ConsoleRemoveCrisisCommunication($id: ID!) { removeCrisisCommunication(id: $id) { ...ConsoleCrisisCpts } }\n": types.ConsoleRemoveCrisisCommunicationDocument,
    "\n  mutation ConsoleAddCrisisResource($cptsId: ID!, $input: CrisisResourceInput!) { addCrisisResource(cptsId: $cptsId, input: $input) { id } }\n": types.ConsoleAddCrisisResourceDocument,
    "\n  mutation ConsoleUpdateCrisisResource($id: ID!, $input: CrisisResourceInput!) { updateCrisisResource(id: $id, input: $input) { id } }\n": types.ConsoleUpdateCrisisResourceDocument,
    "\n  mutation ConsoleRemoveCrisisResource($id: ID!) { removeCrisisResource(id: $id) { ...ConsoleCrisisCpts } }\n": types.ConsoleRemoveCrisisResourceDocument,
    "\n  query ConsoleDashboardCapacity($departmentCode: String!) {\n    capacitySynthesis(groupBy: [DISCIPLINE], filter: { departmentCode: $departmentCode }) {\n      totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate }\n      groups { key label totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate } }\n    }\n  }\n": types.ConsoleDashboardCapacityDocument,
    "\n  query ConsoleDashboardTensions($departmentCode: String!) {\n    tensions(filter: { departmentCode: $departmentCode, status: IN_PROGRESS }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          establishment { id name }\n          disciplineGroup\n          level\n          levelDetail { rank label }\n          startedAt\n          declaredBy\n        }\n      }\n    }\n  }\n": types.ConsoleDashboardTensionsDocument,
    "\n  query ConsoleDashboardAdmissions($from: DateTime!, $to: DateTime!) {\n    admissionIndicators(from: $from, to: $to, period: WEEK, groupBy: ESTABLISHMENT) {\n      periodStart\n      establishment { id name address { departmentCode } }\n      received\n      accepted\n      refused\n      withdrawn\n      expired\n      medianAnswerMinutes\n    }\n  }\n": types.ConsoleDashboardAdmissionsDocument,
    "\n  query ConsoleDashboardPopulation($departmentCode: String!) {\n    populationIndicators(level: DEPARTMENT, departmentCode: $departmentCode) {\n      areaCode\n      areaName\n      sector\n      establishments\n      populated\n      populatedRate\n      quality\n      qualityRate\n      band\n    }\n  }\n": types.ConsoleDashboardPopulationDocument,
    "\n  subscription ConsoleDashboardCapacityChanged($departmentCode: String!) {\n    capacityChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      unit { name establishment { name } }\n      capacity { updatedBy }\n    }\n  }\n": types.ConsoleDashboardCapacityChangedDocument,
    "\n  subscription ConsoleDashboardTensionChanged($departmentCode: String!) {\n    tensionChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      action\n      tension { establishment { name } }\n      entries { author }\n    }\n  }\n": types.ConsoleDashboardTensionChangedDocument,
    "\n  query ConsoleDepartments {\n    populationIndicators(level: DEPARTMENT) { areaCode areaName sector }\n  }\n": types.ConsoleDepartmentsDocument,
    "\n  query ConsoleDashboardUnits($departmentCode: String!, $after: String) {\n    units(filter: { departmentCode: $departmentCode }, first: 200, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id discipline capacity { installedBeds availableBeds updatedAt } } }\n    }\n  }\n": types.ConsoleDashboardUnitsDocument,
    "\n  query ConsoleDepartmentEstablishments($departmentCode: String!) {\n    establishments(filter: { departmentCode: $departmentCode }, first: 100) {\n      totalCount\n      edges { node { id name address { city } } }\n    }\n  }\n": types.ConsoleDepartmentEstablishmentsDocument,
    "\n  query ConsoleBjml($establishmentId: ID!) {\n    bjml(establishmentId: $establishmentId) {\n      year\n      week\n      years\n      expectedDays\n      observedDays\n      exitModeFilledRate\n      quality\n      bjml\n      mean\n      p75\n    }\n  }\n": types.ConsoleBjmlDocument,
    "\n  query ConsoleEmergencyIndicators($establishmentId: ID!, $from: String!, $to: String!) {\n    emergencyIndicators(establishmentId: $establishmentId, from: $from, to: $to) {\n      receptionCapacity\n      receptionCapacityIsDefault\n      days {\n        day\n        visits\n        visits75\n        admissionRate\n        admittedMeanLengthOfStay\n        presentAt15\n        loadAt15\n        source\n      }\n    }\n  }\n": types.ConsoleEmergencyIndicatorsDocument,
    "\n  fragment ConsoleAlertProposal on AlertProposal {\n    id\n    establishment { id name }\n    day\n    signal\n    value\n    threshold\n    band\n    status\n    createdAt\n    decidedAt\n    decidedBy\n  }\n": types.ConsoleAlertProposalFragmentDoc,
    "\n  query ConsoleAlertProposals($from: String!) {\n    waiting: alertProposals(status: PROPOSED) { ...ConsoleAlertProposal }\n    recent: alertProposals(from: $from) { ...ConsoleAlertProposal }\n  }\n": types.ConsoleAlertProposalsDocument,
    "\n  mutation ConsoleAcknowledgeAlertProposal($id: ID!) {\n    acknowledgeAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n": types.ConsoleAcknowledgeAlertProposalDocument,
    "\n  mutation ConsoleDismissAlertProposal($id: ID!) {\n    dismissAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n": types.ConsoleDismissAlertProposalDocument,
    "\n  fragment ConsoleHetAlert on HetAlert {\n    id\n    status\n    version\n    reason\n    reasonLabel\n    disciplineGroup\n    message\n    createdBy\n    createdAt\n    acknowledgedBy\n    acknowledgedAt\n    closedBy\n    closedAt\n    outcome\n    closingNotes\n    tension { id }\n    unit { id }\n    establishment { id name organization { id } address { city departmentCode } }\n  }\n": types.ConsoleHetAlertFragmentDoc,
    "\n  query ConsoleHetAlerts($filter: HetAlertFilter, $first: Int) {\n    hetAlerts(filter: $filter, first: $first) { ...ConsoleHetAlert }\n  }\n": types.ConsoleHetAlertsDocument,
    "\n  subscription ConsoleHetAlertChanged {\n    hetAlertChanged { id at action alert { ...ConsoleHetAlert } }\n  }\n": types.ConsoleHetAlertChangedDocument,
    "\n  query ConsoleHetAlertReference {\n    hetAlertReasons { code label }\n    disciplineGroups { code label }\n  }\n": types.ConsoleHetAlertReferenceDocument,
    "\n  mutation ConsoleCreateHetAlert($input: HetAlertInput!) {\n    createHetAlert(input: $input) { ...ConsoleHetAlert }\n  }\n": types.ConsoleCreateHetAlertDocument,
    "\n  mutation ConsoleAcknowledgeHetAlert($id: ID!, $expectedVersion: Int!) {\n    acknowledgeHetAlert(id: $id, expectedVersion: $expectedVersion) { ...ConsoleHetAlert }\n  }\n": types.ConsoleAcknowledgeHetAlertDocument,
    "\n  mutation ConsoleCloseHetAlert($id: ID!, $outcome: HetAlertOutcome!, $tensionId: ID, $notes: String, $expectedVersion: Int!) {\n    closeHetAlert(id: $id, outcome: $outcome, tensionId: $tensionId, notes: $notes, expectedVersion: $expectedVersion) { ...ConsoleHetAlert }\n  }\n": types.ConsoleCloseHetAlertDocument,
    "\n  query ConsoleTensionMap($departmentCode: String) {\n    tensionMap(departmentCode: $departmentCode) {\n      highestLevel\n      tensions { id level levelDetail { rank label(regionCode: \"24\") } disciplineGroup startedAt }\n      openAlerts { id reasonLabel createdAt }\n      establishment { id name position { latitude longitude } address { city departmentCode departmentName } }\n    }\n  }\n": types.ConsoleTensionMapDocument,
    "\n  fragment ConsoleHetProcedure on HetProcedure {\n    status\n    version\n    openedBy\n    openedAt\n    closedBy\n    closedAt\n    tension { id level levelDetail { rank label(regionCode: \"24\") } status startedAt endedAt disciplineGroup establishment { id name } }\n    steps { step { code label } done doneAt doneBy notes }\n    retex { heldAt participants summary strengths improvements recommendations savedBy savedAt }\n    survey { channel respondent respondedAt answers { question { code label kind } value } }\n  }\n": types.ConsoleHetProcedureFragmentDoc,
    "\n  query ConsoleHetProcedures {\n    hetProcedures { ...ConsoleHetProcedure }\n    tensions(filter: { status: IN_PROGRESS }, first: 200) { edges { node { id level disciplineGroup startedAt establishment { id name } } } }\n    hetSurveyQuestions { code label kind required }\n    hetSurveyChannels { code label }\n  }\n": types.ConsoleHetProceduresDocument,
    "\n  mutation ConsoleOpenHetProcedure($tensionId: ID!) {\n    openHetProcedure(tensionId: $tensionId) { ...ConsoleHetProcedure }\n  }\n": types.ConsoleOpenHetProcedureDocument,
    "\n  mutation ConsoleRecordHetProcedureStep($tensionId: ID!, $step: String!, $doneAt: DateTime, $notes: String) {\n    recordHetProcedureStep(tensionId: $tensionId, step: $step, doneAt: $doneAt, notes: $notes) { ...ConsoleHetProcedure }\n  }\n": types.ConsoleRecordHetProcedureStepDocument,
    "\n  mutation ConsoleSaveHetRetex($tensionId: ID!, $input: HetRetexInput!) {\n    saveHetRetex(tensionId: $tensionId, input: $input) { ...ConsoleHetProcedure }\n  }\n": types.ConsoleSaveHetRetexDocument,
    "\n  mutation ConsoleCloseHetProcedure($tensionId: ID!, $expectedVersion: Int!) {\n    closeHetProcedure(tensionId: $tensionId, expectedVersion: $expectedVersion) { ...ConsoleHetProcedure }\n  }\n": types.ConsoleCloseHetProcedureDocument,
    "\n  query ConsoleHetSurvey($tensionId: ID!) {\n    hetSurvey(tensionId: $tensionId) { channel respondent respondedAt answers { question { code } value } }\n    hetSurveyQuestions { code label kind required }\n    hetSurveyChannels { code label }\n  }\n": types.ConsoleHetSurveyDocument,
    "\n  mutation ConsoleSubmitHetSurvey($tensionId: ID!, $answers: [HetSurveyAnswerInput!]!, $channel: String) {\n    submitHetSurvey(tensionId: $tensionId, answers: $answers, channel: $channel) { channel respondent respondedAt answers { question { code } value } }\n  }\n": types.ConsoleSubmitHetSurveyDocument,
    "\n  query ConsoleAlertUnits($id: ID!) {\n    establishment(id: $id) { id units { id name } }\n  }\n": types.ConsoleAlertUnitsDocument,
    "\n  query ConsoleMapBackground($after: String) {\n    establishments(filter: { regionCode: \"24\" }, first: 200, after: $after) {\n      edges { node { id position { latitude longitude } address { departmentCode departmentName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ConsoleMapBackgroundDocument,
    "\n  query ConsoleMe {\n    me {\n      id\n      firstName\n      lastName\n      account { login }\n      roleAssignments { id role right perimeterKind perimeterId effectiveRights }\n      defaultGrants { rights perimeterKind perimeterId }\n    }\n  }\n": types.ConsoleMeDocument,
    "\n  query ConsoleOfferSearch($name: String!, $first: Int) {\n    establishments(filter: { name: $name }, first: $first) {\n      totalCount\n      edges { node { id name category { display } address { city departmentCode } organization { id name } } }\n    }\n    units(filter: { name: $name }, first: $first) {\n      totalCount\n      edges { node { id name ufCode discipline establishment { id name } } }\n    }\n  }\n": types.ConsoleOfferSearchDocument,
    "\n  fragment ConsoleAuditEvent on AuditEvent {\n    id\n    action\n    at\n    actor\n    changes { field from to }\n  }\n": types.ConsoleAuditEventFragmentDoc,
    "\n  fragment ConsoleEstablishment on Establishment {\n    id\n    finess\n    siret\n    name\n    category { code display }\n    organization { id name }\n    address { line postalCode city departmentCode }\n    switchboardPhone\n    managementPhone\n    alertPhones\n    alertEmail\n    managementEmail\n    website\n    updatedAt\n    units { id name ufCode discipline pole { name } }\n  }\n": types.ConsoleEstablishmentFragmentDoc,
    "\n  query ConsoleEstablishment($id: ID!) {\n    establishment(id: $id) { ...ConsoleEstablishment }\n  }\n": types.ConsoleEstablishmentDocument,
    "\n  query ConsoleEstablishmentHistory($id: ID!, $first: Int) {\n    establishment(id: $id) { id history(first: $first) { totalCount edges { node { ...ConsoleAuditEvent } } } }\n  }\n": types.ConsoleEstablishmentHistoryDocument,
    "\n  mutation ConsoleUpdateEstablishment($id: ID!, $input: EstablishmentUpdate!) {\n    updateEstablishment(id: $id, input: $input) { ...ConsoleEstablishment }\n  }\n": types.ConsoleUpdateEstablishmentDocument,
    "\n  fragment ConsoleUnit on Unit {\n    id\n    name\n    ufCode\n    kind\n    discipline\n    establishment { id name organization { id } }\n    pole { id name }\n    activityField { code display }\n    careMode { code display }\n    operationalActivities { code display }\n    specificActs { code display }\n    equipment { code display }\n    patientAge { min max }\n    sseCapacity\n    contacts { nature { display } role channel { display } value }\n    accessDetails\n    address { line postalCode city }\n    hasOwnAddress\n    sensitive\n    archived\n    updatedAt\n  }\n": types.ConsoleUnitFragmentDoc,
    "\n  query ConsoleUnit($id: ID!) {\n    unit(id: $id) { ...ConsoleUnit }\n  }\n": types.ConsoleUnitDocument,
    "\n  query ConsoleUnitHistory($id: ID!, $first: Int) {\n    unit(id: $id) { id history(first: $first) { totalCount edges { node { ...ConsoleAuditEvent } } } }\n  }\n": types.ConsoleUnitHistoryDocument,
    "\n  query ConsoleUnitCodes {\n    activityFields: codeSystem(id: \"TRE_R227-ChampActivite\") { codes { code display } }\n    careModes: codeSystem(id: \"TRE_R213-ModePriseEnCharge\") { codes { code display } }\n  }\n": types.ConsoleUnitCodesDocument,
    "\n  mutation ConsoleUpdateUnit($id: ID!, $input: UnitUpdate!) {\n    updateUnit(id: $id, input: $input) { ...ConsoleUnit }\n  }\n": types.ConsoleUpdateUnitDocument,
    "\n  mutation ConsoleArchiveUnit($id: ID!) { archiveUnit(id: $id) { ...ConsoleUnit } }\n": types.ConsoleArchiveUnitDocument,
    "\n  mutation ConsoleReactivateUnit($id: ID!) { reactivateUnit(id: $id) { ...ConsoleUnit } }\n": types.ConsoleReactivateUnitDocument,
    "\n  mutation ConsoleTransferUnit($id: ID!, $toEstablishmentId: ID!, $withProfessionals: Boolean!) {\n    transferUnit(id: $id, toEstablishmentId: $toEstablishmentId, withProfessionals: $withProfessionals) { ...ConsoleUnit }\n  }\n": types.ConsoleTransferUnitDocument,
    "\n  mutation ConsoleCopyUnit($id: ID!, $name: String!, $ufCode: String!) {\n    copyUnit(id: $id, name: $name, ufCode: $ufCode) { id name }\n  }\n": types.ConsoleCopyUnitDocument,
    "\n  mutation ConsoleReportError($subjectType: FeedbackSubjectType!, $subjectId: ID, $message: String!) {\n    reportError(subjectType: $subjectType, subjectId: $subjectId, message: $message) { id createdAt }\n  }\n": types.ConsoleReportErrorDocument,
    "\n  fragment ConsoleFeedback on Feedback {\n    id\n    kind\n    subject { type id searchText }\n    message\n    senderLogin\n    status\n    createdAt\n    closedAt\n    closedBy\n    closingNote\n  }\n": types.ConsoleFeedbackFragmentDoc,
    "\n  query ConsoleFeedback($status: FeedbackStatus, $first: Int) {\n    feedback(status: $status, first: $first) { totalCount edges { node { ...ConsoleFeedback } } }\n  }\n": types.ConsoleFeedbackDocument,
    "\n  mutation ConsoleCloseFeedback($id: ID!, $note: String) {\n    closeFeedback(id: $id, note: $note) { ...ConsoleFeedback }\n  }\n": types.ConsoleCloseFeedbackDocument,
    "\n  subscription ConsoleOfferRecordChanged($recordType: OfferChangeRecordType!, $recordId: ID!) {\n    offerRecordChanged(recordType: $recordType, recordId: $recordId) { position action at actor }\n  }\n": types.ConsoleOfferRecordChangedDocument,
    "\n  query ConsolePlaceSearch($criteria: PlaceSearchInput!, $first: Int, $after: String) {\n    placeSearch(criteria: $criteria, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      centre { latitude longitude radiusKm communeCode communeName }\n      edges {\n        node {\n          distanceKm\n          freeBeds\n          installedBeds\n          updatedAt\n          stale\n          unit {\n            id\n            name\n            discipline\n            establishment { id name }\n            contacts { role value channel { code display } nature { display } }\n          }\n        }\n      }\n    }\n  }\n": types.ConsolePlaceSearchDocument,
    "\n  mutation ConsoleRequestAdmission($input: AdmissionRequestInput!) {\n    requestAdmission(input: $input) {\n      id\n      status\n      targets { unit { id name } status }\n    }\n  }\n": types.ConsoleRequestAdmissionDocument,
    "\n  query ConsoleProfessionals($filter: ProfessionalFilter, $first: Int) {\n    professionals(filter: $filter, first: $first) {\n      totalCount\n      edges { node { id lastName firstName jobTitle profession { code display } establishments { id name } } }\n    }\n  }\n": types.ConsoleProfessionalsDocument,
    "\n  fragment ConsoleProfessional on Professional {\n    id\n    lastName\n    firstName\n    sex\n    profession { code display }\n    specialty { code display }\n    rppsNumber\n    adeliNumber\n    jobTitle\n    workEmail\n    workPhone\n    mssanteAddress\n    establishments { id name organization { id } }\n    units { id name }\n    archived\n    updatedAt\n  }\n": types.ConsoleProfessionalFragmentDoc,
    "\n  query ConsoleProfessional($id: ID!) {\n    professional(id: $id) { ...ConsoleProfessional }\n  }\n": types.ConsoleProfessionalDocument,
    "\n  query ConsoleProfessionalAccount($id: ID!) {\n    professional(id: $id) { id account { login enabled hasPassword } }\n  }\n": types.ConsoleProfessionalAccountDocument,
    "\n  query ConsoleProfessionalRoles($id: ID!) {\n    professional(id: $id) { id roleAssignments { id role right perimeterKind perimeterId grantedAt } }\n  }\n": types.ConsoleProfessionalRolesDocument,
    "\n  mutation ConsoleUpdateProfessional($id: ID!, $input: UpdateProfessionalInput!) {\n    updateProfessional(id: $id, input: $input) { ...ConsoleProfessional }\n  }\n": types.ConsoleUpdateProfessionalDocument,
    "\n  mutation ConsoleAssignRole($professionalId: ID!, $role: Role!, $perimeterKind: PerimeterKind!, $perimeterId: ID) {\n    assignRole(professionalId: $professionalId, role: $role, perimeterKind: $perimeterKind, perimeterId: $perimeterId) {\n      assignment { id }\n      grantedRights\n      ignoredRights\n    }\n  }\n": types.ConsoleAssignRoleDocument,
    "\n  mutation ConsoleRevokeRoleAssignment($id: ID!) {\n    revokeRoleAssignment(id: $id) { id }\n  }\n": types.ConsoleRevokeRoleAssignmentDocument,
    "\n  fragment ConsoleAdmissionRequest on AdmissionRequest {\n    id\n    status\n    version\n    patientAge\n    patientSex\n    discipline\n    urgency\n    wishedAt\n    clinicalSummary\n    patientName\n    callbackContact\n    createdAt\n    updatedAt\n    expiresAt\n    requester { name kind }\n    acceptedUnit { id name }\n    targets {\n      unit { id name }\n      establishment { id name organization { id } }\n      status\n      answer\n      refusalReason\n      comment\n      proposedAt\n      answeredBy\n      answeredAt\n    }\n  }\n": types.ConsoleAdmissionRequestFragmentDoc,
    "\n  query ConsoleAdmissionRequests($filter: AdmissionRequestFilter, $first: Int, $after: String) {\n    admissionRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ConsoleAdmissionRequest } }\n    }\n  }\n": types.ConsoleAdmissionRequestsDocument,
    "\n  mutation ConsoleAnswerAdmissionRequest($id: ID!, $unitId: ID!, $input: AdmissionAnswerInput!, $expectedVersion: Int!) {\n    answerAdmissionRequest(id: $id, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": types.ConsoleAnswerAdmissionRequestDocument,
    "\n  query ConsoleAdmissionRequest($id: ID!) {\n    admissionRequest(id: $id) { ...ConsoleAdmissionRequest }\n  }\n": types.ConsoleAdmissionRequestDocument,
    "\n  subscription ConsoleAdmissionRequestChanged($filter: AdmissionRequestChangeFilter) {\n    admissionRequestChanged(filter: $filter) {\n      position\n      action\n      at\n      actor\n      request { ...ConsoleAdmissionRequest }\n    }\n  }\n": types.ConsoleAdmissionRequestChangedDocument,
    "\n  mutation ConsoleAcceptAdmissionProposal($id: ID!, $unitId: ID!, $expectedVersion: Int!) {\n    acceptAdmissionProposal(id: $id, unitId: $unitId, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": types.ConsoleAcceptAdmissionProposalDocument,
    "\n  mutation ConsoleCancelAdmissionRequest($id: ID!, $expectedVersion: Int!, $reason: String) {\n    cancelAdmissionRequest(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": types.ConsoleCancelAdmissionRequestDocument,
    "\n  mutation ConsoleRecordAdmission($id: ID!, $expectedVersion: Int!) {\n    recordAdmission(id: $id, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n": types.ConsoleRecordAdmissionDocument,
    "\n  fragment ConsoleTension on Tension {\n    id\n    status\n    level\n    levelDetail { code rank label(regionCode: \"24\") }\n    disciplineGroup\n    disciplineGroupCode\n    startedAt\n    endedAt\n    version\n    declaredBy\n    establishment { id name organization { id } address { city departmentCode } }\n    timeline { id at author kind action { code label } levelCode disciplineGroupCode notes }\n  }\n": types.ConsoleTensionFragmentDoc,
    "\n  query ConsoleTensions($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      totalCount\n      edges { node { ...ConsoleTension } }\n    }\n  }\n": types.ConsoleTensionsDocument,
    "\n  query ConsoleTension($id: ID!) {\n    tension(id: $id) {\n      ...ConsoleTension\n      notifications { recipient subject status attempts sentAt createdAt }\n      solidarity {\n        establishment { establishment { id name } beds { available total } }\n        solidarityEstablishments { establishment { id name } beds { available total } }\n      }\n    }\n  }\n": types.ConsoleTensionDocument,
    "\n  query ConsoleTensionReference {\n    tensionLevels { code rank label(regionCode: \"24\") }\n    disciplineGroups { code label }\n    hetActionRepertoire { code label actions { code label active } }\n  }\n": types.ConsoleTensionReferenceDocument,
    "\n  query ConsoleDeclarableEstablishment($id: ID!) {\n    establishment(id: $id) { id name address { city } }\n  }\n": types.ConsoleDeclarableEstablishmentDocument,
    "\n  query ConsoleDeclarableOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name address { city } } }\n  }\n": types.ConsoleDeclarableOrganizationDocument,
    "\n  mutation ConsoleDeclareTension($input: DeclareTensionInput!) {\n    declareTension(input: $input) { ...ConsoleTension }\n  }\n": types.ConsoleDeclareTensionDocument,
    "\n  mutation ConsoleUpdateTension($id: ID!, $input: UpdateTensionInput!, $expectedVersion: Int!) {\n    updateTension(id: $id, input: $input, expectedVersion: $expectedVersion) { ...ConsoleTension }\n  }\n": types.ConsoleUpdateTensionDocument,
    "\n  mutation ConsoleAddTensionActions($id: ID!, $actions: [TensionActionInput!]!) {\n    addTensionActions(id: $id, actions: $actions) { ...ConsoleTension }\n  }\n": types.ConsoleAddTensionActionsDocument,
    "\n  mutation ConsoleCloseTension($id: ID!, $notes: String) {\n    closeTension(id: $id, notes: $notes) { ...ConsoleTension }\n  }\n": types.ConsoleCloseTensionDocument,
    "\n  query ConsoleHetIndicators($from: DateTime!, $to: DateTime!, $departmentCode: String) {\n    hetIndicators(from: $from, to: $to, departmentCode: $departmentCode) { from to departmentCode alerts triggers arsInvolvements }\n  }\n": types.ConsoleHetIndicatorsDocument,
    "\n  query ConsoleTensionMails($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      edges { node { id establishment { id name } notifications { recipient subject status attempts sentAt createdAt } } }\n    }\n  }\n": types.ConsoleTensionMailsDocument,
    "\n  subscription ConsoleTensionChanged($filter: TensionChangeFilter) {\n    tensionChanged(filter: $filter) {\n      id\n      at\n      action\n      tension { ...ConsoleTension }\n      entries { author }\n    }\n  }\n": types.ConsoleTensionChangedDocument,
    "\n  fragment ConsoleCrisisPlan on CrisisPlan {\n    kind\n    version\n    updatedAt\n    updatedBy\n    establishment { id name }\n    content {\n      summary\n      levels { code label description }\n      triggers { levelCode description indicator threshold }\n      contacts { role name phone email availability }\n      actions { levelCode description owner }\n    }\n    versions { version author at }\n  }\n": types.ConsoleCrisisPlanFragmentDoc,
    "\n  query ConsoleMyCrisisPlans($kind: CrisisPlanKind!) {\n    myCrisisPlans(kind: $kind) { ...ConsoleCrisisPlan }\n  }\n": types.ConsoleMyCrisisPlansDocument,
    "\n  mutation ConsoleSaveCrisisPlan($kind: CrisisPlanKind!, $establishmentId: ID!, $content: CrisisPlanContentInput!, $expectedVersion: Int!) {\n    saveCrisisPlan(kind: $kind, establishmentId: $establishmentId, content: $content, expectedVersion: $expectedVersion) { ...ConsoleCrisisPlan }\n  }\n": types.ConsoleSaveCrisisPlanDocument,
    "\n  fragment ConsoleTerritoryRow on TerritoryEstablishment {\n    establishment { id name }\n    departmentCode\n    contact { contact phone answerDelayMinutes }\n    availableBeds\n    installedBeds\n    byDiscipline { discipline availableBeds installedBeds }\n    elderlyPlaces { units installedPlaces availablePlaces }\n    bedBlockers\n    oldestUpdate\n    maturity { score outOf percent level criteria { code label met } }\n  }\n": types.ConsoleTerritoryRowFragmentDoc,
    "\n  query ConsoleTerritories {\n    territories { code name departmentCodes }\n  }\n": types.ConsoleTerritoriesDocument,
    "\n  query ConsoleTerritoryDashboard($code: ID!) {\n    territoryDashboard(code: $code) {\n      territory { code name departmentCodes }\n      establishments { ...ConsoleTerritoryRow }\n      totals { establishments availableBeds installedBeds bedBlockers elderlyPlaces { installedPlaces availablePlaces } }\n    }\n    territoryBedBlockers(code: $code) {\n      total { patients totalDaysWaited maxDaysWaited }\n      byDestination { destination count { patients totalDaysWaited maxDaysWaited } }\n    }\n  }\n": types.ConsoleTerritoryDashboardDocument,
    "\n  subscription ConsoleTerritoryDashboardChanged($code: ID!) {\n    territoryDashboardChanged(code: $code) { cause at row { ...ConsoleTerritoryRow } }\n  }\n": types.ConsoleTerritoryDashboardChangedDocument,
    "\n  query ConsoleDepartmentEmergency($departmentCode: String!) {\n    departmentEmergency(departmentCode: $departmentCode) {\n      departmentCode\n      day\n      week\n      rows { establishment { id name } indicators { visits admitted } bjml { quality bjml p75 } availableDownstreamBeds belowBjml }\n      totals { emergencyDepartments visits admitted bjml p75 bjmlNotComputed availableDownstreamBeds }\n    }\n  }\n": types.ConsoleDepartmentEmergencyDocument,
    "\n  mutation ConsoleDeclareMaturity($establishmentId: ID!, $input: BedManagementMaturityInput!) {\n    declareBedManagementMaturity(establishmentId: $establishmentId, input: $input) { percent }\n  }\n": types.ConsoleDeclareMaturityDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleCapacity on Capacity {\n    installedBeds\n    available { men women undifferentiated total }\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    totalOperational\n    remainingToMobilise\n    notes\n    source\n    updatedAt\n    updatedBy\n    version\n  }\n"): (typeof documents)["\n  fragment ConsoleCapacity on Capacity {\n    installedBeds\n    available { men women undifferentiated total }\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    totalOperational\n    remainingToMobilise\n    notes\n    source\n    updatedAt\n    updatedBy\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleCapacityUnit on Unit {\n    id\n    name\n    ufCode\n    discipline\n    pole { id name }\n    establishment { id name organization { id } address { departmentCode } }\n    capacity { ...ConsoleCapacity }\n  }\n"): (typeof documents)["\n  fragment ConsoleCapacityUnit on Unit {\n    id\n    name\n    ufCode\n    discipline\n    pole { id name }\n    establishment { id name organization { id } address { departmentCode } }\n    capacity { ...ConsoleCapacity }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacityUnits($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      totalCount\n      edges { node { ...ConsoleCapacityUnit } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleCapacityUnits($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      totalCount\n      edges { node { ...ConsoleCapacityUnit } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacityOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name } }\n  }\n"): (typeof documents)["\n  query ConsoleCapacityOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacityEstablishments($first: Int) {\n    establishments(first: $first) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query ConsoleCapacityEstablishments($first: Int) {\n    establishments(first: $first) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateUnitCapacity($unitId: ID!, $input: CapacityInput!, $expectedVersion: Int!) {\n    updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $expectedVersion) { ...ConsoleCapacity }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpdateUnitCapacity($unitId: ID!, $input: CapacityInput!, $expectedVersion: Int!) {\n    updateUnitCapacity(unitId: $unitId, input: $input, expectedVersion: $expectedVersion) { ...ConsoleCapacity }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateCapacities($entries: [CapacityEntry!]!) {\n    updateCapacities(entries: $entries) { ...ConsoleCapacity }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpdateCapacities($entries: [CapacityEntry!]!) {\n    updateCapacities(entries: $entries) { ...ConsoleCapacity }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleCapacityChanged($filter: CapacityChangeFilter) {\n    capacityChanged(filter: $filter) {\n      id\n      at\n      unit { id }\n      capacity { ...ConsoleCapacity }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleCapacityChanged($filter: CapacityChangeFilter) {\n    capacityChanged(filter: $filter) {\n      id\n      at\n      unit { id }\n      capacity { ...ConsoleCapacity }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacitySynthesis($groupBy: [CapacityGrouping!]!, $filter: CapacitySynthesisFilter) {\n    capacitySynthesis(groupBy: $groupBy, filter: $filter) {\n      totals { ...ConsoleCapacityTotals }\n      groups {\n        level key label totals { ...ConsoleCapacityTotals }\n        groups { level key label totals { ...ConsoleCapacityTotals } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleCapacitySynthesis($groupBy: [CapacityGrouping!]!, $filter: CapacitySynthesisFilter) {\n    capacitySynthesis(groupBy: $groupBy, filter: $filter) {\n      totals { ...ConsoleCapacityTotals }\n      groups {\n        level key label totals { ...ConsoleCapacityTotals }\n        groups { level key label totals { ...ConsoleCapacityTotals } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleCapacityTotals on CapacityTotals {\n    units\n    unitsWithoutCapacity\n    installedBeds\n    availableBeds\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    crisisMobilisedBeds\n    temporarilyAssignedBeds\n    totalOperational\n    remainingToMobilise\n    oldestUpdate\n  }\n"): (typeof documents)["\n  fragment ConsoleCapacityTotals on CapacityTotals {\n    units\n    unitsWithoutCapacity\n    installedBeds\n    availableBeds\n    closedBeds\n    reopenedBeds\n    reopenableBeds\n    mobilisedBeds\n    crisisMobilisedBeds\n    temporarilyAssignedBeds\n    totalOperational\n    remainingToMobilise\n    oldestUpdate\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSavedCapacityFilters {\n    mySavedCapacityFilters { id name isDefault establishmentId disciplines }\n  }\n"): (typeof documents)["\n  query ConsoleSavedCapacityFilters {\n    mySavedCapacityFilters { id name isDefault establishmentId disciplines }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSaveCapacityFilter($input: SavedCapacityFilterInput!) {\n    saveCapacityFilter(input: $input) { id name isDefault establishmentId disciplines }\n  }\n"): (typeof documents)["\n  mutation ConsoleSaveCapacityFilter($input: SavedCapacityFilterInput!) {\n    saveCapacityFilter(input: $input) { id name isDefault establishmentId disciplines }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteCapacityFilter($id: ID!) {\n    deleteCapacityFilter(id: $id)\n  }\n"): (typeof documents)["\n  mutation ConsoleDeleteCapacityFilter($id: ID!) {\n    deleteCapacityFilter(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePlannedClosures($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          establishment { id name }\n          plannedClosures { id startDate endDate beds reason notes createdAt createdBy }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePlannedClosures($filter: UnitFilter!, $first: Int) {\n    units(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          establishment { id name }\n          plannedClosures { id startDate endDate beds reason notes createdAt createdBy }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddPlannedClosure($unitId: ID!, $input: PlannedClosureInput!) {\n    addPlannedClosure(unitId: $unitId, input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation ConsoleAddPlannedClosure($unitId: ID!, $input: PlannedClosureInput!) {\n    addPlannedClosure(unitId: $unitId, input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRemovePlannedClosure($id: ID!) {\n    removePlannedClosure(id: $id)\n  }\n"): (typeof documents)["\n  mutation ConsoleRemovePlannedClosure($id: ID!) {\n    removePlannedClosure(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacitySnapshots {\n    capacitySnapshots(first: 1) { date takenAt units csvPath }\n  }\n"): (typeof documents)["\n  query ConsoleCapacitySnapshots {\n    capacitySnapshots(first: 1) { date takenAt units csvPath }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacityUnit($id: ID!) {\n    unit(id: $id) { ...ConsoleCapacityUnit }\n  }\n"): (typeof documents)["\n  query ConsoleCapacityUnit($id: ID!) {\n    unit(id: $id) { ...ConsoleCapacityUnit }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCapacityPerimeterPlace($establishmentId: ID!, $unitId: ID!, $byUnit: Boolean!) {\n    establishment(id: $establishmentId) @skip(if: $byUnit) { id name }\n    unit(id: $unitId) @include(if: $byUnit) { id establishment { id name } }\n  }\n"): (typeof documents)["\n  query ConsoleCapacityPerimeterPlace($establishmentId: ID!, $unitId: ID!, $byUnit: Boolean!) {\n    establishment(id: $establishmentId) @skip(if: $byUnit) { id name }\n    unit(id: $unitId) @include(if: $byUnit) { id establishment { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleCrisisCpts on Cpts {\n    id\n    name\n    departmentCode\n    communes { code name }\n    members { id lastName firstName }\n    cell {\n      active\n      level\n      levelDetail { label description }\n      activatedAt\n      version\n      members { id name function organisation }\n      currentProcedures { id title description owner lastTriggeredAt }\n      history { id at actor action level reason }\n    }\n    resources { id kind label quantity details available communeCode }\n    workingGroups { id theme label referentName }\n    procedures { id level title description owner lastTriggeredAt }\n    communicationPlan { id level audience message channel owner }\n    indicators { activations proceduresTriggered meetingsHeld meanMinutesToFirstProcedure meanMinutesToFirstMeeting }\n  }\n"): (typeof documents)["\n  fragment ConsoleCrisisCpts on Cpts {\n    id\n    name\n    departmentCode\n    communes { code name }\n    members { id lastName firstName }\n    cell {\n      active\n      level\n      levelDetail { label description }\n      activatedAt\n      version\n      members { id name function organisation }\n      currentProcedures { id title description owner lastTriggeredAt }\n      history { id at actor action level reason }\n    }\n    resources { id kind label quantity details available communeCode }\n    workingGroups { id theme label referentName }\n    procedures { id level title description owner lastTriggeredAt }\n    communicationPlan { id level audience message channel owner }\n    indicators { activations proceduresTriggered meetingsHeld meanMinutesToFirstProcedure meanMinutesToFirstMeeting }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCrisisCptsList {\n    cptsList { ...ConsoleCrisisCpts }\n    crisisLevels { code label }\n  }\n"): (typeof documents)["\n  query ConsoleCrisisCptsList {\n    cptsList { ...ConsoleCrisisCpts }\n    crisisLevels { code label }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleActivateCrisisCell($cptsId: ID!, $level: CrisisLevel!, $reason: String, $expectedVersion: Int!) {\n    activateCrisisCell(cptsId: $cptsId, level: $level, reason: $reason, expectedVersion: $expectedVersion) { ...ConsoleCrisisCpts }\n  }\n"): (typeof documents)["\n  mutation ConsoleActivateCrisisCell($cptsId: ID!, $level: CrisisLevel!, $reason: String, $expectedVersion: Int!) {\n    activateCrisisCell(cptsId: $cptsId, level: $level, reason: $reason, expectedVersion: $expectedVersion) { ...ConsoleCrisisCpts }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeactivateCrisisCell($cptsId: ID!, $reason: String, $expectedVersion: Int!) {\n    deactivateCrisisCell(cptsId: $cptsId, reason: $reason, expectedVersion: $expectedVersion) { ...ConsoleCrisisCpts }\n  }\n"): (typeof documents)["\n  mutation ConsoleDeactivateCrisisCell($cptsId: ID!, $reason: String, $expectedVersion: Int!) {\n    deactivateCrisisCell(cptsId: $cptsId, reason: $reason, expectedVersion: $expectedVersion) { ...ConsoleCrisisCpts }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleTriggerCrisisProcedure($procedureId: ID!) {\n    triggerCrisisProcedure(procedureId: $procedureId) { id lastTriggeredAt }\n  }\n"): (typeof documents)["\n  mutation ConsoleTriggerCrisisProcedure($procedureId: ID!) {\n    triggerCrisisProcedure(procedureId: $procedureId) { id lastTriggeredAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleCrisisCellChanged {\n    crisisCellChanged { id at action cpts { ...ConsoleCrisisCpts } }\n  }\n"): (typeof documents)["\n  subscription ConsoleCrisisCellChanged {\n    crisisCellChanged { id at action cpts { ...ConsoleCrisisCpts } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddCrisisCellMember($cptsId: ID!, $input: CrisisCellMemberInput!) { addCrisisCellMember(cptsId: $cptsId, input: $input) { id } }\n"): (typeof documents)["\n  mutation ConsoleAddCrisisCellMember($cptsId: ID!, $input: CrisisCellMemberInput!) { addCrisisCellMember(cptsId: $cptsId, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateCrisisCellMember($id: ID!, $input: CrisisCellMemberInput!) { updateCrisisCellMember(id: $id, input: $input) { id } }\n"): (typeof documents)["\n  mutation ConsoleUpdateCrisisCellMember($id: ID!, $input: CrisisCellMemberInput!) { updateCrisisCellMember(id: $id, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRemoveCrisisCellMember($id: ID!) { removeCrisisCellMember(id: $id) { ...ConsoleCrisisCpts } }\n"): (typeof documents)["\n  mutation ConsoleRemoveCrisisCellMember($id: ID!) { removeCrisisCellMember(id: $id) { ...ConsoleCrisisCpts } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddCrisisWorkingGroup($cptsId: ID!, $input: CrisisWorkingGroupInput!) { addCrisisWorkingGroup(cptsId: $cptsId, input: $input) { id } }\n"): (typeof documents)["\n  mutation ConsoleAddCrisisWorkingGroup($cptsId: ID!, $input: CrisisWorkingGroupInput!) { addCrisisWorkingGroup(cptsId: $cptsId, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateCrisisWorkingGroup($id: ID!, $input: CrisisWorkingGroupInput!) { updateCrisisWorkingGroup(id: $id, input: $input) { id } }\n"): (typeof documents)["\n  mutation ConsoleUpdateCrisisWorkingGroup($id: ID!, $input: CrisisWorkingGroupInput!) { updateCrisisWorkingGroup(id: $id, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRemoveCrisisWorkingGroup($id: ID!) { removeCrisisWorkingGroup(id: $id) { ...ConsoleCrisisCpts } }\n"): (typeof documents)["\n  mutation ConsoleRemoveCrisisWorkingGroup($id: ID!) { removeCrisisWorkingGroup(id: $id) { ...ConsoleCrisisCpts } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddCrisisProcedure($cptsId: ID!, $input: CrisisProcedureInput!) { addCrisisProcedure(cptsId: $cptsId, input: $input) { id } }\n"): (typeof documents)["\n  mutation ConsoleAddCrisisProcedure($cptsId: ID!, $input: CrisisProcedureInput!) { addCrisisProcedure(cptsId: $cptsId, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateCrisisProcedure($id: ID!, $input: CrisisProcedureInput!) { updateCrisisProcedure(id: $id, input: $input) { id } }\n"): (typeof documents)["\n  mutation ConsoleUpdateCrisisProcedure($id: ID!, $input: CrisisProcedureInput!) { updateCrisisProcedure(id: $id, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRemoveCrisisProcedure($id: ID!) { removeCrisisProcedure(id: $id) { ...ConsoleCrisisCpts } }\n"): (typeof documents)["\n  mutation ConsoleRemoveCrisisProcedure($id: ID!) { removeCrisisProcedure(id: $id) { ...ConsoleCrisisCpts } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddCrisisCommunication($cptsId: ID!, $input: CrisisCommunicationInput!) { addCrisisCommunication(cptsId: $cptsId, input: $input) { id } }\n"): (typeof documents)["\n  mutation ConsoleAddCrisisCommunication($cptsId: ID!, $input: CrisisCommunicationInput!) { addCrisisCommunication(cptsId: $cptsId, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateCrisisCommunication($id: ID!, $input: CrisisCommunicationInput!) { updateCrisisCommunication(id: $id, input: $input) { id } }\n"): (typeof documents)["\n  mutation ConsoleUpdateCrisisCommunication($id: ID!, $input: CrisisCommunicationInput!) { updateCrisisCommunication(id: $id, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRemoveCrisisCommunication($id: ID!) { removeCrisisCommunication(id: $id) { ...ConsoleCrisisCpts } }\n"): (typeof documents)["\n  mutation ConsoleRemoveCrisisCommunication($id: ID!) { removeCrisisCommunication(id: $id) { ...ConsoleCrisisCpts } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddCrisisResource($cptsId: ID!, $input: CrisisResourceInput!) { addCrisisResource(cptsId: $cptsId, input: $input) { id } }\n"): (typeof documents)["\n  mutation ConsoleAddCrisisResource($cptsId: ID!, $input: CrisisResourceInput!) { addCrisisResource(cptsId: $cptsId, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateCrisisResource($id: ID!, $input: CrisisResourceInput!) { updateCrisisResource(id: $id, input: $input) { id } }\n"): (typeof documents)["\n  mutation ConsoleUpdateCrisisResource($id: ID!, $input: CrisisResourceInput!) { updateCrisisResource(id: $id, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRemoveCrisisResource($id: ID!) { removeCrisisResource(id: $id) { ...ConsoleCrisisCpts } }\n"): (typeof documents)["\n  mutation ConsoleRemoveCrisisResource($id: ID!) { removeCrisisResource(id: $id) { ...ConsoleCrisisCpts } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDashboardCapacity($departmentCode: String!) {\n    capacitySynthesis(groupBy: [DISCIPLINE], filter: { departmentCode: $departmentCode }) {\n      totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate }\n      groups { key label totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDashboardCapacity($departmentCode: String!) {\n    capacitySynthesis(groupBy: [DISCIPLINE], filter: { departmentCode: $departmentCode }) {\n      totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate }\n      groups { key label totals { units unitsWithoutCapacity installedBeds availableBeds oldestUpdate } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDashboardTensions($departmentCode: String!) {\n    tensions(filter: { departmentCode: $departmentCode, status: IN_PROGRESS }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          establishment { id name }\n          disciplineGroup\n          level\n          levelDetail { rank label }\n          startedAt\n          declaredBy\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDashboardTensions($departmentCode: String!) {\n    tensions(filter: { departmentCode: $departmentCode, status: IN_PROGRESS }, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          establishment { id name }\n          disciplineGroup\n          level\n          levelDetail { rank label }\n          startedAt\n          declaredBy\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDashboardAdmissions($from: DateTime!, $to: DateTime!) {\n    admissionIndicators(from: $from, to: $to, period: WEEK, groupBy: ESTABLISHMENT) {\n      periodStart\n      establishment { id name address { departmentCode } }\n      received\n      accepted\n      refused\n      withdrawn\n      expired\n      medianAnswerMinutes\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDashboardAdmissions($from: DateTime!, $to: DateTime!) {\n    admissionIndicators(from: $from, to: $to, period: WEEK, groupBy: ESTABLISHMENT) {\n      periodStart\n      establishment { id name address { departmentCode } }\n      received\n      accepted\n      refused\n      withdrawn\n      expired\n      medianAnswerMinutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDashboardPopulation($departmentCode: String!) {\n    populationIndicators(level: DEPARTMENT, departmentCode: $departmentCode) {\n      areaCode\n      areaName\n      sector\n      establishments\n      populated\n      populatedRate\n      quality\n      qualityRate\n      band\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDashboardPopulation($departmentCode: String!) {\n    populationIndicators(level: DEPARTMENT, departmentCode: $departmentCode) {\n      areaCode\n      areaName\n      sector\n      establishments\n      populated\n      populatedRate\n      quality\n      qualityRate\n      band\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleDashboardCapacityChanged($departmentCode: String!) {\n    capacityChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      unit { name establishment { name } }\n      capacity { updatedBy }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleDashboardCapacityChanged($departmentCode: String!) {\n    capacityChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      unit { name establishment { name } }\n      capacity { updatedBy }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleDashboardTensionChanged($departmentCode: String!) {\n    tensionChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      action\n      tension { establishment { name } }\n      entries { author }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleDashboardTensionChanged($departmentCode: String!) {\n    tensionChanged(filter: { departmentCode: $departmentCode }) {\n      at\n      action\n      tension { establishment { name } }\n      entries { author }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDepartments {\n    populationIndicators(level: DEPARTMENT) { areaCode areaName sector }\n  }\n"): (typeof documents)["\n  query ConsoleDepartments {\n    populationIndicators(level: DEPARTMENT) { areaCode areaName sector }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDashboardUnits($departmentCode: String!, $after: String) {\n    units(filter: { departmentCode: $departmentCode }, first: 200, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id discipline capacity { installedBeds availableBeds updatedAt } } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDashboardUnits($departmentCode: String!, $after: String) {\n    units(filter: { departmentCode: $departmentCode }, first: 200, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id discipline capacity { installedBeds availableBeds updatedAt } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDepartmentEstablishments($departmentCode: String!) {\n    establishments(filter: { departmentCode: $departmentCode }, first: 100) {\n      totalCount\n      edges { node { id name address { city } } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDepartmentEstablishments($departmentCode: String!) {\n    establishments(filter: { departmentCode: $departmentCode }, first: 100) {\n      totalCount\n      edges { node { id name address { city } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleBjml($establishmentId: ID!) {\n    bjml(establishmentId: $establishmentId) {\n      year\n      week\n      years\n      expectedDays\n      observedDays\n      exitModeFilledRate\n      quality\n      bjml\n      mean\n      p75\n    }\n  }\n"): (typeof documents)["\n  query ConsoleBjml($establishmentId: ID!) {\n    bjml(establishmentId: $establishmentId) {\n      year\n      week\n      years\n      expectedDays\n      observedDays\n      exitModeFilledRate\n      quality\n      bjml\n      mean\n      p75\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleEmergencyIndicators($establishmentId: ID!, $from: String!, $to: String!) {\n    emergencyIndicators(establishmentId: $establishmentId, from: $from, to: $to) {\n      receptionCapacity\n      receptionCapacityIsDefault\n      days {\n        day\n        visits\n        visits75\n        admissionRate\n        admittedMeanLengthOfStay\n        presentAt15\n        loadAt15\n        source\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleEmergencyIndicators($establishmentId: ID!, $from: String!, $to: String!) {\n    emergencyIndicators(establishmentId: $establishmentId, from: $from, to: $to) {\n      receptionCapacity\n      receptionCapacityIsDefault\n      days {\n        day\n        visits\n        visits75\n        admissionRate\n        admittedMeanLengthOfStay\n        presentAt15\n        loadAt15\n        source\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleAlertProposal on AlertProposal {\n    id\n    establishment { id name }\n    day\n    signal\n    value\n    threshold\n    band\n    status\n    createdAt\n    decidedAt\n    decidedBy\n  }\n"): (typeof documents)["\n  fragment ConsoleAlertProposal on AlertProposal {\n    id\n    establishment { id name }\n    day\n    signal\n    value\n    threshold\n    band\n    status\n    createdAt\n    decidedAt\n    decidedBy\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAlertProposals($from: String!) {\n    waiting: alertProposals(status: PROPOSED) { ...ConsoleAlertProposal }\n    recent: alertProposals(from: $from) { ...ConsoleAlertProposal }\n  }\n"): (typeof documents)["\n  query ConsoleAlertProposals($from: String!) {\n    waiting: alertProposals(status: PROPOSED) { ...ConsoleAlertProposal }\n    recent: alertProposals(from: $from) { ...ConsoleAlertProposal }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAcknowledgeAlertProposal($id: ID!) {\n    acknowledgeAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n"): (typeof documents)["\n  mutation ConsoleAcknowledgeAlertProposal($id: ID!) {\n    acknowledgeAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDismissAlertProposal($id: ID!) {\n    dismissAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n"): (typeof documents)["\n  mutation ConsoleDismissAlertProposal($id: ID!) {\n    dismissAlertProposal(id: $id) { ...ConsoleAlertProposal }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleHetAlert on HetAlert {\n    id\n    status\n    version\n    reason\n    reasonLabel\n    disciplineGroup\n    message\n    createdBy\n    createdAt\n    acknowledgedBy\n    acknowledgedAt\n    closedBy\n    closedAt\n    outcome\n    closingNotes\n    tension { id }\n    unit { id }\n    establishment { id name organization { id } address { city departmentCode } }\n  }\n"): (typeof documents)["\n  fragment ConsoleHetAlert on HetAlert {\n    id\n    status\n    version\n    reason\n    reasonLabel\n    disciplineGroup\n    message\n    createdBy\n    createdAt\n    acknowledgedBy\n    acknowledgedAt\n    closedBy\n    closedAt\n    outcome\n    closingNotes\n    tension { id }\n    unit { id }\n    establishment { id name organization { id } address { city departmentCode } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHetAlerts($filter: HetAlertFilter, $first: Int) {\n    hetAlerts(filter: $filter, first: $first) { ...ConsoleHetAlert }\n  }\n"): (typeof documents)["\n  query ConsoleHetAlerts($filter: HetAlertFilter, $first: Int) {\n    hetAlerts(filter: $filter, first: $first) { ...ConsoleHetAlert }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleHetAlertChanged {\n    hetAlertChanged { id at action alert { ...ConsoleHetAlert } }\n  }\n"): (typeof documents)["\n  subscription ConsoleHetAlertChanged {\n    hetAlertChanged { id at action alert { ...ConsoleHetAlert } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHetAlertReference {\n    hetAlertReasons { code label }\n    disciplineGroups { code label }\n  }\n"): (typeof documents)["\n  query ConsoleHetAlertReference {\n    hetAlertReasons { code label }\n    disciplineGroups { code label }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateHetAlert($input: HetAlertInput!) {\n    createHetAlert(input: $input) { ...ConsoleHetAlert }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateHetAlert($input: HetAlertInput!) {\n    createHetAlert(input: $input) { ...ConsoleHetAlert }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAcknowledgeHetAlert($id: ID!, $expectedVersion: Int!) {\n    acknowledgeHetAlert(id: $id, expectedVersion: $expectedVersion) { ...ConsoleHetAlert }\n  }\n"): (typeof documents)["\n  mutation ConsoleAcknowledgeHetAlert($id: ID!, $expectedVersion: Int!) {\n    acknowledgeHetAlert(id: $id, expectedVersion: $expectedVersion) { ...ConsoleHetAlert }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCloseHetAlert($id: ID!, $outcome: HetAlertOutcome!, $tensionId: ID, $notes: String, $expectedVersion: Int!) {\n    closeHetAlert(id: $id, outcome: $outcome, tensionId: $tensionId, notes: $notes, expectedVersion: $expectedVersion) { ...ConsoleHetAlert }\n  }\n"): (typeof documents)["\n  mutation ConsoleCloseHetAlert($id: ID!, $outcome: HetAlertOutcome!, $tensionId: ID, $notes: String, $expectedVersion: Int!) {\n    closeHetAlert(id: $id, outcome: $outcome, tensionId: $tensionId, notes: $notes, expectedVersion: $expectedVersion) { ...ConsoleHetAlert }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTensionMap($departmentCode: String) {\n    tensionMap(departmentCode: $departmentCode) {\n      highestLevel\n      tensions { id level levelDetail { rank label(regionCode: \"24\") } disciplineGroup startedAt }\n      openAlerts { id reasonLabel createdAt }\n      establishment { id name position { latitude longitude } address { city departmentCode departmentName } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleTensionMap($departmentCode: String) {\n    tensionMap(departmentCode: $departmentCode) {\n      highestLevel\n      tensions { id level levelDetail { rank label(regionCode: \"24\") } disciplineGroup startedAt }\n      openAlerts { id reasonLabel createdAt }\n      establishment { id name position { latitude longitude } address { city departmentCode departmentName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleHetProcedure on HetProcedure {\n    status\n    version\n    openedBy\n    openedAt\n    closedBy\n    closedAt\n    tension { id level levelDetail { rank label(regionCode: \"24\") } status startedAt endedAt disciplineGroup establishment { id name } }\n    steps { step { code label } done doneAt doneBy notes }\n    retex { heldAt participants summary strengths improvements recommendations savedBy savedAt }\n    survey { channel respondent respondedAt answers { question { code label kind } value } }\n  }\n"): (typeof documents)["\n  fragment ConsoleHetProcedure on HetProcedure {\n    status\n    version\n    openedBy\n    openedAt\n    closedBy\n    closedAt\n    tension { id level levelDetail { rank label(regionCode: \"24\") } status startedAt endedAt disciplineGroup establishment { id name } }\n    steps { step { code label } done doneAt doneBy notes }\n    retex { heldAt participants summary strengths improvements recommendations savedBy savedAt }\n    survey { channel respondent respondedAt answers { question { code label kind } value } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHetProcedures {\n    hetProcedures { ...ConsoleHetProcedure }\n    tensions(filter: { status: IN_PROGRESS }, first: 200) { edges { node { id level disciplineGroup startedAt establishment { id name } } } }\n    hetSurveyQuestions { code label kind required }\n    hetSurveyChannels { code label }\n  }\n"): (typeof documents)["\n  query ConsoleHetProcedures {\n    hetProcedures { ...ConsoleHetProcedure }\n    tensions(filter: { status: IN_PROGRESS }, first: 200) { edges { node { id level disciplineGroup startedAt establishment { id name } } } }\n    hetSurveyQuestions { code label kind required }\n    hetSurveyChannels { code label }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleOpenHetProcedure($tensionId: ID!) {\n    openHetProcedure(tensionId: $tensionId) { ...ConsoleHetProcedure }\n  }\n"): (typeof documents)["\n  mutation ConsoleOpenHetProcedure($tensionId: ID!) {\n    openHetProcedure(tensionId: $tensionId) { ...ConsoleHetProcedure }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRecordHetProcedureStep($tensionId: ID!, $step: String!, $doneAt: DateTime, $notes: String) {\n    recordHetProcedureStep(tensionId: $tensionId, step: $step, doneAt: $doneAt, notes: $notes) { ...ConsoleHetProcedure }\n  }\n"): (typeof documents)["\n  mutation ConsoleRecordHetProcedureStep($tensionId: ID!, $step: String!, $doneAt: DateTime, $notes: String) {\n    recordHetProcedureStep(tensionId: $tensionId, step: $step, doneAt: $doneAt, notes: $notes) { ...ConsoleHetProcedure }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSaveHetRetex($tensionId: ID!, $input: HetRetexInput!) {\n    saveHetRetex(tensionId: $tensionId, input: $input) { ...ConsoleHetProcedure }\n  }\n"): (typeof documents)["\n  mutation ConsoleSaveHetRetex($tensionId: ID!, $input: HetRetexInput!) {\n    saveHetRetex(tensionId: $tensionId, input: $input) { ...ConsoleHetProcedure }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCloseHetProcedure($tensionId: ID!, $expectedVersion: Int!) {\n    closeHetProcedure(tensionId: $tensionId, expectedVersion: $expectedVersion) { ...ConsoleHetProcedure }\n  }\n"): (typeof documents)["\n  mutation ConsoleCloseHetProcedure($tensionId: ID!, $expectedVersion: Int!) {\n    closeHetProcedure(tensionId: $tensionId, expectedVersion: $expectedVersion) { ...ConsoleHetProcedure }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHetSurvey($tensionId: ID!) {\n    hetSurvey(tensionId: $tensionId) { channel respondent respondedAt answers { question { code } value } }\n    hetSurveyQuestions { code label kind required }\n    hetSurveyChannels { code label }\n  }\n"): (typeof documents)["\n  query ConsoleHetSurvey($tensionId: ID!) {\n    hetSurvey(tensionId: $tensionId) { channel respondent respondedAt answers { question { code } value } }\n    hetSurveyQuestions { code label kind required }\n    hetSurveyChannels { code label }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSubmitHetSurvey($tensionId: ID!, $answers: [HetSurveyAnswerInput!]!, $channel: String) {\n    submitHetSurvey(tensionId: $tensionId, answers: $answers, channel: $channel) { channel respondent respondedAt answers { question { code } value } }\n  }\n"): (typeof documents)["\n  mutation ConsoleSubmitHetSurvey($tensionId: ID!, $answers: [HetSurveyAnswerInput!]!, $channel: String) {\n    submitHetSurvey(tensionId: $tensionId, answers: $answers, channel: $channel) { channel respondent respondedAt answers { question { code } value } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAlertUnits($id: ID!) {\n    establishment(id: $id) { id units { id name } }\n  }\n"): (typeof documents)["\n  query ConsoleAlertUnits($id: ID!) {\n    establishment(id: $id) { id units { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMapBackground($after: String) {\n    establishments(filter: { regionCode: \"24\" }, first: 200, after: $after) {\n      edges { node { id position { latitude longitude } address { departmentCode departmentName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleMapBackground($after: String) {\n    establishments(filter: { regionCode: \"24\" }, first: 200, after: $after) {\n      edges { node { id position { latitude longitude } address { departmentCode departmentName } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMe {\n    me {\n      id\n      firstName\n      lastName\n      account { login }\n      roleAssignments { id role right perimeterKind perimeterId effectiveRights }\n      defaultGrants { rights perimeterKind perimeterId }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleMe {\n    me {\n      id\n      firstName\n      lastName\n      account { login }\n      roleAssignments { id role right perimeterKind perimeterId effectiveRights }\n      defaultGrants { rights perimeterKind perimeterId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOfferSearch($name: String!, $first: Int) {\n    establishments(filter: { name: $name }, first: $first) {\n      totalCount\n      edges { node { id name category { display } address { city departmentCode } organization { id name } } }\n    }\n    units(filter: { name: $name }, first: $first) {\n      totalCount\n      edges { node { id name ufCode discipline establishment { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOfferSearch($name: String!, $first: Int) {\n    establishments(filter: { name: $name }, first: $first) {\n      totalCount\n      edges { node { id name category { display } address { city departmentCode } organization { id name } } }\n    }\n    units(filter: { name: $name }, first: $first) {\n      totalCount\n      edges { node { id name ufCode discipline establishment { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleAuditEvent on AuditEvent {\n    id\n    action\n    at\n    actor\n    changes { field from to }\n  }\n"): (typeof documents)["\n  fragment ConsoleAuditEvent on AuditEvent {\n    id\n    action\n    at\n    actor\n    changes { field from to }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleEstablishment on Establishment {\n    id\n    finess\n    siret\n    name\n    category { code display }\n    organization { id name }\n    address { line postalCode city departmentCode }\n    switchboardPhone\n    managementPhone\n    alertPhones\n    alertEmail\n    managementEmail\n    website\n    updatedAt\n    units { id name ufCode discipline pole { name } }\n  }\n"): (typeof documents)["\n  fragment ConsoleEstablishment on Establishment {\n    id\n    finess\n    siret\n    name\n    category { code display }\n    organization { id name }\n    address { line postalCode city departmentCode }\n    switchboardPhone\n    managementPhone\n    alertPhones\n    alertEmail\n    managementEmail\n    website\n    updatedAt\n    units { id name ufCode discipline pole { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleEstablishment($id: ID!) {\n    establishment(id: $id) { ...ConsoleEstablishment }\n  }\n"): (typeof documents)["\n  query ConsoleEstablishment($id: ID!) {\n    establishment(id: $id) { ...ConsoleEstablishment }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleEstablishmentHistory($id: ID!, $first: Int) {\n    establishment(id: $id) { id history(first: $first) { totalCount edges { node { ...ConsoleAuditEvent } } } }\n  }\n"): (typeof documents)["\n  query ConsoleEstablishmentHistory($id: ID!, $first: Int) {\n    establishment(id: $id) { id history(first: $first) { totalCount edges { node { ...ConsoleAuditEvent } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateEstablishment($id: ID!, $input: EstablishmentUpdate!) {\n    updateEstablishment(id: $id, input: $input) { ...ConsoleEstablishment }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpdateEstablishment($id: ID!, $input: EstablishmentUpdate!) {\n    updateEstablishment(id: $id, input: $input) { ...ConsoleEstablishment }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleUnit on Unit {\n    id\n    name\n    ufCode\n    kind\n    discipline\n    establishment { id name organization { id } }\n    pole { id name }\n    activityField { code display }\n    careMode { code display }\n    operationalActivities { code display }\n    specificActs { code display }\n    equipment { code display }\n    patientAge { min max }\n    sseCapacity\n    contacts { nature { display } role channel { display } value }\n    accessDetails\n    address { line postalCode city }\n    hasOwnAddress\n    sensitive\n    archived\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ConsoleUnit on Unit {\n    id\n    name\n    ufCode\n    kind\n    discipline\n    establishment { id name organization { id } }\n    pole { id name }\n    activityField { code display }\n    careMode { code display }\n    operationalActivities { code display }\n    specificActs { code display }\n    equipment { code display }\n    patientAge { min max }\n    sseCapacity\n    contacts { nature { display } role channel { display } value }\n    accessDetails\n    address { line postalCode city }\n    hasOwnAddress\n    sensitive\n    archived\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleUnit($id: ID!) {\n    unit(id: $id) { ...ConsoleUnit }\n  }\n"): (typeof documents)["\n  query ConsoleUnit($id: ID!) {\n    unit(id: $id) { ...ConsoleUnit }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleUnitHistory($id: ID!, $first: Int) {\n    unit(id: $id) { id history(first: $first) { totalCount edges { node { ...ConsoleAuditEvent } } } }\n  }\n"): (typeof documents)["\n  query ConsoleUnitHistory($id: ID!, $first: Int) {\n    unit(id: $id) { id history(first: $first) { totalCount edges { node { ...ConsoleAuditEvent } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleUnitCodes {\n    activityFields: codeSystem(id: \"TRE_R227-ChampActivite\") { codes { code display } }\n    careModes: codeSystem(id: \"TRE_R213-ModePriseEnCharge\") { codes { code display } }\n  }\n"): (typeof documents)["\n  query ConsoleUnitCodes {\n    activityFields: codeSystem(id: \"TRE_R227-ChampActivite\") { codes { code display } }\n    careModes: codeSystem(id: \"TRE_R213-ModePriseEnCharge\") { codes { code display } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateUnit($id: ID!, $input: UnitUpdate!) {\n    updateUnit(id: $id, input: $input) { ...ConsoleUnit }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpdateUnit($id: ID!, $input: UnitUpdate!) {\n    updateUnit(id: $id, input: $input) { ...ConsoleUnit }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleArchiveUnit($id: ID!) { archiveUnit(id: $id) { ...ConsoleUnit } }\n"): (typeof documents)["\n  mutation ConsoleArchiveUnit($id: ID!) { archiveUnit(id: $id) { ...ConsoleUnit } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReactivateUnit($id: ID!) { reactivateUnit(id: $id) { ...ConsoleUnit } }\n"): (typeof documents)["\n  mutation ConsoleReactivateUnit($id: ID!) { reactivateUnit(id: $id) { ...ConsoleUnit } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleTransferUnit($id: ID!, $toEstablishmentId: ID!, $withProfessionals: Boolean!) {\n    transferUnit(id: $id, toEstablishmentId: $toEstablishmentId, withProfessionals: $withProfessionals) { ...ConsoleUnit }\n  }\n"): (typeof documents)["\n  mutation ConsoleTransferUnit($id: ID!, $toEstablishmentId: ID!, $withProfessionals: Boolean!) {\n    transferUnit(id: $id, toEstablishmentId: $toEstablishmentId, withProfessionals: $withProfessionals) { ...ConsoleUnit }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCopyUnit($id: ID!, $name: String!, $ufCode: String!) {\n    copyUnit(id: $id, name: $name, ufCode: $ufCode) { id name }\n  }\n"): (typeof documents)["\n  mutation ConsoleCopyUnit($id: ID!, $name: String!, $ufCode: String!) {\n    copyUnit(id: $id, name: $name, ufCode: $ufCode) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReportError($subjectType: FeedbackSubjectType!, $subjectId: ID, $message: String!) {\n    reportError(subjectType: $subjectType, subjectId: $subjectId, message: $message) { id createdAt }\n  }\n"): (typeof documents)["\n  mutation ConsoleReportError($subjectType: FeedbackSubjectType!, $subjectId: ID, $message: String!) {\n    reportError(subjectType: $subjectType, subjectId: $subjectId, message: $message) { id createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleFeedback on Feedback {\n    id\n    kind\n    subject { type id searchText }\n    message\n    senderLogin\n    status\n    createdAt\n    closedAt\n    closedBy\n    closingNote\n  }\n"): (typeof documents)["\n  fragment ConsoleFeedback on Feedback {\n    id\n    kind\n    subject { type id searchText }\n    message\n    senderLogin\n    status\n    createdAt\n    closedAt\n    closedBy\n    closingNote\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleFeedback($status: FeedbackStatus, $first: Int) {\n    feedback(status: $status, first: $first) { totalCount edges { node { ...ConsoleFeedback } } }\n  }\n"): (typeof documents)["\n  query ConsoleFeedback($status: FeedbackStatus, $first: Int) {\n    feedback(status: $status, first: $first) { totalCount edges { node { ...ConsoleFeedback } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCloseFeedback($id: ID!, $note: String) {\n    closeFeedback(id: $id, note: $note) { ...ConsoleFeedback }\n  }\n"): (typeof documents)["\n  mutation ConsoleCloseFeedback($id: ID!, $note: String) {\n    closeFeedback(id: $id, note: $note) { ...ConsoleFeedback }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleOfferRecordChanged($recordType: OfferChangeRecordType!, $recordId: ID!) {\n    offerRecordChanged(recordType: $recordType, recordId: $recordId) { position action at actor }\n  }\n"): (typeof documents)["\n  subscription ConsoleOfferRecordChanged($recordType: OfferChangeRecordType!, $recordId: ID!) {\n    offerRecordChanged(recordType: $recordType, recordId: $recordId) { position action at actor }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePlaceSearch($criteria: PlaceSearchInput!, $first: Int, $after: String) {\n    placeSearch(criteria: $criteria, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      centre { latitude longitude radiusKm communeCode communeName }\n      edges {\n        node {\n          distanceKm\n          freeBeds\n          installedBeds\n          updatedAt\n          stale\n          unit {\n            id\n            name\n            discipline\n            establishment { id name }\n            contacts { role value channel { code display } nature { display } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePlaceSearch($criteria: PlaceSearchInput!, $first: Int, $after: String) {\n    placeSearch(criteria: $criteria, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      centre { latitude longitude radiusKm communeCode communeName }\n      edges {\n        node {\n          distanceKm\n          freeBeds\n          installedBeds\n          updatedAt\n          stale\n          unit {\n            id\n            name\n            discipline\n            establishment { id name }\n            contacts { role value channel { code display } nature { display } }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRequestAdmission($input: AdmissionRequestInput!) {\n    requestAdmission(input: $input) {\n      id\n      status\n      targets { unit { id name } status }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRequestAdmission($input: AdmissionRequestInput!) {\n    requestAdmission(input: $input) {\n      id\n      status\n      targets { unit { id name } status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleProfessionals($filter: ProfessionalFilter, $first: Int) {\n    professionals(filter: $filter, first: $first) {\n      totalCount\n      edges { node { id lastName firstName jobTitle profession { code display } establishments { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleProfessionals($filter: ProfessionalFilter, $first: Int) {\n    professionals(filter: $filter, first: $first) {\n      totalCount\n      edges { node { id lastName firstName jobTitle profession { code display } establishments { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleProfessional on Professional {\n    id\n    lastName\n    firstName\n    sex\n    profession { code display }\n    specialty { code display }\n    rppsNumber\n    adeliNumber\n    jobTitle\n    workEmail\n    workPhone\n    mssanteAddress\n    establishments { id name organization { id } }\n    units { id name }\n    archived\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ConsoleProfessional on Professional {\n    id\n    lastName\n    firstName\n    sex\n    profession { code display }\n    specialty { code display }\n    rppsNumber\n    adeliNumber\n    jobTitle\n    workEmail\n    workPhone\n    mssanteAddress\n    establishments { id name organization { id } }\n    units { id name }\n    archived\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleProfessional($id: ID!) {\n    professional(id: $id) { ...ConsoleProfessional }\n  }\n"): (typeof documents)["\n  query ConsoleProfessional($id: ID!) {\n    professional(id: $id) { ...ConsoleProfessional }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleProfessionalAccount($id: ID!) {\n    professional(id: $id) { id account { login enabled hasPassword } }\n  }\n"): (typeof documents)["\n  query ConsoleProfessionalAccount($id: ID!) {\n    professional(id: $id) { id account { login enabled hasPassword } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleProfessionalRoles($id: ID!) {\n    professional(id: $id) { id roleAssignments { id role right perimeterKind perimeterId grantedAt } }\n  }\n"): (typeof documents)["\n  query ConsoleProfessionalRoles($id: ID!) {\n    professional(id: $id) { id roleAssignments { id role right perimeterKind perimeterId grantedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateProfessional($id: ID!, $input: UpdateProfessionalInput!) {\n    updateProfessional(id: $id, input: $input) { ...ConsoleProfessional }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpdateProfessional($id: ID!, $input: UpdateProfessionalInput!) {\n    updateProfessional(id: $id, input: $input) { ...ConsoleProfessional }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAssignRole($professionalId: ID!, $role: Role!, $perimeterKind: PerimeterKind!, $perimeterId: ID) {\n    assignRole(professionalId: $professionalId, role: $role, perimeterKind: $perimeterKind, perimeterId: $perimeterId) {\n      assignment { id }\n      grantedRights\n      ignoredRights\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleAssignRole($professionalId: ID!, $role: Role!, $perimeterKind: PerimeterKind!, $perimeterId: ID) {\n    assignRole(professionalId: $professionalId, role: $role, perimeterKind: $perimeterKind, perimeterId: $perimeterId) {\n      assignment { id }\n      grantedRights\n      ignoredRights\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeRoleAssignment($id: ID!) {\n    revokeRoleAssignment(id: $id) { id }\n  }\n"): (typeof documents)["\n  mutation ConsoleRevokeRoleAssignment($id: ID!) {\n    revokeRoleAssignment(id: $id) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleAdmissionRequest on AdmissionRequest {\n    id\n    status\n    version\n    patientAge\n    patientSex\n    discipline\n    urgency\n    wishedAt\n    clinicalSummary\n    patientName\n    callbackContact\n    createdAt\n    updatedAt\n    expiresAt\n    requester { name kind }\n    acceptedUnit { id name }\n    targets {\n      unit { id name }\n      establishment { id name organization { id } }\n      status\n      answer\n      refusalReason\n      comment\n      proposedAt\n      answeredBy\n      answeredAt\n    }\n  }\n"): (typeof documents)["\n  fragment ConsoleAdmissionRequest on AdmissionRequest {\n    id\n    status\n    version\n    patientAge\n    patientSex\n    discipline\n    urgency\n    wishedAt\n    clinicalSummary\n    patientName\n    callbackContact\n    createdAt\n    updatedAt\n    expiresAt\n    requester { name kind }\n    acceptedUnit { id name }\n    targets {\n      unit { id name }\n      establishment { id name organization { id } }\n      status\n      answer\n      refusalReason\n      comment\n      proposedAt\n      answeredBy\n      answeredAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdmissionRequests($filter: AdmissionRequestFilter, $first: Int, $after: String) {\n    admissionRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ConsoleAdmissionRequest } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleAdmissionRequests($filter: AdmissionRequestFilter, $first: Int, $after: String) {\n    admissionRequests(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ConsoleAdmissionRequest } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAnswerAdmissionRequest($id: ID!, $unitId: ID!, $input: AdmissionAnswerInput!, $expectedVersion: Int!) {\n    answerAdmissionRequest(id: $id, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleAnswerAdmissionRequest($id: ID!, $unitId: ID!, $input: AdmissionAnswerInput!, $expectedVersion: Int!) {\n    answerAdmissionRequest(id: $id, unitId: $unitId, input: $input, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdmissionRequest($id: ID!) {\n    admissionRequest(id: $id) { ...ConsoleAdmissionRequest }\n  }\n"): (typeof documents)["\n  query ConsoleAdmissionRequest($id: ID!) {\n    admissionRequest(id: $id) { ...ConsoleAdmissionRequest }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleAdmissionRequestChanged($filter: AdmissionRequestChangeFilter) {\n    admissionRequestChanged(filter: $filter) {\n      position\n      action\n      at\n      actor\n      request { ...ConsoleAdmissionRequest }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleAdmissionRequestChanged($filter: AdmissionRequestChangeFilter) {\n    admissionRequestChanged(filter: $filter) {\n      position\n      action\n      at\n      actor\n      request { ...ConsoleAdmissionRequest }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAcceptAdmissionProposal($id: ID!, $unitId: ID!, $expectedVersion: Int!) {\n    acceptAdmissionProposal(id: $id, unitId: $unitId, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleAcceptAdmissionProposal($id: ID!, $unitId: ID!, $expectedVersion: Int!) {\n    acceptAdmissionProposal(id: $id, unitId: $unitId, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCancelAdmissionRequest($id: ID!, $expectedVersion: Int!, $reason: String) {\n    cancelAdmissionRequest(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCancelAdmissionRequest($id: ID!, $expectedVersion: Int!, $reason: String) {\n    cancelAdmissionRequest(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRecordAdmission($id: ID!, $expectedVersion: Int!) {\n    recordAdmission(id: $id, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRecordAdmission($id: ID!, $expectedVersion: Int!) {\n    recordAdmission(id: $id, expectedVersion: $expectedVersion) {\n      ...ConsoleAdmissionRequest\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleTension on Tension {\n    id\n    status\n    level\n    levelDetail { code rank label(regionCode: \"24\") }\n    disciplineGroup\n    disciplineGroupCode\n    startedAt\n    endedAt\n    version\n    declaredBy\n    establishment { id name organization { id } address { city departmentCode } }\n    timeline { id at author kind action { code label } levelCode disciplineGroupCode notes }\n  }\n"): (typeof documents)["\n  fragment ConsoleTension on Tension {\n    id\n    status\n    level\n    levelDetail { code rank label(regionCode: \"24\") }\n    disciplineGroup\n    disciplineGroupCode\n    startedAt\n    endedAt\n    version\n    declaredBy\n    establishment { id name organization { id } address { city departmentCode } }\n    timeline { id at author kind action { code label } levelCode disciplineGroupCode notes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTensions($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      totalCount\n      edges { node { ...ConsoleTension } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleTensions($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      totalCount\n      edges { node { ...ConsoleTension } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTension($id: ID!) {\n    tension(id: $id) {\n      ...ConsoleTension\n      notifications { recipient subject status attempts sentAt createdAt }\n      solidarity {\n        establishment { establishment { id name } beds { available total } }\n        solidarityEstablishments { establishment { id name } beds { available total } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleTension($id: ID!) {\n    tension(id: $id) {\n      ...ConsoleTension\n      notifications { recipient subject status attempts sentAt createdAt }\n      solidarity {\n        establishment { establishment { id name } beds { available total } }\n        solidarityEstablishments { establishment { id name } beds { available total } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTensionReference {\n    tensionLevels { code rank label(regionCode: \"24\") }\n    disciplineGroups { code label }\n    hetActionRepertoire { code label actions { code label active } }\n  }\n"): (typeof documents)["\n  query ConsoleTensionReference {\n    tensionLevels { code rank label(regionCode: \"24\") }\n    disciplineGroups { code label }\n    hetActionRepertoire { code label actions { code label active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDeclarableEstablishment($id: ID!) {\n    establishment(id: $id) { id name address { city } }\n  }\n"): (typeof documents)["\n  query ConsoleDeclarableEstablishment($id: ID!) {\n    establishment(id: $id) { id name address { city } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDeclarableOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name address { city } } }\n  }\n"): (typeof documents)["\n  query ConsoleDeclarableOrganization($id: ID!) {\n    organization(id: $id) { id establishments { id name address { city } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeclareTension($input: DeclareTensionInput!) {\n    declareTension(input: $input) { ...ConsoleTension }\n  }\n"): (typeof documents)["\n  mutation ConsoleDeclareTension($input: DeclareTensionInput!) {\n    declareTension(input: $input) { ...ConsoleTension }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateTension($id: ID!, $input: UpdateTensionInput!, $expectedVersion: Int!) {\n    updateTension(id: $id, input: $input, expectedVersion: $expectedVersion) { ...ConsoleTension }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpdateTension($id: ID!, $input: UpdateTensionInput!, $expectedVersion: Int!) {\n    updateTension(id: $id, input: $input, expectedVersion: $expectedVersion) { ...ConsoleTension }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddTensionActions($id: ID!, $actions: [TensionActionInput!]!) {\n    addTensionActions(id: $id, actions: $actions) { ...ConsoleTension }\n  }\n"): (typeof documents)["\n  mutation ConsoleAddTensionActions($id: ID!, $actions: [TensionActionInput!]!) {\n    addTensionActions(id: $id, actions: $actions) { ...ConsoleTension }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCloseTension($id: ID!, $notes: String) {\n    closeTension(id: $id, notes: $notes) { ...ConsoleTension }\n  }\n"): (typeof documents)["\n  mutation ConsoleCloseTension($id: ID!, $notes: String) {\n    closeTension(id: $id, notes: $notes) { ...ConsoleTension }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHetIndicators($from: DateTime!, $to: DateTime!, $departmentCode: String) {\n    hetIndicators(from: $from, to: $to, departmentCode: $departmentCode) { from to departmentCode alerts triggers arsInvolvements }\n  }\n"): (typeof documents)["\n  query ConsoleHetIndicators($from: DateTime!, $to: DateTime!, $departmentCode: String) {\n    hetIndicators(from: $from, to: $to, departmentCode: $departmentCode) { from to departmentCode alerts triggers arsInvolvements }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTensionMails($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      edges { node { id establishment { id name } notifications { recipient subject status attempts sentAt createdAt } } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleTensionMails($filter: TensionFilter, $window: TensionWindow, $first: Int) {\n    tensions(filter: $filter, window: $window, first: $first) {\n      edges { node { id establishment { id name } notifications { recipient subject status attempts sentAt createdAt } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleTensionChanged($filter: TensionChangeFilter) {\n    tensionChanged(filter: $filter) {\n      id\n      at\n      action\n      tension { ...ConsoleTension }\n      entries { author }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleTensionChanged($filter: TensionChangeFilter) {\n    tensionChanged(filter: $filter) {\n      id\n      at\n      action\n      tension { ...ConsoleTension }\n      entries { author }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleCrisisPlan on CrisisPlan {\n    kind\n    version\n    updatedAt\n    updatedBy\n    establishment { id name }\n    content {\n      summary\n      levels { code label description }\n      triggers { levelCode description indicator threshold }\n      contacts { role name phone email availability }\n      actions { levelCode description owner }\n    }\n    versions { version author at }\n  }\n"): (typeof documents)["\n  fragment ConsoleCrisisPlan on CrisisPlan {\n    kind\n    version\n    updatedAt\n    updatedBy\n    establishment { id name }\n    content {\n      summary\n      levels { code label description }\n      triggers { levelCode description indicator threshold }\n      contacts { role name phone email availability }\n      actions { levelCode description owner }\n    }\n    versions { version author at }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMyCrisisPlans($kind: CrisisPlanKind!) {\n    myCrisisPlans(kind: $kind) { ...ConsoleCrisisPlan }\n  }\n"): (typeof documents)["\n  query ConsoleMyCrisisPlans($kind: CrisisPlanKind!) {\n    myCrisisPlans(kind: $kind) { ...ConsoleCrisisPlan }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSaveCrisisPlan($kind: CrisisPlanKind!, $establishmentId: ID!, $content: CrisisPlanContentInput!, $expectedVersion: Int!) {\n    saveCrisisPlan(kind: $kind, establishmentId: $establishmentId, content: $content, expectedVersion: $expectedVersion) { ...ConsoleCrisisPlan }\n  }\n"): (typeof documents)["\n  mutation ConsoleSaveCrisisPlan($kind: CrisisPlanKind!, $establishmentId: ID!, $content: CrisisPlanContentInput!, $expectedVersion: Int!) {\n    saveCrisisPlan(kind: $kind, establishmentId: $establishmentId, content: $content, expectedVersion: $expectedVersion) { ...ConsoleCrisisPlan }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleTerritoryRow on TerritoryEstablishment {\n    establishment { id name }\n    departmentCode\n    contact { contact phone answerDelayMinutes }\n    availableBeds\n    installedBeds\n    byDiscipline { discipline availableBeds installedBeds }\n    elderlyPlaces { units installedPlaces availablePlaces }\n    bedBlockers\n    oldestUpdate\n    maturity { score outOf percent level criteria { code label met } }\n  }\n"): (typeof documents)["\n  fragment ConsoleTerritoryRow on TerritoryEstablishment {\n    establishment { id name }\n    departmentCode\n    contact { contact phone answerDelayMinutes }\n    availableBeds\n    installedBeds\n    byDiscipline { discipline availableBeds installedBeds }\n    elderlyPlaces { units installedPlaces availablePlaces }\n    bedBlockers\n    oldestUpdate\n    maturity { score outOf percent level criteria { code label met } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTerritories {\n    territories { code name departmentCodes }\n  }\n"): (typeof documents)["\n  query ConsoleTerritories {\n    territories { code name departmentCodes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTerritoryDashboard($code: ID!) {\n    territoryDashboard(code: $code) {\n      territory { code name departmentCodes }\n      establishments { ...ConsoleTerritoryRow }\n      totals { establishments availableBeds installedBeds bedBlockers elderlyPlaces { installedPlaces availablePlaces } }\n    }\n    territoryBedBlockers(code: $code) {\n      total { patients totalDaysWaited maxDaysWaited }\n      byDestination { destination count { patients totalDaysWaited maxDaysWaited } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleTerritoryDashboard($code: ID!) {\n    territoryDashboard(code: $code) {\n      territory { code name departmentCodes }\n      establishments { ...ConsoleTerritoryRow }\n      totals { establishments availableBeds installedBeds bedBlockers elderlyPlaces { installedPlaces availablePlaces } }\n    }\n    territoryBedBlockers(code: $code) {\n      total { patients totalDaysWaited maxDaysWaited }\n      byDestination { destination count { patients totalDaysWaited maxDaysWaited } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleTerritoryDashboardChanged($code: ID!) {\n    territoryDashboardChanged(code: $code) { cause at row { ...ConsoleTerritoryRow } }\n  }\n"): (typeof documents)["\n  subscription ConsoleTerritoryDashboardChanged($code: ID!) {\n    territoryDashboardChanged(code: $code) { cause at row { ...ConsoleTerritoryRow } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDepartmentEmergency($departmentCode: String!) {\n    departmentEmergency(departmentCode: $departmentCode) {\n      departmentCode\n      day\n      week\n      rows { establishment { id name } indicators { visits admitted } bjml { quality bjml p75 } availableDownstreamBeds belowBjml }\n      totals { emergencyDepartments visits admitted bjml p75 bjmlNotComputed availableDownstreamBeds }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDepartmentEmergency($departmentCode: String!) {\n    departmentEmergency(departmentCode: $departmentCode) {\n      departmentCode\n      day\n      week\n      rows { establishment { id name } indicators { visits admitted } bjml { quality bjml p75 } availableDownstreamBeds belowBjml }\n      totals { emergencyDepartments visits admitted bjml p75 bjmlNotComputed availableDownstreamBeds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeclareMaturity($establishmentId: ID!, $input: BedManagementMaturityInput!) {\n    declareBedManagementMaturity(establishmentId: $establishmentId, input: $input) { percent }\n  }\n"): (typeof documents)["\n  mutation ConsoleDeclareMaturity($establishmentId: ID!, $input: BedManagementMaturityInput!) {\n    declareBedManagementMaturity(establishmentId: $establishmentId, input: $input) { percent }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;