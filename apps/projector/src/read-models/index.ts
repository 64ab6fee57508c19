import type { Projection } from '../projection';
import { bookingsProjection } from './bookings.projection';
import { recentEventsProjection } from './recent-events.projection';
import { salesProjection } from './sales.projection';
import { seatingProjection } from './seating.projection';
import { ticketsProjection } from './tickets.projection';

export * from './bookings.projection';
export * from './recent-events.projection';
export * from './sales.projection';
export * from './seating.projection';
export * from './tickets.projection';

/** Every projection the projector runs, by name (the CLI's `rebuild <name>`). */
export const PROJECTIONS: readonly Projection[] = [seatingProjection, bookingsProjection, ticketsProjection, salesProjection, recentEventsProjection];
