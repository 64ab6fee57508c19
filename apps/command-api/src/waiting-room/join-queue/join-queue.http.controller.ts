import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { ENTITY_ID_PATTERN, type JoinQueueResponse } from '@tessera/contracts';
import { JoinQueueResponseSchema } from '@tessera/contracts/openapi';
import { DomainError } from '@tessera/domain';
import { AuthenticatedRequest, commandContextOf, CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { deterministicEventId } from '@tessera/platform/commands/event-sourcing';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { RateLimit } from '@tessera/platform/http/rate-limit';
import { Clock, IdGenerator } from '@tessera/platform/time/clock';
import type { FastifyReply } from 'fastify';
import { WaitingRooms } from '../waiting-rooms';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

/**
 * POST /api/shows/{showId}/queue: the account's one place in the show's waiting room (a repeat
 * answers the same place). Rate limited per IP (RATE_LIMIT_QUEUE_JOIN_PER_IP). Joins go through
 * WaitingRooms' per-show batch, not the CommandBus one-by-one: one append carries many places.
 */
@Controller('api/shows')
export class JoinQueueHttpController {
  constructor(
    private readonly rooms: WaitingRooms,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  @ApiCreatedResponse({ type: JoinQueueResponseSchema, description: 'The place: its position (1 is next) and the estimated wait.' })
  @ApiProblems('SHOW_NOT_FOUND', 'WAITING_ROOM_DISABLED', 'CONCURRENCY_CONFLICT')
  @Idempotent()
  @Post(':showId/queue')
  @RateLimit('queue-join')
  @HttpCode(201)
  async join(
    @Param('showId') showId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<JoinQueueResponse> {
    if (!ENTITY_ID_PATTERN.test(showId)) throw new DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`);
    const queueId = req.commandId ? deterministicEventId(req.commandId, 'queue', 0) : this.ids.newId();
    const place = await this.rooms.join(showId, user.userId, queueId, commandContextOf(req, this.clock));
    res.header('X-Position', String(place.logPosition));
    return { queueId: place.queueId, position: place.position, estimatedWaitSeconds: place.estimatedWaitSeconds };
  }
}
