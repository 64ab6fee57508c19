import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { ENTITY_ID_PATTERN, type PublishShowResponse } from '@tessera/contracts';
import { PublishShowResponseSchema } from '@tessera/contracts/openapi';
import { DomainError } from '@tessera/domain';
import { AuthenticatedRequest, commandContextOf, Roles } from '@tessera/platform/auth/auth';
import { Clock } from '@tessera/platform/time/clock';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply } from 'fastify';
import { PublishShowCommand } from './publish-show.command';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

@Controller('api/shows')
export class PublishShowHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @ApiOkResponse({ type: PublishShowResponseSchema })
  @ApiProblems('SHOW_NOT_FOUND', 'INVALID_SHOW_STATE', 'SHOW_IN_PAST')
  @Idempotent()
  @Post(':showId/publish')
  @Roles('admin')
  @HttpCode(200)
  async publish(
    @Param('showId') showId: string,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<PublishShowResponse> {
    if (!ENTITY_ID_PATTERN.test(showId)) throw new DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`);
    const result = await this.commands.execute(new PublishShowCommand(showId, commandContextOf(req, this.clock)));
    res.header('X-Position', result.position);
    return result;
  }
}
