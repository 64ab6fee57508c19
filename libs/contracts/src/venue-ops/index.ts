export * from './incident.events';
export * from './incident.request';
export * from './incident.response';
export * from './device-rule.events';
export * from './stats.response';
