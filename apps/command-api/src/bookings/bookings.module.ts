import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { SimulatedPaymentProvider } from '@tessera/platform/payments/simulated-payment-provider';
import { Clock } from '@tessera/platform/time/clock';
import { BookingProbe } from './booking-probe';
import { CancelBookingHandler } from './cancel-booking/cancel-booking.handler';
import { CancelBookingHttpController } from './cancel-booking/cancel-booking.http.controller';
import { ExpireBookingHandler } from './expire-holds/expire-booking.handler';
import { HoldExpirySweeper } from './expire-holds/hold-expiry-sweeper';
import { PayBookingHandler } from './pay-booking/pay-booking.handler';
import { PayBookingHttpController } from './pay-booking/pay-booking.http.controller';
import { BookingPlacement } from './place-booking/booking-placement';
import { PlaceBookingHandler } from './place-booking/place-booking.handler';
import { PlaceBookingHttpController } from './place-booking/place-booking.http.controller';
import { BookingRequestSettler } from './settle-booking/booking-request-settler';
import { SettleBookingHandler } from './settle-booking/settle-booking.handler';
import { WaitingRoomModule } from '../waiting-room/waiting-room.module';

/**
 * Bookings on the command side: hold seats (at once, or requested and then settled by the
 * request settler), pay, cancel, and the expiry sweeper. The payment provider is the simulated
 * one (test cards); a real provider replaces this one binding.
 */
@Module({
  imports: [CqrsModule, WaitingRoomModule],
  controllers: [PlaceBookingHttpController, PayBookingHttpController, CancelBookingHttpController],
  providers: [
    { provide: PaymentProvider, useFactory: (clock: Clock) => new SimulatedPaymentProvider(clock), inject: [Clock] },
    BookingProbe,
    BookingPlacement,
    PlaceBookingHandler,
    SettleBookingHandler,
    BookingRequestSettler,
    PayBookingHandler,
    CancelBookingHandler,
    ExpireBookingHandler,
    HoldExpirySweeper,
  ],
  exports: [PaymentProvider, BookingPlacement],
})
export class BookingsModule {}
