import { normaliseEmail, type EmailReservationEvent } from '@tessera/contracts';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';

/**
 * E-mail reservation: one stream per normalised address (`email-{sha256}`), owned by the first
 * account that reserves it. This decider refuses a second reservation it can see; two concurrent
 * registrations that both saw an empty stream are separated by the handler appending with
 * "expected: no stream" — the loser re-reads, and then this decider answers EMAIL_TAKEN.
 * Login uses the same stream to find the account of an address.
 */
export type EmailReservation =
  | { status: 'free' }
  | { status: 'reserved'; email: string; userId: string };

export type ReserveEmail = { type: 'ReserveEmail'; data: { email: string; userId: string } };

export type EmailReservationCommand = ReserveEmail;

export const initialEmailReservation: EmailReservation = { status: 'free' };

export const evolveEmailReservation = (
  _state: EmailReservation,
  event: EmailReservationEvent,
): EmailReservation => {
  switch (event.type) {
    case 'email.reserved.v1':
      return { status: 'reserved', email: event.data.email, userId: event.data.userId };
    default: {
      const _exhaustive: never = event.type;
      return _state;
    }
  }
};

export const decideEmailReservation = (
  command: EmailReservationCommand,
  state: EmailReservation,
): EmailReservationEvent[] => {
  switch (command.type) {
    case 'ReserveEmail': {
      if (state.status === 'reserved') throw new DomainError('EMAIL_TAKEN', 'this e-mail is already registered');
      return [{ type: 'email.reserved.v1', data: { email: normaliseEmail(command.data.email), userId: command.data.userId } }];
    }
    default: {
      const _exhaustive: never = command.type;
      throw new Error('unknown e-mail reservation command');
    }
  }
};

export const emailReservationDecider: Decider<EmailReservation, EmailReservationCommand, EmailReservationEvent> = {
  initialState: initialEmailReservation,
  evolve: evolveEmailReservation,
  decide: decideEmailReservation,
};
