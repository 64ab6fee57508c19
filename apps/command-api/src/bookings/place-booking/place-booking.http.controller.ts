import { Body, Controller, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import { ADMISSION_TOKEN_HEADER, PlaceBookingRequest, type PendingBookingResponse, type PlaceBookingResponse } from '@tessera/contracts';
import { PendingBookingResponseSchema, PlaceBookingResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, commandContextOf, CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { Clock, IdGenerator } from '@tessera/platform/time/clock';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply } from 'fastify';
import { bookingIdFor } from '../booking-ids';
import { BookingRequestSettler } from '../settle-booking/booking-request-settler';
import { PlaceBookingCommand } from './place-booking.command';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

/** `Prefer: respond-async` (RFC 7240) asks for 202 and a Location to poll. */
const wantsAsync = (prefer: string | undefined): boolean =>
  (prefer ?? '').split(',').some((preference) => preference.trim().toLowerCase() === 'respond-async');

@Controller('api/bookings')
export class PlaceBookingHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly settler: BookingRequestSettler,
  ) {}

  @ApiCreatedResponse({ type: PlaceBookingResponseSchema, description: 'The seats are held until `expiresAt`.' })
  @ApiAcceptedResponse({ type: PendingBookingResponseSchema, description: 'With `Prefer: respond-async`: poll `Location`.' })
  @ApiHeader({ name: 'X-Admission-Token', required: false, description: "While the show's waiting room is enabled: the token of the caller's admitted place (GET /api/shows/{showId}/queue/{queueId})." })
  @ApiHeader({ name: 'Prefer', required: false, description: '`respond-async`: answer 202 at once and settle the hold in the background.' })
  @ApiProblems('ADMISSION_REQUIRED', 'SHOW_NOT_FOUND', 'SEAT_NOT_FOUND', 'SEATS_UNAVAILABLE', 'SHOW_NOT_ON_SALE', 'TOO_MANY_SEATS', 'HOLD_LIMIT_REACHED', 'TICKET_LIMIT_REACHED', 'VOUCHER_INVALID', 'VOUCHER_EXHAUSTED', 'CONCURRENCY_CONFLICT', 'SERVICE_UNAVAILABLE')
  @Idempotent()
  @Post()
  @HttpCode(201)
  async place(
    @Body() body: PlaceBookingRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('prefer') prefer: string | undefined,
    @Headers(ADMISSION_TOKEN_HEADER) admissionToken: string | undefined,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<PlaceBookingResponse | PendingBookingResponse> {
    // With an Idempotency-Key the booking id follows from it: a retry finds the booking it made.
    const bookingId = req.commandId ? bookingIdFor(req.commandId) : this.ids.newId();
    const respondAsync = wantsAsync(prefer);
    const command = new PlaceBookingCommand(bookingId, user.userId, body.showId, body.seats, commandContextOf(req, this.clock), respondAsync, body.voucherCode, admissionToken);
    const result = await this.commands.execute(command);
    res.header('X-Position', result.position);
    if (result.status !== 'pending') return result;
    res.status(202);
    res.header('Location', `/api/bookings/${bookingId}`);
    res.header('Preference-Applied', 'respond-async');
    // The fast path starts once the answer is out (or the client is gone); if this process dies
    // first, the settler's subscription finds the request in the log all the same.
    res.raw.once('close', () => this.settler.settleNow(bookingId));
    return { bookingId: result.bookingId, status: result.status };
  }
}
