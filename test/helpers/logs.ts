/** A destination for a hub's pino logger whose JSON lines a test reads (startTestHub's `logs`). */
import { Writable } from 'node:stream';

export interface CapturedLogs<T> {
  stream: Writable;
  /** Each line, parsed. */
  lines: T[];
  /** Each line as written. */
  raw: string[];
}

export function captureLogs<T = Record<string, unknown>>(): CapturedLogs<T> {
  const lines: T[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n')) {
        if (!text.trim()) continue;
        raw.push(text);
        lines.push(JSON.parse(text) as T);
      }
      done();
    },
  });
  return { stream, lines, raw };
}
