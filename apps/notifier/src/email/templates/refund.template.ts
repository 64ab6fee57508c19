import { formatMoney } from './format';
import { html } from './html';
import { layout, showLine, type RenderedEmail, type ShowSummary } from './layout';

export interface RefundEmail {
  displayName: string;
  show: ShowSummary;
  amount: number;
  currency: string;
  /** `hold_lost`: the payment came after the hold had ended; otherwise the booking was cancelled. */
  reason: 'customer_cancelled' | 'hold_lost';
}

export const refundEmail = (data: RefundEmail): RenderedEmail => {
  const amount = formatMoney(data.amount, data.currency);
  const why =
    data.reason === 'hold_lost'
      ? `Your payment arrived after the hold on your seats at ${showLine(data.show)} had ended, so no tickets were issued.`
      : `Your booking for ${showLine(data.show)} is cancelled and its tickets are no longer valid.`;
  return layout({
    subject: `Refund of ${amount} for ${data.show.name}`,
    displayName: data.displayName,
    text: [why, `We have refunded ${amount} to your card.`],
    html: html`<p>${why}</p>
<p>We have refunded <strong>${amount}</strong> to your card.</p>`,
  });
};
