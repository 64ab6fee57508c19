import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { session } from '@/lib/session';
import { useJoinWaitlist } from '../api/waitlist';

/**
 * A sold-out category's "Join the waiting list": how many seats, then one click. When seats come
 * back they are held for the first fans on the list, who are told by e-mail and see the offer on
 * their waiting list.
 */
export function JoinWaitlist({ showId, categoryId, categoryName, maxSeats }: { showId: string; categoryId: string; categoryName: string; maxSeats: number }) {
  const navigate = useNavigate();
  const join = useJoinWaitlist();
  const [seats, setSeats] = useState(1);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!session.accessToken()) {
      navigate(`/signin?next=${encodeURIComponent(`/shows/${showId}?category=${categoryId}`)}`);
      return;
    }
    join.mutate({ showId, categoryId, seats });
  };
  if (join.isSuccess)
    return (
      <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
        You are number {join.data.number} on the waiting list for {categoryName}.{' '}
        <Link to="/waitlist" className="text-blue-800 underline">
          My waiting list
        </Link>
      </p>
    );
  return (
    <form onSubmit={submit} aria-label={`Waiting list for ${categoryName}`} className="flex flex-wrap items-end gap-2 rounded border border-amber-600 bg-amber-50 p-3">
      <p className="w-full">{categoryName} is sold out. Join the waiting list: if seats come back, they are held for you.</p>
      <label>
        <span className="block text-sm font-medium">Seats</span>
        <input type="number" min={1} max={maxSeats} value={seats} onChange={(e) => setSeats(Number(e.target.value))} className="w-20 rounded border border-slate-400 p-2" />
      </label>
      <button type="submit" disabled={join.isPending} className="rounded bg-amber-700 px-4 py-2 font-semibold text-white disabled:opacity-50">
        {join.isPending ? 'Joining…' : 'Join the waiting list'}
      </button>
      <ProblemAlert error={join.error} />
    </form>
  );
}
