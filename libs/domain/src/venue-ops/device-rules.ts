import type { DeviceEvent, DeviceRule, DeviceRuleCleared, DeviceRuleRaised, DeviceStatusChanged, Reading } from '@tessera/contracts';
import type { RegisteredDevice } from './device';

/**
 * The rule engine's one decision: what an observation of a device (a reading, or the sweep's
 * "nothing heard since") changes, as a pure function of (rules, the device as its stream tells it,
 * the rules' timers, the observation, now) → (new timers, events).
 *
 * Hysteresis per rule, after Prometheus' `for:` and `keep_firing_for:`:
 * - a rule *raises* once its condition has held for `raiseAfterSeconds`;
 * - it *clears* once its condition has been clear for `clearAfterSeconds`;
 * - flap protection: a condition that goes away and comes back within `clearAfterSeconds` is the
 *   same episode, both before the raise (the raise-after time keeps counting from the episode's
 *   start) and after it (the raise stays open). A device flipping faster than the hysteresis
 *   therefore raises once, and clears once when it has settled.
 *
 * The timers are not events: they change with almost every reading, so the engine keeps them in
 * the device's telemetry read model. The events are the transitions only, and the raise/clear
 * state (which rule is open, with which incident) lives in the stream, so there is one open raise
 * per device and rule whatever the timers say.
 */

/** Where one rule's episode stands for one device. ISO 8601 UTC times; both absent when idle. */
export interface RuleTimer {
  /** The condition has held (allowing gaps shorter than clear-after) since then. */
  activeSince?: string;
  /** The condition has been clear since then. */
  clearSince?: string;
}

/** The rule timers of one device: what a restart must find again to resume. */
export interface DeviceRuleTimers {
  /** The time of the last reading evaluated: an older one arriving late changes no timer. */
  lastAt?: string;
  rules: Readonly<Record<string, RuleTimer>>;
}

export const noTimers: DeviceRuleTimers = { rules: {} };

export type Observation =
  | { kind: 'reading'; reading: Reading }
  /** The staleness sweep: the device has said nothing since `lastSeenAt`. */
  | { kind: 'silence'; lastSeenAt: string };

export interface Evaluation {
  rules: readonly DeviceRule[];
  device: RegisteredDevice;
  timers: DeviceRuleTimers;
  observation: Observation;
  now: string;
  /** A new incident id for each raise (the platform's id generator; deterministic in specs). */
  newIncidentId: () => string;
}

export interface Evaluated {
  timers: DeviceRuleTimers;
  events: DeviceEvent[];
}

const ms = (iso: string): number => Date.parse(iso);
const iso = (time: number): string => new Date(time).toISOString();

export const appliesTo = (rule: DeviceRule, device: RegisteredDevice): boolean => rule.deviceTypes.includes(device.deviceType);

const holds = (rule: DeviceRule, value: number | string): boolean => {
  const threshold = rule.when.value;
  switch (rule.when.op) {
    case '=':
      return value === threshold;
    case '>':
      return typeof value === 'number' && typeof threshold === 'number' && value > threshold;
    case '<':
      return typeof value === 'number' && typeof threshold === 'number' && value < threshold;
    default: {
      const _exhaustive: never = rule.when.op;
      return false;
    }
  }
};

type Transition = 'raise' | 'clear' | undefined;

/** One rule's hysteresis at time `t` for a condition that holds or not. */
export const stepRule = (
  rule: Pick<DeviceRule, 'raiseAfterSeconds' | 'clearAfterSeconds'>,
  raised: boolean,
  timer: RuleTimer,
  conditionHolds: boolean,
  t: number,
): { timer: RuleTimer; transition: Transition } => {
  const clearAfter = rule.clearAfterSeconds * 1000;
  const clearedFor = (since: string | undefined): boolean => since !== undefined && t - ms(since) >= clearAfter;
  if (conditionHolds) {
    if (raised) return { timer: { activeSince: timer.activeSince ?? iso(t) }, transition: undefined };
    // A gap at least as long as clear-after ended the last episode, even if no reading said so then.
    const activeSince = timer.activeSince === undefined || clearedFor(timer.clearSince) ? iso(t) : timer.activeSince;
    const transition: Transition = t - ms(activeSince) >= rule.raiseAfterSeconds * 1000 ? 'raise' : undefined;
    return { timer: { activeSince }, transition };
  }
  if (!raised && timer.activeSince === undefined) return { timer: {}, transition: undefined };
  const clearSince = timer.clearSince ?? iso(t);
  if (clearedFor(clearSince)) return { timer: {}, transition: raised ? 'clear' : undefined };
  return { timer: { ...timer, clearSince }, transition: undefined };
};

/** The value a rule compares, or undefined when the observation does not tell it. */
const observed = (rule: DeviceRule, observation: Observation, now: number): number | string | undefined => {
  if (observation.kind === 'silence') {
    return rule.when.field === 'silentSeconds' ? Math.max(0, (now - ms(observation.lastSeenAt)) / 1000) : undefined;
  }
  // A device that speaks is not silent.
  if (rule.when.field === 'silentSeconds') return 0;
  return observation.reading[rule.when.field];
};

/** A rule with no episode under way (shared: never written to). */
const IDLE: RuleTimer = Object.freeze({});

export const evaluate = ({ rules, device, timers, observation, now, newIncidentId }: Evaluation): Evaluated => {
  const nowMs = ms(now);
  // A device's clock may run ahead: nothing it says happens after the server's now.
  const t = observation.kind === 'reading' ? Math.min(ms(observation.reading.at), nowMs) : nowMs;
  if (observation.kind === 'reading' && timers.lastAt !== undefined && t < ms(timers.lastAt)) return { timers, events: [] };
  const at = iso(t);
  const { deviceId, venueId, deviceType } = device;

  const statusChanges: DeviceStatusChanged[] = [];
  const changeStatus = (to: RegisteredDevice['status']): void => {
    if (device.status !== to) statusChanges.push({ type: 'device.status_changed.v1', data: { deviceId, venueId, deviceType, from: device.status, to, at } });
  };
  if (observation.kind === 'reading') changeStatus(observation.reading.status);

  const clears: DeviceRuleCleared[] = [];
  const raises: DeviceRuleRaised[] = [];
  const nextTimers: Record<string, RuleTimer> = {};
  const active = rules.filter((rule) => appliesTo(rule, device));
  let silent = false;
  for (const rule of active) {
    const timer = timers.rules[rule.ruleId] ?? IDLE;
    const value = observed(rule, observation, nowMs);
    if (value === undefined) {
      if (timer.activeSince !== undefined || timer.clearSince !== undefined) nextTimers[rule.ruleId] = timer;
      continue;
    }
    const conditionHolds = holds(rule, value);
    if (rule.when.field === 'silentSeconds' && conditionHolds) silent = true;
    const open = device.open[rule.ruleId];
    // The common case, nothing held, nothing open, nothing under way: stepRule would leave it idle.
    if (!conditionHolds && open === undefined && timer.activeSince === undefined) continue;
    const stepped = stepRule(rule, open !== undefined, timer, conditionHolds, t);
    if (stepped.timer.activeSince !== undefined || stepped.timer.clearSince !== undefined) nextTimers[rule.ruleId] = stepped.timer;
    if (stepped.transition === 'raise') {
      const reading = observation.kind === 'reading' ? observation.reading : { silentSeconds: value as number, lastSeenAt: observation.lastSeenAt };
      raises.push({
        type: 'device.rule_raised.v1',
        data: { deviceId, venueId, deviceType, ruleId: rule.ruleId, severity: rule.severity, incidentId: newIncidentId(), raisedAt: at, reading },
      });
    } else if (stepped.transition === 'clear' && open) {
      clears.push({ type: 'device.rule_cleared.v1', data: { deviceId, venueId, ruleId: rule.ruleId, incidentId: open.incidentId, clearedAt: at } });
    }
  }
  if (silent) changeStatus('silent');
  // A raise whose rule was removed (or no longer names this device's type) resolves: nothing watches it any more.
  for (const ruleId in device.open) {
    if (!Object.prototype.hasOwnProperty.call(device.open, ruleId)) continue;
    if (!active.some((rule) => rule.ruleId === ruleId)) {
      clears.push({ type: 'device.rule_cleared.v1', data: { deviceId, venueId, ruleId, incidentId: device.open[ruleId].incidentId, clearedAt: at } });
    }
  }
  const lastAt = observation.kind === 'reading' ? at : timers.lastAt;
  return {
    timers: { ...(lastAt === undefined ? {} : { lastAt }), rules: nextTimers },
    events: clears.length === 0 && raises.length === 0 ? statusChanges : [...statusChanges, ...clears, ...raises],
  };
};
