/**
 * The envelope every Tessera event travels in. Event type strings are explicit and versioned
 * (`booking.placed.v1`); they are never derived from a class name.
 */
export interface EventMetadata {
  /** Who caused the change: a user id, `system:<process>` or `device:<id>`. */
  actorId: string;
  /** The request (or job) this change belongs to; carried across everything it causes. */
  correlationId: string;
  /** The id of the command or event that directly caused this event. */
  causationId: string;
  /** When the change happened, ISO 8601 UTC. Set by the caller, never by the domain. */
  occurredAt: string;
  /** Version of the payload schema; matches the `.vN` suffix of the type. */
  schemaVersion: number;
}

/** An event as the domain produces it: a discriminated union member `{ type, data }`. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
}

/** Version number from a versioned type name: `booking.placed.v1` → 1. */
export const schemaVersionOf = (type: string): number => {
  const match = /\.v(\d+)$/.exec(type);
  if (!match) throw new Error(`event type "${type}" has no version suffix`);
  return Number(match[1]);
};
