import { Body, Controller, HttpCode, Param, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { ConfigureWaitingRoomRequest, ENTITY_ID_PATTERN, type WaitingRoomResponse } from '@tessera/contracts';
import { WaitingRoomResponseSchema } from '@tessera/contracts/openapi';
import { DomainError } from '@tessera/domain';
import { AuthenticatedRequest, commandContextOf, Roles } from '@tessera/platform/auth/auth';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { Clock, IdGenerator } from '@tessera/platform/time/clock';
import type { FastifyReply } from 'fastify';
import { ConfigureWaitingRoomCommand } from './configure-waiting-room.command';

@Controller('api/shows')
export class ConfigureWaitingRoomHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  @ApiOkResponse({ type: WaitingRoomResponseSchema })
  @ApiProblems('SHOW_NOT_FOUND', 'INVALID_SHOW_STATE')
  @Put(':showId/waiting-room')
  @Roles('admin')
  @HttpCode(200)
  async configure(
    @Param('showId') showId: string,
    @Body() body: ConfigureWaitingRoomRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<WaitingRoomResponse> {
    if (!ENTITY_ID_PATTERN.test(showId)) throw new DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`);
    // The shuffle's seed: a fresh random id, which the decider uses only for a room configured the first time.
    const result = await this.commands.execute(new ConfigureWaitingRoomCommand(showId, body, this.ids.newId(), commandContextOf(req, this.clock)));
    res.header('X-Position', result.position);
    return result;
  }
}
