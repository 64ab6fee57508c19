import { formatMoney, formatTime } from './format';
import { html } from './html';
import { layout, showLine, type RenderedEmail, type ShowSummary } from './layout';

export interface BookingConfirmedEmail {
  displayName: string;
  show: ShowSummary;
  amount: number;
  currency: string;
  /** One per ticket; `cid` names the inline QR image of the ticket's code. */
  tickets: { seatId: string; cid: string }[];
}

export const bookingConfirmedEmail = (data: BookingConfirmedEmail): RenderedEmail =>
  layout({
    subject: `Your tickets for ${data.show.name}`,
    displayName: data.displayName,
    text: [
      `Thank you: your booking for ${showLine(data.show)} on ${formatTime(data.show.startsAt)} is confirmed (${formatMoney(data.amount, data.currency)}).`,
      `Your ${data.tickets.length === 1 ? 'ticket is' : `${data.tickets.length} tickets are`} in the HTML part of this e-mail and under "My tickets": show each QR code at the gate.`,
      ...data.tickets.map((ticket) => `- Seat ${ticket.seatId}`),
    ],
    html: html`<p>Thank you: your booking for <strong>${showLine(data.show)}</strong> on ${formatTime(data.show.startsAt)} is confirmed (${formatMoney(data.amount, data.currency)}).</p>
<p>Show each QR code at the gate.</p>
${data.tickets.map((ticket) => html`<figure style="display: inline-block; margin: 0 1em 1em 0; text-align: center"><img src="cid:${ticket.cid}" alt="Ticket for seat ${ticket.seatId}" width="200" height="200"><figcaption>Seat ${ticket.seatId}</figcaption></figure>
`)}`,
  });
