import { formatMoney, formatTime } from './format';
import { html } from './html';
import { layout, showLine, type RenderedEmail, type ShowSummary } from './layout';

export interface ShowCancelledEmail {
  displayName: string;
  show: ShowSummary;
  /** What the holder gets back: a refund of a paid booking; none for a hold or a ticket received by transfer. */
  refund?: { amount: number; currency: string };
}

export const showCancelledEmail = (data: ShowCancelledEmail): RenderedEmail => {
  const outcome = data.refund
    ? `Your tickets are void and we have refunded ${formatMoney(data.refund.amount, data.refund.currency)} to your card.`
    : 'Your tickets or held seats for it are void; nothing is left to pay.';
  return layout({
    subject: `Cancelled: ${data.show.name}`,
    displayName: data.displayName,
    text: [`We are sorry: ${showLine(data.show)} on ${formatTime(data.show.startsAt)} is cancelled.`, outcome],
    html: html`<p>We are sorry: <strong>${showLine(data.show)}</strong> on ${formatTime(data.show.startsAt)} is cancelled.</p>
<p>${outcome}</p>`,
  });
};
