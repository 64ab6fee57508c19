import { Query } from '@nestjs/cqrs';
import type { AdminUserListResponse } from '@tessera/contracts';
import type { UserSearchFilters } from './user-search-parameters';

/** One page of the accounts matching every filter given, newest first, after the cursor's account when there is one. */
export class UserSearchQuery extends Query<AdminUserListResponse> {
  constructor(
    readonly filters: UserSearchFilters,
    readonly limit: number,
    readonly before: number | undefined,
  ) {
    super();
  }
}
