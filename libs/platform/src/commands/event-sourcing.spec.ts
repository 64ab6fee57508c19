import { WrongExpectedRevisionError } from '../event-store/event-store.port';
import { deterministicEventId, retryOnConflict, toAppend } from './event-sourcing';

describe('command helpers', () => {
  const context = { actorId: 'u1', correlationId: 'c1', causationId: 'cmd-1', now: new Date('2027-01-01T10:00:00Z') };

  it('derives the same UUID for the same command, stream and index, and another for any change', () => {
    const id = deterministicEventId('cmd-1', 'booking-1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicEventId('cmd-1', 'booking-1', 0)).toBe(id);
    expect(new Set([id, deterministicEventId('cmd-2', 'booking-1', 0), deterministicEventId('cmd-1', 'booking-2', 0), deterministicEventId('cmd-1', 'booking-1', 1)]).size).toBe(4);
  });

  it('wraps domain events with the metadata of the command', () => {
    const [event] = toAppend('booking-1', [{ type: 'booking.placed.v1', data: { a: 1 } }], context);
    expect(event.metadata).toEqual({ actorId: 'u1', correlationId: 'c1', causationId: 'cmd-1', occurredAt: '2027-01-01T10:00:00.000Z', schemaVersion: 1 });
  });

  it('retries only on a revision conflict, and at most three times', async () => {
    const conflict = new WrongExpectedRevisionError([{ stream: 's', expected: 1, actual: 2 }]);
    let calls = 0;
    await expect(retryOnConflict(async () => { calls++; throw conflict; })).rejects.toBe(conflict);
    expect(calls).toBe(3);

    calls = 0;
    await expect(retryOnConflict(async () => { calls++; throw new Error('other'); })).rejects.toThrow('other');
    expect(calls).toBe(1);

    calls = 0;
    await expect(retryOnConflict(async () => (++calls < 2 ? Promise.reject(conflict) : 'ok'))).resolves.toBe('ok');
    expect(calls).toBe(2);
  });
});
