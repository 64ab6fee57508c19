import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ShowDetailResponse } from '@tessera/contracts';
import { ShowDetailResponseSchema } from '@tessera/contracts/openapi';
import { CurrentUser, Public, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { ShowDetailQuery } from './show-detail.query';

@Public()
@UseInterceptors(MinPositionInterceptor)
@Controller('api/shows')
export class ShowDetailHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: ShowDetailResponseSchema })
  @ApiProblems('SHOW_NOT_FOUND')
  @Get(':showId')
  detail(@Param('showId') showId: string, @CurrentUser() user?: AuthenticatedUser): Promise<ShowDetailResponse> {
    return this.queries.execute(new ShowDetailQuery(showId, user));
  }
}
