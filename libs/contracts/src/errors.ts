/**
 * Stable error codes clients rely on (API.md), with the HTTP status each one answers.
 * The API's exception filter maps a DomainError's code through this table; an unknown code is a
 * programming error and answers 500.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_REFRESH_TOKEN: 401,
  REFRESH_TOKEN_REUSED: 401,
  INVALID_DEVICE_KEY: 401,
  PAYMENT_DECLINED: 402,
  FORBIDDEN: 403,
  /** The show's waiting room is enabled and the booking came without a valid admission token for this account. */
  ADMISSION_REQUIRED: 403,
  NOT_FOUND: 404,
  SHOW_NOT_FOUND: 404,
  SEAT_NOT_FOUND: 404,
  BOOKING_NOT_FOUND: 404,
  TICKET_NOT_FOUND: 404,
  /** No such place in the show's waiting room for this account. */
  QUEUE_PLACE_NOT_FOUND: 404,
  INVALID_TICKET: 404,
  USER_NOT_FOUND: 404,
  INCIDENT_NOT_FOUND: 404,
  STREAM_NOT_FOUND: 404,
  DEVICE_NOT_FOUND: 404,
  /** No such waiting-list entry of the show, or another user's (the same answer). */
  WAITLIST_ENTRY_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  DEVICE_EXISTS: 409,
  INVALID_SHOW_STATE: 409,
  SEATS_UNAVAILABLE: 409,
  HOLD_EXPIRED: 409,
  INVALID_BOOKING_STATE: 409,
  INVALID_TICKET_STATE: 409,
  ALREADY_CHECKED_IN: 409,
  INVALID_TRANSITION: 409,
  /** An incident id that was already used (a report's id is the server's own: a retry, not a client's doing). */
  INCIDENT_EXISTS: 409,
  CONCURRENCY_CONFLICT: 409,
  /** Joining the queue of a show whose waiting room is not enabled. */
  WAITING_ROOM_DISABLED: 409,
  /** A show's voucher code that exists already. */
  VOUCHER_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  SHOW_NOT_ON_SALE: 422,
  TOO_MANY_SEATS: 422,
  /** The show's maxSeatsHeldPerUser: this account holds too many unpaid seats already. */
  HOLD_LIMIT_REACHED: 422,
  /** The show's maxTicketsPerUser: this account has bought (or holds) too many seats already. */
  TICKET_LIMIT_REACHED: 422,
  /** No such voucher for the show, outside its window, or for none of the booked seats' categories. */
  VOUCHER_INVALID: 422,
  /** The voucher's uses, or this user's uses of it, are all taken. */
  VOUCHER_EXHAUSTED: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  PROJECTION_LAGGING: 503,
  SERVICE_UNAVAILABLE: 503,
  STORAGE_UNAVAILABLE: 503,
  METHOD_NOT_ALLOWED: 405,
  /** 409 when publishing a draft whose date has passed; 400 when the create request names a past date. */
  SHOW_IN_PAST: 409,
  CARD_EXPIRED: 402,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_STATUS, code);

/** RFC 9457 problem details, as every error response carries them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}
