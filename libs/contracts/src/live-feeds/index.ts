export * from './mqtt-topics';
export * from './mqtt-messages';
