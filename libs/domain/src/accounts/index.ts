export * from './account.decider';
export * from './email-reservation.decider';
export * from './refresh-family.decider';
