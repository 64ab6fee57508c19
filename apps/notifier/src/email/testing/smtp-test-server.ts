import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

const reply = (responseCode: number, message: string): Error => Object.assign(new Error(message), { responseCode });

/**
 * A real SMTP server (the `smtp-server` package) on a random port for tests: it records what it
 * accepts, can answer the next messages with given codes (451, then 250), refuses recipients for
 * good (550), and can stop and start again on the same port (an outage).
 */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  /** Codes to answer the next messages with, one each, instead of accepting them. */
  readonly nextReplies: number[] = [];
  /** Recipients refused at RCPT TO with 550. */
  readonly refused = new Set<string>();
  private server?: SMTPServer;
  private waiters: { count: number; resolve: () => void }[] = [];
  port = 0;

  static async start(): Promise<SmtpTestServer> {
    const smtp = new SmtpTestServer();
    await smtp.listen();
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        // As real servers do, the refusal names the address.
        if (this.refused.has(address.address)) callback(reply(550, `5.1.1 <${address.address}>: Recipient address rejected`));
        else callback();
      },
      onData: (stream: SMTPServerDataStream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const code = this.nextReplies.shift();
          if (code !== undefined) {
            callback(reply(code, code >= 500 ? 'Refused for good' : 'Try again later'));
            return;
          }
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          this.waiters = this.waiters.filter((waiter) => (this.received.length >= waiter.count ? (waiter.resolve(), false) : true));
          callback();
        });
      },
    });
    server.on('error', () => undefined);
    server.listen(this.port, '127.0.0.1');
    await once(server.server, 'listening');
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and drops open connections: an outage until `listen()` again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resolves once `count` messages in all were accepted. */
  waitForMessages(count: number, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    if (this.received.length >= count) return Promise.resolve(this.received);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.received.length} of ${count} messages within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve(this.received)) });
    });
  }
}
