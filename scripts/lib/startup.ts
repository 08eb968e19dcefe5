/**
 * How `npm start` and `npm run serve` fail to start: a known cause (bad configuration, taken port,
 * embedded database held by another process) is its message alone on stderr, with no stack trace,
 * since the operator has a variable to change, not a bug to read; anything else is printed whole.
 */
import { ConfigError } from '../../platform/config.js';
import { DatabaseBusyError } from '../../platform/db/dir-lock.js';
import { PortInUseError } from './ports.js';

export function startupFailure(error: unknown): never {
  const known = error instanceof ConfigError || error instanceof PortInUseError || error instanceof DatabaseBusyError;
  console.error(known ? error.message : error);
  process.exit(1);
}
