import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ERROR_STATUS, type ErrorCode, type ProblemDetails } from './errors';

/**
 * RFC 9457 problem details (errors.ts) as an OpenAPI schema. Each operation of GET /openapi.json
 * narrows `code` to the codes that route can answer at each status.
 */

@ApiSchema({ name: 'ProblemFieldError' })
export class ProblemFieldErrorSchema {
  @ApiProperty({ description: 'The field, as `card.number` or `seats[2]`.' })
  field!: string;

  @ApiProperty()
  message!: string;
}

@ApiSchema({ name: 'ProblemDetails' })
export class ProblemDetailsSchema implements ProblemDetails {
  [extension: string]: unknown;

  @ApiProperty({ description: '`urn:tessera:problem:<code in kebab case>`.', example: 'urn:tessera:problem:show-not-found' })
  type!: string;

  @ApiProperty({ example: 'Not Found' })
  title!: string;

  @ApiProperty({ type: 'integer', example: 404 })
  status!: number;

  @ApiProperty({ enum: Object.keys(ERROR_STATUS), description: 'Stable; what clients act on.' })
  code!: ErrorCode;

  @ApiProperty()
  detail!: string;

  @ApiProperty({ required: false, description: 'The request path.' })
  instance?: string;

  @ApiProperty({ type: ProblemFieldErrorSchema, isArray: true, required: false, description: 'With 400 VALIDATION_FAILED: what is wrong, field by field.' })
  errors?: { field: string; message: string }[];
}
