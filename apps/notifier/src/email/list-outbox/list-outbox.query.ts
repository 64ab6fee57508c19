import { Query } from '@nestjs/cqrs';
import type { OutboxResponse } from '@tessera/contracts';

/** The outbox, newest first: at most `limit` e-mails, to `to` only when given (a normalised address). */
export class ListOutboxQuery extends Query<OutboxResponse> {
  constructor(
    readonly limit: number,
    readonly to?: string,
  ) {
    super();
  }
}
