/**
 * Vite build of the console (docs/console.md). The gateway serves web/dist at `/`; the build is
 * started by web/build/build.ts (npm start, the test run's global setup), never by hand.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // web/build/build.ts runs Vite in a child process with NODE_ENV=production: Vite and the React
  // plugin choose the production JSX runtime and React build from NODE_ENV, which is `test` in the
  // test run's process.
  mode: 'production',
  plugins: [react()],
  // DSFR's favicons and web manifest, as the design system prescribes, copied to the build's root.
  // (installed packages, where the Docker image's `npm ci` puts them too)
  publicDir: join(fileURLToPath(new URL('.', import.meta.url)), '..', 'node_modules', '@codegouvfr', 'react-dsfr', 'favicon'),
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // DSFR's fonts and icons stay files of their own: the CSP forbids data: fonts.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2_000,
    // The timing report is advice for plugin authors: noise in `npm start`'s output.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
