import { Query } from '@nestjs/cqrs';
import type { MyTicketsResponse } from '@tessera/contracts';

/** The tickets the caller owns now (bought or received by transfer), each with its signed code. */
export class MyTicketsQuery extends Query<MyTicketsResponse> {
  constructor(readonly userId: string) {
    super();
  }
}
