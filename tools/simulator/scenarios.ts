import type { DeviceRule, DeviceType, Reading } from '@tessera/contracts';
import { Device, DeviceRules, fold, type DeviceRuleTimers, type RegisteredDevice } from '@tessera/domain';

/**
 * What the simulated devices say, as functions of how far the run has come (0 → 1), and what the
 * rules will make of it. The prediction runs the very evaluation the server runs
 * (libs/domain device-rules) over the readings the server accepted, so it names the raises and
 * clears to expect, with their times.
 */

export type ScenarioName = 'gate-offline' | 'pos-overheating' | 'battery-draining' | 'scanner-flapping' | 'steady';

export interface Scenario {
  name: ScenarioName;
  deviceType: DeviceType;
  /** The reading of the `tick`-th send, `progress` of the way through the run. */
  reading(progress: number, tick: number, at: string): Reading;
  describe: string;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'gate-offline',
    deviceType: 'gate_scanner',
    describe: 'online, offline from 20% to 60% of the run, then back',
    reading: (progress, _tick, at) => ({ status: progress >= 0.2 && progress < 0.6 ? 'offline' : 'online', temperature: 31, battery: 95, errorRate: 0, at }),
  },
  {
    name: 'pos-overheating',
    deviceType: 'pos',
    describe: 'temperature climbing slowly from 45 °C to 85 °C (past 70 at 62%)',
    reading: (progress, _tick, at) => ({ status: 'online', temperature: Math.round((45 + 40 * progress) * 10) / 10, battery: 100, errorRate: 0.01, at }),
  },
  {
    name: 'battery-draining',
    deviceType: 'sensor',
    describe: 'battery draining from 40% to 5% (under 15 at 71%)',
    reading: (progress, _tick, at) => ({ status: 'online', temperature: 22, battery: Math.round((40 - 35 * progress) * 10) / 10, at }),
  },
  {
    name: 'scanner-flapping',
    deviceType: 'turnstile',
    describe: 'flipping offline/online at every reading from 10% of the run',
    reading: (progress, tick, at) => ({ status: progress >= 0.1 && tick % 2 === 0 ? 'offline' : 'online', temperature: 30, battery: 80, errorRate: 0, at }),
  },
  {
    name: 'steady',
    deviceType: 'display',
    describe: 'online and healthy throughout',
    reading: (_progress, _tick, at) => ({ status: 'online', temperature: 35, battery: 90, errorRate: 0, at }),
  },
];

export const scenarioOf = (index: number): Scenario => SCENARIOS[index % SCENARIOS.length];

export interface ExpectedTransition {
  deviceId: string;
  scenario: ScenarioName;
  ruleId: string;
  kind: 'raised' | 'cleared';
  severity?: string;
  at: string;
}

/** The raises and clears the rules make of these readings (in the order the server accepted them), starting from a freshly registered device. */
export const predict = (
  rules: readonly DeviceRule[],
  device: { deviceId: string; venueId: string; deviceType: DeviceType; scenario: ScenarioName },
  readings: readonly Reading[],
): ExpectedTransition[] => {
  let state = fold(Device.evolve, Device.initialState, [
    { type: 'device.registered.v1', data: { deviceId: device.deviceId, venueId: device.venueId, deviceType: device.deviceType, name: '', keyHash: '', registeredAt: '' } },
  ]) as RegisteredDevice;
  let timers: DeviceRuleTimers = DeviceRules.noTimers;
  let ids = 0;
  const expected: ExpectedTransition[] = [];
  for (const reading of readings) {
    const evaluated = DeviceRules.evaluate({ rules, device: state, timers, observation: { kind: 'reading', reading }, now: reading.at, newIncidentId: () => `predicted-${++ids}` });
    for (const event of evaluated.events) {
      if (event.type === 'device.rule_raised.v1') {
        expected.push({ deviceId: device.deviceId, scenario: device.scenario, ruleId: event.data.ruleId, kind: 'raised', severity: event.data.severity, at: event.data.raisedAt });
      } else if (event.type === 'device.rule_cleared.v1') {
        expected.push({ deviceId: device.deviceId, scenario: device.scenario, ruleId: event.data.ruleId, kind: 'cleared', at: event.data.clearedAt });
      }
    }
    state = fold(Device.evolve, state, evaluated.events) as RegisteredDevice;
    timers = evaluated.timers;
  }
  return expected;
};
