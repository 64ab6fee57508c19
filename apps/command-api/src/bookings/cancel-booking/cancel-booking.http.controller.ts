import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { CancelBookingResponse } from '@tessera/contracts';
import { CancelBookingResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, commandContextOf, CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { Clock } from '@tessera/platform/time/clock';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply } from 'fastify';
import { bookingIdFromPath } from '../box-office-streams';
import { retryAfterWhilePaying } from '../payment-in-progress';
import { CancelBookingCommand } from './cancel-booking.command';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

@Controller('api/bookings')
export class CancelBookingHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @ApiOkResponse({ type: CancelBookingResponseSchema })
  @ApiProblems('BOOKING_NOT_FOUND', 'INVALID_BOOKING_STATE')
  @Idempotent()
  @Post(':bookingId/cancel')
  @HttpCode(200)
  async cancel(
    @Param('bookingId') bookingId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CancelBookingResponse> {
    const command = new CancelBookingCommand(bookingIdFromPath(bookingId), user.userId, commandContextOf(req, this.clock));
    const result = await this.commands.execute(command).catch((error: unknown) => {
      retryAfterWhilePaying(error, res);
      throw error;
    });
    res.header('X-Position', result.position);
    return result;
  }
}
