import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { AdminUserListResponse } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { adminUserSummaryOf, NEWEST_FIRST, usersIn } from '../user-view';
import { encodePositionCursor } from '../../paging/position-cursor';
import { escapeRegExp } from './user-search-parameters';
import { UserSearchQuery } from './user-search.query';

/**
 * The filters combine (AND). E-mail is an exact match on the normalised address (index
 * `{ email: 1 }`); role uses `{ roles: 1, registeredPosition: -1 }`. The text is a substring of
 * the e-mail or the display name, both stored in lower case, so the match needs no
 * case-insensitive regex; an unanchored substring cannot seek an index, so it filters a
 * newest-first walk of `{ registeredPosition: -1 }` (docs/read-models.md, "users", on how it scales).
 * One extra row tells whether a next page exists.
 */
@QueryHandler(UserSearchQuery)
export class UserSearchHandler implements IQueryHandler<UserSearchQuery, AdminUserListResponse> {
  constructor(private readonly reads: ReadStore) {}

  async execute({ filters, limit, before }: UserSearchQuery): Promise<AdminUserListResponse> {
    const filter: Record<string, unknown> = {};
    if (filters.email !== undefined) filter.email = filters.email;
    if (filters.role !== undefined) filter.roles = filters.role;
    if (filters.text !== undefined) {
      const literal = escapeRegExp(filters.text);
      filter.$or = [{ email: { $regex: literal } }, { displayNameLower: { $regex: literal } }];
    }
    if (before !== undefined) filter.registeredPosition = { $lt: before };
    const docs = await usersIn(this.reads).find(filter, { sort: NEWEST_FIRST, limit: limit + 1 });
    const page = docs.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(adminUserSummaryOf), nextCursor: docs.length > limit && last ? encodePositionCursor(last.registeredPosition) : null };
  }
}
