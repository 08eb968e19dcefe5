/**
 * The hub's own operations are typed by graphql-codegen from the supergraph (issue 19,
 * scripts/codegen-operations.ts): the committed schemas/operations.ts is what codegen gives now,
 * and an operation that no longer fits the schema fails the generation instead of typing it.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { OPERATIONS_FILE, operationsConfig, runOperationsCodegen } from '../scripts/codegen-operations.js';

const ROOT = new URL('..', import.meta.url);

describe('hub operations codegen', () => {
  it(`${OPERATIONS_FILE} is up to date (run \`npm run codegen\` after editing an operation)`, async () => {
    const generated = await runOperationsCodegen(false);
    expect(generated).toContain('export type ApplicationGrantsQuery =');
    expect(readFileSync(new URL(OPERATIONS_FILE, ROOT), 'utf8'), `${OPERATIONS_FILE} is stale: npm run codegen`).toBe(generated);
  });

  it('refuses an operation asking for a field the schema does not have', async () => {
    const config = operationsConfig();
    const stale = `query ApplicationGrants($clientId: ID!) { applicationGrants(clientId: $clientId) { clientId secret } }`;
    await expect(generate({ ...config, documents: [stale] }, false)).rejects.toThrow(/secret/);
  });
});
