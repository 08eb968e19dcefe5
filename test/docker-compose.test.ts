/**
 * docker-compose.yml, checked structurally (no Docker engine here): the services, their commands
 * and variables must match what the code accepts, so a renamed script, variable or port fails CI
 * instead of a deployment.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ENV_SCHEMA, loadConfig, SUBGRAPH_NAMES, type HubConfig } from '../platform/config.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: Array<string | number>;
  healthcheck?: { test?: string | string[] };
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as { services?: Record<string, Service> };
const services = compose.services ?? {};
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** Components `npm run serve -- <component>` accepts (scripts/serve.ts COMPONENTS). */
const COMPONENTS: readonly string[] = [...SUBGRAPH_NAMES, 'gateway'];
const ENV_KEYS = new Set(Object.keys(ENV_SCHEMA.properties));
/** Variables the official postgres image reads. */
const POSTGRES_IMAGE_VARS = new Set([
  'POSTGRES_USER',
  'POSTGRES_PASSWORD',
  'POSTGRES_DB',
  'POSTGRES_INITDB_ARGS',
  'POSTGRES_INITDB_WALDIR',
  'POSTGRES_HOST_AUTH_METHOD',
  'PGDATA',
]);

function commandOf(service: Service): string[] {
  const { command } = service;
  if (command === undefined) return [];
  return Array.isArray(command) ? command : command.trim().split(/\s+/);
}

/** The component a service serves (`npm run serve -- <component>`), if any. */
function componentOf(service: Service): string | undefined {
  const [npm, run, script, dashes, arg] = commandOf(service);
  return npm === 'npm' && run === 'run' && script === 'serve' && dashes === '--' ? arg : undefined;
}

/** Required values with a format of their own (a base64 key). */
const REQUIRED_PLACEHOLDERS: Record<string, string> = { ROR_ADMISSION_DATA_KEY: `${'A'.repeat(43)}=` };

/** Compose interpolation: `${X:-default}` gives its default, other references a placeholder long enough for any required value (secrets need 32+ characters). */
function interpolate(value: string): string {
  return value.replace(/\$\{(\w+)(?::?-([^}]*)|:?\?[^}]*)?\}/g, (_, name: string, fallback?: string) => fallback ?? REQUIRED_PLACEHOLDERS[name] ?? 'placeholder-for-a-required-value-0123456789');
}

function environmentOf(service: Service): Record<string, string> {
  const { environment } = service;
  if (!environment) return {};
  const entries = Array.isArray(environment)
    ? environment.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const)
    : Object.entries(environment).map(([key, value]) => [key, value === null ? '' : String(value)] as const);
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolate(value)]));
}

function dependenciesOf(service: Service): string[] {
  const { depends_on: deps } = service;
  if (!deps) return [];
  return Array.isArray(deps) ? deps : Object.keys(deps);
}

/** The configuration the service's process would load, defaults applied (throws on a bad value). */
const configOf = (service: Service): HubConfig => loadConfig(environmentOf(service));

/** Port the service's process listens on. */
function listenPort(service: Service): number {
  const component = componentOf(service);
  const config = configOf(service);
  if (component === 'gateway') return config.gatewayPort;
  return config.subgraphPorts[component as (typeof SUBGRAPH_NAMES)[number]];
}

const hubServices = Object.entries(services).filter(([, s]) => componentOf(s) !== undefined);
const serviceServing = (component: string) => hubServices.find(([, s]) => componentOf(s) === component);

describe('docker-compose.yml', () => {
  it('declares postgres, the five subgraphs and the gateway', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', ...SUBGRAPH_NAMES, 'gateway']));
    expect(services.postgres?.image).toMatch(/^postgres:15/);
  });

  it('builds one image, which every hub service runs', () => {
    const built = Object.entries(services).filter(([, s]) => s.build !== undefined);
    expect(built.map(([name]) => name)).toHaveLength(1);
    const image = built[0]?.[1].image;
    expect(image).toBe('ror-hub:latest');
    for (const [name, service] of hubServices) expect(service.image, name).toBe(image);
  });

  it('runs only npm scripts that exist, and serves each component exactly once', () => {
    for (const [name, service] of Object.entries(services)) {
      const [npm, run, script] = commandOf(service);
      if (npm !== 'npm') continue;
      expect(run, name).toBe('run');
      expect(Object.keys(scripts), `${name}: npm run ${script}`).toContain(script);
    }
    for (const [name, service] of hubServices) expect(COMPONENTS, `${name} serves`).toContain(componentOf(service));
    expect(hubServices.map(([, s]) => componentOf(s)).sort()).toEqual([...COMPONENTS].sort());
  });

  it('sets only variables the hub (or the postgres image) knows, with values the hub accepts', () => {
    for (const [name, service] of Object.entries(services)) {
      const known = componentOf(service) === undefined ? POSTGRES_IMAGE_VARS : ENV_KEYS;
      for (const key of Object.keys(environmentOf(service))) expect([...known], `${name}: ${key}`).toContain(key);
    }
    for (const [name, service] of hubServices) {
      expect(() => configOf(service), name).not.toThrow();
      expect(['0.0.0.0', '::'], `${name} must listen on every interface`).toContain(configOf(service).host);
    }
  });

  it('puts every subgraph on the postgres service, never on a PGlite inside its container', () => {
    for (const subgraph of SUBGRAPH_NAMES) {
      const [name, service] = serviceServing(subgraph) ?? [subgraph, {}];
      const { database } = configOf(service);
      expect(database.kind, name).toBe('postgres');
      if (database.kind === 'postgres') expect(services[new URL(database.url).hostname], `${name}: DATABASE_URL host`).toBeDefined();
      expect(dependenciesOf(service), name).toContain('postgres');
    }
  });

  it("points the gateway at each subgraph's service and port", () => {
    const [, gateway] = serviceServing('gateway') ?? ['gateway', {}];
    const urls = configOf(gateway).subgraphUrls;
    for (const subgraph of SUBGRAPH_NAMES) {
      const url = new URL(urls[subgraph]);
      const target = services[url.hostname];
      expect(target, `${subgraph.toUpperCase()}_URL host ${url.hostname}`).toBeDefined();
      expect(componentOf(target ?? {}), `${url.hostname} serves`).toBe(subgraph);
      expect(Number(url.port), `${subgraph.toUpperCase()}_URL port`).toBe(listenPort(target ?? {}));
      expect(url.pathname).toBe('/graphql');
      expect(dependenciesOf(gateway)).toContain(url.hostname);
    }
    expect(gateway.ports?.map(String)).toContain(`${listenPort(gateway)}:${listenPort(gateway)}`);
  });

  it('depends only on services that exist, and health-checks each hub service on its own port', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const dependency of dependenciesOf(service)) expect(Object.keys(services), `${name} depends on`).toContain(dependency);
    }
    for (const [name, service] of hubServices) {
      const test = [service.healthcheck?.test ?? []].flat().join(' ');
      expect(test, `${name} healthcheck`).toContain(`:${listenPort(service)}/ready`);
    }
  });
});

/** TypeScript sources under `dir` (relative to the root), tests excluded. */
/** Paths .dockerignore keeps out of the build context (plain paths only: the file uses no globs but `.data*`). */
const ignoredByDocker = (): Set<string> =>
  new Set(read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));

function sourceFiles(dir: string, ignored = ignoredByDocker()): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (ignored.has(path)) return [];
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path, ignored);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('Dockerfile', () => {
  const built = Object.values(services).filter((s) => s.build !== undefined);
  const dockerfile = (service: Service) =>
    typeof service.build === 'string'
      ? join(service.build, 'Dockerfile')
      : join(service.build?.context ?? '.', service.build?.dockerfile ?? 'Dockerfile');

  it('exists for every service built from the repository', () => {
    for (const service of built) expect(existsSync(join(ROOT, dockerfile(service))), dockerfile(service)).toBe(true);
  });

  it.runIf(built.length > 0)('copies every folder the runtime imports or reads, and only paths that exist', () => {
    const text = read('Dockerfile');
    expect(text).toMatch(/^FROM node:24/m); // Node 24 LTS (D60)
    expect(text).toMatch(/APOLLO_TELEMETRY_DISABLED=1/);
    const copied = [...text.matchAll(/^COPY\s+(?!--from)(.+?)\s+\S+\s*$/gm)].flatMap((m) => (m[1] ?? '').split(/\s+/));
    for (const source of copied) expect(existsSync(join(ROOT, source)), `COPY ${source}`).toBe(true);

    // Every relative import or file URL in the copied sources must land in a copied path.
    const sources = copied.filter((p) => statSync(join(ROOT, p)).isDirectory());
    const files = sources.flatMap((dir) => sourceFiles(dir));
    const reached = new Set<string>();
    for (const file of files) {
      const code = read(file);
      for (const match of code.matchAll(/(?:from\s+|import\s*\(\s*|new URL\(\s*)'(\.\.?\/[^']*)'/g)) {
        const target = relative(ROOT, resolve(ROOT, dirname(file), match[1] ?? ''));
        reached.add(target.split(sep)[0] ?? target);
      }
    }
    for (const top of reached) expect(copied, `imported or read at run time: ${top}`).toContain(top);
  });
});
