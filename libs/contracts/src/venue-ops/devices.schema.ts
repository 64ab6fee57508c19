import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { DEVICE_STATUSES, DEVICE_TYPES, READING_STATUSES, SEVERITIES, type DeviceStatus, type DeviceType, type Severity } from './device.events';
import { RULE_FIELDS, RULE_OPS, type RuleField, type RuleOp } from './device-rules';
import { MAX_READINGS_PER_BODY } from './telemetry';
import type { DeviceListResponse, DeviceRulesResponse, DeviceView, RegisterDeviceResponse, TelemetryAccepted } from './device.response';

/** Schemas of the device endpoints for GET /openapi.json; test/openapi checks real answers against them. */

const POSITION = { description: 'Global log position, a decimal string.', pattern: '^\\d+$' };

@ApiSchema({ name: 'RegisterDeviceResponse' })
export class RegisterDeviceResponseSchema implements RegisterDeviceResponse {
  @ApiProperty()
  deviceId!: string;

  @ApiProperty({ description: 'Shown once: Tessera keeps only its keyed hash. 32 random bytes, base64url.', pattern: '^[A-Za-z0-9_-]{43}$' })
  deviceKey!: string;

  @ApiProperty(POSITION)
  position!: string;
}

@ApiSchema({ name: 'TelemetryAccepted' })
export class TelemetryAcceptedSchema implements TelemetryAccepted {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_READINGS_PER_BODY })
  accepted!: number;
}

const READING: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'at'],
  properties: {
    status: { type: 'string', enum: [...READING_STATUSES] },
    temperature: { type: 'number', minimum: -100, maximum: 1000, description: '°C' },
    battery: { type: 'number', minimum: 0, maximum: 100, description: 'Percent.' },
    errorRate: { type: 'number', minimum: 0, maximum: 1 },
    at: { type: 'string', format: 'date-time', description: 'ISO 8601 UTC; at most 5 minutes ahead of the server.' },
  },
};

/** One reading, or an array of 1 to 500 (all or nothing). */
export const TelemetryBodySchema: SchemaObject = {
  oneOf: [READING, { type: 'array', minItems: 1, maxItems: MAX_READINGS_PER_BODY, items: READING }],
};

@ApiSchema({ name: 'DeviceRuleCondition' })
export class DeviceRuleConditionSchema {
  @ApiProperty({ enum: RULE_FIELDS })
  field!: RuleField;

  @ApiProperty({ enum: RULE_OPS })
  op!: RuleOp;

  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string', enum: [...READING_STATUSES] }] })
  value!: number | string;
}

@ApiSchema({ name: 'DeviceRule' })
export class DeviceRuleSchema {
  @ApiProperty()
  ruleId!: string;

  @ApiProperty({ enum: DEVICE_TYPES, isArray: true })
  deviceTypes!: DeviceType[];

  @ApiProperty({ type: DeviceRuleConditionSchema })
  when!: DeviceRuleConditionSchema;

  @ApiProperty({ enum: SEVERITIES })
  severity!: Severity;

  @ApiProperty({ type: 'integer', minimum: 0 })
  raiseAfterSeconds!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  clearAfterSeconds!: number;
}

@ApiSchema({ name: 'DeviceRulesResponse' })
export class DeviceRulesResponseSchema implements DeviceRulesResponse {
  @ApiProperty({ type: DeviceRuleSchema, isArray: true })
  rules!: DeviceRuleSchema[];

  @ApiProperty({ ...POSITION, required: false, description: 'On the answer to a PUT: the position of the new rule set.' })
  position?: string;
}

@ApiSchema({ name: 'DeviceLastReading' })
export class DeviceLastReadingSchema {
  @ApiProperty({ type: 'number', nullable: true })
  temperature!: number | null;

  @ApiProperty({ type: 'number', nullable: true })
  battery!: number | null;
}

@ApiSchema({ name: 'Device' })
export class DeviceViewSchema implements DeviceView {
  @ApiProperty()
  deviceId!: string;

  @ApiProperty()
  venueId!: string;

  @ApiProperty({ enum: DEVICE_TYPES })
  type!: DeviceType;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: DEVICE_STATUSES })
  status!: DeviceStatus;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  lastSeenAt!: string | null;

  @ApiProperty({ type: DeviceLastReadingSchema })
  last!: DeviceLastReadingSchema;

  @ApiProperty({ type: 'integer', minimum: 0 })
  openIncidents!: number;
}

@ApiSchema({ name: 'DeviceListResponse' })
export class DeviceListResponseSchema implements DeviceListResponse {
  @ApiProperty({ type: DeviceViewSchema, isArray: true })
  items!: DeviceViewSchema[];
}
