/**
 * How `npm start` and `npm run serve` fail to start: a known cause (bad configuration, taken port,
 * embedded database held by another process) is its message alone on stderr, with no stack trace,
 * since the operator has a variable to change, not a bug to read; anything else is printed whole.
 */
import { ConfigError, type HubConfig } from '../../platform/config.js';
import { DatabaseBusyError } from '../../platform/db/dir-lock.js';
import { PortInUseError } from './ports.js';

export function startupFailure(error: unknown): never {
  const known = error instanceof ConfigError || error instanceof PortInUseError || error instanceof DatabaseBusyError;
  console.error(known ? error.message : error);
  process.exit(1);
}

/** Separate processes must share the identity-envelope key, so it cannot be drawn here. */
export function requiredSecret(config: HubConfig): string {
  if (!config.internalSecret) throw new ConfigError(['ROR_INTERNAL_SECRET is required when components run in separate processes (at least 32 characters, the same for all)']);
  return config.internalSecret;
}
