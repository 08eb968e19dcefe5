// Import boundaries of the project (docs/architecture.md): subgraphs never import each other,
// the gateway or fhir/; platform/ imports nothing else of the project; gateway/ and fhir/ never
// import subgraphs. test/architecture.test.ts proves each rule fires.
import tseslint from 'typescript-eslint';

const SUBGRAPHS = ['offer', 'capacities', 'tensions', 'professionals'];
const APP_FOLDERS = ['gateway', 'fhir', 'scripts', 'test', 'bench', 'web'];

// Matches relative specifiers that reach one of `folders` (e.g. '../../gateway/app.js'); package
// names such as '@apollo/gateway' never match.
const forbid = (folders, why) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ regex: `^(\\.{1,2}/)+(${folders.join('|')})(/|$)`, message: why }] },
  ],
});

export default [
  { ignores: ['node_modules/**', '.data/**', '.build/**', '**/migrations/**', 'web/dist/**', 'web/src/gql/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 2023, sourceType: 'module' } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-debugger': 'error',
    },
  },
  {
    files: ['platform/**'],
    rules: forbid(['subgraphs', ...APP_FOLDERS], 'platform/ is the shared runtime: it imports nothing else of the project.'),
  },
  ...SUBGRAPHS.map((name) => ({
    files: [`subgraphs/${name}/**`],
    rules: forbid(
      [...SUBGRAPHS.filter((other) => other !== name).flatMap((o) => [o, `subgraphs/${o}`]), ...APP_FOLDERS],
      'A subgraph imports only platform/, schemas/ and its own folder: cross-domain data goes through federation.',
    ),
  })),
  {
    files: ['gateway/**'],
    rules: forbid(['subgraphs', 'fhir', 'scripts', 'test', 'bench', 'web'], 'The gateway reaches subgraphs over HTTP only, and never imports fhir/.'),
  },
  {
    files: ['web/src/**'],
    rules: forbid(['platform', 'subgraphs', 'gateway', 'fhir', 'scripts', 'test', 'bench', 'schemas'], 'The console is a client like any other: it talks to the hub over HTTP and WebSocket only.'),
  },
  {
    files: ['fhir/**'],
    rules: forbid(['subgraphs', 'gateway', 'scripts', 'test', 'bench', 'web'], 'fhir/ reads through the injected gateway executor, never the subgraphs or the gateway code.'),
  },
];
