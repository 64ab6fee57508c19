import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { idempotencyKey } from '@/lib/format';
import { type LiveEvent, type LiveStatus, useLiveEvents } from '@/lib/live-events';
import { ignoreReplaced, readAgain } from '@/lib/live-refetch';
import { unwrap } from '@/lib/problem';

const readBooking = (bookingId: string, minPosition?: string) =>
  unwrap(api.GET('/api/bookings/{bookingId}', { params: { path: { bookingId }, header: minPosition ? { 'X-Min-Position': minPosition } : undefined } }));

/**
 * The booking as the server has it: the page's only state, so a reload at any step shows the same
 * step. `minPosition` (the hold's log position) makes the first read wait for the read model.
 * `poll`: while it is pending, read it every second (for when the live stream is not open).
 */
export const useBooking = (bookingId: string, minPosition?: string, poll = true) =>
  useQuery({
    queryKey: ['bookings', bookingId],
    queryFn: () => readBooking(bookingId, minPosition),
    refetchInterval: (query) => (poll && query.state.data?.status === 'pending' ? 1000 : false),
  });

/** Why an asynchronous hold was refused, as its `booking.rejected.v1` event says it. */
export interface Rejection {
  code: string;
  unavailableSeats: string[];
}

const seatList = (seats: readonly string[]) => (seats.length > 0 ? `: ${seats.join(', ')}` : '');

/**
 * The refusal as a problem's title and detail, for the codes a placement can be refused with
 * (the event carries the code and the seats, not the synchronous answer's text).
 */
export const rejectionProblem = ({ code, unavailableSeats }: Rejection): { title: string; detail: string } => {
  switch (code) {
    case 'SEATS_UNAVAILABLE':
      return { title: 'Seats no longer available', detail: `Someone else took ${unavailableSeats.length === 1 ? 'this seat' : 'these seats'} first${seatList(unavailableSeats)}.` };
    case 'SEAT_NOT_FOUND':
      return { title: 'Seats not found', detail: `The show has no such seats${seatList(unavailableSeats)}.` };
    case 'SHOW_NOT_ON_SALE':
      return { title: 'Not on sale', detail: 'The show is not on sale now.' };
    case 'TOO_MANY_SEATS':
      return { title: 'Too many seats', detail: 'A booking holds at most the show’s limit of seats.' };
    case 'HOLD_LIMIT_REACHED':
      return { title: 'Hold limit reached', detail: 'You already hold as many unpaid seats as this show allows. Pay for or release them first.' };
    case 'TICKET_LIMIT_REACHED':
      return { title: 'Ticket limit reached', detail: 'You already have as many tickets for this show as it allows.' };
    case 'ADMISSION_REQUIRED':
      return { title: 'Waiting room', detail: 'This show admits fans from its waiting room: wait for your turn, then choose your seats.' };
    case 'VOUCHER_INVALID':
      return { title: 'Voucher not valid', detail: 'The voucher does not apply to these seats now.' };
    case 'VOUCHER_EXHAUSTED':
      return { title: 'Voucher used up', detail: 'The voucher has no uses left.' };
    default:
      return { title: 'The hold was refused', detail: `The server refused it (${code}).` };
  }
};

/** The rejection of this booking, once its event has arrived on the live stream (put there by useLiveBooking). */
export const useRejection = (bookingId: string) => useQuery<Rejection>({ queryKey: ['bookings', bookingId, 'rejection'], queryFn: skipToken });

/** What ends a pending booking (placed or rejected) and what changes a placed one afterwards. */
const BOOKING_EVENT_TYPES = ['booking.placed.v1', 'booking.rejected.v1', 'booking.confirmed.v1', 'booking.expired.v1', 'booking.cancelled.v1', 'booking.refunded.v1'];

/**
 * Keeps the booking current from the live stream (a fan receives the events of their own
 * bookings): each event of this booking reads it again at that event's log position, so a
 * pending booking turns held or rejected as soon as it settles, without waiting for a poll.
 * `after` (the hold's position, when the page comes from it) replays the booking's events from
 * there, so a settlement that came before the stream opened still arrives on it. When the stream
 * (re)opens the booking is read once, for what happened before. A rejection's code and seats are
 * kept (`useRejection`): the booking's read model does not say why.
 */
export const useLiveBooking = (bookingId: string, after?: string): LiveStatus => {
  const queryClient = useQueryClient();
  return useLiveEvents({
    types: BOOKING_EVENT_TYPES,
    after,
    onOpen: () => void queryClient.invalidateQueries({ queryKey: ['bookings', bookingId] }),
    onEvent: ({ type, position, data }: LiveEvent) => {
      if ((data as { bookingId?: string }).bookingId !== bookingId) return;
      if (type === 'booking.rejected.v1') {
        const { code, unavailableSeats } = data as Partial<Rejection>;
        if (typeof code === 'string') queryClient.setQueryData<Rejection>(['bookings', bookingId, 'rejection'], { code, unavailableSeats: Array.isArray(unavailableSeats) ? unavailableSeats : [] });
      }
      // A read already under way may have started before this event: it gives way to one at its position.
      void readAgain(queryClient, ['bookings', bookingId], () => readBooking(bookingId, String(position)));
    },
  });
};

export interface Card {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export const usePay = (bookingId: string) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (card: Card) =>
      unwrap(api.POST('/api/bookings/{bookingId}/payment', { params: { path: { bookingId } }, body: { card }, headers: { 'idempotency-key': idempotencyKey() } })),
    onSuccess: (paid) =>
      queries
        .fetchQuery({
          queryKey: ['bookings', bookingId],
          queryFn: () => readBooking(bookingId, paid.position),
        })
        .catch(ignoreReplaced),
  });
};

export const useCancelBooking = (bookingId: string) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/bookings/{bookingId}/cancel', { params: { path: { bookingId } }, headers: { 'idempotency-key': idempotencyKey() } })),
    onSuccess: (cancelled) =>
      queries
        .fetchQuery({
          queryKey: ['bookings', bookingId],
          queryFn: () => readBooking(bookingId, cancelled.position),
        })
        .catch(ignoreReplaced),
  });
};
