import type { DomainEvent } from '../events/envelope';
import { DEVICE_TYPES, type DeviceType, type Severity } from './device.events';

/**
 * The device rules (API.md, GET/PUT /api/ops/rules). A rule compares one field of what a device
 * reports; `silentSeconds` is the staleness rule's field: how long the device has said nothing.
 * Hysteresis as Prometheus' `for:` and `keep_firing_for:`: a rule raises once its condition has
 * held for `raiseAfterSeconds` and clears once it has been clear for `clearAfterSeconds`.
 */

export const RULE_FIELDS = ['status', 'temperature', 'battery', 'errorRate', 'silentSeconds'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export const RULE_OPS = ['>', '<', '='] as const;
export type RuleOp = (typeof RULE_OPS)[number];

export interface DeviceRule {
  ruleId: string;
  deviceTypes: DeviceType[];
  when: { field: RuleField; op: RuleOp; value: number | string };
  severity: Severity;
  raiseAfterSeconds: number;
  clearAfterSeconds: number;
}

/** The rules set by an admin, whole (a PUT replaces them all). Stream `ops-rules`. */
export type DeviceRulesSet = DomainEvent<'ops.rules_set.v1', { rules: DeviceRule[]; setAt: string }>;

export const DEVICE_RULES_STREAM = 'ops-rules';

const ALL_TYPES: DeviceType[] = [...DEVICE_TYPES];

/** The rules in force until an admin sets others (API.md). */
export const DEFAULT_DEVICE_RULES: readonly DeviceRule[] = [
  { ruleId: 'device-offline', deviceTypes: ALL_TYPES, when: { field: 'status', op: '=', value: 'offline' }, severity: 'critical', raiseAfterSeconds: 30, clearAfterSeconds: 60 },
  { ruleId: 'temperature-high', deviceTypes: ALL_TYPES, when: { field: 'temperature', op: '>', value: 70 }, severity: 'high', raiseAfterSeconds: 60, clearAfterSeconds: 120 },
  { ruleId: 'battery-low', deviceTypes: ALL_TYPES, when: { field: 'battery', op: '<', value: 15 }, severity: 'medium', raiseAfterSeconds: 60, clearAfterSeconds: 300 },
  { ruleId: 'error-rate-high', deviceTypes: ALL_TYPES, when: { field: 'errorRate', op: '>', value: 0.05 }, severity: 'medium', raiseAfterSeconds: 60, clearAfterSeconds: 120 },
  { ruleId: 'device-silent', deviceTypes: ALL_TYPES, when: { field: 'silentSeconds', op: '>', value: 120 }, severity: 'high', raiseAfterSeconds: 0, clearAfterSeconds: 0 },
];
