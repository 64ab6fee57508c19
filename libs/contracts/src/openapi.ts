/**
 * The response and problem schemas of GET /openapi.json, for the controllers' @nestjs/swagger
 * decorators. Kept out of the package index so that the domain and the CLI, which read the
 * contracts, do not load @nestjs/swagger (about 300 ms).
 */
export * from './errors.schema';
export * from './accounts/responses.schema';
export * from './box-office/responses.schema';
export * from './box-office/operations.schema';
export * from './venue-ops/responses.schema';
export * from './venue-ops/devices.schema';
export * from './notifications/outbox.schema';
export * from './notifications/responses.schema';

/** The version of the HTTP contract (API.md: a listed shape changes only with a version bump). */
export const API_VERSION = '1.0.0';
