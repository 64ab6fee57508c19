import type { ProjectionDescriptor } from './read-model';
import { bookingsDescriptor } from './bookings.read-model';
import { incidentsDescriptor } from './incidents.read-model';
import { liveStatsDescriptor } from './stats.read-model';
import { devicesDescriptor } from './devices.read-model';
import { recentEventsDescriptor } from './recent-events.read-model';
import { salesDescriptor } from './sales.read-model';
import { seatingDescriptor } from './seating.read-model';
import { ticketsDescriptor } from './tickets.read-model';
import { usersDescriptor } from './users.read-model';
import { waitlistDescriptor } from './waitlist.read-model';
import { holdReleasesDescriptor } from './hold-releases.read-model';

export * from './read-model';
export * from './projection-progress';
export * from './checkpoint-progress';
export * from './min-position.interceptor';
export * from './bookings.read-model';
export * from './devices.read-model';
export * from './recent-events.read-model';
export * from './sales.read-model';
export * from './seating.read-model';
export * from './tickets.read-model';
export * from './incidents.read-model';
export * from './stats.read-model';
export * from './users.read-model';
export * from './waitlist.read-model';
export * from './hold-releases.read-model';

/** Every projection apps/projector runs, as its readers see it (same order as its PROJECTIONS). */
export const PROJECTION_DESCRIPTORS: readonly ProjectionDescriptor[] = [
  seatingDescriptor,
  bookingsDescriptor,
  ticketsDescriptor,
  salesDescriptor,
  devicesDescriptor,
  incidentsDescriptor,
  liveStatsDescriptor,
  recentEventsDescriptor,
  usersDescriptor,
  waitlistDescriptor,
  holdReleasesDescriptor,
];
