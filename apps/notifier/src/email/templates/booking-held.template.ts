import { formatMoney, formatTime } from './format';
import { html } from './html';
import { layout, showLine, type RenderedEmail, type ShowSummary } from './layout';

export interface BookingHeldEmail {
  displayName: string;
  show: ShowSummary;
  seats: string[];
  amount: number;
  currency: string;
  expiresAt: string;
}

export const bookingHeldEmail = (data: BookingHeldEmail): RenderedEmail => {
  const total = formatMoney(data.amount, data.currency);
  const until = formatTime(data.expiresAt);
  return layout({
    subject: `Your seats for ${data.show.name} are held until ${until}`,
    displayName: data.displayName,
    text: [
      `We are holding ${data.seats.length === 1 ? 'a seat' : `${data.seats.length} seats`} for you at ${showLine(data.show)} on ${formatTime(data.show.startsAt)}.`,
      `Seats: ${data.seats.join(', ')}`,
      `Total: ${total}`,
      `Pay before ${until}; after that the seats go back on sale.`,
    ],
    html: html`<p>We are holding ${data.seats.length === 1 ? 'a seat' : `${data.seats.length} seats`} for you at <strong>${showLine(data.show)}</strong> on ${formatTime(data.show.startsAt)}.</p>
<p>Seats: ${data.seats.join(', ')}<br>Total: ${total}</p>
<p>Pay before <strong>${until}</strong>; after that the seats go back on sale.</p>`,
  });
};
