import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { CancelShowRequest, ENTITY_ID_PATTERN, type CancelShowResponse } from '@tessera/contracts';
import { CancelShowResponseSchema } from '@tessera/contracts/openapi';
import { DomainError } from '@tessera/domain';
import { AuthenticatedRequest, commandContextOf, Roles } from '@tessera/platform/auth/auth';
import { Clock } from '@tessera/platform/time/clock';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply } from 'fastify';
import { CancelShowCommand } from './cancel-show.command';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

@Controller('api/shows')
export class CancelShowController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @ApiOkResponse({ type: CancelShowResponseSchema, description: 'Paid bookings are refunded and their tickets voided.' })
  @ApiProblems('SHOW_NOT_FOUND', 'INVALID_SHOW_STATE')
  @Idempotent()
  @Post(':showId/cancel')
  @HttpCode(200)
  @Roles('admin')
  async cancel(
    @Param('showId') showId: string,
    @Body() body: CancelShowRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CancelShowResponse> {
    // A path id that could never name a show answers like a missing one, without a read.
    if (!ENTITY_ID_PATTERN.test(showId)) throw new DomainError('SHOW_NOT_FOUND', 'no such show', {});
    const result = await this.commands.execute(new CancelShowCommand(showId, body.reason, commandContextOf(req, this.clock)));
    res.header('X-Position', result.position);
    return result;
  }
}
