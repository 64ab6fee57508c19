export * from './device.events';
export * from './device-rules';
