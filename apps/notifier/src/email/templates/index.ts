/** Every e-mail the notifier sends (API.md, Live feeds), one template each. */
export * from './booking-confirmed.template';
export * from './booking-expired.template';
export * from './booking-held.template';
export * from './hold-expiring.template';
export * from './incident-status.template';
export * from './layout';
export * from './refund.template';
export * from './show-cancelled.template';
export * from './ticket-transferred.template';
export * from './welcome.template';
export * from './waitlist-offer.template';
