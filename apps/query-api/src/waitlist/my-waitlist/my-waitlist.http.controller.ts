import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { MyWaitlistResponse } from '@tessera/contracts';
import { MyWaitlistResponseSchema } from '@tessera/contracts/openapi';
import { CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { MyWaitlistQuery } from './my-waitlist.query';

@UseInterceptors(MinPositionInterceptor)
@Controller('api/me')
export class MyWaitlistHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: MyWaitlistResponseSchema })
  @Get('waitlist')
  myWaitlist(@CurrentUser() user: AuthenticatedUser): Promise<MyWaitlistResponse> {
    return this.queries.execute(new MyWaitlistQuery(user.userId));
  }
}
