/** The import-boundary rule fires where it must (so `npm run lint` can fail), and not on allowed imports. */
import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['subgraphs/offer/x.ts', "import '../capacities/store.js';"],
    ['subgraphs/tensions/x.ts', "import '../../subgraphs/offer/index.js';"],
    ['subgraphs/professionals/x.ts', "import '../../gateway/app.js';"],
    ['subgraphs/capacities/x.ts', "import '../../fhir/plugin.js';"],
    ['platform/x.ts', "import '../subgraphs/offer/index.js';"],
    ['platform/db/x.ts', "import '../../gateway/app.js';"],
    ['gateway/x.ts', "import '../subgraphs/offer/store.js';"],
    ['fhir/x.ts', "import '../gateway/app.js';"],
    ['web/src/x.ts', "import '../../platform/config.js';"],
    ['web/src/screens/x.tsx', "import '../../../gateway/app.js';"],
  ])('%s may not %s', async (file, code) => {
    expect(await violations(file, code)).toHaveLength(1);
  });

  it.each([
    ['subgraphs/offer/x.ts', "import '../../platform/config.js'; import './store.js'; import '@apollo/gateway';"],
    ['fhir/x.ts', "import '../platform/executor.js';"],
    ['web/src/screens/x.tsx', "import '../gql'; import '@codegouvfr/react-dsfr/Button';"],
    ['scripts/x.ts', "import '../subgraphs/offer/index.js'; import '../gateway/app.js';"],
  ])('%s may %s', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});
