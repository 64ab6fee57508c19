import { Controller, Delete, HttpCode, HttpStatus, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse } from '@nestjs/swagger';
import { ENTITY_ID_PATTERN } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import { AuthenticatedRequest, commandContextOf, CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { Clock } from '@tessera/platform/time/clock';
import type { FastifyReply } from 'fastify';
import { LeaveWaitlistCommand } from './leave-waitlist.command';

@Controller('api/shows')
export class LeaveWaitlistHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @ApiNoContentResponse({ description: 'Off the list (also when the entry had ended already). An offer made before stays the fan’s booking, to pay or cancel.' })
  @ApiProblems('WAITLIST_ENTRY_NOT_FOUND')
  @Delete(':showId/waitlist/:entryId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async leave(
    @Param('showId') showId: string,
    @Param('entryId') entryId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<void> {
    if (!ENTITY_ID_PATTERN.test(showId) || !ENTITY_ID_PATTERN.test(entryId)) throw new DomainError('WAITLIST_ENTRY_NOT_FOUND', 'no such waiting-list entry');
    const { position } = await this.commands.execute(new LeaveWaitlistCommand(showId, entryId, user.userId, commandContextOf(req, this.clock)));
    if (position !== null) res.header('X-Position', position);
  }
}
