import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { ENTITY_ID_PATTERN, JoinWaitlistRequest, type JoinWaitlistResponse } from '@tessera/contracts';
import { JoinWaitlistResponseSchema } from '@tessera/contracts/openapi';
import { DomainError } from '@tessera/domain';
import { AuthenticatedRequest, commandContextOf, CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { deterministicEventId } from '@tessera/platform/commands/event-sourcing';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { Clock, IdGenerator } from '@tessera/platform/time/clock';
import type { FastifyReply } from 'fastify';
import { JoinWaitlistCommand } from './join-waitlist.command';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

@Controller('api/shows')
export class JoinWaitlistHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  @ApiCreatedResponse({ type: JoinWaitlistResponseSchema, description: 'On the list; a user on it already gets their entry again.' })
  @ApiProblems('SHOW_NOT_FOUND', 'SHOW_NOT_ON_SALE', 'TOO_MANY_SEATS')
  @Idempotent()
  @Post(':showId/waitlist')
  @HttpCode(201)
  async join(
    @Param('showId') showId: string,
    @Body() body: JoinWaitlistRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<JoinWaitlistResponse> {
    if (!ENTITY_ID_PATTERN.test(showId)) throw new DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`);
    // With an Idempotency-Key the entry id follows from it: a retry finds the entry it made.
    const entryId = req.commandId ? deterministicEventId(req.commandId, 'waitlist-entry', 0) : this.ids.newId();
    const command = new JoinWaitlistCommand(showId, entryId, user.userId, body.categoryId ?? null, body.seats, commandContextOf(req, this.clock));
    const result = await this.commands.execute(command);
    res.header('X-Position', result.position);
    return result;
  }
}
