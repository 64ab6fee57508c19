import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { AdminUserView } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { adminUserViewOf, usersIn } from '../user-view';
import { UserDetailQuery } from './user-detail.query';

/** One document read: the counts are counters the projection keeps, never a scan of bookings or tickets. */
@QueryHandler(UserDetailQuery)
export class UserDetailHandler implements IQueryHandler<UserDetailQuery, AdminUserView> {
  constructor(private readonly reads: ReadStore) {}

  async execute({ userId }: UserDetailQuery): Promise<AdminUserView> {
    const doc = await usersIn(this.reads).findOne({ _id: userId });
    if (!doc) throw new DomainError('USER_NOT_FOUND', `user ${userId} does not exist`, { userId });
    return adminUserViewOf(doc);
  }
}
