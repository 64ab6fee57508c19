import type { DomainEvent } from '@tessera/contracts';
import {
  Booking,
  evolveAccount,
  evolveEmailReservation,
  evolveRefreshFamily,
  initialAccount,
  initialEmailReservation,
  initialRefreshFamily,
  Seat,
  Show,
  Ticket,
} from '@tessera/domain';

/**
 * The aggregate behind a stream, chosen by the stream name's prefix (ARCHITECTURE §3), with the
 * domain's own evolve: the audit's "state as of revision N" is exactly what a command handler
 * would have decided on.
 */

interface Aggregate {
  name: string;
  initialState: unknown;
  evolve: (state: unknown, event: DomainEvent) => unknown;
}

const aggregate = <S, E extends DomainEvent>(name: string, initialState: S, evolve: (state: S, event: E) => S): Aggregate => ({
  name,
  initialState,
  evolve: evolve as unknown as Aggregate['evolve'],
});

// Longest prefixes first: `refresh-family-` before anything shorter that could match.
const AGGREGATES: [string, Aggregate][] = [
  ['refresh-family-', aggregate('RefreshFamily', initialRefreshFamily, evolveRefreshFamily)],
  ['booking-', aggregate('Booking', Booking.initialState, Booking.evolve)],
  ['account-', aggregate('Account', initialAccount, evolveAccount)],
  ['ticket-', aggregate('Ticket', Ticket.initialState, Ticket.evolve)],
  ['email-', aggregate('EmailReservation', initialEmailReservation, evolveEmailReservation)],
  ['show-', aggregate('Show', Show.initialState, Show.evolve)],
  ['seat-', aggregate('Seat', Seat.initialState, Seat.evolve)],
];

export const aggregateOf = (stream: string): Aggregate | undefined =>
  AGGREGATES.find(([prefix]) => stream.startsWith(prefix))?.[1];

/** Secrets never leave through the audit, even to admins: hashes of passwords and tokens. */
const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash', 'fromHash', 'toHash']);

export const redacted = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(redacted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, SECRET_FIELDS.has(key) ? '[redacted]' : redacted(inner)]),
    );
  }
  return value;
};
