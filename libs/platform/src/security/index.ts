export * from './password-hasher';
export * from './password-policy';
export * from './email-hash';
export * from './refresh-token';
export * from './token-service';
export * from './ticket-codes';
export * from './admission-tokens';
