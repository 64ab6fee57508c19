import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { CheckInRequest, type CheckInResponse } from '@tessera/contracts';
import { CheckInResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, AuthenticatedUser, commandContextOf, CurrentUser, Roles } from '@tessera/platform/auth/auth';
import { Clock } from '@tessera/platform/time/clock';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply } from 'fastify';
import { CheckInCommand } from './check-in.command';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

@Controller('api/checkins')
export class CheckInController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @ApiOkResponse({ type: CheckInResponseSchema })
  @ApiProblems('INVALID_TICKET', 'ALREADY_CHECKED_IN')
  @Idempotent()
  @Post()
  @HttpCode(200)
  @Roles('staff', 'admin')
  async checkIn(
    @Body() body: CheckInRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CheckInResponse> {
    const result = await this.commands.execute(new CheckInCommand(body.code, user.userId, commandContextOf(req, this.clock)));
    res.header('X-Position', result.position);
    return result;
  }
}
