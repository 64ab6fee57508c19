export * from './device.events';
export * from './device-rules';
export * from './telemetry';
export * from './device.request';
export * from './device.response';
