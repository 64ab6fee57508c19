// @Type reads design-time metadata as it decorates: importing these DTOs must not depend on
// someone else having loaded reflect-metadata first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateBy, ValidateNested } from 'class-validator';
import { DEVICE_STATUSES, DEVICE_TYPES, SEVERITIES, type DeviceStatus, type DeviceType, type Severity } from './device.events';
import { RULE_FIELDS, RULE_OPS, type DeviceRule, type RuleField, type RuleOp } from './device-rules';

/** Request bodies of the device endpoints (API.md, Venue operations). */

/** Device and venue ids name MQTT topic levels and streams: no `/`, `+`, `#` or spaces. */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const ID_MESSAGE = 'must be 1–64 letters, digits, "_" or "-", starting with a letter or digit';

export class RegisterDeviceRequest {
  @Matches(DEVICE_ID_PATTERN, { message: `deviceId ${ID_MESSAGE}` })
  deviceId!: string;

  @Matches(DEVICE_ID_PATTERN, { message: `venueId ${ID_MESSAGE}` })
  venueId!: string;

  @IsIn(DEVICE_TYPES)
  type!: DeviceType;

  @IsString()
  @Length(1, 200)
  name!: string;
}

export class RuleConditionRequest {
  @IsIn(RULE_FIELDS)
  field!: RuleField;

  @IsIn(RULE_OPS)
  op!: RuleOp;

  /** A number, or a status for `status =`; checked against the field by `ruleProblems`. */
  @ValidateBy({
    name: 'isNumberOrStatus',
    validator: {
      validate: (value: unknown) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= 20),
      defaultMessage: () => 'value must be a number or a status',
    },
  })
  value!: number | string;
}

export class DeviceRuleRequest implements DeviceRule {
  @Matches(DEVICE_ID_PATTERN, { message: `ruleId ${ID_MESSAGE}` })
  ruleId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(DEVICE_TYPES, { each: true })
  deviceTypes!: DeviceType[];

  @ValidateNested()
  @Type(() => RuleConditionRequest)
  when!: RuleConditionRequest;

  @IsIn(SEVERITIES)
  severity!: Severity;

  @IsInt()
  @Min(0)
  @Max(86_400)
  raiseAfterSeconds!: number;

  @IsInt()
  @Min(0)
  @Max(86_400)
  clearAfterSeconds!: number;
}

export class PutDeviceRulesRequest {
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DeviceRuleRequest)
  rules!: DeviceRuleRequest[];
}

/** What the shape cannot say: each rule's value fits its field and operator, and rule ids are unique. */
export const ruleProblems = (rules: readonly DeviceRule[]): { field: string; message: string }[] => {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (seen.has(rule.ruleId)) problems.push({ field: `rules[${i}].ruleId`, message: 'must be unique' });
    seen.add(rule.ruleId);
    const { field, op, value } = rule.when;
    if (field === 'status') {
      if (op !== '=') problems.push({ field: `rules[${i}].when.op`, message: 'must be "=" for status' });
      if (!['online', 'degraded', 'offline'].includes(value as string)) problems.push({ field: `rules[${i}].when.value`, message: 'must be online, degraded or offline' });
    } else if (typeof value !== 'number') {
      problems.push({ field: `rules[${i}].when.value`, message: `must be a number for ${field}` });
    } else if (field === 'silentSeconds' && (op !== '>' || value < 1)) {
      problems.push({ field: `rules[${i}].when`, message: 'silentSeconds takes ">" and a number of seconds ≥ 1' });
    }
  });
  return problems;
};

/** GET /api/devices query: both filters optional. */
export class ListDevicesRequest {
  @IsOptional()
  @Matches(DEVICE_ID_PATTERN, { message: `venueId ${ID_MESSAGE}` })
  venueId?: string;

  @IsOptional()
  @IsIn(DEVICE_STATUSES)
  status?: DeviceStatus;
}
