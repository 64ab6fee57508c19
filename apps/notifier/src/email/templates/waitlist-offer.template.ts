import { formatMoney, formatTime } from './format';
import { html } from './html';
import { layout, showLine, type RenderedEmail, type ShowSummary } from './layout';

export interface WaitlistOfferEmail {
  displayName: string;
  show: ShowSummary;
  seats: string[];
  amount: number;
  currency: string;
  expiresAt: string;
  bookingId: string;
}

/** Seats came back and are held for a fan on the waiting list: pay the booking before the hold ends. */
export const waitlistOfferEmail = (data: WaitlistOfferEmail): RenderedEmail => {
  const total = formatMoney(data.amount, data.currency);
  const until = formatTime(data.expiresAt);
  const seats = data.seats.length === 1 ? 'a seat' : `${data.seats.length} seats`;
  return layout({
    subject: `Seats for ${data.show.name} are yours until ${until}`,
    displayName: data.displayName,
    text: [
      `Good news from the waiting list: ${seats} came back for ${showLine(data.show)} on ${formatTime(data.show.startsAt)}, and we are holding them for you.`,
      `Seats: ${data.seats.join(', ')}`,
      `Total: ${total}`,
      `Booking: ${data.bookingId}`,
      `Pay before ${until}; after that the seats go to the next person on the list.`,
    ],
    html: html`<p>Good news from the waiting list: ${seats} came back for <strong>${showLine(data.show)}</strong> on ${formatTime(data.show.startsAt)}, and we are holding them for you.</p>
<p>Seats: ${data.seats.join(', ')}<br>Total: ${total}<br>Booking: ${data.bookingId}</p>
<p>Pay before <strong>${until}</strong>; after that the seats go to the next person on the list.</p>`,
  });
};
