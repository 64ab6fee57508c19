import type { DomainEvent } from '../events/envelope';

/**
 * Events of the stream `queue-{showId}`: a show's virtual waiting room (ARCHITECTURE §6). Its
 * configuration, every place taken in it and every admission. The early arrivals' order is a
 * pure function of the configured `seed` and their queue ids (libs/domain waiting-room.ts,
 * `earlyOrderKey`), so an audit reading this stream recomputes it; later arrivals follow in the
 * order of their events. Admissions name how many places are admitted, never which: the first
 * `through` places of that order.
 */

export type WaitingRoomConfigured = DomainEvent<
  'waiting_room.configured.v1',
  {
    showId: string;
    enabled: boolean;
    /** ISO 8601 UTC: arrivals before it are shuffled; admission starts at it. */
    opensAt: string;
    admitPerMinute: number;
    /** How long an admission token stays valid after its admission. */
    tokenMinutes: number;
    /**
     * The early arrivals' shuffle is keyed by it: drawn at the edge when the room is first
     * configured, then kept (reconfiguring never reorders anyone).
     */
    seed: string;
    byAdminId: string;
  }
>;

/** One account's one place. `early`: it arrived before `opensAt`, so its place is among the shuffled ones. */
export type WaitingRoomJoined = DomainEvent<'waiting_room.joined.v1', { showId: string; queueId: string; userId: string; early: boolean }>;

/**
 * `count` more places admitted, the first `through` in all. `quotaUntil` is how far the admission
 * rate has been used up (ISO 8601 UTC): the next place is due `60 / admitPerMinute` seconds later.
 */
export type WaitingRoomAdmitted = DomainEvent<'waiting_room.admitted.v1', { showId: string; count: number; through: number; quotaUntil: string }>;

export type WaitingRoomEvent = WaitingRoomConfigured | WaitingRoomJoined | WaitingRoomAdmitted;

export const WAITING_ROOM_EVENT_TYPES = ['waiting_room.configured.v1', 'waiting_room.joined.v1', 'waiting_room.admitted.v1'] as const satisfies readonly WaitingRoomEvent['type'][];

/**
 * Stream `admission-{showId}-{queueId}`: the bookings placed with one place's admission, each in
 * the booking's own atomic append. Once one of them is paid the admission is spent.
 */
export type AdmissionUsed = DomainEvent<'admission.used.v1', { showId: string; queueId: string; bookingId: string }>;
export type AdmissionEvent = AdmissionUsed;
export const ADMISSION_EVENT_TYPES = ['admission.used.v1'] as const satisfies readonly AdmissionEvent['type'][];

export const queueStream = (showId: string): string => `queue-${showId}`;
export const admissionStream = (showId: string, queueId: string): string => `admission-${showId}-${queueId}`;
