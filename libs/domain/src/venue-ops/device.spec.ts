import { DEFAULT_DEVICE_RULES, type DeviceEvent, type DeviceRule, type Reading } from '@tessera/contracts';
import { DeciderSpecification } from '../testing/decider-specification';
import { deviceDecider, type DeviceCommand } from './device';
import type { DeviceRuleTimers } from './device-rules';

const spec = DeciderSpecification.for(deviceDecider);

const t0 = Date.parse('2026-06-01T18:00:00.000Z');
const at = (seconds: number): string => new Date(t0 + seconds * 1000).toISOString();

const device = { deviceId: 'gate-1', venueId: 'arena', deviceType: 'gate_scanner' as const };
const registered: DeviceEvent = {
  type: 'device.registered.v1',
  data: { ...device, name: 'North gate 1', keyHash: 'hash', registeredAt: at(-3600) },
};
const statusChanged = (from: string, to: string, seconds: number): DeviceEvent =>
  ({ type: 'device.status_changed.v1', data: { ...device, from, to, at: at(seconds) } }) as DeviceEvent;
const raised = (ruleId: string, severity: string, incidentId: string, seconds: number, reading: unknown): DeviceEvent =>
  ({ type: 'device.rule_raised.v1', data: { ...device, ruleId, severity, incidentId, raisedAt: at(seconds), reading } }) as DeviceEvent;
const cleared = (ruleId: string, incidentId: string, seconds: number): DeviceEvent => ({
  type: 'device.rule_cleared.v1',
  data: { deviceId: device.deviceId, venueId: device.venueId, ruleId, incidentId, clearedAt: at(seconds) },
});

const rules: DeviceRule[] = [...DEFAULT_DEVICE_RULES];
const reading = (seconds: number, fields: Partial<Reading> = {}): Reading => ({ status: 'online', at: at(seconds), ...fields });

const record = (readingAt: Reading, timers: DeviceRuleTimers = { rules: {} }, nowSeconds?: number): DeviceCommand => ({
  type: 'RecordReading',
  data: { rules, timers, reading: readingAt },
  metadata: { now: nowSeconds === undefined ? readingAt.at : at(nowSeconds), newIncidentId: () => 'inc-1' },
});

describe('Device', () => {
  describe('RegisterDevice', () => {
    const register: DeviceCommand = {
      type: 'RegisterDevice',
      data: { ...device, name: 'North gate 1', keyHash: 'hash' },
      metadata: { now: at(-3600) },
    };

    it('registers a new device', () => {
      spec.given([]).when(register).then([registered]);
    });

    it('refuses a device id that is taken: DEVICE_EXISTS', () => {
      spec.given([registered]).when(register).thenThrows('DEVICE_EXISTS', { deviceId: 'gate-1' });
    });
  });

  describe('RecordReading', () => {
    it('refuses a device that is not registered', () => {
      spec.given([]).when(record(reading(0))).thenThrows('DEVICE_NOT_FOUND');
    });

    it('records the first reading as a status change from offline', () => {
      spec.given([registered]).when(record(reading(0))).then([statusChanged('offline', 'online', 0)]);
    });

    it('decides nothing for a reading that changes nothing', () => {
      spec.given([registered, statusChanged('offline', 'online', 0)]).when(record(reading(5, { temperature: 40, battery: 90 }))).thenNothing();
    });

    it('raises the temperature rule once it held for its raise-after time (60 s)', () => {
      const timers = { lastAt: at(55), rules: { 'temperature-high': { activeSince: at(0) } } };
      spec
        .given([registered, statusChanged('offline', 'online', 0)])
        .when(record(reading(60, { temperature: 75 }), timers))
        .then([raised('temperature-high', 'high', 'inc-1', 60, reading(60, { temperature: 75 }))]);
    });

    it('does not raise before the raise-after time', () => {
      const timers = { rules: { 'temperature-high': { activeSince: at(0) } } };
      spec.given([registered, statusChanged('offline', 'online', 0)]).when(record(reading(59, { temperature: 75 }), timers)).thenNothing();
    });

    it('never raises a second incident for an open rule (one per venue, device and rule)', () => {
      const timers = { rules: { 'temperature-high': { activeSince: at(0) } } };
      spec
        .given([registered, statusChanged('offline', 'online', 0), raised('temperature-high', 'high', 'inc-1', 60, {})])
        .when(record(reading(600, { temperature: 90 }), timers))
        .thenNothing();
    });

    it('clears (auto-resolves) the open raise once clear for its clear-after time (120 s)', () => {
      const timers = { rules: { 'temperature-high': { activeSince: at(0), clearSince: at(100) } } };
      spec
        .given([registered, statusChanged('offline', 'online', 0), raised('temperature-high', 'high', 'inc-1', 60, {})])
        .when(record(reading(220, { temperature: 50 }), timers))
        .then([cleared('temperature-high', 'inc-1', 220)]);
    });

    it('raises anew with a new incident after a clear', () => {
      const timers = { rules: { 'temperature-high': { activeSince: at(300) } } };
      const raise = { ...record(reading(360, { temperature: 80 }), timers), metadata: { now: at(360), newIncidentId: () => 'inc-2' } };
      spec
        .given([registered, statusChanged('offline', 'online', 0), raised('temperature-high', 'high', 'inc-1', 60, {}), cleared('temperature-high', 'inc-1', 220)])
        .when(raise)
        .then([raised('temperature-high', 'high', 'inc-2', 360, reading(360, { temperature: 80 }))]);
    });

    it('raises the offline rule (critical) and changes the status in one decision', () => {
      const timers = { rules: { 'device-offline': { activeSince: at(0) } } };
      spec
        .given([registered, statusChanged('offline', 'online', -10), statusChanged('online', 'offline', 0)])
        .when(record(reading(30, { status: 'offline' }), timers))
        .then([raised('device-offline', 'critical', 'inc-1', 30, reading(30, { status: 'offline' }))]);
    });

    it('brings a silent device back: its status changes and the staleness raise clears', () => {
      spec
        .given([registered, statusChanged('offline', 'online', 0), statusChanged('online', 'silent', 200), raised('device-silent', 'high', 'inc-1', 200, {})])
        .when(record(reading(300, { status: 'degraded' })))
        .then([statusChanged('silent', 'degraded', 300), cleared('device-silent', 'inc-1', 300)]);
    });

    it('resolves an open raise whose rule was removed', () => {
      const command = record(reading(10));
      if (command.type !== 'RecordReading') throw new Error('unreachable');
      const withoutTemperature: DeviceCommand = { ...command, data: { ...command.data, rules: rules.filter((rule) => rule.ruleId !== 'temperature-high') } };
      spec
        .given([registered, statusChanged('offline', 'online', 0), raised('temperature-high', 'high', 'inc-1', 5, {})])
        .when(withoutTemperature)
        .then([cleared('temperature-high', 'inc-1', 10)]);
    });

    it('takes a reading dated ahead of the server as happening now', () => {
      const timers = { rules: { 'temperature-high': { activeSince: at(0) } } };
      // The device claims 3600 s; the server says 30 s: not yet 60 s of heat.
      spec.given([registered, statusChanged('offline', 'online', 0)]).when(record(reading(3600, { temperature: 80 }), timers, 30)).thenNothing();
    });

    it('ignores a reading older than the last one evaluated', () => {
      const timers = { lastAt: at(100), rules: { 'temperature-high': { activeSince: at(0) } } };
      spec.given([registered, statusChanged('offline', 'online', 0)]).when(record(reading(90, { status: 'offline', temperature: 99 }), timers)).thenNothing();
    });
  });

  describe('CheckSilence', () => {
    const check = (lastSeenSeconds: number, nowSeconds: number): DeviceCommand => ({
      type: 'CheckSilence',
      data: { rules, timers: { rules: {} }, lastSeenAt: at(lastSeenSeconds) },
      metadata: { now: at(nowSeconds), newIncidentId: () => 'inc-1' },
    });

    it('marks a device silent for more than 120 s and raises the staleness rule (high)', () => {
      spec
        .given([registered, statusChanged('offline', 'online', 0)])
        .when(check(0, 121))
        .then([statusChanged('online', 'silent', 121), raised('device-silent', 'high', 'inc-1', 121, { silentSeconds: 121, lastSeenAt: at(0) })]);
    });

    it('leaves a device that spoke within 120 s alone', () => {
      spec.given([registered, statusChanged('offline', 'online', 0)]).when(check(0, 120)).thenNothing();
    });

    it('decides nothing for a device already silent and raised: a second sweeper changes nothing', () => {
      spec
        .given([registered, statusChanged('offline', 'online', 0), statusChanged('online', 'silent', 121), raised('device-silent', 'high', 'inc-1', 121, {})])
        .when(check(0, 400))
        .thenNothing();
    });
  });
});
