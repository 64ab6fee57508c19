import type { WaitingRoomConfigured, WaitingRoomEvent } from '@tessera/contracts';
import { fold } from '../decider';
import { DomainError } from '../domain-error';
import { DeciderSpecification } from '../testing/decider-specification';
import { showCreated } from './spec-fixtures';
import { evolve as evolveShow, initialState as noShow } from './show';
import {
  decideConfigureWaitingRoom,
  earlyOrderKey,
  nextAdmissionAt,
  queueOrderOf,
  requireAdmission,
  waitingRoomDecider,
  type WaitingRoomCommand,
  type WaitingRoomState,
} from './waiting-room';

const spec = DeciderSpecification.for(waitingRoomDecider);
const SHOW = 'show-1';
const OPENS = '2027-05-01T10:00:00.000Z';
const BEFORE = '2027-05-01T09:00:00.000Z';
const AFTER = '2027-05-01T10:30:00.000Z';
const at = (ms: number): string => new Date(Date.parse(OPENS) + ms).toISOString();

const settings = (overrides: Partial<WaitingRoomConfigured['data']> = {}): WaitingRoomConfigured['data'] => ({
  showId: SHOW,
  enabled: true,
  opensAt: OPENS,
  admitPerMinute: 600,
  tokenMinutes: 10,
  seed: 'seed-1',
  byAdminId: 'admin',
  ...overrides,
});
const configured = (overrides: Partial<WaitingRoomConfigured['data']> = {}): WaitingRoomEvent => ({ type: 'waiting_room.configured.v1', data: settings(overrides) });
const configure = (overrides: Partial<WaitingRoomConfigured['data']> = {}): WaitingRoomCommand => ({ type: 'ConfigureWaitingRoom', data: settings(overrides) });
const join = (userId: string, now: string, queueId = `q-${userId}`): WaitingRoomCommand => ({ type: 'JoinQueue', data: { showId: SHOW, queueId, userId }, metadata: { now } });
const joined = (userId: string, early: boolean, queueId = `q-${userId}`): WaitingRoomEvent => ({ type: 'waiting_room.joined.v1', data: { showId: SHOW, queueId, userId, early } });
const admit = (now: string): WaitingRoomCommand => ({ type: 'AdmitPlaces', data: { showId: SHOW }, metadata: { now } });
const admitted = (count: number, through: number, quotaUntil: string): WaitingRoomEvent => ({ type: 'waiting_room.admitted.v1', data: { showId: SHOW, count, through, quotaUntil } });

const stateOf = (events: WaitingRoomEvent[]): WaitingRoomState => fold(waitingRoomDecider.evolve, waitingRoomDecider.initialState, events);

describe('WaitingRoom', () => {
  describe('configuring', () => {
    it('configures a room with the seed drawn at the edge', () => spec.given([]).when(configure()).then([configured()]));
    it('keeps the first seed when reconfigured, so nobody is reordered', () =>
      spec.given([configured()]).when(configure({ admitPerMinute: 60, seed: 'another' })).then([configured({ admitPerMinute: 60 })]));
    it('decides nothing when the settings are the same', () => spec.given([configured()]).when(configure({ seed: 'another' })).thenNothing());
    it('refuses to move the opening once admission has started', () =>
      spec.given([configured(), joined('u1', false), admitted(1, 1, at(100))]).when(configure({ opensAt: AFTER })).thenThrows('INVALID_SHOW_STATE'));
    it('needs the show, not cancelled', () => {
      const command = configure() as Extract<WaitingRoomCommand, { type: 'ConfigureWaitingRoom' }>;
      const room = waitingRoomDecider.initialState;
      expect(() => decideConfigureWaitingRoom({ show: noShow, room, command })).toThrow(DomainError);
      const show = evolveShow(noShow, showCreated({ showId: SHOW }));
      expect(decideConfigureWaitingRoom({ show, room, command })).toEqual([configured()]);
      const cancelled = evolveShow(show, { type: 'show.cancelled.v1', data: { showId: SHOW, reason: 'rain' } });
      expect(() => decideConfigureWaitingRoom({ show: cancelled, room, command })).toThrow('cancelled');
    });
  });

  describe('joining', () => {
    it('an arrival before opensAt is early', () => spec.given([configured()]).when(join('u1', BEFORE)).then([joined('u1', true)]));
    it('an arrival at or after opensAt joins the end', () => spec.given([configured(), joined('u1', true)]).when(join('u2', OPENS)).then([joined('u2', false)]));
    it('one place per account: a repeat decides nothing (the same place is answered)', () =>
      spec.given([configured(), joined('u1', true)]).when(join('u1', AFTER, 'q-other')).thenNothing());
    it('refuses a show whose room is not enabled', () => {
      spec.given([]).when(join('u1', BEFORE)).thenThrows('WAITING_ROOM_DISABLED');
      spec.given([configured({ enabled: false })]).when(join('u1', BEFORE)).thenThrows('WAITING_ROOM_DISABLED');
    });
    it('an opening moved later after someone came late does not make new arrivals early', () =>
      spec.given([configured(), joined('u1', false), configured({ opensAt: '2027-06-01T10:00:00.000Z' })]).when(join('u2', AFTER)).then([joined('u2', false)]));
  });

  describe('admitting', () => {
    const fiveWaiting = [configured(), ...['a', 'b', 'c', 'd', 'e'].map((u) => joined(u, true))];
    it('admits nothing before opensAt', () => spec.given(fiveWaiting).when(admit(BEFORE)).thenNothing());
    it('admits at the rate: 600/min is one place per 100 ms', () => spec.given(fiveWaiting).when(admit(at(250))).then([admitted(2, 2, at(200))]));
    it('goes on from where the quota was used up', () => spec.given([...fiveWaiting, admitted(2, 2, at(200))]).when(admit(at(300))).then([admitted(1, 3, at(300))]));
    it('never admits more places than wait', () => spec.given([configured(), joined('a', true)]).when(admit(at(900))).then([admitted(1, 1, at(100))]));
    it('carries at most a second of unused rate (and one place) over an idle spell', () =>
      spec.given([...fiveWaiting.slice(0, 2), admitted(1, 1, at(100)), joined('x', false), joined('y', false), joined('z', false), joined('w', false), joined('v', false), joined('t', false), joined('s', false), joined('r', false), joined('q', false), joined('p', false), joined('o', false), joined('n', false)])
        .when(admit(at(60_000)))
        .then([admitted(11, 12, at(60_000))]));
    it('admits nothing when nobody waits, or the room is off', () => {
      spec.given([configured()]).when(admit(AFTER)).thenNothing();
      spec.given([...fiveWaiting, configured({ enabled: false })]).when(admit(AFTER)).thenNothing();
    });
    it('names when the next place is due', () => {
      expect(nextAdmissionAt(stateOf(fiveWaiting))).toBe(OPENS);
      expect(nextAdmissionAt(stateOf([...fiveWaiting, admitted(2, 2, at(200))]))).toBe(at(300));
      expect(nextAdmissionAt(stateOf([...fiveWaiting, admitted(5, 5, at(500))]))).toBeNull();
    });

    it.each([600, 7, 100_000])('follows %d/min within 5%% over a minute of simulated time, ticking every 250 ms', (rate) => {
      let state = stateOf([configured({ admitPerMinute: rate }), ...Array.from({ length: 200_000 }, (_, i) => joined(`u${i}`, true))]);
      for (let t = 0; t <= 60_000; t += 250) {
        for (const event of waitingRoomDecider.decide(admit(at(t)), state)) state = waitingRoomDecider.evolve(state, event);
      }
      expect(Math.abs(state.through - rate) / rate).toBeLessThanOrEqual(0.05);
    });
  });

  describe('the early arrivals’ shuffle', () => {
    it('is recomputed from the log alone: the same events, the same order', () => {
      const events = [configured(), joined('a', true), joined('b', true), joined('c', true), joined('d', false)];
      expect(queueOrderOf(stateOf(events))).toEqual(queueOrderOf(stateOf(events)));
      expect(queueOrderOf(stateOf(events))[3]).toBe('q-d');
      expect(new Set(queueOrderOf(stateOf(events)))).toEqual(new Set(['q-a', 'q-b', 'q-c', 'q-d']));
    });

    it('is uniform: where the first of 5 early arrivals ends up, over 12,000 seeds (chi-square, 4 degrees of freedom, p = 0.001)', () => {
      const bins = [0, 0, 0, 0, 0];
      const trials = 12_000;
      for (let trial = 0; trial < trials; trial++) {
        const seed = `fixed-seed-${trial}`;
        const events = [configured({ seed }), ...['a', 'b', 'c', 'd', 'e'].map((u) => joined(u, true, `q-${trial}-${u}`))];
        bins[queueOrderOf(stateOf(events)).indexOf(`q-${trial}-a`)] += 1;
      }
      const expected = trials / 5;
      const chiSquare = bins.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
      expect(chiSquare).toBeLessThan(18.47);
    });

    it('is uniform over all 24 orders of 4 arrivals (chi-square, 23 degrees of freedom, p = 0.001)', () => {
      const counts = new Map<string, number>();
      const trials = 24_000;
      for (let trial = 0; trial < trials; trial++) {
        const events = [configured({ seed: `s${trial}` }), ...['a', 'b', 'c', 'd'].map((u) => joined(u, true))];
        const order = queueOrderOf(stateOf(events)).join();
        counts.set(order, (counts.get(order) ?? 0) + 1);
      }
      expect(counts.size).toBe(24);
      const expected = trials / 24;
      const chiSquare = [...counts.values()].reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
      expect(chiSquare).toBeLessThan(49.73);
    });

    it('keys differ by seed and by place', () => {
      expect(earlyOrderKey('s', 'q1')).not.toBe(earlyOrderKey('s', 'q2'));
      expect(earlyOrderKey('s1', 'q1')).not.toBe(earlyOrderKey('s2', 'q1'));
      expect(Number.isSafeInteger(earlyOrderKey('s', 'q1'))).toBe(true);
    });
  });

  describe('states share their places without seeing later ones', () => {
    it('an older state keeps its own places when a fold branches from it', () => {
      const base = stateOf([configured(), joined('a', true)]);
      const one = waitingRoomDecider.evolve(base, joined('b', true) as never);
      const other = waitingRoomDecider.evolve(base, joined('c', true) as never);
      expect(queueOrderOf(base)).toHaveLength(1);
      expect(queueOrderOf(one).sort()).toEqual(['q-a', 'q-b']);
      expect(queueOrderOf(other).sort()).toEqual(['q-a', 'q-c']);
      spec.given([configured(), joined('a', true)]).when(join('b', BEFORE)).then([joined('b', true)]);
    });
  });

  describe('the booking’s admission rule', () => {
    const room = stateOf([configured(), joined('u1', true), admitted(1, 1, at(100))]);
    const token = { showId: SHOW, userId: 'u1', queueId: 'q-u1', expiresAt: at(600_000) };
    const check = (overrides: Partial<Parameters<typeof requireAdmission>[0]> = {}) =>
      requireAdmission({ room, admission: token, spent: false, showId: SHOW, userId: 'u1', now: at(1_000), ...overrides });
    const refused = (overrides: Partial<Parameters<typeof requireAdmission>[0]>) => {
      expect(() => check(overrides)).toThrow(expect.objectContaining({ code: 'ADMISSION_REQUIRED' }) as unknown as Error);
    };
    it('takes a valid token and names the place', () => expect(check()).toBe('q-u1'));
    it('needs nothing while no room is enabled', () => {
      expect(check({ room: waitingRoomDecider.initialState, admission: null })).toBeUndefined();
      expect(check({ room: stateOf([configured({ enabled: false })]), admission: null })).toBeUndefined();
    });
    it('refuses without a token', () => refused({ admission: null }));
    it('refuses another account’s token, or another show’s', () => {
      refused({ userId: 'u2' });
      refused({ showId: 'show-2' });
    });
    it('refuses an expired token', () => refused({ now: at(600_000) }));
    it('refuses a spent token', () => refused({ spent: true }));
    it('refuses a token naming a place the account does not hold', () => refused({ admission: { ...token, queueId: 'q-forged' } }));
  });
});
