/**
 * A real SMTP server on loopback (smtp-server) that collects what it receives, and can refuse
 * some attempts the way real servers do (4xx temporary failures, 5xx quoting the recipient).
 */
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** Data transfers refused so far (each a failed attempt seen by the client). */
  refused: number;
  close(): Promise<void>;
}

export interface SmtpBehaviour {
  /** Refuse the first n messages with a temporary 451 error. */
  refuseFirst?: number;
  /** Refuse every recipient with a 550 error quoting the address (as many servers do). */
  refuseRecipients?: boolean;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSmtpServer(behaviour: SmtpBehaviour = {}): Promise<TestSmtpServer> {
  const state = { received: [] as ReceivedMail[], refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (behaviour.refuseRecipients) return callback(smtpError(`<${address.address}>: mailbox unavailable`, 550));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.refused < (behaviour.refuseFirst ?? 0)) {
          state.refused++;
          return callback(smtpError('Temporary local problem, try again later', 451));
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        state.received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get received() {
      return state.received;
    },
    get refused() {
      return state.refused;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
