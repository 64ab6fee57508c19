/** Venue operations' deciders: the Device (this file's part) and its rule evaluation. */
export * as Device from './device';
export * as DeviceRules from './device-rules';
export { deviceDecider, isRegistered } from './device';
export type { DeviceState, RegisteredDevice, OpenRaise, DeviceCommand, RegisterDevice, RecordReading, CheckSilence } from './device';
export { evaluate, stepRule, noTimers } from './device-rules';
export type { RuleTimer, DeviceRuleTimers, Observation, Evaluation, Evaluated } from './device-rules';
