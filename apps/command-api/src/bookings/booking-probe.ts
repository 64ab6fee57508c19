import { Injectable, Logger } from '@nestjs/common';
import { CrashPoints, FAULT_INJECTION_VARIABLE } from '@tessera/platform/fault-injection';

/**
 * Named points of the booking flow where tests step in. Two uses, both off in normal running:
 * - in-process tests install a pause (`pauseAt`) to stall a holder, e.g. between reading the
 *   seats and appending, until its seat lock has expired (the fencing test);
 * - crash tests start the real server with `TESSERA_FAULT_INJECTION=<point>[,<point>]`, and the
 *   process kills itself with SIGKILL the first time it reaches that point.
 * Production never sets the variable, and nothing else in the code calls `pauseAt`.
 */
export type BookingProbePoint =
  /** A `Prefer: respond-async` request is in the log and its 202 has gone out; settling it at once is next. */
  | 'place-booking:accepted'
  /** Seat locks taken, nothing read yet (also when settling a requested booking). */
  | 'place-booking:after-lock'
  /** Show and seats read and decided; the append is next. */
  | 'place-booking:before-append'
  /** The booking is in the log; the answer has not been sent. */
  | 'place-booking:after-append'
  /** The booking is claimed for this payment attempt; charging the card is next. */
  | 'pay-booking:before-charge'
  /** The card was charged; the confirmation append is next. */
  | 'pay-booking:after-charge';

@Injectable()
export class BookingProbe {
  private readonly logger = new Logger('BookingProbe');
  private readonly pauses = new Map<BookingProbePoint, () => Promise<void>>();
  private readonly crashPoints = new CrashPoints();

  constructor() {
    const points = this.crashPoints.armed;
    if (points.length > 0) this.logger.warn(`${FAULT_INJECTION_VARIABLE} is set: this process will kill itself at ${points.join(', ')}`);
  }

  /** Tests only: run `pause` (once) the next time the flow reaches `point`. */
  pauseAt(point: BookingProbePoint, pause: () => Promise<void>): void {
    this.pauses.set(point, pause);
  }

  async reached(point: BookingProbePoint): Promise<void> {
    this.crashPoints.reached(point);
    if (this.pauses.size === 0) return;
    const pause = this.pauses.get(point);
    if (!pause) return;
    this.pauses.delete(point);
    await pause();
  }
}
