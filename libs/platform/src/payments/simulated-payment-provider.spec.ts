import { Clock } from '../time/clock';
import { RECENT, SimulatedPaymentProvider, simulatedChargeIdFor } from './simulated-payment-provider';

const card = (number: string, expMonth = 12, expYear = 2030) => ({ number, expMonth, expYear, cvc: '123' });

class FixedClock extends Clock {
  constructor(private readonly iso: string) {
    super();
  }
  now(): Date {
    return new Date(this.iso);
  }
}
const MAY_2027 = new FixedClock('2027-05-31T23:59:59.999Z');

describe('SimulatedPaymentProvider', () => {
  it('charges 4242 4242 4242 4242 under an id derived from the booking', async () => {
    const provider = new SimulatedPaymentProvider(MAY_2027);
    const result = await provider.charge({ bookingId: 'b1', amount: 4500, currency: 'EUR', card: card('4242424242424242') });
    expect(result).toEqual({ status: 'succeeded', paymentId: simulatedChargeIdFor('b1'), amount: 4500, currency: 'EUR' });
    expect(simulatedChargeIdFor('b1')).not.toBe(simulatedChargeIdFor('b2'));
  });

  it('declines 4000 0000 0000 0002 and lets the customer try another card', async () => {
    const provider = new SimulatedPaymentProvider(MAY_2027);
    expect(await provider.charge({ bookingId: 'b1', amount: 1, currency: 'EUR', card: card('4000000000000002') })).toEqual({
      status: 'declined',
      declineCode: 'card_declined',
    });
    expect((await provider.charge({ bookingId: 'b1', amount: 1, currency: 'EUR', card: card('4242424242424242') })).status).toBe('succeeded');
  });

  it('returns the first result for a second charge of the same booking: never two charges', async () => {
    const provider = new SimulatedPaymentProvider(MAY_2027);
    const first = await provider.charge({ bookingId: 'b1', amount: 100, currency: 'EUR', card: card('4242424242424242') });
    const second = await provider.charge({ bookingId: 'b1', amount: 999, currency: 'USD', card: card('4000000000000002') });
    expect(second).toEqual(first);
    expect(provider.calls.map((call) => call.outcome)).toEqual(['succeeded', 'replayed']);
  });

  it('declines a card past its expiry month by its clock, charging nothing, and takes one in its last month', async () => {
    const provider = new SimulatedPaymentProvider(MAY_2027);
    expect(await provider.charge({ bookingId: 'b1', amount: 1, currency: 'EUR', card: card('4242424242424242', 4, 2027) })).toEqual({
      status: 'declined',
      declineCode: 'expired_card',
    });
    expect((await provider.charge({ bookingId: 'b1', amount: 1, currency: 'EUR', card: card('4242424242424242', 5, 2027) })).status).toBe('succeeded');
    const june = new SimulatedPaymentProvider(new FixedClock('2027-06-01T00:00:00.000Z'));
    expect((await june.charge({ bookingId: 'b1', amount: 1, currency: 'EUR', card: card('4242424242424242', 5, 2027) })).status).toBe('declined');
  });

  it('refunds once per refund id', async () => {
    const provider = new SimulatedPaymentProvider(MAY_2027);
    const charge = await provider.charge({ bookingId: 'b1', amount: 100, currency: 'EUR', card: card('4242424242424242') });
    if (charge.status !== 'succeeded') throw new Error('expected a charge');
    const request = { refundId: 'r1', paymentId: charge.paymentId, amount: 100, currency: 'EUR' };
    const first = await provider.refund(request);
    expect(await provider.refund(request)).toBe(first);
    expect(provider.calls.filter((call) => call.kind === 'refund')).toHaveLength(1);
  });

  it('refuses to refund a payment it never made', async () => {
    await expect(new SimulatedPaymentProvider(MAY_2027).refund({ refundId: 'r1', paymentId: 'pay_x', amount: 1, currency: 'EUR' })).rejects.toThrow(
      'no such payment',
    );
  });
});

describe('SimulatedPaymentProvider memory', () => {
  it('remembers a bounded number of charges and calls however many bookings are paid, and never charges a booking twice', async () => {
    const provider = new SimulatedPaymentProvider(MAY_2027);
    const paid = 3 * RECENT;
    for (let i = 0; i < paid; i++) await provider.charge({ bookingId: `b${i}`, amount: 100, currency: 'EUR', card: card('4242424242424242') });
    expect(provider.calls.length).toBeLessThanOrEqual(2 * RECENT);
    expect(provider.calls[provider.calls.length - 1]).toEqual({ kind: 'charge', key: `b${paid - 1}`, outcome: 'succeeded' });

    // A recent booking's replay gets the first answer; an old one gets the same charge id again.
    const recent = await provider.charge({ bookingId: `b${paid - 1}`, amount: 999, currency: 'USD', card: card('4242424242424242') });
    expect(recent).toEqual({ status: 'succeeded', paymentId: simulatedChargeIdFor(`b${paid - 1}`), amount: 100, currency: 'EUR' });
    expect(provider.calls[provider.calls.length - 1].outcome).toBe('replayed');
    const old = await provider.charge({ bookingId: 'b0', amount: 100, currency: 'EUR', card: card('4242424242424242') });
    expect(old).toMatchObject({ status: 'succeeded', paymentId: simulatedChargeIdFor('b0') });
    // And an old charge can still be refunded.
    expect(await provider.refund({ refundId: 'r0', paymentId: simulatedChargeIdFor('b0'), amount: 100, currency: 'EUR' })).toMatchObject({ status: 'refunded' });
  });
});
