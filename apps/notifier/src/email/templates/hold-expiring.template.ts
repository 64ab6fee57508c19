import { formatTime } from './format';
import { html } from './html';
import { layout, showLine, type RenderedEmail, type ShowSummary } from './layout';

export interface HoldExpiringEmail {
  displayName: string;
  show: ShowSummary;
  seats: string[];
  expiresAt: string;
}

/** Sent two minutes before a hold runs out, unless the booking was paid or ended first. */
export const holdExpiringEmail = (data: HoldExpiringEmail): RenderedEmail => {
  const until = formatTime(data.expiresAt);
  return layout({
    subject: `Two minutes left to pay for ${data.show.name}`,
    displayName: data.displayName,
    text: [`Your hold on ${data.seats.join(', ')} at ${showLine(data.show)} ends at ${until}.`, 'Pay now to keep the seats.'],
    html: html`<p>Your hold on ${data.seats.join(', ')} at <strong>${showLine(data.show)}</strong> ends at <strong>${until}</strong>.</p>
<p>Pay now to keep the seats.</p>`,
  });
};
