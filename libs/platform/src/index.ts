export * from './event-store/event-store.port';
export * from './read-store/read-store.port';
export * from './seat-locks/seat-locks.port';
export * from './time/clock';
