/** Columns of a record that reads may return. */
import { getTableColumns } from 'drizzle-orm';
import { people, type ProfessionalRow } from './tables.js';

/**
 * A record as every read returns it: all columns but the rescue e-mail, which is write-only and
 * read back only to address a mail (RecordWriter.rescueEmailOf).
 */
export type ProfessionalView = Omit<ProfessionalRow, 'rescueEmail'>;

export const visibleColumns = (() => {
  const { rescueEmail: _writeOnly, ...visible } = getTableColumns(people);
  return visible;
})();
