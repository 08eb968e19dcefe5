/** National code systems (NOS) the offer subgraph uses, by canonical URL: derived from the terminology files. */
import { CODE_SYSTEM_KEYS, TERMINOLOGY, type CodeSystemKey } from './terminology/systems.js';

export type { CodeSystemKey };

export const CODE_SYSTEMS: Readonly<Record<CodeSystemKey, string>> = Object.fromEntries(
  CODE_SYSTEM_KEYS.map((key) => [key, TERMINOLOGY[key].url]),
) as Record<CodeSystemKey, string>;
