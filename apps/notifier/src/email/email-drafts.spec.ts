import { randomUUID } from 'node:crypto';
import { WAITLIST_ACTOR } from '@tessera/contracts';
import { LogWriter, openSharedStores, type SharedStores } from '../testing/notifier-harness';
import { emailIdOf, HOLD_WARNING_MS, planEmails, type EmailPlan } from './email-drafts';
import { NotificationFacts } from './facts';

/** Which e-mails each event calls for, given what the log already holds (the facts are read from it). */
describe('planEmails', () => {
  let stores: SharedStores;
  let log: LogWriter;
  let facts: NotificationFacts;
  const showId = randomUUID();
  const ada = randomUUID();
  const grace = randomUUID();

  beforeAll(async () => {
    stores = await openSharedStores();
    log = new LogWriter(stores.events);
    facts = new NotificationFacts(stores.events);
    await log.createShow(showId, 'Storm Night');
    await log.register(ada, 'ada@example.com', 'Ada');
    await log.register(grace, 'grace@example.com', 'Grace');
  });

  afterAll(async () => {
    await stores.close();
  });

  const summary = (plan: EmailPlan) => ({ drafts: plan.drafts.map((draft) => ({ id: draft.id, kind: draft.kind, to: draft.to, subject: draft.subject })), cancel: plan.cancel });

  const placed = async (seats = ['A-1-1'], expiresInMs = 10 * 60_000) => {
    const bookingId = randomUUID();
    const event = await log.place(bookingId, ada, showId, seats, new Date(Date.now() + expiresInMs));
    return { bookingId, event };
  };

  it('booking.placed: the held e-mail now, and the warning two minutes before the hold ends, dropped after it', async () => {
    const { bookingId, event } = await placed(['A-1-1', 'A-1-2']);
    const plan = await planEmails(event, facts);
    expect(summary(plan)).toEqual({
      drafts: [
        { id: emailIdOf('booking-held', bookingId), kind: 'booking-held', to: 'ada@example.com', subject: expect.stringMatching(/^Your seats for Storm Night are held until /) },
        { id: emailIdOf('hold-expiring', bookingId), kind: 'hold-expiring', to: 'ada@example.com', subject: 'Two minutes left to pay for Storm Night' },
      ],
      cancel: [],
    });
    const expiresAt = Date.parse((event.data as { expiresAt: string }).expiresAt);
    expect(plan.drafts[1]).toMatchObject({ dueAt: expiresAt - HOLD_WARNING_MS, notAfter: expiresAt });
    expect(plan.drafts[0].dueAt).toBe(Date.parse(event.metadata.occurredAt));
  });

  it('booking.placed with two minutes or less to run: no warning', async () => {
    const { event } = await placed(['A-1-3'], 90_000);
    expect((await planEmails(event, facts)).drafts.map((draft) => draft.kind)).toEqual(['booking-held']);
  });

  it('waitlist.offered: the offer e-mail with the booking to pay, until the hold ends; its hold has no held e-mail of its own', async () => {
    const { bookingId, event } = await placed(['A-2-1', 'A-2-2']);
    const expiresAt = (event.data as { expiresAt: string }).expiresAt;
    const byWaitlist = { ...event, metadata: { ...event.metadata, actorId: WAITLIST_ACTOR } };
    expect((await planEmails(byWaitlist, facts)).drafts.map((draft) => draft.kind)).toEqual(['hold-expiring']);
    const entryId = randomUUID();
    const offered = await log.append(`waitlist-${showId}`, 'waitlist.offered.v1', { showId, entryId, userId: ada, bookingId, seatIds: ['A-2-1', 'A-2-2'], expiresAt });
    const plan = await planEmails(offered, facts);
    expect(summary(plan)).toEqual({
      drafts: [{ id: emailIdOf('waitlist-offer', entryId), kind: 'waitlist-offer', to: 'ada@example.com', subject: expect.stringMatching(/^Seats for Storm Night are yours until /) }],
      cancel: [],
    });
    expect(plan.drafts[0]).toMatchObject({ notAfter: Date.parse(expiresAt) });
    expect(plan.drafts[0].text).toContain(`Booking: ${bookingId}`);
    // The amount is the offer's booking's, as placed.
    expect(plan.drafts[0].text).toContain(`Total: €${((event.data as { amount: number }).amount / 100).toFixed(2)}`);
  });

  it('booking.expired: the expired e-mail, and the warning called off', async () => {
    const { bookingId } = await placed(['A-1-4']);
    const expired = await log.append(`booking-${bookingId}`, 'booking.expired.v1', { bookingId, showId, seatIds: ['A-1-4'], expiresAt: new Date().toISOString() });
    expect(summary(await planEmails(expired, facts))).toEqual({
      drafts: [{ id: emailIdOf('booking-expired', bookingId), kind: 'booking-expired', to: 'ada@example.com', subject: 'Your hold for Storm Night has expired' }],
      cancel: [emailIdOf('hold-expiring', bookingId)],
    });
  });

  it('booking.cancelled by the customer: no e-mail, the warning called off; by the show: the show-cancelled e-mail', async () => {
    const { bookingId } = await placed(['A-1-5']);
    const byFan = await log.append(`booking-${bookingId}`, 'booking.cancelled.v1', { bookingId, showId, seatIds: ['A-1-5'], reason: 'customer_cancelled' });
    expect(summary(await planEmails(byFan, facts))).toEqual({ drafts: [], cancel: [emailIdOf('hold-expiring', bookingId)] });

    const other = await placed(['A-1-6']);
    const byShow = await log.append(`booking-${other.bookingId}`, 'booking.cancelled.v1', { bookingId: other.bookingId, showId, seatIds: ['A-1-6'], reason: 'show_cancelled' });
    const plan = await planEmails(byShow, facts);
    expect(summary(plan).drafts).toEqual([{ id: emailIdOf('show-cancelled', showId, ada), kind: 'show-cancelled', to: 'ada@example.com', subject: 'Cancelled: Storm Night' }]);
    expect(plan.drafts[0].text).toContain('nothing is left to pay');
  });

  it('booking.refunded: a refund e-mail, or the show-cancelled one with the refund when the show was called off', async () => {
    const { bookingId } = await placed(['A-1-7']);
    const refund = (reason: string) =>
      log.append(`booking-${bookingId}`, 'booking.refunded.v1', { bookingId, showId, refundId: randomUUID(), paymentId: 'p', amount: 4500, currency: 'EUR', reason, seatIds: [], ticketIds: [] });
    const cancelled = await refund('customer_cancelled');
    expect(summary(await planEmails(cancelled, facts)).drafts).toEqual([
      { id: emailIdOf('refund', (cancelled.data as { refundId: string }).refundId), kind: 'refund', to: 'ada@example.com', subject: 'Refund of €45.00 for Storm Night' },
    ]);
    const lost = await refund('hold_lost');
    expect((await planEmails(lost, facts)).drafts[0].text).toContain('arrived after the hold');
    const byShow = await planEmails(await refund('show_cancelled'), facts);
    expect(summary(byShow).drafts).toEqual([{ id: emailIdOf('show-cancelled', showId, ada), kind: 'show-cancelled', to: 'ada@example.com', subject: 'Cancelled: Storm Night' }]);
    expect(byShow.drafts[0].text).toContain('refunded €45.00');
  });

  it('ticket.transferred: one e-mail to the old holder, one with the new code to the new holder', async () => {
    const { bookingId } = await placed(['A-1-8']);
    const ticketId = randomUUID();
    await log.append(`ticket-${ticketId}`, 'ticket.issued.v1', { ticketId, bookingId, showId, seatId: 'A-1-8', ownerId: ada, version: 1 });
    const transferred = await log.append(`ticket-${ticketId}`, 'ticket.transferred.v1', { ticketId, fromOwnerId: ada, toOwnerId: grace, version: 2 });
    const plan = await planEmails(transferred, facts);
    expect(summary(plan).drafts).toEqual([
      { id: emailIdOf('ticket-sent', ticketId, 2), kind: 'ticket-sent', to: 'ada@example.com', subject: 'You transferred your ticket for Storm Night' },
      { id: emailIdOf('ticket-received', ticketId, 2), kind: 'ticket-received', to: 'grace@example.com', subject: 'Ada sent you a ticket for Storm Night' },
    ]);
    expect(plan.drafts[0].tickets).toEqual([]);
    expect(plan.drafts[1].tickets).toEqual([{ cid: `ticket-${ticketId}-v2@tessera`, ticketId, version: 2, seatId: 'A-1-8' }]);

    // The show is called off: the holder by transfer is told (the booker hears of it through the refund).
    const voided = await log.append(`ticket-${ticketId}`, 'ticket.voided.v1', { ticketId, bookingId, showId, seatId: 'A-1-8', reason: 'show_cancelled' });
    expect(summary(await planEmails(voided, facts)).drafts).toEqual([{ id: emailIdOf('show-cancelled', showId, grace), kind: 'show-cancelled', to: 'grace@example.com', subject: 'Cancelled: Storm Night' }]);
  });

  it('ticket.voided for the booker’s own ticket, or for a refund: nothing more', async () => {
    const { bookingId } = await placed(['A-1-9']);
    const ticketId = randomUUID();
    await log.append(`ticket-${ticketId}`, 'ticket.issued.v1', { ticketId, bookingId, showId, seatId: 'A-1-9', ownerId: ada, version: 1 });
    for (const reason of ['show_cancelled', 'booking_refunded']) {
      const voided = await log.append(`ticket-${ticketId}`, 'ticket.voided.v1', { ticketId, bookingId, showId, seatId: 'A-1-9', reason });
      expect(await planEmails(voided, facts)).toEqual({ drafts: [], cancel: [] });
    }
  });

  it('nobody to tell: a booking of a user without an account, or a show that does not exist, drafts nothing', async () => {
    const stranger = await log.place(randomUUID(), randomUUID(), showId, ['A-1-10'], new Date(Date.now() + 600_000));
    expect((await planEmails(stranger, facts)).drafts).toEqual([]);
    const nowhere = await log.place(randomUUID(), ada, randomUUID(), ['A-1-1'], new Date(Date.now() + 600_000));
    expect((await planEmails(nowhere, facts)).drafts).toEqual([]);
  });

  it("incident.status_changed: one e-mail per move to the reporter, with the report's title; none for a device's incident", async () => {
    const incidentId = randomUUID();
    await log.reportIncident(incidentId, grace, 'Seat A-1-7 is broken');
    const acknowledged = await log.moveIncident(incidentId, grace, 'new', 'acknowledged');
    const resolved = await log.moveIncident(incidentId, grace, 'acknowledged', 'resolved');
    expect(summary(await planEmails(acknowledged, facts))).toEqual({
      drafts: [{ id: emailIdOf('incident-status', incidentId, 1), kind: 'incident-status', to: 'grace@example.com', subject: 'Your report "Seat A-1-7 is broken" has been seen by our team' }],
      cancel: [],
    });
    expect(summary(await planEmails(resolved, facts)).drafts).toEqual([
      { id: emailIdOf('incident-status', incidentId, 2), kind: 'incident-status', to: 'grace@example.com', subject: 'Your report "Seat A-1-7 is broken" is resolved' },
    ]);
    // The same move handed over again drafts the same e-mail (the outbox writes it once).
    expect((await planEmails(acknowledged, facts)).drafts[0].id).toBe(emailIdOf('incident-status', incidentId, 1));

    const deviceIncident = randomUUID();
    await log.reportIncident(deviceIncident, 'device:sensor-1', 'sensor-1: offline');
    expect(await planEmails(await log.moveIncident(deviceIncident, 'device:sensor-1', 'new', 'resolved'), facts)).toEqual({ drafts: [], cancel: [] });
    // A reporter without an account (a staff member from the identity provider only) has no address.
    const unknown = randomUUID();
    await log.reportIncident(unknown, 'staff-without-account', 'Door stuck');
    expect(await planEmails(await log.moveIncident(unknown, 'staff-without-account', 'new', 'acknowledged'), facts)).toEqual({ drafts: [], cancel: [] });
  });
});
