import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { TesseraConfig } from '@tessera/platform/config/config';
import type { EventFilter, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { InjectConfig } from '@tessera/platform/platform.module';
import { Clock } from '@tessera/platform/time/clock';
import { NotificationChannels, type NotificationChannel } from '../channels/notification-channel';
import { EMAIL_EVENT_TYPES, planEmails } from './email-drafts';
import { NotificationFacts } from './facts';
import { Outbox } from './outbox';
import { OutboxSender } from './outbox-sender';

/**
 * E-mail as a notifier channel. Delivering an event means writing the e-mails it calls for to the
 * outbox (and calling off a hold warning once the hold is over), a quick read-store write that
 * only fails when the store does; the OutboxSender then sends them with its own retries. So an
 * SMTP outage stalls nothing here: events go on being turned into messages, which wait. Events
 * older than MAIL_MAX_EVENT_AGE_HOURS are read but mail nobody (history, a long outage).
 */
@Injectable()
export class EmailChannel implements NotificationChannel, OnModuleInit {
  private readonly logger = new Logger('Email');
  readonly name = 'email';
  readonly filter: EventFilter = { eventTypes: EMAIL_EVENT_TYPES };

  constructor(
    private readonly channels: NotificationChannels,
    private readonly facts: NotificationFacts,
    private readonly outbox: Outbox,
    private readonly sender: OutboxSender,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: TesseraConfig,
  ) {}

  onModuleInit(): void {
    this.channels.register(this);
  }

  async deliver(event: RecordedEvent): Promise<void> {
    const plan = await planEmails(event, this.facts);
    for (const id of plan.cancel) await this.outbox.cancel(id);
    const maxAgeMs = this.config.MAIL_MAX_EVENT_AGE_HOURS * 3_600_000;
    if (maxAgeMs > 0 && this.clock.now().getTime() - Date.parse(event.metadata.occurredAt) > maxAgeMs) {
      if (plan.drafts.length > 0) this.logger.debug({ eventId: event.id, type: event.type }, 'event older than MAIL_MAX_EVENT_AGE_HOURS: no e-mail');
      return;
    }
    let written = false;
    for (const draft of plan.drafts) if (await this.outbox.enqueue(draft, this.clock.now())) written = true;
    if (written) this.sender.wake();
  }
}
