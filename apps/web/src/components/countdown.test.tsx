import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Countdown, formatRemaining } from './countdown';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2027-05-01T19:00:00Z'));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const timer = () => screen.getByRole('timer');

describe('the hold countdown', () => {
  it('formats minutes and seconds, rounding up (1 ms left still shows 0:01)', () => {
    expect(formatRemaining(600_000)).toBe('10:00');
    expect(formatRemaining(61_000)).toBe('1:01');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
  });

  it('adds hours from an hour up (an SLA deadline three days away)', () => {
    expect(formatRemaining(3_599_000)).toBe('59:59');
    expect(formatRemaining(3_600_000)).toBe('1:00:00');
    expect(formatRemaining(72 * 3_600_000 - 61_000)).toBe('71:58:59');
  });

  it('ticks down each second and says the time left to screen readers', () => {
    render(<Countdown until="2027-05-01T19:02:00Z" label="Hold expires in" />);
    expect(timer().textContent).toBe('2:00');
    expect(timer().getAttribute('aria-label')).toBe('Hold expires in: 2:00');
    act(() => vi.advanceTimersByTime(1000));
    expect(timer().textContent).toBe('1:59');
    act(() => vi.advanceTimersByTime(59_000));
    expect(timer().textContent).toBe('1:00');
  });

  it('turns urgent under a minute', () => {
    render(<Countdown until="2027-05-01T19:00:30Z" />);
    expect(timer().className).toContain('text-red-700');
  });

  it('reads the clock on each tick: a throttled tab catches up instead of drifting', () => {
    render(<Countdown until="2027-05-01T19:05:00Z" />);
    act(() => {
      vi.setSystemTime(new Date('2027-05-01T19:03:00Z'));
      vi.advanceTimersByTime(1000);
    });
    expect(timer().textContent).toBe('1:59');
  });

  it('stops at 0:00 and calls onExpire exactly once', () => {
    const onExpire = vi.fn();
    render(<Countdown until="2027-05-01T19:00:03Z" onExpire={onExpire} />);
    act(() => vi.advanceTimersByTime(3000));
    expect(timer().textContent).toBe('0:00');
    act(() => vi.advanceTimersByTime(10_000));
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(timer().textContent).toBe('0:00');
  });

  it('calls onExpire at once for a hold that has already run out', () => {
    const onExpire = vi.fn();
    render(<Countdown until="2027-05-01T18:59:00Z" onExpire={onExpire} />);
    expect(timer().textContent).toBe('0:00');
    expect(onExpire).toHaveBeenCalledTimes(1);
  });
});
