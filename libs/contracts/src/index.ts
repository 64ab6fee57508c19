export * from './events/envelope';
export * from './errors';
export * from './accounts';
export * from './box-office';
export * from './notifications';
