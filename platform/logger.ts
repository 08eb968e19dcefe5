/** Structured JSON logging (pino). One root logger per process; components take children. */
import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

export function createLogger(level: LogLevel, base: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { app: 'ror-hub', ...base },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Tokens and identity headers must never reach the logs.
    redact: ['req.headers.authorization', 'req.headers["x-ror-identity"]'],
  });
}
