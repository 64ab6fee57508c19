import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Metrics } from '@tessera/platform/observability/metrics';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { ChannelConsumers } from '../delivery/channel-consumers';
import { DeliveryLedger } from '../delivery/delivery-ledger';
import { eventually, LogWriter, openSharedStores, startNotifier, type NotifierInstance, type SharedStores } from '../testing/notifier-harness';
import { EmailChannel } from './email.channel';
import { emailIdOf } from './email-drafts';
import { Outbox, type OutboxMessage } from './outbox';
import { leavesOf, parseMime } from './testing/mime';
import { qrImageEncodes } from './testing/qr-image';
import { SmtpTestServer } from './testing/smtp-test-server';

const inMinutes = (minutes: number): Date => new Date(Date.now() + minutes * 60_000);

const messageOf = async (notifier: NotifierInstance, id: string): Promise<OutboxMessage | null> => notifier.app.get(Outbox).messages.findOne({ _id: id });

const counterValue = async (notifier: NotifierInstance, name: string, labels: Record<string, string>): Promise<number> => {
  const metric = await notifier.app.get(Metrics).registry.getSingleMetric(name)?.get();
  return metric?.values.find((value) => Object.entries(labels).every(([key, label]) => value.labels[key] === label))?.value ?? 0;
};

const healthOf = async (notifier: NotifierInstance): Promise<{ status: number; details: Record<string, Record<string, unknown>> }> => {
  const server = notifier.app.getHttpAdapter().getInstance() as { inject(options: { method: string; url: string }): Promise<{ statusCode: number; body: string }> };
  const res = await server.inject({ method: 'GET', url: '/health' });
  return { status: res.statusCode, details: (JSON.parse(res.body) as { details: Record<string, Record<string, unknown>> }).details };
};

describe('the notifier sends e-mail over SMTP (a real SMTP server started by the test)', () => {
  let smtp: SmtpTestServer;
  let stores: SharedStores;
  let log: LogWriter;
  let notifier: NotifierInstance;
  const showId = randomUUID();

  beforeEach(async () => {
    smtp = await SmtpTestServer.start();
    stores = await openSharedStores();
    log = new LogWriter(stores.events);
    await log.createShow(showId);
    notifier = await startNotifier(stores, { SMTP_URL: smtp.url });
  });

  afterEach(async () => {
    await notifier.app.close();
    await smtp.stop();
    await stores.close();
  });

  it('sends a confirmation with a text and an HTML part and one inline QR code per ticket, each the ticket’s code', async () => {
    const userId = randomUUID();
    const bookingId = randomUUID();
    const tickets = [
      { ticketId: randomUUID(), seatId: 'A-1-7' },
      { ticketId: randomUUID(), seatId: 'A-1-8' },
    ];
    await log.register(userId, 'ada@example.com', 'Ada <Lovelace>');
    await log.place(bookingId, userId, showId, ['A-1-7', 'A-1-8'], inMinutes(10));
    await log.confirm(bookingId, showId, tickets);

    const received = await smtp.waitForMessages(3);
    const subjects = received.map((mail) => parseMime(mail.raw).headers.subject);
    expect(subjects).toEqual(['Welcome to Tessera', expect.stringMatching(/^Your seats for Night Concert are held until /), 'Your tickets for Night Concert']);
    const confirmation = received[2];
    expect(confirmation.to).toEqual(['ada@example.com']);
    expect(confirmation.from).toBe('box-office@tessera.test');

    const mime = parseMime(confirmation.raw);
    expect(mime.headers['message-id']).toBe(`<${emailIdOf('booking-confirmed', bookingId)}@tessera.test>`);
    const parts = leavesOf(mime);
    const text = parts.find((part) => part.contentType === 'text/plain');
    const html = parts.find((part) => part.contentType === 'text/html');
    expect(text?.body.toString('utf8')).toContain('Hello Ada <Lovelace>,');
    expect(html?.body.toString('utf8')).toContain('Hello Ada &lt;Lovelace&gt;,');
    const images = parts.filter((part) => part.contentType === 'image/png');
    expect(images).toHaveLength(2);
    const codes = notifier.app.get(TicketCodes);
    for (const ticket of tickets) {
      const cid = `ticket-${ticket.ticketId}-v1@tessera`;
      const image = images.find((part) => part.headers['content-id'] === `<${cid}>`);
      expect(image).toBeDefined();
      expect(html?.body.toString('utf8')).toContain(`src="cid:${cid}"`);
      expect(qrImageEncodes(image!.body, codes.sign({ ticketId: ticket.ticketId, version: 1 }))).toBe(true);
    }
    // Paid: the hold warning that waited for its time is called off.
    expect((await messageOf(notifier, emailIdOf('hold-expiring', bookingId)))?.status).toBe('cancelled');
  });

  it("tells the reporter of an incident each status move, in a text and an HTML part; a device's incident e-mails nobody", async () => {
    const userId = randomUUID();
    const incidentId = randomUUID();
    await log.register(userId, 'fan@example.com', 'Fay <Fan>');
    await log.reportIncident(incidentId, userId, 'Seat <A-1-7> & armrest');
    const deviceIncident = randomUUID();
    await log.reportIncident(deviceIncident, 'device:sensor-1', 'sensor-1: offline');
    const deviceMove = await log.moveIncident(deviceIncident, 'device:sensor-1', 'new', 'resolved');
    await log.moveIncident(incidentId, userId, 'new', 'acknowledged');
    await log.moveIncident(incidentId, userId, 'acknowledged', 'resolved');

    const received = await smtp.waitForMessages(3);
    expect(received.map((mail) => mail.to[0])).toEqual(['fan@example.com', 'fan@example.com', 'fan@example.com']);
    const [, acknowledged, resolved] = received.map((mail) => parseMime(mail.raw));
    // Subjects with `<`, `&` and quotes travel as encoded words; the outbox keeps them as written.
    expect(acknowledged.headers['message-id']).toBe(`<${emailIdOf('incident-status', incidentId, 1)}@tessera.test>`);
    expect(resolved.headers['message-id']).toBe(`<${emailIdOf('incident-status', incidentId, 2)}@tessera.test>`);
    expect((await messageOf(notifier, emailIdOf('incident-status', incidentId, 1)))?.subject).toBe('Your report "Seat <A-1-7> & armrest" has been seen by our team');
    expect((await messageOf(notifier, emailIdOf('incident-status', incidentId, 2)))?.subject).toBe('Your report "Seat <A-1-7> & armrest" is resolved');
    const parts = leavesOf(resolved);
    expect(parts.find((part) => part.contentType === 'text/plain')?.body.toString('utf8').replace(/\r\n/g, '\n')).toContain('Hello Fay <Fan>,\n\nYour report "Seat <A-1-7> & armrest" is resolved: its status went from acknowledged to resolved');
    const html = parts.find((part) => part.contentType === 'text/html')?.body.toString('utf8');
    expect(html).toContain('Seat &lt;A-1-7&gt; &amp; armrest');
    expect(html).toContain(`Reference: ${incidentId}`);
    // The device's incident: its move was handled and drafted nothing.
    await notifier.app.get(ChannelConsumers).subscriptionOf('email')?.whenHandled(deviceMove.position);
    expect(await messageOf(notifier, emailIdOf('incident-status', deviceIncident, 1))).toBeNull();
    expect(await notifier.app.get(Outbox).messages.find({ kind: 'incident-status' })).toHaveLength(2);
    expect(smtp.received).toHaveLength(3);
  });

  it('sends the hold warning two minutes before the hold ends', async () => {
    const userId = randomUUID();
    const bookingId = randomUUID();
    await log.register(userId, 'grace@example.com', 'Grace');
    const expiresAt = new Date(Date.now() + 2 * 60_000 + 500);
    await log.place(bookingId, userId, showId, ['A-1-3'], expiresAt);
    const received = await smtp.waitForMessages(3);
    expect(parseMime(received[2].raw).headers.subject).toBe('Two minutes left to pay for Night Concert');
    await eventually(async () => (await messageOf(notifier, emailIdOf('hold-expiring', bookingId)))?.status === 'sent');
    const warning = await messageOf(notifier, emailIdOf('hold-expiring', bookingId));
    expect(Date.parse(warning!.sentAt!)).toBeGreaterThanOrEqual(expiresAt.getTime() - 2 * 60_000);
  });

  it('keeps trying while the SMTP server is down, fails no e-mail for it, and sends once it is back; the other channels go on meanwhile', async () => {
    await notifier.app.close();
    // Few allowed refusals, long backoff: an outage must neither fail the message nor leave it waiting out its backoff once the server is back.
    notifier = await startNotifier(stores, { SMTP_URL: smtp.url, MAIL_MAX_ATTEMPTS: '1', MAIL_RETRY_MS: '400' });
    await smtp.stop();
    const userId = randomUUID();
    const registered = await log.register(userId, 'outage@example.com', 'Olive');
    const id = emailIdOf('welcome', userId);

    // The other channel gets the event while e-mail cannot send.
    await eventually(() => notifier.recorder.delivered.some((event) => event.id === registered.id), 10_000, 'the recording channel got the event');
    await eventually(async () => ((await messageOf(notifier, id))?.attempts ?? 0) >= 2, 10_000, 'two failed attempts');
    expect(await messageOf(notifier, id)).toMatchObject({ status: 'pending', waitingForServer: true });
    // /health says so, and stays 200: bookings go on during an SMTP outage.
    const health = await healthOf(notifier);
    expect(health.status).toBe(200);
    expect(health.details.email).toMatchObject({ status: 'up', transport: 'smtp', state: 'failing', lastFailure: { error: expect.stringContaining('ECONNREFUSED') } });
    const more = await log.register(randomUUID(), 'second@example.com', 'Sam');
    await eventually(() => notifier.recorder.delivered.some((event) => event.id === more.id), 10_000, 'the recording channel got the next event');

    await smtp.listen();
    const received = await smtp.waitForMessages(2);
    expect(received.map((mail) => mail.to[0]).sort()).toEqual(['outage@example.com', 'second@example.com']);
    await eventually(async () => (await messageOf(notifier, id))?.status === 'sent');
    expect(await counterValue(notifier, 'tessera_notifier_emails_total', { kind: 'welcome', outcome: 'retried' })).toBeGreaterThanOrEqual(2);
    expect((await healthOf(notifier)).details.email).toMatchObject({ state: 'ok', pending: 0, failed: 0 });
  });

  it('tries again after a 4xx answer, and the 2xx after it counts', async () => {
    smtp.nextReplies.push(451, 421);
    const userId = randomUUID();
    await log.register(userId, 'later@example.com', 'Lee');
    await smtp.waitForMessages(1);
    await eventually(async () => (await messageOf(notifier, emailIdOf('welcome', userId)))?.status === 'sent');
    expect((await messageOf(notifier, emailIdOf('welcome', userId)))?.attempts).toBe(3);
  });

  it('parks a message after MAIL_MAX_ATTEMPTS 4xx answers', async () => {
    await notifier.app.close();
    notifier = await startNotifier(stores, { SMTP_URL: smtp.url, MAIL_MAX_ATTEMPTS: '2' });
    smtp.nextReplies.push(452, 452);
    const userId = randomUUID();
    await log.register(userId, 'full@example.com', 'Full');
    await eventually(async () => (await messageOf(notifier, emailIdOf('welcome', userId)))?.status === 'failed');
    expect(await messageOf(notifier, emailIdOf('welcome', userId))).toMatchObject({ attempts: 2, refusals: 2, lastError: expect.stringContaining('452') });
    expect(smtp.received).toEqual([]);
  });

  it('parks a message refused for good (5xx) as failed, and goes on with the next', async () => {
    smtp.refused.add('nobody@example.com');
    const refusedUser = randomUUID();
    await log.register(refusedUser, 'nobody@example.com', 'Nobody');
    await eventually(async () => (await messageOf(notifier, emailIdOf('welcome', refusedUser)))?.status === 'failed');
    const failed = await messageOf(notifier, emailIdOf('welcome', refusedUser));
    expect(failed).toMatchObject({ attempts: 1, sentAt: null, lastError: expect.stringContaining('550') });
    // /health is public: it shows the failure without the address the server named.
    const { email } = (await healthOf(notifier)).details;
    expect(email).toMatchObject({ state: 'failing', failed: 1, lastFailure: { error: expect.stringContaining('550') } });
    expect(JSON.stringify(email)).not.toContain('nobody@example.com');

    await log.register(randomUUID(), 'somebody@example.com', 'Somebody');
    const received = await smtp.waitForMessages(1);
    expect(received[0].to).toEqual(['somebody@example.com']);
    expect(await counterValue(notifier, 'tessera_notifier_emails_total', { kind: 'welcome', outcome: 'failed' })).toBe(1);
  });

  it('sends nothing twice when an event is handed over again', async () => {
    const userId = randomUUID();
    const registered = await log.register(userId, 'once@example.com', 'Once');
    await smtp.waitForMessages(1);
    await eventually(async () => (await messageOf(notifier, emailIdOf('welcome', userId)))?.status === 'sent');

    // The channel handed the same event again (what a redelivery past the ledger would do): the outbox has the message already.
    await notifier.app.get(EmailChannel).deliver(registered);
    // And the consumer does not hand it to the channel again: reading alone (the embedded read
    // store), its saved checkpoint is past the event, and the ledger has let the record go.
    const consumer = notifier.app.get(ChannelConsumers).subscriptionOf('email');
    await eventually(async () => (consumer?.status.checkpoint ?? -1) >= registered.position && (await notifier.app.get(DeliveryLedger).seen('email', registered.id)) === null);

    // Something later is sent, and still nothing twice.
    await log.register(randomUUID(), 'next@example.com', 'Next');
    const received = await smtp.waitForMessages(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received.map((mail) => mail.to[0])).toEqual(['once@example.com', 'next@example.com']);
  });
});

describe('the delivery ledger', () => {
  it('skips an event the channel delivered before: a restart after a crash between delivery and the ack', async () => {
    const stores = await openSharedStores();
    try {
      const log = new LogWriter(stores.events);
      const first = await log.register(randomUUID(), 'a@example.com', 'A');
      const second = await log.register(randomUUID(), 'b@example.com', 'B');
      // The last instance delivered `first` to the recorder and died before the group heard of it.
      await new DeliveryLedger(stores.reads).record('recorder', first, 'delivered', new Date());
      const notifier = await startNotifier(stores);
      try {
        await eventually(() => notifier.recorder.delivered.length >= 1);
        await notifier.app.get(ChannelConsumers).subscriptionOf('recorder')?.whenHandled(second.position);
        expect(notifier.recorder.delivered.map((event) => event.id)).toEqual([second.id]);
        expect(await counterValue(notifier, 'tessera_notifier_deliveries_total', { channel: 'recorder', outcome: 'duplicate' })).toBe(1);
        expect(await counterValue(notifier, 'tessera_notifier_deliveries_total', { channel: 'recorder', outcome: 'delivered' })).toBe(1);
      } finally {
        await notifier.app.close();
      }
    } finally {
      await stores.close();
    }
  });
});

describe('two notifier instances on one log and one read store', () => {
  it('share the work and send each e-mail once', async () => {
    const smtp = await SmtpTestServer.start();
    const stores = await openSharedStores();
    const log = new LogWriter(stores.events);
    const env = { SMTP_URL: smtp.url, NOTIFIER_CONSUMER: 'group' };
    const [one, two] = [await startNotifier(stores, env), await startNotifier(stores, env)];
    try {
      const users = Array.from({ length: 24 }, (_, i) => ({ userId: randomUUID(), email: `fan${i}@example.com` }));
      for (const user of users) await log.register(user.userId, user.email, `Fan ${user.email}`);
      const received = await smtp.waitForMessages(users.length);
      // A moment for a second copy, if either instance were to send one.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const ids = received.map((mail) => parseMime(mail.raw).headers['message-id']);
      expect(new Set(ids).size).toBe(users.length);
      expect(received).toHaveLength(users.length);
      // Both members took a share of the streams.
      const shares = await Promise.all([one, two].map((instance) => counterValue(instance, 'tessera_notifier_deliveries_total', { channel: 'email', outcome: 'delivered' })));
      expect(shares.every((share) => share > 0)).toBe(true);
      expect(shares[0] + shares[1]).toBe(users.length);
    } finally {
      await one.app.close();
      await two.app.close();
      await smtp.stop();
      await stores.close();
    }
  });
});

describe('a crash on the embedded read store (standalone mode)', () => {
  it('loses no e-mail: the read store comes back from its last snapshot, and the channel replays the log from the checkpoint saved in it', async () => {
    const smtp = await SmtpTestServer.start();
    const stores = await openSharedStores();
    const log = new LogWriter(stores.events);
    const snapshots = join(stores.dataDir, 'read-models');
    const live = new EmbeddedReadStore({ snapshotDir: snapshots });
    await live.open();
    const first = await startNotifier({ ...stores, reads: live }, { SMTP_URL: smtp.url });
    let restored: EmbeddedReadStore | undefined;
    try {
      const before = randomUUID();
      await log.register(before, 'before@example.com', 'Before');
      await eventually(async () => (await messageOf(first, emailIdOf('welcome', before)))?.status === 'sent');
      await live.saveSnapshot();
      // Written after the last snapshot: a crash now takes it out of the read store, not out of the log.
      const after = randomUUID();
      await log.register(after, 'after@example.com', 'After');
      await eventually(async () => (await messageOf(first, emailIdOf('welcome', after)))?.status === 'sent');
      await first.app.close();

      restored = new EmbeddedReadStore({ snapshotDir: snapshots });
      await restored.open();
      expect(await restored.collection('notifier-outbox').findOne({ _id: emailIdOf('welcome', after) })).toBeNull();
      const second = await startNotifier({ ...stores, reads: restored }, { SMTP_URL: smtp.url });
      try {
        await eventually(async () => (await messageOf(second, emailIdOf('welcome', after)))?.status === 'sent', 10_000, 'the lost e-mail written and sent again');
        expect((await messageOf(second, emailIdOf('welcome', before)))?.status).toBe('sent');
        // At least once: the one sent between the snapshot and the crash went out twice; the one before it, once.
        expect(smtp.received.map((mail) => mail.to[0])).toEqual(['before@example.com', 'after@example.com', 'after@example.com']);
      } finally {
        await second.app.close();
      }
    } finally {
      await live.close();
      await restored?.close();
      await smtp.stop();
      await stores.close();
    }
  });
});

describe('without SMTP_URL', () => {
  it('writes no e-mail about an event older than MAIL_MAX_EVENT_AGE_HOURS (history, a long outage)', async () => {
    const stores = await openSharedStores();
    const log = new LogWriter(stores.events);
    const old = randomUUID();
    await log.append(`account-${old}`, 'account.registered.v1', { userId: old, email: 'old@example.com', displayName: 'Old', passwordHash: 'x', roles: ['user'] }, new Date(Date.now() - 4 * 24 * 3_600_000));
    const notifier = await startNotifier(stores);
    try {
      const fresh = await log.register(randomUUID(), 'fresh@example.com', 'Fresh');
      await eventually(async () => (await notifier.app.get(Outbox).count({ status: 'sent' })) === 1);
      await notifier.app.get(ChannelConsumers).subscriptionOf('email')?.whenHandled(fresh.position);
      expect((await notifier.app.get(Outbox).messages.find({})).map((message) => message.to)).toEqual(['fresh@example.com']);
      // Both count as delivered (the old one with no e-mail), neither as failed.
      expect(await counterValue(notifier, 'tessera_notifier_deliveries_total', { channel: 'email', outcome: 'delivered' })).toBe(2);
      expect(await counterValue(notifier, 'tessera_notifier_deliveries_total', { channel: 'email', outcome: 'failed' })).toBe(0);
    } finally {
      await notifier.app.close();
      await stores.close();
    }
  });

  it('writes each e-mail as an .eml file in DATA_DIR/outbox, whole, with its text and HTML parts', async () => {
    const stores = await openSharedStores();
    const notifier = await startNotifier(stores);
    try {
      const userId = randomUUID();
      await new LogWriter(stores.events).register(userId, 'files@example.com', 'Fay');
      const folder = join(stores.dataDir, 'outbox');
      const file = join(folder, `${emailIdOf('welcome', userId)}.eml`);
      await eventually(async () => (await messageOf(notifier, emailIdOf('welcome', userId)))?.status === 'sent');
      expect(await readdir(folder)).toEqual([`${emailIdOf('welcome', userId)}.eml`]); // no temporary file left
      const raw = await readFile(file, 'utf8');
      expect(raw).toContain('\r\n'); // RFC 5322 line ends
      const mime = parseMime(raw);
      expect(mime.headers.to).toBe('Fay <files@example.com>');
      expect(mime.headers.subject).toBe('Welcome to Tessera');
      expect(leavesOf(mime).map((part) => part.contentType)).toEqual(['text/plain', 'text/html']);
    } finally {
      await notifier.app.close();
      await stores.close();
    }
  });
});
