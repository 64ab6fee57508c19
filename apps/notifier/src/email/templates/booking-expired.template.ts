import { html } from './html';
import { layout, showLine, type RenderedEmail, type ShowSummary } from './layout';

export interface BookingExpiredEmail {
  displayName: string;
  show: ShowSummary;
  seats: string[];
}

export const bookingExpiredEmail = (data: BookingExpiredEmail): RenderedEmail =>
  layout({
    subject: `Your hold for ${data.show.name} has expired`,
    displayName: data.displayName,
    text: [`The hold on ${data.seats.join(', ')} at ${showLine(data.show)} ran out before payment; the seats are back on sale and nothing was charged.`],
    html: html`<p>The hold on ${data.seats.join(', ')} at <strong>${showLine(data.show)}</strong> ran out before payment; the seats are back on sale and nothing was charged.</p>`,
  });
