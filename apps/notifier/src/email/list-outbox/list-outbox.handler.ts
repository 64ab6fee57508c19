import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { OutboxItem, OutboxItemStatus, OutboxResponse } from '@tessera/contracts';
import { Clock } from '@tessera/platform/time/clock';
import { Outbox, type OutboxMessage } from '../outbox';
import { ListOutboxQuery } from './list-outbox.query';

/** A pending message is `retrying`: due for its first attempt, or waiting for the next one. */
const statusOf = (message: OutboxMessage): OutboxItemStatus => (message.status === 'pending' ? 'retrying' : (message.status as OutboxItemStatus));

export const outboxItemOf = (message: OutboxMessage): OutboxItem => ({
  id: message._id,
  to: message.to,
  subject: message.subject,
  kind: message.kind,
  eventId: message.eventId,
  sentAt: message.sentAt,
  status: statusOf(message),
  attempts: message.attempts,
});

@QueryHandler(ListOutboxQuery)
export class ListOutboxHandler implements IQueryHandler<ListOutboxQuery, OutboxResponse> {
  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute({ limit, to }: ListOutboxQuery): Promise<OutboxResponse> {
    const messages = await this.outbox.list({ limit, to }, this.clock.now().getTime());
    return { items: messages.map(outboxItemOf) };
  }
}
