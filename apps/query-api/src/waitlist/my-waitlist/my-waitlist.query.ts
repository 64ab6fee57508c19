import { Query } from '@nestjs/cqrs';
import type { MyWaitlistResponse } from '@tessera/contracts';

/** The caller's waiting-list entries, newest first, each with its place in line while waiting. */
export class MyWaitlistQuery extends Query<MyWaitlistResponse> {
  constructor(readonly userId: string) {
    super();
  }
}
