import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/problem-alert';
import type { Card } from '../api/bookings';

const nextYear = new Date().getFullYear() + 3;

/** The simulated provider's test cards (README): one click fills the form. */
const TEST_CARDS = [
  { label: 'Succeeds', number: '4242 4242 4242 4242', expYear: nextYear },
  { label: 'Declined', number: '4000 0000 0000 0002', expYear: nextYear },
  { label: 'Expired', number: '4242 4242 4242 4242', expYear: new Date().getFullYear() - 1 },
];

export function CheckoutForm({ onPay, pending, error }: { onPay: (card: Card) => void; pending: boolean; error: unknown }) {
  const [number, setNumber] = useState('');
  const [month, setMonth] = useState('12');
  const [year, setYear] = useState(String(nextYear));
  const [cvc, setCvc] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPay({ number: number.replace(/\s+/g, ''), expMonth: Number(month), expYear: Number(year), cvc });
  };

  const input = 'w-full rounded border border-slate-400 p-2';
  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-300 bg-white p-4" aria-label="Payment">
      <h2 className="text-lg font-semibold">Pay</h2>
      <fieldset className="flex flex-wrap gap-2">
        <legend className="mb-1 text-sm">Test cards</legend>
        {TEST_CARDS.map((card) => (
          <button
            key={card.label}
            type="button"
            className="rounded border border-slate-400 px-2 py-1 text-sm"
            onClick={() => {
              setNumber(card.number);
              setYear(String(card.expYear));
              setMonth('12');
              setCvc('123');
            }}
          >
            {card.label}: {card.number}
            {card.label === 'Expired' ? ` (12/${card.expYear})` : ''}
          </button>
        ))}
      </fieldset>
      <label className="block">
        <span className="block text-sm font-medium">Card number</span>
        <input inputMode="numeric" autoComplete="cc-number" required value={number} onChange={(e) => setNumber(e.target.value)} className={input} />
      </label>
      <div className="grid grid-cols-3 gap-2">
        <label className="block">
          <span className="block text-sm font-medium">Month</span>
          <input inputMode="numeric" autoComplete="cc-exp-month" required value={month} onChange={(e) => setMonth(e.target.value)} className={input} />
        </label>
        <label className="block">
          <span className="block text-sm font-medium">Year</span>
          <input inputMode="numeric" autoComplete="cc-exp-year" required value={year} onChange={(e) => setYear(e.target.value)} className={input} />
        </label>
        <label className="block">
          <span className="block text-sm font-medium">CVC</span>
          <input inputMode="numeric" autoComplete="cc-csc" required value={cvc} onChange={(e) => setCvc(e.target.value)} className={input} />
        </label>
      </div>
      <ProblemAlert error={error} />
      <button type="submit" disabled={pending} className="w-full rounded bg-green-700 p-2 font-semibold text-white disabled:opacity-60">
        {pending ? 'Paying…' : 'Pay now'}
      </button>
    </form>
  );
}
