import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EventFilter, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
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
 * SMTP outage stalls nothing here: events go on being turned into messages, which wait.
 */
@Injectable()
export class EmailChannel implements NotificationChannel, OnModuleInit {
  readonly name = 'email';
  readonly filter: EventFilter = { eventTypes: EMAIL_EVENT_TYPES };

  constructor(
    private readonly channels: NotificationChannels,
    private readonly facts: NotificationFacts,
    private readonly outbox: Outbox,
    private readonly sender: OutboxSender,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.channels.register(this);
  }

  async deliver(event: RecordedEvent): Promise<void> {
    const plan = await planEmails(event, this.facts);
    for (const id of plan.cancel) await this.outbox.cancel(id);
    let written = false;
    for (const draft of plan.drafts) if (await this.outbox.enqueue(draft, this.clock.now())) written = true;
    if (written) this.sender.wake();
  }
}
