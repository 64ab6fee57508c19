export * from './decider';
export * from './domain-error';
export * from './accounts';
export * from './box-office';
export * from './venue-ops';
