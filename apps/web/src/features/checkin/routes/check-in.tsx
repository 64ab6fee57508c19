import { useCallback, useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/problem';
import { useCheckIn } from '../api/check-in';
import { canScan, QrScanner } from '../components/qr-scanner';

type Verdict = { ok: true; title: string; detail: string } | { ok: false; title: string; detail: string };

const verdictOf = (error: unknown): Verdict => {
  if (error instanceof ApiError) {
    if (error.code === 'ALREADY_CHECKED_IN') return { ok: false, title: 'Already checked in', detail: error.problem.detail };
    if (error.code === 'INVALID_TICKET') return { ok: false, title: 'Not a valid ticket', detail: 'Void, forged or superseded by a transfer. ' + error.problem.detail };
    return { ok: false, title: error.problem.title, detail: error.problem.detail };
  }
  return { ok: false, title: 'Could not check', detail: String(error) };
};

/** The staff scanner: camera or typed code, then a verdict big enough to read at arm's length. */
export function CheckInPage() {
  const checkIn = useCheckIn();
  const { mutate } = checkIn;
  const [verdict, setVerdict] = useState<Verdict>();
  const [code, setCode] = useState('');
  const [camera, setCamera] = useState(false);

  const check = useCallback(
    (value: string) => {
      const trimmed = value.trim();
      if (!trimmed) return;
      mutate(trimmed, {
        onSuccess: (done) => setVerdict({ ok: true, title: 'Welcome in', detail: `Seat ${done.seatId} · checked in at ${new Date(done.checkedInAt).toLocaleTimeString()}` }),
        onError: (error) => setVerdict(verdictOf(error)),
      });
    },
    [mutate],
  );
  const onScanned = useCallback((value: string) => check(value), [check]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    check(code);
    setCode('');
  };

  return (
    <section className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">Check-in</h1>
      {verdict ? (
        <div
          role="alert"
          data-testid="verdict"
          data-ok={verdict.ok}
          className={`rounded-xl p-6 text-center text-white ${verdict.ok ? 'bg-green-700' : 'bg-red-700'}`}
        >
          <p className="text-4xl font-extrabold">{verdict.ok ? '✓ ' : '✗ '}{verdict.title}</p>
          <p className="mt-2 text-lg">{verdict.detail}</p>
        </div>
      ) : (
        <p className="rounded-xl bg-slate-200 p-6 text-center text-lg">Scan a ticket or type its code.</p>
      )}
      {canScan() ? (
        camera ? (
          <QrScanner onCode={onScanned} />
        ) : (
          <button type="button" onClick={() => setCamera(true)} className="w-full rounded bg-slate-800 p-3 font-semibold text-white">
            Use the camera
          </button>
        )
      ) : (
        <p className="text-sm text-slate-700">This browser cannot read QR codes from the camera: type or paste the code.</p>
      )}
      <form onSubmit={submit} className="space-y-2">
        <label className="block">
          <span className="block text-sm font-medium">Ticket code</span>
          <textarea value={code} onChange={(e) => setCode(e.target.value)} rows={3} className="w-full rounded border border-slate-400 p-2 font-mono text-sm" />
        </label>
        <button type="submit" disabled={checkIn.isPending} className="w-full rounded bg-blue-700 p-3 text-lg font-semibold text-white disabled:opacity-60">
          {checkIn.isPending ? 'Checking…' : 'Check in'}
        </button>
      </form>
    </section>
  );
}
