import type { Projection } from '../projection';
import { bookingsProjection } from './bookings.projection';
import { incidentsProjection } from './incidents.projection';
import { liveStatsProjection } from './stats.projection';
import { devicesProjection } from './devices.projection';
import { recentEventsProjection } from './recent-events.projection';
import { salesProjection } from './sales.projection';
import { seatingProjection } from './seating.projection';
import { ticketsProjection } from './tickets.projection';
import { usersProjection } from './users.projection';
import { waitlistProjection } from './waitlist.projection';
import { holdReleasesProjection } from './hold-releases.projection';

export * from './bookings.projection';
export * from './devices.projection';
export * from './recent-events.projection';
export * from './sales.projection';
export * from './seating.projection';
export * from './tickets.projection';
export * from './incidents.projection';
export * from './stats.projection';
export * from './users.projection';
export * from './waitlist.projection';
export * from './hold-releases.projection';

/** Every projection the projector runs, by name (the CLI's `rebuild <name>`). */
export const PROJECTIONS: readonly Projection[] = [
  seatingProjection,
  bookingsProjection,
  ticketsProjection,
  salesProjection,
  devicesProjection,
  incidentsProjection,
  liveStatsProjection,
  recentEventsProjection,
  usersProjection,
  waitlistProjection,
  holdReleasesProjection,
];
