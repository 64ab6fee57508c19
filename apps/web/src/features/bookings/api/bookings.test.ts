import { describe, expect, it } from 'vitest';
import { rejectionProblem } from './bookings';

describe('rejectionProblem (why a respond-async hold was refused, from its event)', () => {
  it('names the seats someone else took', () => {
    expect(rejectionProblem({ code: 'SEATS_UNAVAILABLE', unavailableSeats: ['B-2-7'] })).toEqual({ title: 'Seats no longer available', detail: 'Someone else took this seat first: B-2-7.' });
    expect(rejectionProblem({ code: 'SEATS_UNAVAILABLE', unavailableSeats: ['B-2-7', 'B-2-8'] }).detail).toBe('Someone else took these seats first: B-2-7, B-2-8.');
  });

  it('says each placement refusal in words, and an unknown code as it is', () => {
    expect(rejectionProblem({ code: 'SHOW_NOT_ON_SALE', unavailableSeats: [] }).title).toBe('Not on sale');
    expect(rejectionProblem({ code: 'HOLD_LIMIT_REACHED', unavailableSeats: [] }).detail).toContain('unpaid seats');
    expect(rejectionProblem({ code: 'SOMETHING_NEW', unavailableSeats: [] })).toEqual({ title: 'The hold was refused', detail: 'The server refused it (SOMETHING_NEW).' });
  });
});
