import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { MeResponse } from '@tessera/contracts';
import { AuthenticatedUser, CurrentUser } from '@tessera/platform/auth/auth';
import { GetMeQuery } from './me.query';

@Controller('api/auth')
export class MeHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('me')
  @Header('Cache-Control', 'no-store')
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeResponse> {
    return this.queries.execute(new GetMeQuery(user.userId));
  }
}
