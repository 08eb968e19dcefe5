/**
 * deploy/kubernetes, checked without a cluster (there is none here): every manifest is valid
 * against the Kubernetes OpenAPI schemas (kubernetes-models' validators), the kustomization lists
 * every file, and each component's Deployment matches what the code accepts: the serve command's
 * component, its port variable, probes on /ready and /health, variables of the configuration
 * schema that load into a valid production configuration, secrets from the Secret, a Service and
 * a PodDisruptionBudget selecting its pods; the gateway is the HPA's target and the Ingress's backend.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { ConfigMap, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { ENV_SCHEMA, loadConfig, SUBGRAPH_NAMES } from '../platform/config.js';

const DIR = fileURLToPath(new URL('../deploy/kubernetes/', import.meta.url));
const COMPONENTS = [...SUBGRAPH_NAMES, 'gateway'] as const;
const PORT_VARIABLE = (component: string) => (component === 'gateway' ? 'PORT' : `${component.toUpperCase()}_PORT`);

interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

const MODELS: Record<string, { validate(data: unknown): void }> = {
  'v1/ConfigMap': { validate: (data) => new ConfigMap(data as never).validate() },
  'v1/Service': { validate: (data) => new Service(data as never).validate() },
  'apps/v1/Deployment': { validate: (data) => new Deployment(data as never).validate() },
  'policy/v1/PodDisruptionBudget': { validate: (data) => new PodDisruptionBudget(data as never).validate() },
  'autoscaling/v2/HorizontalPodAutoscaler': { validate: (data) => new HorizontalPodAutoscaler(data as never).validate() },
  'networking.k8s.io/v1/Ingress': { validate: (data) => new Ingress(data as never).validate() },
};

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
const manifests: Manifest[] = files.flatMap((file) =>
  parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((doc) => {
    expect(doc.errors, file).toEqual([]);
    return { ...(doc.toJS() as Omit<Manifest, 'file'>), file };
  }),
);
const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);

interface Container {
  name: string;
  image: string;
  command: string[];
  ports: { name: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string } }[];
  env: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } } }[];
  readinessProbe: { httpGet: { path: string; port: string } };
  livenessProbe: { httpGet: { path: string; port: string } };
}
interface PodSpec {
  template: { metadata: { labels: Record<string, string> }; spec: { containers: Container[]; securityContext?: { runAsNonRoot?: boolean } } };
  selector: { matchLabels: Record<string, string> };
}

const selects = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  it('are valid against the Kubernetes OpenAPI schemas, and the kustomization lists every file', () => {
    for (const manifest of manifests) {
      const { file, ...data } = manifest;
      const model = MODELS[`${data.apiVersion}/${data.kind}`];
      expect(model, `${file}: ${data.apiVersion} ${data.kind} has no validator here`).toBeDefined();
      expect(() => model!.validate(data), `${file}: ${data.kind} ${data.metadata.name}`).not.toThrow();
    }
    const kustomization = parseAllDocuments(readFileSync(join(DIR, 'kustomization.yaml'), 'utf8'))[0]!.toJS() as { resources: string[] };
    expect([...kustomization.resources].sort()).toEqual([...files].sort());
  });

  it.each(COMPONENTS)('%s: a Deployment serving it, probed on /ready and /health, with a Service and a PodDisruptionBudget', (component) => {
    const deployment = find('Deployment', component);
    expect(deployment, `Deployment ${component}`).toBeDefined();
    const spec = deployment!.spec as unknown as PodSpec;
    expect(selects(spec.selector.matchLabels, spec.template.metadata.labels)).toBe(true);
    expect(spec.template.spec.securityContext?.runAsNonRoot).toBe(true); // the image runs as `node`
    const [container] = spec.template.spec.containers;
    expect(container!.command).toEqual(['npm', 'run', 'serve', '--', component]);
    const port = container!.ports.find((p) => p.name === 'http')!.containerPort;
    expect(container!.env.find((e) => e.name === PORT_VARIABLE(component))?.value).toBe(String(port));
    expect(container!.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(container!.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });

    const service = find('Service', component)!;
    expect(selects((service.spec as { selector: Record<string, string> }).selector, spec.template.metadata.labels)).toBe(true);
    expect((service.spec as { ports: { port: number }[] }).ports[0]!.port).toBe(port);
    const budget = find('PodDisruptionBudget', component)!;
    expect(selects((budget.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels, spec.template.metadata.labels)).toBe(true);
  });

  it.each(COMPONENTS)('%s: its variables are the hub\'s, secrets come from the Secret, and they load as a production configuration', (component) => {
    const container = (find('Deployment', component)!.spec as unknown as PodSpec).template.spec.containers[0]!;
    const config = find('ConfigMap', container.envFrom![0]!.configMapRef!.name)!;
    const known = new Set(Object.keys(ENV_SCHEMA.properties));
    const names = [...Object.keys(config.data!), ...container.env.map((e) => e.name)];
    expect(names.filter((name) => !known.has(name))).toEqual([]);
    const secrets = container.env.filter((e) => e.valueFrom?.secretKeyRef);
    for (const secret of secrets) expect(secret.valueFrom!.secretKeyRef!.name).toBe('ror-hub');
    expect(secrets.map((e) => e.name)).toEqual(expect.arrayContaining(['DATABASE_URL', 'ROR_INTERNAL_SECRET']));
    // The configuration this process would load, with placeholder secrets: valid, in production,
    // on PostgreSQL, without the demo region; other components reached by their Service names.
    const env: Record<string, string> = { ...config.data };
    for (const e of container.env) env[e.name] = e.value ?? (e.name === 'ROR_ADMISSION_DATA_KEY' ? `${'A'.repeat(43)}=` : e.name === 'DATABASE_URL' ? 'postgres://ror:secret@postgres:5432/ror' : e.name === 'SMTP_URL' ? 'smtp://mail:25' : 'placeholder-secret-0123456789abcdef-0123456789');
    const loaded = loadConfig(env);
    expect(loaded.nodeEnv).toBe('production');
    expect(loaded.seedDemo).toBe(false);
    for (const other of SUBGRAPH_NAMES) expect(env[`${other.toUpperCase()}_URL`]).toBe(`http://${other}:${(find('Service', other)!.spec as { ports: { port: number }[] }).ports[0]!.port}/graphql`);
  });

  it('scales the gateway with an HPA (no fixed replica count to fight it) and publishes only the gateway', () => {
    const hpa = find('HorizontalPodAutoscaler', 'gateway')!;
    expect(hpa.spec!.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    expect((find('Deployment', 'gateway')!.spec as { replicas?: number }).replicas).toBeUndefined();
    const ingresses = manifests.filter((m) => m.kind === 'Ingress');
    const backends = JSON.stringify(ingresses.map((i) => i.spec)).match(/"service":\{"name":"(\w+)"/g);
    expect(backends).toEqual(['"service":{"name":"gateway"']);
    for (const subgraph of SUBGRAPH_NAMES) expect((find('Deployment', subgraph)!.spec as { replicas: number }).replicas).toBeGreaterThanOrEqual(2);
  });
});
