import { graphql } from '../gql';

/** Structures and units by name: the search of the "Offre" screen. */
export const OfferSearchQuery = graphql(`
  query ConsoleOfferSearch($name: String!, $first: Int) {
    establishments(filter: { name: $name }, first: $first) {
      totalCount
      edges { node { id name category { display } address { city departmentCode } organization { id name } } }
    }
    units(filter: { name: $name }, first: $first) {
      totalCount
      edges { node { id name ufCode discipline establishment { id name } } }
    }
  }
`);

export const AuditEventFields = graphql(`
  fragment ConsoleAuditEvent on AuditEvent {
    id
    action
    at
    actor
    changes { field from to }
  }
`);

export const EstablishmentFields = graphql(`
  fragment ConsoleEstablishment on Establishment {
    id
    finess
    siret
    name
    category { code display }
    organization { id name }
    address { line postalCode city departmentCode }
    switchboardPhone
    managementPhone
    alertPhones
    alertEmail
    managementEmail
    website
    updatedAt
    units { id name ufCode discipline pole { name } }
  }
`);

export const EstablishmentQuery = graphql(`
  query ConsoleEstablishment($id: ID!) {
    establishment(id: $id) { ...ConsoleEstablishment }
  }
`);

export const EstablishmentHistoryQuery = graphql(`
  query ConsoleEstablishmentHistory($id: ID!, $first: Int) {
    establishment(id: $id) { id history(first: $first) { totalCount edges { node { ...ConsoleAuditEvent } } } }
  }
`);

export const UpdateEstablishmentMutation = graphql(`
  mutation ConsoleUpdateEstablishment($id: ID!, $input: EstablishmentUpdate!) {
    updateEstablishment(id: $id, input: $input) { ...ConsoleEstablishment }
  }
`);

export const UnitFields = graphql(`
  fragment ConsoleUnit on Unit {
    id
    name
    ufCode
    kind
    discipline
    establishment { id name organization { id } }
    pole { id name }
    activityField { code display }
    careMode { code display }
    operationalActivities { code display }
    specificActs { code display }
    equipment { code display }
    patientAge { min max }
    sseCapacity
    contacts { nature { display } role channel { display } value }
    accessDetails
    address { line postalCode city }
    hasOwnAddress
    sensitive
    archived
    updatedAt
  }
`);

export const UnitQuery = graphql(`
  query ConsoleUnit($id: ID!) {
    unit(id: $id) { ...ConsoleUnit }
  }
`);

export const UnitHistoryQuery = graphql(`
  query ConsoleUnitHistory($id: ID!, $first: Int) {
    unit(id: $id) { id history(first: $first) { totalCount edges { node { ...ConsoleAuditEvent } } } }
  }
`);

/** The codes a unit's coded fields may take, with their labels (NOS terminologies loaded in the hub). */
export const UnitCodesQuery = graphql(`
  query ConsoleUnitCodes {
    activityFields: codeSystem(id: "TRE_R227-ChampActivite") { codes { code display } }
    careModes: codeSystem(id: "TRE_R213-ModePriseEnCharge") { codes { code display } }
  }
`);

export const UpdateUnitMutation = graphql(`
  mutation ConsoleUpdateUnit($id: ID!, $input: UnitUpdate!) {
    updateUnit(id: $id, input: $input) { ...ConsoleUnit }
  }
`);

export const ArchiveUnitMutation = graphql(`
  mutation ConsoleArchiveUnit($id: ID!) { archiveUnit(id: $id) { ...ConsoleUnit } }
`);

export const ReactivateUnitMutation = graphql(`
  mutation ConsoleReactivateUnit($id: ID!) { reactivateUnit(id: $id) { ...ConsoleUnit } }
`);

export const TransferUnitMutation = graphql(`
  mutation ConsoleTransferUnit($id: ID!, $toEstablishmentId: ID!, $withProfessionals: Boolean!) {
    transferUnit(id: $id, toEstablishmentId: $toEstablishmentId, withProfessionals: $withProfessionals) { ...ConsoleUnit }
  }
`);

export const CopyUnitMutation = graphql(`
  mutation ConsoleCopyUnit($id: ID!, $name: String!, $ufCode: String!) {
    copyUnit(id: $id, name: $name, ufCode: $ufCode) { id name }
  }
`);

export const ReportErrorMutation = graphql(`
  mutation ConsoleReportError($subjectType: FeedbackSubjectType!, $subjectId: ID, $message: String!) {
    reportError(subjectType: $subjectType, subjectId: $subjectId, message: $message) { id createdAt }
  }
`);

export const FeedbackFields = graphql(`
  fragment ConsoleFeedback on Feedback {
    id
    kind
    subject { type id searchText }
    message
    senderLogin
    status
    createdAt
    closedAt
    closedBy
    closingNote
  }
`);

export const FeedbackQuery = graphql(`
  query ConsoleFeedback($status: FeedbackStatus, $first: Int) {
    feedback(status: $status, first: $first) { totalCount edges { node { ...ConsoleFeedback } } }
  }
`);

export const CloseFeedbackMutation = graphql(`
  mutation ConsoleCloseFeedback($id: ID!, $note: String) {
    closeFeedback(id: $id, note: $note) { ...ConsoleFeedback }
  }
`);

/** A record's writes, live: the record page reads it again (and its history) on each. */
export const OfferRecordChangedSubscription = graphql(`
  subscription ConsoleOfferRecordChanged($recordType: OfferChangeRecordType!, $recordId: ID!) {
    offerRecordChanged(recordType: $recordType, recordId: $recordId) { position action at actor }
  }
`);
