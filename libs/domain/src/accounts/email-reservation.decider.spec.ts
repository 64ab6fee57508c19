import type { EmailReservationEvent } from '@tessera/contracts';
import { fold } from '../decider';
import { DeciderSpecification } from '../testing/decider-specification';
import { emailReservationDecider, type EmailReservationCommand } from './email-reservation.decider';

const spec = DeciderSpecification.for(emailReservationDecider);

const reserve = (email: string, userId: string): EmailReservationCommand => ({ type: 'ReserveEmail', data: { email, userId } });
const reserved = (email: string, userId: string): EmailReservationEvent => ({ type: 'email.reserved.v1', data: { email, userId } });

describe('EmailReservation decider', () => {
  it('reserves a free address for the account', () => {
    spec.given([]).when(reserve('ada@example.com', 'u1')).then([reserved('ada@example.com', 'u1')]);
  });

  it('reserves the normalised spelling', () => {
    spec.given([]).when(reserve(' ADA@example.com', 'u1')).then([reserved('ada@example.com', 'u1')]);
  });

  it('refuses an address another account holds', () => {
    spec.given([reserved('ada@example.com', 'u1')]).when(reserve('ada@example.com', 'u2')).thenThrows('EMAIL_TAKEN');
  });

  it('refuses a second reservation even by the same account: registration happens once', () => {
    spec.given([reserved('ada@example.com', 'u1')]).when(reserve('ada@example.com', 'u1')).thenThrows('EMAIL_TAKEN');
  });

  it('tells login which account owns the address', () => {
    const state = fold(emailReservationDecider.evolve, emailReservationDecider.initialState, [reserved('ada@example.com', 'u1')]);
    expect(state).toEqual({ status: 'reserved', email: 'ada@example.com', userId: 'u1' });
  });
});
