import {
  bookingConfirmedEmail,
  bookingExpiredEmail,
  bookingHeldEmail,
  holdExpiringEmail,
  incidentStatusEmail,
  refundEmail,
  showCancelledEmail,
  ticketReceivedEmail,
  ticketSentEmail,
  waitlistOfferEmail,
  welcomeEmail,
  type RenderedEmail,
} from '.';
import { escapeHtml, html } from './html';

const show = { name: 'Night Concert', venue: 'Arena', startsAt: '2027-05-01T19:30:00.000Z' };

/** Every template with fixed data: the snapshots are what recipients read. */
const rendered: Record<string, RenderedEmail> = {
  welcome: welcomeEmail({ displayName: 'Ada' }),
  'booking-held': bookingHeldEmail({ displayName: 'Ada', show, seats: ['A-1-7', 'A-1-8'], amount: 24000, currency: 'EUR', expiresAt: '2027-04-01T10:10:00.000Z' }),
  'hold-expiring': holdExpiringEmail({ displayName: 'Ada', show, seats: ['A-1-7'], expiresAt: '2027-04-01T10:10:00.000Z' }),
  'booking-confirmed': bookingConfirmedEmail({
    displayName: 'Ada',
    show,
    amount: 24000,
    currency: 'EUR',
    tickets: [
      { seatId: 'A-1-7', cid: 'ticket-t1-v1@tessera' },
      { seatId: 'A-1-8', cid: 'ticket-t2-v1@tessera' },
    ],
  }),
  'booking-expired': bookingExpiredEmail({ displayName: 'Ada', show, seats: ['A-1-7'] }),
  refund: refundEmail({ displayName: 'Ada', show, amount: 4500, currency: 'EUR', reason: 'customer_cancelled' }),
  'refund (hold lost)': refundEmail({ displayName: 'Ada', show, amount: 1200, currency: 'JPY', reason: 'hold_lost' }),
  'show-cancelled (refunded)': showCancelledEmail({ displayName: 'Ada', show, refund: { amount: 24000, currency: 'EUR' } }),
  'show-cancelled (holder)': showCancelledEmail({ displayName: 'Grace', show }),
  'ticket-sent': ticketSentEmail({ displayName: 'Ada', show, seatId: 'A-1-7', toName: 'Grace' }),
  'ticket-received': ticketReceivedEmail({ displayName: 'Grace', show, seatId: 'A-1-7', fromName: 'Ada', cid: 'ticket-t1-v2@tessera' }),
  'incident-status (acknowledged)': incidentStatusEmail({ displayName: 'Ada', title: 'Seat A-1-7 is broken', incidentId: 'i-1', from: 'new', to: 'acknowledged', at: '2027-05-01T19:40:00.000Z' }),
  'incident-status (in progress)': incidentStatusEmail({ displayName: 'Ada', title: 'Seat A-1-7 is broken', incidentId: 'i-1', from: 'acknowledged', to: 'in_progress', at: '2027-05-01T19:45:00.000Z' }),
  'incident-status (resolved)': incidentStatusEmail({ displayName: 'Ada', title: 'Seat A-1-7 is broken', incidentId: 'i-1', from: 'in_progress', to: 'resolved', at: '2027-05-01T20:05:00.000Z' }),
  'waitlist-offer': waitlistOfferEmail({ displayName: 'Ada', show, seats: ['A-1-7', 'A-1-8'], amount: 24000, currency: 'EUR', expiresAt: '2027-04-01T10:10:00.000Z', bookingId: 'b-1' }),
  'incident-status (reopened)': incidentStatusEmail({ displayName: 'Ada', title: 'Seat A-1-7 is broken', incidentId: 'i-1', from: 'resolved', to: 'in_progress', at: '2027-05-01T20:15:00.000Z' }),
};

describe('e-mail templates', () => {
  it.each(Object.keys(rendered))('%s: subject and text part', (name) => {
    const email = rendered[name];
    expect(`Subject: ${email.subject}\n\n${email.text}`).toMatchSnapshot();
  });

  it.each(Object.keys(rendered))('%s: an HTML part saying what the text says', (name) => {
    const email = rendered[name];
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.html).toContain(`<title>${escapeHtml(email.subject)}</title>`);
    // Every line of the text part, but the signature's dash, is in the HTML part too.
    const words = email.text.split('\n').filter((line) => line && !line.startsWith('—') && !line.startsWith('- Seat') && !line.includes('HTML part'));
    const visible = email.html.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    for (const line of words) expect(visible.replace(/\s+/g, ' ')).toContain(line.replace(/\s+/g, ' '));
  });

  it('shows one inline QR image per ticket of a confirmation', () => {
    const images = rendered['booking-confirmed'].html.match(/<img src="cid:[^"]+"/g);
    expect(images).toEqual(['<img src="cid:ticket-t1-v1@tessera"', '<img src="cid:ticket-t2-v1@tessera"']);
  });

  it('escapes what people and admins typed (names, show names) in the HTML part', () => {
    const hostile = bookingHeldEmail({
      displayName: '<script>alert(1)</script>',
      show: { ...show, name: 'Rock & "Roll" <b>', venue: "O'Hara's" },
      seats: ['A-1-1'],
      amount: 100,
      currency: 'EUR',
      expiresAt: '2027-04-01T10:10:00.000Z',
    });
    expect(hostile.html).not.toContain('<script>');
    expect(hostile.html).not.toContain('<b>');
    expect(hostile.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile.html).toContain('Rock &amp; &quot;Roll&quot; &lt;b&gt;');
    expect(hostile.html).toContain('O&#39;Hara&#39;s');
    // The text part is plain text: it stays as typed.
    expect(hostile.text).toContain('Hello <script>alert(1)</script>,');
  });

  it('keeps markup made by html itself, and escapes everything interpolated', () => {
    const inner = html`<em>${'<i>'}</em>`;
    expect(html`<p>${inner}${['<a>', html`<br>`]}${3}</p>`.value).toBe('<p><em>&lt;i&gt;</em>&lt;a&gt;<br>3</p>');
  });
});
