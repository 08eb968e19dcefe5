/**
 * graphql-codegen for the console: every `graphql(...)` operation under web/src is typed from the
 * supergraph's API schema into web/src/gql/ (client preset, typed document nodes). The output is
 * committed, so building the console needs no codegen; `npm run codegen` rewrites it, and
 * test/console-operations.test.ts fails when it is not up to date.
 * Run: `npm run codegen`.
 */
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiSchemaSdl } from './api-schema.js';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const GENERATED_DIR = 'web/src/gql/';

export function codegenConfig(): Types.Config {
  return {
    cwd: ROOT,
    schema: apiSchemaSdl(),
    documents: ['web/src/**/*.{ts,tsx}', `!${GENERATED_DIR}**`],
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      [GENERATED_DIR]: {
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          scalars: { DateTime: 'string', ID: 'string' },
          defaultScalarType: 'unknown',
        },
      },
    },
  };
}

/** The generated files, by path relative to the repository root; written when `write`. */
export async function runCodegen(write: boolean): Promise<Map<string, string>> {
  const files = (await generate(codegenConfig(), write)) as Types.FileOutput[];
  return new Map(files.map((file) => [file.filename.replace(ROOT, '').replace(/^\//, ''), file.content]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await runCodegen(true);
  console.log(`codegen: ${[...files.keys()].join(', ')}`);
}
