import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ENTITY_ID_PATTERN, type QueuePlaceResponse } from '@tessera/contracts';
import { QueuePlaceResponseSchema } from '@tessera/contracts/openapi';
import { DomainError } from '@tessera/domain';
import { CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { AdmissionTokens } from '@tessera/platform/security/admission-tokens';
import { Clock } from '@tessera/platform/time/clock';
import { WaitingRooms } from '../waiting-rooms';

/**
 * GET /api/shows/{showId}/queue/{queueId}: where the caller's place stands, from memory (the
 * room's view, brought up to date with what is new in its stream), never a scan; once admitted,
 * the signed admission token, valid `tokenMinutes` from the admission. Served by the command API
 * (it holds the rooms and the signing keys); the gateway routes it there. Someone else's place
 * answers 404, as a missing one.
 */
@Controller('api/shows')
export class QueuePlaceHttpController {
  constructor(
    private readonly rooms: WaitingRooms,
    private readonly tokens: AdmissionTokens,
    private readonly clock: Clock,
  ) {}

  @ApiOkResponse({ type: QueuePlaceResponseSchema })
  @ApiProblems('QUEUE_PLACE_NOT_FOUND')
  @Get(':showId/queue/:queueId')
  @Header('Cache-Control', 'no-store')
  async place(@Param('showId') showId: string, @Param('queueId') queueId: string, @CurrentUser() user: AuthenticatedUser): Promise<QueuePlaceResponse> {
    // Made only when answered: an error captures a stack, the dearest part of a read that succeeds.
    const missing = () => new DomainError('QUEUE_PLACE_NOT_FOUND', 'no such place in the waiting room', {});
    if (!ENTITY_ID_PATTERN.test(showId) || !ENTITY_ID_PATTERN.test(queueId)) throw missing();
    const room = await this.rooms.view(showId);
    const standing = room.standing(queueId, this.clock.now());
    if (!standing || standing.userId !== user.userId) throw missing();
    const { position, estimatedWaitSeconds, admitted } = standing;
    if (!admitted || !standing.admittedAt || !room.state.config) return { position, estimatedWaitSeconds, admitted };
    const expiresAt = new Date(Date.parse(standing.admittedAt) + room.state.config.tokenMinutes * 60_000).toISOString();
    const admissionToken = this.tokens.sign({ showId, userId: user.userId, queueId, expiresAt });
    return { position, estimatedWaitSeconds, admitted, admissionToken, admissionExpiresAt: new Date(Math.ceil(Date.parse(expiresAt) / 1000) * 1000).toISOString() };
  }
}
