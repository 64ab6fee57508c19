import { Query } from '@nestjs/cqrs';
import type { ShowDetailResponse } from '@tessera/contracts';
import type { AuthenticatedUser } from '@tessera/platform/auth/auth';

/** One show with its categories and sections; `viewer` is absent for an anonymous caller. */
export class ShowDetailQuery extends Query<ShowDetailResponse> {
  constructor(
    readonly showId: string,
    readonly viewer: AuthenticatedUser | undefined,
  ) {
    super();
  }
}
