import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { ROLES, type AdminUserListResponse } from '@tessera/contracts';
import { AdminUserListResponseSchema } from '@tessera/contracts/openapi';
import { Roles } from '@tessera/platform/auth/auth';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { decodePositionCursor, parseLimit } from '../../paging/position-cursor';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_TEXT_LENGTH, parseFilters } from './user-search-parameters';
import { UserSearchQuery } from './user-search.query';

@UseInterceptors(MinPositionInterceptor)
@Controller('api/admin/users')
export class UserSearchHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: AdminUserListResponseSchema, description: 'Newest accounts first; every filter given must match.' })
  @ApiQuery({ name: 'email', required: false, description: 'Exact match, in any spelling of the address (trimmed, NFC, case-insensitive).' })
  @ApiQuery({ name: 'q', required: false, description: `Case-insensitive substring of the e-mail or the display name, 1–${MAX_TEXT_LENGTH} characters.` })
  @ApiQuery({ name: 'role', required: false, enum: ROLES })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'string', pattern: '^\\d+$' }, description: `1–${MAX_LIMIT}, default ${DEFAULT_LIMIT}.` })
  @ApiQuery({ name: 'cursor', required: false, description: 'The `nextCursor` of the previous page.' })
  @Get()
  @Roles('admin')
  search(
    @Query('email') email?: string,
    @Query('q') q?: string,
    @Query('role') role?: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<AdminUserListResponse> {
    const filters = parseFilters({ email, q, role });
    return this.queries.execute(new UserSearchQuery(filters, parseLimit(limit, { fallback: DEFAULT_LIMIT, max: MAX_LIMIT }), cursor === undefined ? undefined : decodePositionCursor(cursor)));
  }
}
