import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  parsed: ParsedMail;
}

export interface TestRelay {
  /** smtp://127.0.0.1:<port> */
  url: string;
  mails: ReceivedMail[];
  /** While down, every connection is refused with 421 (a relay out of service). */
  down: boolean;
  /** The mails whose envelope names this address. */
  to(email: string): ReceivedMail[];
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on a free port, as the platform's relay: it parses and keeps what it receives. */
export async function startTestRelay(): Promise<TestRelay> {
  const relay: TestRelay = {
    url: '',
    mails: [],
    down: false,
    to: (email) => relay.mails.filter((m) => m.to.includes(email.toLowerCase())),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
  const server = new SMTPServer({
    authOptional: true,
    // the test relay speaks plain SMTP: no self-signed STARTTLS for the client to trip on
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      if (relay.down) return callback(Object.assign(new Error('Service temporairement indisponible'), { responseCode: 421 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          relay.mails.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), parsed });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  relay.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  afterAll(() => relay.close());
  return relay;
}
