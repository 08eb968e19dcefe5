/**
 * A real rest-hook receiver on the loopback (node:http) for FHIR subscription tests: records
 * every POST (headers and JSON body) and answers with the status `respond` gives, which a test
 * changes to play a receiver that refuses, is down, or comes back.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: NotificationBundle;
  /** The status the receiver answered. */
  answered: number;
}

export interface NotificationParameter {
  name: string;
  valueString?: string;
  valueCode?: string;
  valueCanonical?: string;
  valueReference?: { reference: string };
  part?: NotificationParameter[];
}

export interface NotificationBundle {
  resourceType: string;
  type: string;
  entry: Array<{ fullUrl?: string; resource?: Record<string, unknown> & { resourceType: string; parameter?: NotificationParameter[] }; request?: { method: string; url: string } }>;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** The status answered to the next POSTs (200 by default). */
  respond: (status: number) => void;
  close(): Promise<void>;
}

export async function startReceiver(path = '/hook'): Promise<Receiver> {
  let status = 200;
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answered = status;
      received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as NotificationBundle, answered });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    respond: (next) => void (status = next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The status Parameters (first entry) of a notification. */
export function statusOf(bundle: NotificationBundle): { type: string; status: string; eventsSinceStart: string; events: Array<{ number: number; focus: string }> } {
  const parameters = bundle.entry[0]!.resource!.parameter!;
  const value = (name: string) => parameters.find((p) => p.name === name);
  return {
    type: value('type')!.valueCode!,
    status: value('status')!.valueCode!,
    eventsSinceStart: value('events-since-subscription-start')!.valueString!,
    events: parameters
      .filter((p) => p.name === 'notification-event')
      .map((p) => ({
        number: Number(p.part!.find((q) => q.name === 'event-number')!.valueString),
        focus: p.part!.find((q) => q.name === 'focus')!.valueReference!.reference,
      })),
  };
}
