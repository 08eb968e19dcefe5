/**
 * An object built on first use. The demo seed hands each subgraph its part of the region, and a
 * subgraph that already holds data returns before reading it: on a restart no part is read, so
 * the region (the FINESS and SAE files parsed, units planned: about 0.3 s of CPU) is never built
 * (issue 16). Reads, `in`, spreads and `Object.keys` see the built object.
 */
export function lazyObject<T extends object>(build: () => T): T {
  let built: T | null = null;
  const target = () => (built ??= build());
  return new Proxy({} as T, {
    get: (_shell, key) => Reflect.get(target(), key),
    has: (_shell, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_shell, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      return descriptor && { ...descriptor, configurable: true }; // a proxy may not report a non-configurable property its shell lacks
    },
  });
}
