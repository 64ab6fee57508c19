import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { MeResponse } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { loadAccount } from '../accounts.streams';
import { GetMeQuery } from './me.query';

/**
 * The caller's own account, read from its stream (not a read model): it is one short stream, and
 * the answer must show a role change the moment it is in the log. The roles shown are the
 * account's, which may be newer than those in the caller's access token.
 */
@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery, MeResponse> {
  constructor(private readonly store: EventStore) {}

  async execute({ userId }: GetMeQuery): Promise<MeResponse> {
    const { state } = await loadAccount(this.store, userId);
    if (state.status !== 'registered') throw new DomainError('USER_NOT_FOUND', 'No such user.');
    return { userId: state.userId, email: state.email, displayName: state.displayName, roles: [...state.roles] };
  }
}
