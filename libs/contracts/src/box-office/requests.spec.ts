import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { PayBookingRequest, PlaceBookingRequest } from './booking.request';
import { CancelShowRequest, CreateShowRequest } from './show.request';
import { CheckInRequest, TransferTicketRequest } from './ticket.request';

/** Validates as the API's global ValidationPipe does; returns the failing property paths. */
const failures = <T extends object>(type: ClassConstructor<T>, body: unknown): string[] => {
  const paths = (errors: ValidationError[], prefix = ''): string[] =>
    errors.flatMap((error) => {
      const path = prefix ? `${prefix}.${error.property}` : error.property;
      const own = error.constraints && Object.keys(error.constraints).length > 0 ? [path] : [];
      return [...own, ...paths(error.children ?? [], path)];
    });
  return paths(validateSync(plainToInstance(type, body), { whitelist: true, forbidNonWhitelisted: true }));
};

/** The create body of API.md. */
const createShow = () => ({
  name: 'Night Concert',
  venue: 'Arena',
  startsAt: '2027-05-01T19:30:00Z',
  currency: 'EUR',
  holdMinutes: 10,
  maxSeatsPerBooking: 8,
  categories: [
    { id: 'vip', name: 'VIP', price: 12000 },
    { id: 'std', name: 'Standard', price: 4500 },
  ],
  sections: [{ id: 'A', name: 'Stalls A', categoryId: 'vip', rows: [{ label: '1', seats: 20 }] }],
});

describe('CreateShowRequest', () => {
  it("accepts API.md's example", () => {
    expect(failures(CreateShowRequest, createShow())).toEqual([]);
  });

  it.each([
    ['currency', { currency: 'eur' }],
    ['holdMinutes', { holdMinutes: 61 }],
    ['maxSeatsPerBooking', { maxSeatsPerBooking: 21 }],
    ['startsAt', { startsAt: '2027-05-01T19:30:00' }],
    ['startsAt', { startsAt: '2027-05-01' }],
    ['name', { name: '' }],
    ['venue', { venue: 'x'.repeat(201) }],
  ])('refuses a bad %s', (field, override) => {
    expect(failures(CreateShowRequest, { ...createShow(), ...override })).toEqual([field]);
  });

  it.each(['XYZ', 'ABC', 'BTC', 'EURO', 'E1R'])('refuses %s, which is no ISO 4217 currency code', (currency) => {
    expect(failures(CreateShowRequest, { ...createShow(), currency })).toEqual(['currency']);
  });

  it.each(['USD', 'JPY', 'CHF', 'XTS'])('accepts the ISO 4217 code %s', (currency) => {
    expect(failures(CreateShowRequest, { ...createShow(), currency })).toEqual([]);
  });

  it('refuses negative and fractional prices', () => {
    const body = createShow();
    body.categories[0].price = -1;
    body.categories[1].price = 10.5;
    expect(failures(CreateShowRequest, body)).toEqual(['categories.0.price', 'categories.1.price']);
  });

  it('refuses a section id with a dash, an empty row and a bad row label', () => {
    const body = createShow();
    body.sections[0] = { id: 'A-1', name: 'A', categoryId: 'vip', rows: [{ label: 'R 1', seats: 0 }] };
    expect(failures(CreateShowRequest, body).sort()).toEqual(['sections.0.id', 'sections.0.rows.0.label', 'sections.0.rows.0.seats']);
  });

  it('refuses duplicate category ids, section ids and row labels', () => {
    const body = createShow();
    body.categories.push({ id: 'vip', name: 'Again', price: 1 });
    body.sections.push({ id: 'A', name: 'Again', categoryId: 'std', rows: [{ label: '1', seats: 1 }, { label: '1', seats: 1 }] });
    expect(failures(CreateShowRequest, body).sort()).toEqual(['categories', 'sections', 'sections.1.rows']);
  });

  it('refuses more than 100,000 seats in all', () => {
    const rows = Array.from({ length: 101 }, (_, i) => ({ label: `R${i}`, seats: 1000 }));
    expect(failures(CreateShowRequest, { ...createShow(), sections: [{ id: 'A', name: 'Huge', categoryId: 'vip', rows }] })).toEqual(['sections']);
  });

  it('refuses unknown properties, nested ones included', () => {
    const body = { ...createShow(), extra: 1 };
    body.categories[0] = { ...body.categories[0], colour: 'gold' } as (typeof body.categories)[0];
    expect(failures(CreateShowRequest, body).sort()).toEqual(['categories.0.colour', 'extra']);
  });

  it('refuses a missing seat map', () => {
    const { categories: _c, sections: _s, ...body } = createShow();
    expect(failures(CreateShowRequest, body).sort()).toEqual(['categories', 'sections']);
  });
});

describe('CancelShowRequest', () => {
  it('takes a reason of 1 to 500 characters', () => {
    expect(failures(CancelShowRequest, { reason: 'storm' })).toEqual([]);
    expect(failures(CancelShowRequest, { reason: '' })).toEqual(['reason']);
    expect(failures(CancelShowRequest, { reason: 'x'.repeat(501) })).toEqual(['reason']);
  });
});

describe('PlaceBookingRequest', () => {
  it('takes a show and 1 to 20 distinct seat ids', () => {
    expect(failures(PlaceBookingRequest, { showId: '0b9c7a1e-5f3d-4c39-9d1c-2f8d7e6a5b4c', seats: ['A-1-7', 'VIP_2-B-12'] })).toEqual([]);
  });

  it.each([
    ['no seats', { showId: 's1', seats: [] }],
    ['21 seats', { showId: 's1', seats: Array.from({ length: 21 }, (_, i) => `A-1-${i + 1}`) }],
    ['a repeated seat', { showId: 's1', seats: ['A-1-1', 'A-1-1'] }],
    ['a malformed seat id', { showId: 's1', seats: ['A-1-01'] }],
    ['a seat that is not a string', { showId: 's1', seats: [7] }],
  ])('refuses %s', (_what, body) => {
    expect(failures(PlaceBookingRequest, body)).toEqual(['seats']);
  });

  it('refuses a show id that could not name a stream', () => {
    expect(failures(PlaceBookingRequest, { showId: 'a/b', seats: ['A-1-1'] })).toEqual(['showId']);
  });
});

describe('PayBookingRequest', () => {
  const card = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvc: '123' };

  it('accepts a card number typed with spaces, and keeps only its digits', () => {
    expect(failures(PayBookingRequest, { card })).toEqual([]);
    expect(plainToInstance(PayBookingRequest, { card }).card.number).toBe('4242424242424242');
  });

  it.each([
    ['card.number', { number: '4242' }],
    ['card.expMonth', { expMonth: 13 }],
    ['card.expYear', { expYear: 30 }],
    ['card.cvc', { cvc: '12' }],
  ])('refuses a bad %s', (field, override) => {
    expect(failures(PayBookingRequest, { card: { ...card, ...override } })).toEqual([field]);
  });

  it('refuses a missing card', () => {
    expect(failures(PayBookingRequest, {})).toEqual(['card']);
  });
});

describe('ticket requests', () => {
  it('TransferTicketRequest takes an e-mail address', () => {
    expect(failures(TransferTicketRequest, { toEmail: 'friend@example.com' })).toEqual([]);
    expect(failures(TransferTicketRequest, { toEmail: 'friend' })).toEqual(['toEmail']);
  });

  it('CheckInRequest takes a code of at most 2048 characters', () => {
    expect(failures(CheckInRequest, { code: 'x'.repeat(2048) })).toEqual([]);
    expect(failures(CheckInRequest, { code: 'x'.repeat(2049) })).toEqual(['code']);
    expect(failures(CheckInRequest, {})).toEqual(['code']);
  });
});
