import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { MeResponse } from '@tessera/contracts';
import { MeResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedUser, CurrentUser } from '@tessera/platform/auth/auth';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { GetMeQuery } from './me.query';

@Controller('api/auth')
export class MeHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: MeResponseSchema })
  @ApiProblems('USER_NOT_FOUND')
  @Get('me')
  @Header('Cache-Control', 'no-store')
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeResponse> {
    return this.queries.execute(new GetMeQuery(user.userId));
  }
}
