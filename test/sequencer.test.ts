/** test/sequencer.ts: the order files start in (longest recorded first, unrecorded before all). */
import { describe, expect, it } from 'vitest';
import { longestFirst, recordedDurations } from './sequencer.js';

describe('test file order', () => {
  it('starts unrecorded files first, then the recorded ones longest first', () => {
    const seconds = { 'test/a.test.ts': 3, 'test/b.test.ts': 120, 'test/c.test.ts': 40 };
    const files = ['test/a.test.ts', 'test/new.test.ts', 'test/b.test.ts', 'test/c.test.ts', 'test/other-new.test.ts'];
    expect(longestFirst(files, (f) => f, seconds)).toEqual(['test/new.test.ts', 'test/other-new.test.ts', 'test/b.test.ts', 'test/c.test.ts', 'test/a.test.ts']);
  });

  it('reads the record of the project, paths from the root', () => {
    const recorded = recordedDurations();
    expect(Object.keys(recorded)).toContain('test/sequencer.test.ts');
    expect(recorded['test/fuzz.test.ts']).toBeGreaterThan(0);
  });
});
