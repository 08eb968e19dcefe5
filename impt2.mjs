if (process.env.HOOK) { const { registerHooks } = await import('node:module'); registerHooks({ resolve: (s, c, n) => n(s, c) }); }
const t0 = performance.now();
await import('@apollo/gateway'); await import('oidc-provider'); await import('fastify'); await import('mercurius'); await import('drizzle-orm/pg-core'); await import('undici');
const c = process.cpuUsage();
console.log(process.env.HOOK ? 'hook' : 'none', Math.round(performance.now() - t0), 'cpu', Math.round((c.user + c.system) / 1000));
