/**
 * The outcomes the bulk export answers besides those of fhir/outcomes.ts. Their ids are kinds of
 * that module's status table, so a thrown one gets its status from the plugin's error handler;
 * 429 and 202 are written by the routes themselves.
 */
import type { IssueType, OperationOutcome } from '../types.js';

function outcome(kind: string, code: IssueType, text: string, severity: 'error' | 'information' = 'error'): OperationOutcome {
  return { resourceType: 'OperationOutcome', id: kind, issue: [{ severity, code, details: { text }, diagnostics: text }] };
}

export const unauthenticated = (text: string): OperationOutcome => outcome('unauthenticated', 'login', text);

export const forbidden = (text: string): OperationOutcome => outcome('forbidden', 'forbidden', text);

export const unknownJob = (id: string): OperationOutcome =>
  outcome('not-found', 'not-found', `No export ${id} for this client: it never existed, was cancelled, expired, or belongs to another client`);

export const unknownFile = (id: string, file: string): OperationOutcome =>
  outcome('not-found', 'not-found', `Export ${id} has no file ${file} (or is not complete)`);

export const exportFailed = (text: string): OperationOutcome => outcome('server-error', 'exception', text);

export const tooManyExports = (limit: number): OperationOutcome =>
  outcome('too-many-requests', 'throttled', `${limit} export(s) already queued or running on this hub; retry later`);

export const cancelled = (id: string): OperationOutcome =>
  outcome('ok', 'informational', `Export ${id} cancelled; its files are deleted`, 'information');

export const notExportable = (level: string): OperationOutcome =>
  outcome(
    'unsupported-type',
    'not-supported',
    `${level} export is not supported: this server holds no patient data. Use the system-level [base]/$export.`,
  );
