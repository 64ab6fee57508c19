import { formatTime } from './format';
import { html } from './html';
import { layout, showLine, type RenderedEmail, type ShowSummary } from './layout';

export interface TicketSentEmail {
  displayName: string;
  show: ShowSummary;
  seatId: string;
  toName: string;
}

/** To the old holder: the ticket is gone, and its old code no longer opens the gate. */
export const ticketSentEmail = (data: TicketSentEmail): RenderedEmail =>
  layout({
    subject: `You transferred your ticket for ${data.show.name}`,
    displayName: data.displayName,
    text: [`Your ticket for seat ${data.seatId} at ${showLine(data.show)} now belongs to ${data.toName}.`, 'Its old QR code no longer works.'],
    html: html`<p>Your ticket for seat ${data.seatId} at <strong>${showLine(data.show)}</strong> now belongs to ${data.toName}.</p>
<p>Its old QR code no longer works.</p>`,
  });

export interface TicketReceivedEmail {
  displayName: string;
  show: ShowSummary;
  seatId: string;
  fromName: string;
  /** Names the inline QR image of the ticket's new code. */
  cid: string;
}

/** To the new holder, with the ticket's new code. */
export const ticketReceivedEmail = (data: TicketReceivedEmail): RenderedEmail =>
  layout({
    subject: `${data.fromName} sent you a ticket for ${data.show.name}`,
    displayName: data.displayName,
    text: [
      `${data.fromName} transferred a ticket to you: seat ${data.seatId} at ${showLine(data.show)} on ${formatTime(data.show.startsAt)}.`,
      'Its QR code is in the HTML part of this e-mail and under "My tickets": show it at the gate.',
    ],
    html: html`<p>${data.fromName} transferred a ticket to you: seat ${data.seatId} at <strong>${showLine(data.show)}</strong> on ${formatTime(data.show.startsAt)}.</p>
<figure style="display: inline-block; margin: 0; text-align: center"><img src="cid:${data.cid}" alt="Ticket for seat ${data.seatId}" width="200" height="200"><figcaption>Seat ${data.seatId}</figcaption></figure>`,
  });
