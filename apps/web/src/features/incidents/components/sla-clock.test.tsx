import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlaClock } from './sla-clock';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2027-05-01T19:00:00Z'));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const deadlines = { acknowledgeBy: '2027-05-01T19:00:05Z', resolveBy: '2027-05-01T21:30:00Z' };

describe('the SLA clock on an incident', () => {
  it('counts down to the acknowledge deadline of a new incident, then says it was missed', () => {
    render(<SlaClock incident={{ status: 'new', deadlines, breached: [] }} />);
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe('Acknowledge within: 0:05');
    act(() => vi.advanceTimersByTime(5000));
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByText(/^SLA breached: acknowledge by/)).toBeTruthy();
  });

  it('counts hours to the resolve deadline once acknowledged', () => {
    render(<SlaClock incident={{ status: 'in_progress', deadlines, breached: [] }} />);
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe('Resolve within: 2:30:00');
  });

  it('shows a breach the SLA schedule recorded even if the clock here is behind', () => {
    render(<SlaClock incident={{ status: 'acknowledged', deadlines, breached: [{ kind: 'resolve', deadline: deadlines.resolveBy, detectedAt: '2027-05-01T21:30:02Z' }] }} />);
    expect(screen.getByText(/^SLA breached: resolve by/)).toBeTruthy();
  });

  it('pauses while on hold and disappears once resolved', () => {
    const { rerender } = render(<SlaClock incident={{ status: 'pending', deadlines, breached: [] }} />);
    expect(screen.getByText('SLA clock paused while on hold')).toBeTruthy();
    rerender(<SlaClock incident={{ status: 'resolved', deadlines, breached: [] }} />);
    expect(screen.queryByText(/SLA/)).toBeNull();
  });
});
