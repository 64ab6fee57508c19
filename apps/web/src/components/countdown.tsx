import { useEffect, useEffectEvent, useState } from 'react';

const remainingMs = (until: string, now: number): number => Math.max(0, new Date(until).getTime() - now);

export const formatRemaining = (ms: number): string => {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/**
 * Time left until `until`, ticking each second, read from the clock on every tick (a throttled
 * background tab catches up, it does not drift). `onExpire` runs once when it reaches zero.
 */
export function Countdown({ until, onExpire, label = 'Time left' }: { until: string; onExpire?: () => void; label?: string }) {
  const [now, setNow] = useState(() => Date.now());
  const left = remainingMs(until, now);
  const expired = left === 0;
  const expire = useEffectEvent(() => onExpire?.());

  useEffect(() => {
    if (expired) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [expired]);

  useEffect(() => {
    if (expired) expire();
  }, [expired]);

  const urgent = left < 60_000;
  return (
    <div className="flex items-baseline gap-2">
      <span aria-hidden="true" className="text-slate-700">
        {label}
      </span>
      <p role="timer" aria-label={`${label}: ${formatRemaining(left)}`} className={`font-mono text-2xl font-bold ${urgent ? 'text-red-700' : 'text-slate-900'}`}>
        <span aria-hidden="true">{formatRemaining(left)}</span>
      </p>
    </div>
  );
}
