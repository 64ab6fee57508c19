import { accessEpochOf, TokenEpochs } from './token-epochs';

const MINUTE = 60_000;

describe('TokenEpochs', () => {
  let now = Date.parse('2026-12-01T12:00:00Z');
  const epochs = () => new TokenEpochs(() => now);
  const roleChange = (userId: string, revision: number, at = now) => ({
    stream: `account-${userId}`,
    type: 'account.roles-changed.v1',
    revision,
    recordedAt: new Date(at).toISOString(),
  });

  beforeEach(() => {
    now = Date.parse('2026-12-01T12:00:00Z');
  });

  it('refuses epochs older than the newest revocation of that user only', () => {
    const known = epochs();
    known.apply(roleChange('u1', 3));
    expect(known.isCurrent('u1', 0)).toBe(false);
    expect(known.isCurrent('u1', 2)).toBe(false);
    expect(known.isCurrent('u1', 3)).toBe(true);
    expect(known.isCurrent('u1', 4)).toBe(true); // issued from a newer read than this process has seen yet
    expect(known.isCurrent('u2', 0)).toBe(true);
  });

  it('keeps the newest epoch whatever the order, and the same when an event comes twice', () => {
    const known = epochs();
    known.apply(roleChange('u1', 5));
    known.apply(roleChange('u1', 2));
    known.apply(roleChange('u1', 5));
    known.revoke('u1', 5, now);
    expect(known.isCurrent('u1', 4)).toBe(false);
    expect(known.isCurrent('u1', 5)).toBe(true);
  });

  it('ignores events that do not revoke access, and streams that are not accounts', () => {
    const known = epochs();
    known.apply({ ...roleChange('u1', 1), type: 'account.registered.v1' });
    known.apply({ ...roleChange('u1', 1), stream: 'refresh-family-u1' });
    expect(known.size).toBe(0);
  });

  it('forgets a revocation once every token it ended has expired, so memory holds one token lifetime', () => {
    const known = epochs();
    known.apply(roleChange('old', 1, now - 60 * MINUTE));
    expect(known.size).toBe(0);
    known.apply(roleChange('u1', 1));
    known.apply(roleChange('u2', 1));
    now += 14 * MINUTE;
    known.sweep();
    expect(known.isCurrent('u1', 0)).toBe(false);
    now += 10 * MINUTE;
    expect(known.isCurrent('u1', 0)).toBe(true);
    known.sweep();
    expect(known.size).toBe(0);
  });
});

describe('accessEpochOf', () => {
  it('is the revision of the newest role change or sign-out in the account stream, 0 without one', () => {
    const stream = [
      { type: 'account.registered.v1', revision: 0 },
      { type: 'account.roles-changed.v1', revision: 1 },
      { type: 'account.signed-out.v1', revision: 2 },
    ];
    expect(accessEpochOf(stream.slice(0, 1))).toBe(0);
    expect(accessEpochOf(stream.slice(0, 2))).toBe(1);
    expect(accessEpochOf(stream)).toBe(2);
  });
});
