import { describe, expect, it } from 'vitest';
import { nextSteps, slaClockOf, type Incident } from './workflow';

const deadlines = { acknowledgeBy: '2027-05-01T19:15:00Z', resolveBy: '2027-05-01T23:00:00Z' };
const at = (status: Incident['status'], breached: Incident['breached'] = []) => ({ status, deadlines, breached });

describe('the incident workflow on the board', () => {
  it('offers the moves API.md allows from each status, and none other', () => {
    expect(nextSteps('new').map((s) => s.to)).toEqual(['acknowledged']);
    expect(nextSteps('acknowledged').map((s) => s.to)).toEqual(['in_progress']);
    expect(nextSteps('in_progress').map((s) => s.to)).toEqual(['pending', 'resolved']);
    expect(nextSteps('pending').map((s) => s.to)).toEqual(['in_progress', 'resolved']);
    expect(nextSteps('resolved').map((s) => `${s.to}:${s.label}`)).toEqual(['closed:Close', 'in_progress:Reopen']);
    expect(nextSteps('closed').map((s) => `${s.to}:${s.label}`)).toEqual(['in_progress:Reopen']);
  });

  it('runs the acknowledge clock until acknowledged, then the resolve clock; paused on hold; none when done', () => {
    expect(slaClockOf(at('new'))).toEqual({ kind: 'acknowledge', until: deadlines.acknowledgeBy, breached: false });
    expect(slaClockOf(at('acknowledged'))).toEqual({ kind: 'resolve', until: deadlines.resolveBy, breached: false });
    expect(slaClockOf(at('in_progress'))).toEqual({ kind: 'resolve', until: deadlines.resolveBy, breached: false });
    expect(slaClockOf(at('pending'))).toEqual({ kind: 'paused' });
    expect(slaClockOf(at('resolved'))).toEqual({ kind: 'none' });
    expect(slaClockOf(at('closed'))).toEqual({ kind: 'none' });
  });

  it('says a clock was breached only for the breach of its own kind', () => {
    const ackMissed = [{ kind: 'acknowledge' as const, deadline: deadlines.acknowledgeBy, detectedAt: '2027-05-01T19:15:03Z' }];
    expect(slaClockOf(at('new', ackMissed))).toMatchObject({ kind: 'acknowledge', breached: true });
    expect(slaClockOf(at('in_progress', ackMissed))).toMatchObject({ kind: 'resolve', breached: false });
  });
});
