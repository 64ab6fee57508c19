export * from './payment-provider.port';
export * from './simulated-payment-provider';
