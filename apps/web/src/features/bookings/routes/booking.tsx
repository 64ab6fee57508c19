import { Link, useLocation, useParams } from 'react-router';
import { Countdown } from '@/components/countdown';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { formatMoney } from '@/lib/format';
import { rejectionProblem, useBooking, useCancelBooking, useLiveBooking, usePay, useRejection } from '../api/bookings';
import { CheckoutForm } from '../components/checkout-form';

const STATUS_TEXT: Record<string, string> = {
  pending: 'Your request is being processed…',
  held: 'Your seats are held. Pay before the time runs out.',
  confirmed: 'Paid. Your tickets are ready.',
  expired: 'The hold ran out and the seats went back on sale.',
  cancelled: 'This booking was cancelled.',
  refunded: 'This booking was cancelled and refunded.',
  rejected: 'The seats could not be held.',
};

/** One booking at whatever step it is: the id in the URL, the state from the server. */
export function BookingPage() {
  const { bookingId = '' } = useParams();
  const location = useLocation();
  const position = (location.state as { position?: string } | null)?.position;
  // Signed in (this page needs it), the booking follows the live stream; polling is the fallback.
  const live = useLiveBooking(bookingId, position);
  const booking = useBooking(bookingId, position, live !== 'live');
  const pay = usePay(bookingId);
  const cancel = useCancelBooking(bookingId);
  const rejection = useRejection(bookingId);

  if (booking.isPending) return <Loading what="Loading your booking" />;
  if (booking.isError) return <ProblemAlert error={booking.error} />;
  const b = booking.data;
  const refusal = b.status === 'rejected' && rejection.data ? rejectionProblem(rejection.data) : undefined;

  return (
    <section className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Booking</h1>
      <p data-testid="booking-status" data-status={b.status} role="status" className="text-lg">
        <span className="sr-only">Status: </span>
        {STATUS_TEXT[b.status] ?? b.status}
      </p>
      {refusal ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{refusal.title}</p>
          <p>{refusal.detail}</p>
        </div>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-slate-300 bg-white p-4">
        <dt className="font-medium">Seats</dt>
        <dd>{b.seats.join(', ')}</dd>
        {b.status === 'pending' || b.status === 'rejected' ? null : (
          <>
            <dt className="font-medium">Amount</dt>
            <dd>{formatMoney(b.amount, b.currency)}</dd>
          </>
        )}
      </dl>
      {b.status === 'held' && b.expiresAt ? (
        <>
          <Countdown until={b.expiresAt} label="Hold expires in" onExpire={() => void booking.refetch()} />
          <CheckoutForm onPay={(card) => pay.mutate(card)} pending={pay.isPending} error={pay.error} />
        </>
      ) : null}
      {b.status === 'confirmed' ? (
        <p>
          <Link to="/tickets" className="font-semibold text-blue-800 underline">
            See your tickets and their QR codes
          </Link>
        </p>
      ) : null}
      {b.status === 'held' || b.status === 'confirmed' ? (
        <div>
          <button type="button" onClick={() => cancel.mutate()} disabled={cancel.isPending} className="rounded border border-red-700 px-3 py-2 text-red-800">
            {b.status === 'confirmed' ? 'Cancel and refund' : 'Release these seats'}
          </button>
          <ProblemAlert error={cancel.error} />
        </div>
      ) : null}
      <p>
        <Link to={`/shows/${b.showId}`} className="text-blue-800 underline">
          {b.status === 'rejected' ? 'Choose other seats' : 'Back to the show'}
        </Link>
      </p>
    </section>
  );
}
