/**
 * platform/csv.ts (csv-parse / csv-stringify, formula guard) and the readers built on it: a quoted
 * field may hold `;`, quotes and line breaks, and every error still names the file line.
 * Pure functions: no hub. The capacity export's round trip is in capacities-reports.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, formulaSafe, readCsv, writeCsv } from '../platform/csv.js';
import { parseCsvBody } from '../subgraphs/capacities/feed-input.js';
import { parseRpu } from '../subgraphs/tensions/emergency/parse.js';
import { parseFiness } from '../subgraphs/offer/finess/parse.js';
import { HubError } from '../platform/errors.js';

describe('platform/csv.ts', () => {
  it('reads quoted separators, quotes and line breaks, names each record\'s first line, skips blank lines and the BOM', () => {
    const text = '\uFEFFa;b\r\n1;"x;\n""y"""\n\n  \n2;w"z\r\n3;\n';
    expect(readCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x;\n"y"'] },
      { line: 6, fields: ['2', 'w"z'] }, // a quote inside an unquoted field is a plain character
      { line: 7, fields: ['3', ''] },
    ]);
    expect(readCsv('a,b\n1,"2,3"\n', ',')).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2,3'] }]);
  });

  it('refuses a malformed quoted field with the line its record starts on', () => {
    const unclosed = (() => { try { readCsv('a;b\n1;2\n3;"never closed\n4;5\n'); } catch (e) { return e; } })();
    expect(unclosed).toBeInstanceOf(CsvSyntaxError);
    expect((unclosed as CsvSyntaxError).line).toBe(3);
    // Text after a closing quote is kept as written (relax_quotes), as FINESS's stray quotes need.
    expect(readCsv('a;b\n3;"x"y\n')[1]).toEqual({ line: 2, fields: ['3', '"x"y'] });
  });

  it('guards text cells that a spreadsheet would evaluate, and leaves numbers as numbers', () => {
    for (const formula of ['=1+1', '=HYPERLINK("http://x.example")', '+33 2 47', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '-', '+'])
      expect(formulaSafe(formula)).toBe(`'${formula}`);
    for (const plain of ['abc', 'a=b', ' =1', '12', '-12', '+3', '-1.5', "'=x"]) expect(formulaSafe(plain)).toBe(plain);
    expect(formulaSafe(-3)).toBe(-3);
    expect(formulaSafe(null)).toBeNull();
    expect(formulaSafe(undefined)).toBeNull();
  });

  it('writes what it reads back, separators and line breaks quoted, formula-like cells neutralised', () => {
    const text = writeCsv(['name', 'count', 'note'], [['A;\n"B"', -2, '=cmd|\' /C calc\'!A0'], ['@x', 0, null]]);
    expect(readCsv(text).map((r) => r.fields)).toEqual([['name', 'count', 'note'], ['A;\n"B"', '-2', '\'=cmd|\' /C calc\'!A0'], ["'@x", '0', '']]);
    expect(writeCsv(['a'], [['é']], { bom: true }).startsWith('\uFEFFa\n')).toBe(true);
  });
});

describe('readers on csv-parse keep their line numbers past a quoted line break', () => {
  it('capacity feed: notes may hold ";" and line breaks; a bad line is named by its file line; a malformed quote refuses the body', () => {
    const body = 'establishmentFiness;ufCode;installedBeds;availableMen;availableWomen;availableUndifferentiated;notes\n'
      + '370000481;4557;10;1;1;1;"two;\nlines"\n370000481;4558;x;1;1;1;\n';
    const [first, second] = parseCsvBody(body);
    expect(first).toEqual({ line: 2, value: expect.objectContaining({ ufCode: '4557', notes: 'two;\nlines' }) });
    expect(second).toMatchObject({ line: 4, field: 'installedBeds' });
    const refused = (() => { try { parseCsvBody(`${body}370000481;4559;1;1;1;1;"open\n`); } catch (e) { return e; } })();
    expect(refused).toBeInstanceOf(HubError);
    expect((refused as HubError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', line: 5 });
  });

  it('RPU CSV: a wrong field count after a multi-line field is reported on its own line', () => {
    const text = 'FINESS;NAISSANCE;SEXE;ENTREE;MODE_ENTREE;SORTIE;MODE_SORTIE;MOTIF\n'
      + '370004467;01/01/1960;F;03/12/2026 10:41;8;03/12/2026 16:24;8;"chute;\nescalier"\n'
      + '370004467;01/01/1960;F\n';
    const parsed = parseRpu(text);
    expect(parsed.records[0]).toMatchObject({ line: 2, fields: { MOTIF: 'chute;\nescalier' } });
    expect(parsed.problems).toEqual([{ line: 4, record: 2, field: null, message: 'expected 8 fields, got 3' }]);
    expect(parseRpu(`${text}"unclosed\n`).problems).toEqual([{ line: 5, record: null, field: null, message: expect.stringMatching(/^malformed CSV: a quoted field is never closed/) }]);
  });

  it('FINESS demo CSV: a quoted address with a line break and ";" is kept, the next bad row named by its line', () => {
    const header = 'nofinesset;nofinessej;rs;adresse;code_postal;commune;code_insee_commune;departement;categetab;latitude;longitude';
    const text = `${header}\n180000010;180000028;CH BOURGES;"145 AV F MITTERAND;\nBAT B";18020;BOURGES;18033;18;355;47.08;2.43\n180000011;180000028;CH X;;;;;18;355;;\n`;
    const parsed = parseFiness(text);
    expect(parsed.valid.map((e) => [e.line, e.addressLine])).toEqual([[2, '145 AV F MITTERAND; BAT B']]);
    expect(parsed.rejectedLines).toEqual([4]);
  });
});
