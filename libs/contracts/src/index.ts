export * from './events/envelope';
export * from './errors';
export * from './accounts';
export * from './box-office';
export * from './venue-ops';
export * from './notifications/outbox.response';
export * from './live-feeds';
export * from './notifications';
