export * from './mqtt-topics';
export * from './mqtt-messages';
export * from './asyncapi';
