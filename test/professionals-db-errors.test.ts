/** Failed statements lose their bound values (rescue e-mails, hashes) before anything can log them. */
import { describe, it, expect, afterAll } from 'vitest';
import { HubError } from '../platform/errors.js';
import { rethrowDbError, violatedUniqueIndex } from '../subgraphs/professionals/db-errors.js';
import { createRecordWriter } from '../subgraphs/professionals/record-writer.js';
import { databaseKinds, openMigratedDatabase } from './helpers/hub.js';

/** The shape drizzle gives a failed query: its SQL, its parameters, and the driver error as cause. */
function drizzleError(code: string, constraint: string | undefined, detail: string): Error {
  const cause = Object.assign(new Error(`duplicate key value violates unique constraint "${constraint}"`), { code, constraint, detail });
  return Object.assign(new Error(`Failed query: update "professionals"."professional" set "rescue_email" = $1\nparams: secret@example.org,P000001`), {
    query: 'update "professionals"."professional" set "rescue_email" = $1',
    params: ['secret@example.org', 'P000001'],
    cause,
  });
}

describe('database errors of the professionals subgraph', () => {
  it('turn known unique violations into CONFLICT errors that name no address', () => {
    const error = drizzleError('23505', 'professional_rescue_email_uq', 'Key (lower(rescue_email))=(secret@example.org) already exists.');
    expect(violatedUniqueIndex(error)).toBe('professional_rescue_email_uq');
    let thrown: unknown;
    try {
      rethrowDbError(error);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HubError);
    expect((thrown as HubError).extensions.code).toBe('CONFLICT');
    expect(JSON.stringify({ message: (thrown as Error).message, ...(thrown as HubError).extensions })).not.toContain('secret@example.org');
  });

  it('keep only the SQLSTATE, constraint and SQL text of any other failure', () => {
    const error = drizzleError('23514', 'some_check', 'Failing row contains (P000001, secret@example.org).');
    expect(violatedUniqueIndex(error)).toBeNull();
    expect(() => rethrowDbError(error)).toThrow(
      'Database statement failed (SQLSTATE 23514, some_check) in: update "professionals"."professional" set "rescue_email" = $1; bound values withheld.',
    );
    try {
      rethrowDbError(error);
    } catch (e) {
      expect(JSON.stringify(e, Object.getOwnPropertyNames(e))).not.toContain('secret@example.org');
      expect((e as Error).cause).toBeUndefined();
    }
  });

  it('let domain errors through unchanged', () => {
    const domain = new HubError('NOT_FOUND', 'No professional P1.');
    expect(() => rethrowDbError(domain)).toThrow(domain);
  });
});

describe.each(databaseKinds())('unique violations on %s', (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('are recognised from the driver error, past the pre-checks a race would skip', async () => {
    const { db, drop } = await openMigratedDatabase(kind);
    cleanups.push(drop);
    const writer = createRecordWriter(db.orm);
    const fields = { lastName: 'A', firstName: 'B', sex: null, professionCode: null, specialtyCode: null, rppsNumber: '10999900009', jobTitle: null, workEmail: null, workPhone: null, mssanteAddress: null };
    await writer.insert('P000001', fields, 'race@example.org');
    const second = writer.insert('P000002', { ...fields, rppsNumber: null }, 'RACE@example.org').catch(rethrowDbError);
    await expect(second).rejects.toThrow('This rescue e-mail is already used by another professional.');
    const third = writer.insert('P000003', fields, null).catch(rethrowDbError);
    await expect(third).rejects.toThrow('This RPPS/ADELI number is already recorded for another professional.');
  });
});
