/** Structured JSON logging (pino). One root logger per process; components take children. */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';
import { currentRequestId } from './request-context.js';
import { traceIds } from './tracing.js';

export type { Logger };

/** Fastify's request loggers already bind `reqId` (and `trace_id` when tracing): the mixin must not write them twice. */
function binds(logger: Logger, key: string): boolean {
  const chindings = (logger as unknown as Record<symbol, string | undefined>)[pino.symbols.chindingsSym];
  return chindings?.includes(`"${key}":`) ?? false;
}

/**
 * @param destination where lines go (stdout by default; tests pass a stream to read them)
 */
export function createLogger(level: LogLevel, base: Record<string, unknown> = {}, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'ror-hub', ...base },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Tokens and identity headers must never reach the logs.
    redact: ['req.headers.authorization', 'req.headers["x-ror-identity"]'],
    // Every line written while a request is being served names it (platform/request-context.ts),
    // and, when traces are on, the trace and span it belongs to (platform/tracing.ts).
    mixin: (_merge: object, _level: number, logger: Logger) => {
      const reqId = currentRequestId();
      return { ...(reqId && !binds(logger, 'reqId') ? { reqId } : {}), ...(binds(logger, 'trace_id') ? {} : traceIds()) };
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
