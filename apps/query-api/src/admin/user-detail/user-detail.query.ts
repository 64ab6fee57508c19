import { Query } from '@nestjs/cqrs';
import type { AdminUserView } from '@tessera/contracts';

export class UserDetailQuery extends Query<AdminUserView> {
  constructor(readonly userId: string) {
    super();
  }
}
