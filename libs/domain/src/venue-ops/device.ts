import type { DeviceEvent, DeviceRule, DeviceStatus, DeviceType, Reading, Severity } from '@tessera/contracts';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { evaluate, type DeviceRuleTimers } from './device-rules';

/**
 * Device: one piece of venue equipment (a gate scanner, a POS…) on the stream `device-{deviceId}`.
 * The stream holds its registration (with its key's hash), its status changes and its rules'
 * raises and clears; readings themselves are not events (ARCHITECTURE §6). Which rule is open,
 * and with which incident, is decided here, so two engines appending at the revision they read
 * can never open the same rule twice.
 */

export interface OpenRaise {
  incidentId: string;
  severity: Severity;
  raisedAt: string;
}

export interface RegisteredDevice {
  registered: true;
  deviceId: string;
  venueId: string;
  deviceType: DeviceType;
  name: string;
  keyHash: string;
  registeredAt: string;
  /** Until its first reading a device counts as offline. */
  status: DeviceStatus;
  /** Rule id → its open raise: at most one per device and rule. */
  open: Readonly<Record<string, OpenRaise>>;
}

export type DeviceState = { registered: false } | RegisteredDevice;

export const initialState: DeviceState = { registered: false };

export type RegisterDevice = {
  type: 'RegisterDevice';
  data: { deviceId: string; venueId: string; deviceType: DeviceType; name: string; keyHash: string };
  metadata: { now: string };
};

/** What rule-evaluating commands carry besides their observation: the rules, the timers, time and ids. */
interface EvaluationInputs {
  rules: readonly DeviceRule[];
  timers: DeviceRuleTimers;
}
interface EvaluationMetadata {
  now: string;
  newIncidentId: () => string;
}

export type RecordReading = {
  type: 'RecordReading';
  data: EvaluationInputs & { reading: Reading };
  metadata: EvaluationMetadata;
};

/** The staleness sweep found the device quiet since `lastSeenAt`. */
export type CheckSilence = {
  type: 'CheckSilence';
  data: EvaluationInputs & { lastSeenAt: string };
  metadata: EvaluationMetadata;
};

export type DeviceCommand = RegisterDevice | RecordReading | CheckSilence;

export const isRegistered = (state: DeviceState): state is RegisteredDevice => state.registered;

export const evolve = (state: DeviceState, event: DeviceEvent): DeviceState => {
  switch (event.type) {
    case 'device.registered.v1': {
      const { deviceId, venueId, deviceType, name, keyHash, registeredAt } = event.data;
      return { registered: true, deviceId, venueId, deviceType, name, keyHash, registeredAt, status: 'offline', open: {} };
    }
    case 'device.status_changed.v1':
      return isRegistered(state) ? { ...state, status: event.data.to } : state;
    case 'device.rule_raised.v1': {
      if (!isRegistered(state)) return state;
      const { ruleId, incidentId, severity, raisedAt } = event.data;
      return { ...state, open: { ...state.open, [ruleId]: { incidentId, severity, raisedAt } } };
    }
    case 'device.rule_cleared.v1': {
      if (!isRegistered(state) || state.open[event.data.ruleId]?.incidentId !== event.data.incidentId) return state;
      const { [event.data.ruleId]: _cleared, ...open } = state.open;
      return { ...state, open };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

const registered = (state: DeviceState, deviceId: string): RegisteredDevice => {
  if (!isRegistered(state)) throw new DomainError('DEVICE_NOT_FOUND', `device ${deviceId} is not registered`, { deviceId });
  return state;
};

export const decide = (command: DeviceCommand, state: DeviceState): DeviceEvent[] => {
  switch (command.type) {
    case 'RegisterDevice': {
      const { deviceId } = command.data;
      if (isRegistered(state)) throw new DomainError('DEVICE_EXISTS', `device ${deviceId} is already registered`, { deviceId });
      return [{ type: 'device.registered.v1', data: { ...command.data, registeredAt: command.metadata.now } }];
    }
    case 'RecordReading': {
      const { rules, timers, reading } = command.data;
      const device = registered(state, 'this device');
      return evaluate({ rules, device, timers, observation: { kind: 'reading', reading }, ...command.metadata }).events;
    }
    case 'CheckSilence': {
      const { rules, timers, lastSeenAt } = command.data;
      const device = registered(state, 'this device');
      return evaluate({ rules, device, timers, observation: { kind: 'silence', lastSeenAt }, ...command.metadata }).events;
    }
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown device command ${JSON.stringify(_exhaustive)}`);
    }
  }
};

export const deviceDecider: Decider<DeviceState, DeviceCommand, DeviceEvent> = { initialState, evolve, decide };
