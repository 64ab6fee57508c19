import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { formatMoney } from '@/lib/format';
import { useMyBookings, useMyTickets, useTransfer } from '../api/tickets';
import { TicketQr } from '../components/ticket-qr';

const STATUS: Record<string, string> = { valid: 'Valid', checked_in: 'Checked in', void: 'Void' };

function TransferForm({ ticketId }: { ticketId: string }) {
  const [open, setOpen] = useState(false);
  const [toEmail, setToEmail] = useState('');
  const transfer = useTransfer();
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded border border-slate-500 px-3 py-1">
        Transfer…
      </button>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    transfer.mutate({ ticketId, toEmail }, { onSuccess: () => setOpen(false) });
  };
  return (
    <form onSubmit={submit} className="space-y-2" aria-label={`Transfer ticket ${ticketId}`}>
      <label className="block">
        <span className="block text-sm font-medium">Their e-mail</span>
        <input type="email" required value={toEmail} onChange={(e) => setToEmail(e.target.value)} className="w-full rounded border border-slate-400 p-2" />
      </label>
      <ProblemAlert error={transfer.error} />
      <div className="flex gap-2">
        <button type="submit" disabled={transfer.isPending} className="rounded bg-blue-700 px-3 py-1 font-semibold text-white">
          Send ticket
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded border border-slate-500 px-3 py-1">
          Keep it
        </button>
      </div>
    </form>
  );
}

const BOOKING_STATUS: Record<string, string> = {
  pending: 'Pending',
  held: 'Held, waiting for payment',
  confirmed: 'Paid',
  expired: 'Expired',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  rejected: 'Rejected',
};

/** The fan's bookings, each a link to its page (pay a hold, cancel and refund a paid booking). */
function MyBookings() {
  const bookings = useMyBookings();
  if (bookings.isPending) return <Loading what="Loading your bookings" />;
  if (bookings.isError) return <ProblemAlert error={bookings.error} />;
  if (bookings.data.items.length === 0) return null;
  return (
    <section aria-labelledby="my-bookings" className="space-y-2">
      <h2 id="my-bookings" className="text-xl font-bold">
        My bookings
      </h2>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
        {bookings.data.items.map((b) => (
          <li key={b.bookingId} className="flex flex-wrap items-center justify-between gap-2 p-3">
            <span>
              {b.seats.join(', ')} · {formatMoney(b.amount, b.currency)} · {BOOKING_STATUS[b.status] ?? b.status}
            </span>
            <Link to={`/bookings/${b.bookingId}`} className="text-blue-800 underline">
              Open booking<span className="sr-only"> for seats {b.seats.join(', ')}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The fan's tickets with their QR codes; a transfer moves a ticket (and its code) to another account. */
export function TicketsPage() {
  const tickets = useMyTickets();
  if (tickets.isPending) return <Loading what="Loading your tickets" />;
  if (tickets.isError) return <ProblemAlert error={tickets.error} />;
  const items = tickets.data.items;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">My tickets</h1>
      {items.length === 0 ? (
        <p>
          No tickets yet. <Link to="/" className="text-blue-800 underline">Find a show</Link>.
        </p>
      ) : null}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {items.map((ticket) => (
          <li key={ticket.ticketId} className="space-y-2 rounded-lg border border-slate-300 bg-white p-4" data-testid="ticket">
            <h2 className="text-lg font-semibold">Seat {ticket.seatId}</h2>
            <p>
              {STATUS[ticket.status] ?? ticket.status} ·{' '}
              <Link to={`/shows/${ticket.showId}`} className="text-blue-800 underline">
                the show
              </Link>
            </p>
            {ticket.status === 'valid' ? <TicketQr code={ticket.code} label={`QR code of the ticket for seat ${ticket.seatId}`} /> : null}
            {ticket.status === 'valid' ? <TransferForm ticketId={ticket.ticketId} /> : null}
          </li>
        ))}
      </ul>
      <MyBookings />
    </section>
  );
}
