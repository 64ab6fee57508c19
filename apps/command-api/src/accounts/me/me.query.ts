import { Query } from '@nestjs/cqrs';
import type { MeResponse } from '@tessera/contracts';

export class GetMeQuery extends Query<MeResponse> {
  constructor(readonly userId: string) {
    super();
  }
}
