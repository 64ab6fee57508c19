import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { PayBookingRequest, type PayBookingResponse } from '@tessera/contracts';
import { PayBookingResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, commandContextOf, CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { Clock } from '@tessera/platform/time/clock';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply } from 'fastify';
import { bookingIdFromPath } from '../box-office-streams';
import { retryAfterWhilePaying } from '../payment-in-progress';
import { PayBookingCommand } from './pay-booking.command';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

@Controller('api/bookings')
export class PayBookingHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @ApiOkResponse({ type: PayBookingResponseSchema })
  @ApiProblems('BOOKING_NOT_FOUND', 'PAYMENT_DECLINED', 'CARD_EXPIRED', 'HOLD_EXPIRED', 'INVALID_BOOKING_STATE')
  @Idempotent()
  @Post(':bookingId/payment')
  @HttpCode(200)
  async pay(
    @Param('bookingId') bookingId: string,
    @Body() body: PayBookingRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<PayBookingResponse> {
    const { number, expMonth, expYear, cvc } = body.card;
    const command = new PayBookingCommand(bookingIdFromPath(bookingId), user.userId, { number, expMonth, expYear, cvc }, commandContextOf(req, this.clock));
    const result = await this.commands.execute(command).catch((error: unknown) => {
      retryAfterWhilePaying(error, res);
      throw error;
    });
    res.header('X-Position', result.position);
    return result;
  }
}
