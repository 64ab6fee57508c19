import { admissionStream, type AdmissionEvent, type AdmissionUsed } from '@tessera/contracts';
import { requireAdmission, WaitingRoom, type AdmissionClaims, type WaitingRoomState } from '@tessera/domain';
import type { StreamModel, StreamReads } from '@tessera/platform/commands/handle-command';
import { readBooking } from '../bookings/box-office-streams';
import type { WaitingRooms } from './waiting-rooms';

/**
 * The waiting room's part of placing a booking (ARCHITECTURE §6): reads what the admission rule
 * needs (the room from memory; with a token, the place's `admission-{showId}-{queueId}` stream
 * and the bookings placed with it, to tell whether one is paid) and lets the decider judge. The
 * admission stream is read through the command's StreamReads, so the booking's `admission.used.v1`
 * is appended at the revision read: two bookings with one token are decided one after the other.
 */

const ADMISSION_MODEL: StreamModel<string[], AdmissionEvent> = {
  initialState: [],
  evolve: (ids, event) => (event.type === 'admission.used.v1' ? [...ids, event.data.bookingId] : ids),
};

export interface AdmissionInput {
  /** The verified token's claims; null without a token or for one that does not verify. */
  claims: AdmissionClaims | null;
}

/** What the rule reads: the room (memory) and whether the token's place is spent (a booking placed with it is paid). */
export interface AdmissionRead {
  room: WaitingRoomState;
  spent: boolean;
  claims: AdmissionClaims | null;
}

export const readAdmission = async (
  streams: StreamReads,
  rooms: WaitingRooms,
  { showId, userId, bookingId }: { showId: string; userId: string; bookingId: string },
  { claims }: AdmissionInput,
): Promise<AdmissionRead> => {
  const room = await rooms.view(showId);
  let spent = false;
  if (WaitingRoom.isOpenRoom(room.state) && claims && claims.showId === showId && claims.userId === userId) {
    const used = await streams.read(admissionStream(showId, claims.queueId), ADMISSION_MODEL);
    const bookings = await Promise.all(used.state.filter((id) => id !== bookingId).map(async (id) => (await readBooking(streams, id)).state));
    // Paid: confirmed, or refunded after it was (a cancel after payment refunds).
    spent = bookings.some((booking) => booking.status === 'confirmed' || booking.status === 'refunded');
  }
  return { room: room.state, spent, claims };
};

/** Throws ADMISSION_REQUIRED when the room is open and the token does not admit; else the stream and event to append with the booking (none without a room). */
export const admissionEvents = (
  { room, spent, claims }: AdmissionRead,
  { showId, userId, bookingId, now }: { showId: string; userId: string; bookingId: string; now: Date },
): Record<string, AdmissionUsed[]> => {
  const queueId = requireAdmission({ room, admission: claims, spent, showId, userId, now: now.toISOString() });
  if (queueId === undefined) return {};
  return { [admissionStream(showId, queueId)]: [{ type: 'admission.used.v1', data: { showId, queueId, bookingId } }] };
};
