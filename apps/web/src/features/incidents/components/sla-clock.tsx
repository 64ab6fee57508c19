import { useState } from 'react';
import { Countdown } from '@/components/countdown';
import { formatDateTime } from '@/lib/format';
import { slaClockOf, type Incident } from '../api/workflow';

/** The SLA deadline that runs now, ticking; "overdue" once it has passed (or the SLA schedule recorded a breach). */
export function SlaClock({ incident }: { incident: Pick<Incident, 'status' | 'deadlines' | 'breached'> }) {
  const clock = slaClockOf(incident);
  const [passed, setPassed] = useState<string>();
  // A deadline already past when the card appeared; one that passes later, the countdown reports.
  const [shownAt] = useState(() => Date.now());
  if (clock.kind === 'none') return null;
  if (clock.kind === 'paused') return <p className="text-sm text-slate-700">SLA clock paused while on hold</p>;
  const label = clock.kind === 'acknowledge' ? 'Acknowledge within' : 'Resolve within';
  if (clock.breached || passed === clock.until || new Date(clock.until).getTime() <= shownAt) {
    return (
      <p className="text-sm font-semibold text-red-800">
        SLA breached: {clock.kind === 'acknowledge' ? 'acknowledge' : 'resolve'} by {formatDateTime(clock.until)}
      </p>
    );
  }
  return <Countdown key={clock.until} until={clock.until} label={label} onExpire={() => setPassed(clock.until)} />;
}
