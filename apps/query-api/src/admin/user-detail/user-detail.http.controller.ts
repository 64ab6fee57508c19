import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { AdminUserView } from '@tessera/contracts';
import { AdminUserViewSchema } from '@tessera/contracts/openapi';
import { DomainError } from '@tessera/domain';
import { Roles } from '@tessera/platform/auth/auth';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { UserDetailQuery } from './user-detail.query';

/** Account ids are UUIDs (registration makes them). */
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@UseInterceptors(MinPositionInterceptor)
@Controller('api/admin/users')
export class UserDetailHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: AdminUserViewSchema })
  @ApiProblems('USER_NOT_FOUND')
  @Get(':userId')
  @Roles('admin')
  user(@Param('userId') userId: string): Promise<AdminUserView> {
    // An id that could name no account answers the same 404, without a read.
    if (!USER_ID.test(userId)) throw new DomainError('USER_NOT_FOUND', 'no such user', {});
    return this.queries.execute(new UserDetailQuery(userId.toLowerCase()));
  }
}
