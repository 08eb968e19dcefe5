import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'platform/**/*.test.ts', 'subgraphs/**/*.test.ts', 'gateway/**/*.test.ts', 'fhir/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    env: { APOLLO_TELEMETRY_DISABLED: '1' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
