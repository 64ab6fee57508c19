import { useRef, useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/problem-alert';
import { useCancelShow } from '../api/admin';
import { buttonClass, inputClass } from './fields';

/**
 * Cancelling a show asks for its reason (it goes to every ticket holder) and a confirmation, in
 * the browser's own modal <dialog> (focus kept inside, Escape closes). Radix's Dialog would inject
 * a <style> element for its scroll lock, which the page's CSP (style-src 'self') refuses.
 */
export function CancelShowDialog({ showId, showName }: { showId: string; showName: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const cancel = useCancelShow();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    cancel.mutate({ showId, reason: reason.trim() }, { onSuccess: () => dialog.current?.close() });
  };
  return (
    <>
      <button type="button" className={`${buttonClass} border-red-700 text-red-800`} onClick={() => dialog.current?.showModal()}>
        Cancel the show
      </button>
      <dialog ref={dialog} aria-labelledby="cancel-title" className="m-auto w-[min(32rem,92vw)] rounded-lg p-4 shadow-xl backdrop:bg-black/40">
        <form onSubmit={submit} className="space-y-3">
          <h2 id="cancel-title" className="text-lg font-semibold">
            Cancel {showName}?
          </h2>
          <p>Paid bookings are refunded and their tickets voided. This cannot be undone.</p>
          <label className="block text-sm">
            <span className="font-medium">Reason (sent to ticket holders)</span>
            <textarea className={inputClass} required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <ProblemAlert error={cancel.error} />
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={buttonClass} onClick={() => dialog.current?.close()}>
              Keep the show
            </button>
            <button type="submit" className="rounded bg-red-700 px-3 py-1 font-semibold text-white disabled:opacity-50" disabled={cancel.isPending || reason.trim() === ''}>
              Cancel the show
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
