import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CreateShowRequest, type CreateShowResponse } from '@tessera/contracts';
import { CreateShowResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, commandContextOf, Roles } from '@tessera/platform/auth/auth';
import { deterministicEventId } from '@tessera/platform/commands/event-sourcing';
import { Clock, IdGenerator } from '@tessera/platform/time/clock';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply } from 'fastify';
import { CreateShowCommand } from './create-show.command';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

@Controller('api/shows')
export class CreateShowHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  @ApiCreatedResponse({ type: CreateShowResponseSchema, description: 'Created in status `draft`.' })
  @ApiProblems(['SHOW_IN_PAST', 400], 'INVALID_SHOW_STATE')
  @Idempotent()
  @Post()
  @Roles('admin')
  @HttpCode(201)
  async create(
    @Body() body: CreateShowRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CreateShowResponse> {
    const context = commandContextOf(req, this.clock);
    // With an Idempotency-Key the id follows from it, so a retry after a crash finds its show.
    const showId = req.commandId ? deterministicEventId(req.commandId, 'show', 0) : this.ids.newId();
    const result = await this.commands.execute(new CreateShowCommand(showId, body, context));
    res.header('X-Position', result.position);
    return result;
  }
}
