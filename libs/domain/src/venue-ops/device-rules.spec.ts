import { DEFAULT_DEVICE_RULES, type DeviceEvent, type DeviceRule, type Reading } from '@tessera/contracts';
import { fold } from '../decider';
import { deviceDecider, type RegisteredDevice } from './device';
import { evaluate, noTimers, stepRule, type DeviceRuleTimers } from './device-rules';

/**
 * The rule evaluation over a stream of readings, as the engine runs it: each reading's events are
 * folded into the device before the next one, and the timers carried over.
 */

const t0 = Date.parse('2026-06-01T18:00:00.000Z');
const at = (seconds: number): string => new Date(t0 + seconds * 1000).toISOString();

const registeredDevice = fold(deviceDecider.evolve, deviceDecider.initialState, [
  { type: 'device.registered.v1', data: { deviceId: 'scanner-7', venueId: 'arena', deviceType: 'gate_scanner', name: 'Scanner 7', keyHash: 'h', registeredAt: at(-60) } },
]) as RegisteredDevice;

const temperatureRule: DeviceRule = DEFAULT_DEVICE_RULES.find((rule) => rule.ruleId === 'temperature-high')!; // raise 60 s, clear 120 s
const offlineRule: DeviceRule = DEFAULT_DEVICE_RULES.find((rule) => rule.ruleId === 'device-offline')!; // raise 30 s, clear 60 s

interface Run {
  device: RegisteredDevice;
  timers: DeviceRuleTimers;
  events: DeviceEvent[];
}

/** Feeds readings (seconds after t0, fields) through `evaluate`, as the engine does. */
const run = (rules: DeviceRule[], readings: [number, Partial<Reading>][], start: Run = { device: registeredDevice, timers: noTimers, events: [] }): Run => {
  return readings.reduce<Run>((state, [seconds, fields]) => {
    let ids = state.events.filter((event) => event.type === 'device.rule_raised.v1').length;
    const reading: Reading = { status: 'online', at: at(seconds), ...fields };
    const evaluated = evaluate({
      rules,
      device: state.device,
      timers: state.timers,
      observation: { kind: 'reading', reading },
      now: reading.at,
      newIncidentId: () => `inc-${++ids}`,
    });
    return {
      device: fold(deviceDecider.evolve, state.device, evaluated.events) as RegisteredDevice,
      timers: evaluated.timers,
      events: [...state.events, ...evaluated.events],
    };
  }, start);
};

const typesOf = (events: DeviceEvent[]): string[] => events.map((event) => `${event.type}${'ruleId' in event.data ? `:${event.data.ruleId}` : ''}`);
const every = (from: number, to: number, step: number, fields: (s: number) => Partial<Reading>): [number, Partial<Reading>][] => {
  const readings: [number, Partial<Reading>][] = [];
  for (let s = from; s <= to; s += step) readings.push([s, fields(s)]);
  return readings;
};

describe('device rule evaluation', () => {
  it('raises after the condition held for raise-after, and clears after clear-after of clear readings', () => {
    const heat = run([temperatureRule], [...every(0, 90, 10, () => ({ temperature: 80 })), ...every(100, 300, 10, () => ({ temperature: 40 }))]);
    expect(typesOf(heat.events)).toEqual(['device.status_changed.v1', 'device.rule_raised.v1:temperature-high', 'device.rule_cleared.v1:temperature-high']);
    const [, raise, clear] = heat.events;
    expect(raise.data).toMatchObject({ raisedAt: at(60), incidentId: 'inc-1', severity: 'high' });
    expect(clear.data).toMatchObject({ clearedAt: at(220), incidentId: 'inc-1' });
  });

  it('raises nothing for a condition shorter than raise-after that then stays clear', () => {
    const blip = run([temperatureRule], [...every(0, 50, 10, () => ({ temperature: 80 })), ...every(60, 400, 10, () => ({ temperature: 40 }))]);
    expect(typesOf(blip.events)).toEqual(['device.status_changed.v1']);
    expect(blip.timers.rules).toEqual({});
  });

  it('flap protection: a scanner flipping offline/online every 5 s raises once, and clears once when it settles', () => {
    const flapping = every(0, 600, 5, (s) => ({ status: s % 10 === 0 ? 'offline' : 'online' }));
    const settled = every(605, 800, 5, () => ({ status: 'online' }));
    const flap = run([offlineRule], [...flapping, ...settled]);
    const ruleEvents = typesOf(flap.events).filter((type) => type.includes('rule_'));
    expect(ruleEvents).toEqual(['device.rule_raised.v1:device-offline', 'device.rule_cleared.v1:device-offline']);
    // The episode started at 0; the raise came once it had lasted 30 s, although no offline spell did.
    expect(flap.events.find((event) => event.type === 'device.rule_raised.v1')!.data).toMatchObject({ raisedAt: at(30) });
    // Cleared once it had been online for 60 s: from the first reading after the last offline one (605).
    expect(flap.events.find((event) => event.type === 'device.rule_cleared.v1')!.data).toMatchObject({ clearedAt: at(665) });
  });

  it('a gap of clear-after or more ends an episode even when no reading said so at the time', () => {
    const gap = run([temperatureRule], [[0, { temperature: 80 }], [10, { temperature: 40 }], [1000, { temperature: 80 }], [1010, { temperature: 80 }]]);
    expect(typesOf(gap.events).filter((type) => type.includes('rule_'))).toEqual([]);
    expect(gap.timers.rules['temperature-high']).toEqual({ activeSince: at(1000) });
  });

  it('a reading without the field keeps the rule where it was (a missing battery is not a full one)', () => {
    const battery = DEFAULT_DEVICE_RULES.find((rule) => rule.ruleId === 'battery-low')!;
    const drained = run([battery], [[0, { battery: 10 }], [30, {}], [60, { battery: 9 }]]);
    expect(typesOf(drained.events)).toContain('device.rule_raised.v1:battery-low');
  });

  it('restart-resume: the timers and the stream are all it takes to go on where it stopped', () => {
    const readings = [...every(0, 90, 10, () => ({ temperature: 80 })), ...every(100, 300, 10, () => ({ temperature: 40 }))];
    const straight = run([temperatureRule], readings);
    // Stopped after the reading at 40 s (pending) and again after 150 s (raised, clearing): each
    // time what a restart finds is the device folded from its stream and the persisted timers.
    const resumedRun = [45, 155].reduce(
      (partial, cut) => {
        const done = run([temperatureRule], readings.filter(([s]) => s > partial.last && s < cut), partial.run);
        const fromStream = fold(deviceDecider.evolve, deviceDecider.initialState, [
          { type: 'device.registered.v1', data: { deviceId: 'scanner-7', venueId: 'arena', deviceType: 'gate_scanner', name: 'Scanner 7', keyHash: 'h', registeredAt: at(-60) } },
          ...done.events,
        ]) as RegisteredDevice;
        const persistedTimers = JSON.parse(JSON.stringify(done.timers)) as DeviceRuleTimers;
        return { last: cut, run: { device: fromStream, timers: persistedTimers, events: done.events } };
      },
      { last: -1, run: { device: registeredDevice, timers: noTimers, events: [] as DeviceEvent[] } },
    );
    const resumed = run([temperatureRule], readings.filter(([s]) => s > resumedRun.last), resumedRun.run);
    expect(resumed.events).toEqual(straight.events);
  });

  it('applies a rule only to the device types it names', () => {
    const posOnly: DeviceRule = { ...temperatureRule, deviceTypes: ['pos'], raiseAfterSeconds: 0 };
    expect(typesOf(run([posOnly], [[0, { temperature: 99 }]]).events)).toEqual(['device.status_changed.v1']);
  });

  describe('stepRule', () => {
    const rule = { raiseAfterSeconds: 10, clearAfterSeconds: 20 };
    const s = (seconds: number): number => t0 + seconds * 1000;

    it('raises at once when raise-after is 0, and clears at once when clear-after is 0', () => {
      expect(stepRule({ raiseAfterSeconds: 0, clearAfterSeconds: 0 }, false, {}, true, s(0)).transition).toBe('raise');
      expect(stepRule({ raiseAfterSeconds: 0, clearAfterSeconds: 0 }, true, { activeSince: at(0) }, false, s(1))).toEqual({ timer: {}, transition: 'clear' });
    });

    it('keeps an open raise open while the condition comes back within clear-after', () => {
      const clearing = stepRule(rule, true, { activeSince: at(0) }, false, s(30));
      expect(clearing).toEqual({ timer: { activeSince: at(0), clearSince: at(30) }, transition: undefined });
      expect(stepRule(rule, true, clearing.timer, true, s(45))).toEqual({ timer: { activeSince: at(0) }, transition: undefined });
    });
  });
});
