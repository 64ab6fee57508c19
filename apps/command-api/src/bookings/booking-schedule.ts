import type { BookingEvent } from '@tessera/contracts';
import { LogSchedule, type ScheduledEntry } from '../schedules/log-schedule';

/** Where a booking's entry came from: the checkpoint never passes a booking still waiting. */
export type ScheduledBooking = ScheduledEntry;

/**
 * Bookings waiting for time-driven work (the expiry sweeper, the request settler): a LogSchedule
 * keyed by booking id over booking events.
 */
export abstract class BookingSchedule<TEntry extends ScheduledBooking> extends LogSchedule<TEntry, BookingEvent> {}
