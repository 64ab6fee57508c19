import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { HealthChecks } from '@tessera/platform/observability/health';
import { Metrics } from '@tessera/platform/observability/metrics';
import { InjectConfig } from '@tessera/platform/platform.module';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { Clock } from '@tessera/platform/time/clock';
import type { Counter } from 'prom-client';
import type { MailTransport } from './mail-transport';
import { EMAIL_KINDS, Outbox, type OutboxMessage } from './outbox';
import { ticketQrPng } from './ticket-qr';

export const MAIL_TRANSPORT = Symbol('MailTransport');

/** Longer than a whole SMTP attempt can take (connection, greeting and socket timeouts): a sender that died mid-send leaves the message due again after it. */
const LEASE_MS = 120_000;
const MAX_RETRY_DELAY_MS = 30 * 60_000;
const BATCH = 50;

/**
 * What a failed attempt means. `permanent`: the server refused the message for good (5xx but 503):
 * parked at once. `refused`: it answered "not now" (4xx): tried again, and parked after
 * MAIL_MAX_ATTEMPTS such answers. `unreachable`: no answer at all (connection refused, timeout, TLS):
 * the server's fault, not the message's (so are refused credentials), so it is tried again for as
 * long as the outage lasts.
 */
export type SendFailure = 'permanent' | 'refused' | 'unreachable';

export const failureOf = (error: unknown): SendFailure => {
  const failure = error as { permanent?: boolean; responseCode?: number; code?: string };
  // Credentials the server refuses are the deployment's problem, not the message's: no message fails for them.
  if (typeof failure.responseCode !== 'number' || failure.code === 'EAUTH' || failure.code === 'ENOAUTH') return 'unreachable';
  const permanent = typeof failure.permanent === 'boolean' ? failure.permanent : failure.responseCode >= 500 && failure.responseCode !== 503;
  return permanent ? 'permanent' : 'refused';
};

/** The delay before attempt `attempts + 1`: MAIL_RETRY_MS, doubling, at most 30 minutes. */
export const retryDelayMs = (firstDelayMs: number, attempts: number): number => Math.min(firstDelayMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);

/** Servers often name the refused address in their answer: logs get it without the address. */
const withoutAddresses = (text: string): string => text.replace(/[^\s<>@"']+@[^\s<>@"']+/g, '<address>');

const describe = (error: unknown): string => {
  const failure = error as { message?: string; responseCode?: number; code?: string };
  return [failure.responseCode, failure.code, failure.message].filter((part) => part !== undefined).join(' ').slice(0, 500);
};

/**
 * Sends what the outbox holds, as it falls due: at once when the e-mail channel writes a message,
 * and every MAIL_POLL_MS for retries and hold warnings. Each attempt claims the message first (see
 * Outbox), so instances sharing the outbox send each message once. A failed attempt is tried
 * again with backoff (MAIL_RETRY_MS doubling, at most 30 minutes); a 5xx refusal, or the
 * MAIL_MAX_ATTEMPTS-th 4xx answer, parks the message as `failed` (GET /api/admin/outbox shows it).
 * An unreachable server fails no message: they wait out the outage, and the first send that goes
 * through afterwards makes the others due at once.
 *
 * The crash window: a process that dies after the server accepted a message and before it is
 * marked `sent` sends it again once its lease ends. Each message keeps one Message-ID across
 * attempts, so receivers that drop duplicates see it once.
 */
@Injectable()
export class OutboxSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Email');
  private readonly sent: Counter<string>;
  private timer?: NodeJS.Timeout;
  private passing?: Promise<void>;
  private again = false;
  private stopped = false;
  private lastFailure: { at: string; error: string } | null = null;
  private readonly domain: string;

  constructor(
    private readonly outbox: Outbox,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly codes: TicketCodes,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: TesseraConfig,
    metrics: Metrics,
    health: HealthChecks,
  ) {
    this.sent = metrics.counter('tessera_notifier_emails_total', 'E-mail send attempts by kind and outcome: sent, retried (will be tried again), failed (parked), dropped (a hold warning past its hold)', ['kind', 'outcome']);
    // Every series from the start, at 0: a kind first sent later is not a series that appears from nowhere (rate() and alerts see it from 0).
    for (const kind of EMAIL_KINDS) for (const outcome of ['sent', 'retried', 'failed', 'dropped']) this.sent.inc({ kind, outcome }, 0);
    this.domain = /@([^\s<>@]+)>?$/.exec(config.MAIL_FROM)?.[1] ?? 'tessera.local';
    // An SMTP outage does not make the app unready (bookings go on); /health shows it here.
    health.register('email', async () => ({
      transport: transport.kind,
      state: this.lastFailure ? 'failing' : 'ok',
      ...(this.lastFailure ? { lastFailure: this.lastFailure } : {}),
      pending: await outbox.count({ status: 'pending' }),
      failed: await outbox.count({ status: 'failed' }),
    }));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.outbox.ensureIndexes();
    this.timer = setInterval(() => this.wake(), this.config.MAIL_POLL_MS);
    this.timer.unref();
    this.wake();
  }

  /** Before the platform closes the stores (its onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.passing;
    await this.transport.close();
  }

  /** Looks for due messages now (after the pass in hand, if any). */
  wake(): void {
    if (this.stopped) return;
    if (this.passing) {
      this.again = true;
      return;
    }
    this.passing = this.pass()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not read the outbox; will look again'))
      .finally(() => {
        this.passing = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Sends everything due, batch by batch. Tests may await it. */
  async pass(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const due = await this.outbox.due(this.clock.now().getTime(), BATCH);
      if (due.length === 0) return;
      // Recipients in parallel (the SMTP pool's connections), each one's e-mails in the order they fell due.
      const byRecipient = new Map<string, OutboxMessage[]>();
      for (const message of due) byRecipient.set(message.to, [...(byRecipient.get(message.to) ?? []), message]);
      let progressed = false;
      await Promise.all(
        [...byRecipient.values()].map(async (messages) => {
          for (const message of messages) {
            if (this.stopped) return;
            if (await this.attempt(message)) progressed = true;
          }
        }),
      );
      // Everything due was claimed elsewhere meanwhile: the other sender has it.
      if (!progressed) return;
    }
  }

  /** One attempt at one message; false when another sender claimed it first. */
  private async attempt(message: OutboxMessage): Promise<boolean> {
    const now = this.clock.now();
    if (message.notAfter !== undefined && now.getTime() > message.notAfter) {
      // A hold warning the notifier did not get to before the hold's end: telling it now would be wrong.
      await this.outbox.cancel(message._id);
      this.sent.inc({ kind: message.kind, outcome: 'dropped' });
      return true;
    }
    if (!(await this.outbox.claim(message, now.getTime() + LEASE_MS))) return false;
    const attempts = message.attempts + 1;
    try {
      await this.transport.send(this.mailOf(message));
    } catch (error) {
      const reason = describe(error);
      const failure = failureOf(error);
      this.lastFailure = { at: now.toISOString(), error: withoutAddresses(reason) };
      const refusals = (message.refusals ?? 0) + (failure === 'refused' ? 1 : 0);
      if (failure === 'permanent' || refusals >= this.config.MAIL_MAX_ATTEMPTS) {
        await this.outbox.markFailed(message._id, reason, refusals);
        this.sent.inc({ kind: message.kind, outcome: 'failed' });
        this.logger.warn({ id: message._id, kind: message.kind, attempts, error: withoutAddresses(reason) }, 'e-mail not sent; parked as failed');
      } else {
        await this.outbox.retryAt(message._id, this.clock.now().getTime() + retryDelayMs(this.config.MAIL_RETRY_MS, attempts), reason, { refusals, unreachable: failure === 'unreachable' });
        this.sent.inc({ kind: message.kind, outcome: 'retried' });
        this.logger.warn({ id: message._id, kind: message.kind, attempts, error: withoutAddresses(reason) }, 'e-mail not sent; will try again');
      }
      return true;
    }
    await this.outbox.markSent(message._id, this.clock.now());
    if (this.lastFailure) {
      // The server answers again: what waited out the outage goes now, not when its backoff ends.
      this.lastFailure = null;
      if ((await this.outbox.resumeAfterOutage(this.clock.now().getTime())) > 0) this.wake();
    }
    this.sent.inc({ kind: message.kind, outcome: 'sent' });
    return true;
  }

  private mailOf(message: OutboxMessage): Parameters<MailTransport['send']>[0] {
    return {
      id: message._id,
      messageId: `<${message._id}@${this.domain}>`,
      from: this.config.MAIL_FROM,
      to: { name: message.toName, address: message.to },
      subject: message.subject,
      text: message.text,
      html: message.html,
      attachments: message.tickets.map((ticket) => ({
        filename: `ticket-${ticket.seatId}.png`,
        contentType: 'image/png',
        cid: ticket.cid,
        content: ticketQrPng(this.codes.sign({ ticketId: ticket.ticketId, version: ticket.version })),
      })),
    };
  }
}
