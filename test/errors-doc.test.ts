/** docs/errors.md and the error catalog (platform/errors.ts ERROR_CODES) list the same codes and statuses. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '../platform/errors.js';

const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');

/** Table rows whose first cell is a backticked UPPER_CASE code: code → the row's cells. */
function documentedCodes(markdown: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of markdown.split('\n')) {
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
    const code = /^`([A-Z][A-Z0-9_]*)`$/.exec(cells[0] ?? '')?.[1];
    if (line.trim().startsWith('|') && code) {
      expect(rows.has(code), `${code} is documented twice`).toBe(false);
      rows.set(code, cells.slice(1));
    }
  }
  return rows;
}

describe('docs/errors.md', () => {
  const documented = documentedCodes(doc);

  it('documents every code of the catalog', () => {
    const missing = Object.keys(ERROR_CODES).filter((code) => !documented.has(code));
    expect(missing, 'codes of ERROR_CODES missing from docs/errors.md').toEqual([]);
  });

  it('documents no code the catalog lacks', () => {
    const unknown = [...documented.keys()].filter((code) => !Object.hasOwn(ERROR_CODES, code));
    expect(unknown, 'codes in docs/errors.md that ERROR_CODES does not define').toEqual([]);
  });

  it("gives each code the catalog's status", () => {
    for (const [code, cells] of documented) {
      if (!Object.hasOwn(ERROR_CODES, code)) continue;
      expect(Number(cells[0]), `status of ${code}`).toBe(ERROR_CODES[code as keyof typeof ERROR_CODES].status);
    }
  });

  it('explains masking', () => {
    expect(doc).toMatch(/^## Masking/m);
    expect(doc).toContain('errorId');
  });
});
