/** Every server of the hub answers /health, /ready and Prometheus /metrics. */
import { describe, it, expect, inject } from 'vitest';

const hub = inject('hubs').pglite!;
const servers: Record<string, string> = {
  gateway: new URL('/', hub.graphql).toString(),
  ...Object.fromEntries(Object.entries(hub.subgraphs).map(([name, url]) => [name, new URL('/', url).toString()])),
};

describe.each(Object.entries(servers))('%s server', (service, base) => {
  it('is healthy and ready', async () => {
    const health = await fetch(new URL('/health', base));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', service });
    const ready = await fetch(new URL('/ready', base));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', service });
  });

  it('exposes Prometheus metrics counting its requests', async () => {
    await fetch(new URL('/health', base));
    const response = await fetch(new URL('/metrics', base));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(new RegExp(`http_requests_total\\{[^}]*route="/health"[^}]*service="${service}"[^}]*\\} \\d+`));
    if (service === 'gateway') expect(text).toContain('process_cpu_seconds_total');
  });
});

describe('gateway to subgraph connections', () => {
  const counter = async (base: string, name: string) => {
    const text = await (await fetch(new URL('/metrics', base))).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
    return Number(line?.split(' ').at(-1) ?? NaN);
  };

  it('are kept alive: 30 federated queries open at most a handful of connections to a subgraph', async () => {
    const capacities = servers.capacities!;
    const before = await counter(capacities, 'http_connections_opened_total');
    for (let i = 0; i < 30; i++) {
      const response = await fetch(hub.graphql, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ units(first: 3) { edges { node { capacity { availableBeds } } } } }` }),
      });
      expect(response.status).toBe(200);
    }
    const opened = (await counter(capacities, 'http_connections_opened_total')) - before;
    // Our own two /metrics reads open at most two; the gateway's 30 subgraph fetches reuse sockets.
    expect(opened).toBeLessThanOrEqual(4);
  });
});

describe('gateway home page', () => {
  // `/` is the web console (docs/console.md; serving in detail: test/console-serving.test.ts).
  it('is the console, whose scripts and styles answer', async () => {
    const response = await fetch(servers.gateway!);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>ROR Hub — Répertoire Opérationnel des Ressources</title>');
    const links = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect((await fetch(new URL(link, servers.gateway!))).status, link).toBe(200);
  });
});
