import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ROLES, type Role } from './roles';
import type { AdminUserListResponse, AdminUserSummary, AdminUserView, ChangeRolesResponse, MeResponse, RegisterResponse, TokenResponseBody } from './responses';

/**
 * The response bodies of responses.ts as OpenAPI schemas (GET /openapi.json). Each class
 * implements its interface, so the compiler refuses a schema that lacks a field or types it
 * otherwise; test/openapi checks real responses against them.
 */

const POSITION = { description: 'Global log position of the change, a decimal string (also in `X-Position`).', pattern: '^\\d+$', example: '42' };

@ApiSchema({ name: 'RegisterResponse' })
export class RegisterResponseSchema implements RegisterResponse {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty(POSITION)
  position!: string;
}

@ApiSchema({ name: 'TokenResponse' })
export class TokenResponseSchema implements TokenResponseBody {
  @ApiProperty({ description: 'Bearer token for `Authorization`.' })
  accessToken!: string;

  @ApiProperty({
    required: false,
    description:
      'Opaque and single use: presenting it again after the grace window revokes the whole session. Absent when the request asked for the `tessera_refresh` cookie (`X-Refresh-Cookie: 1`) or refreshed with it.',
  })
  refreshToken?: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ type: 'integer', description: 'Access token lifetime in seconds.' })
  expiresIn!: number;

  @ApiProperty(POSITION)
  position!: string;
}

@ApiSchema({ name: 'MeResponse' })
export class MeResponseSchema implements MeResponse {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];
}

@ApiSchema({ name: 'ChangeRolesResponse' })
export class ChangeRolesResponseSchema implements ChangeRolesResponse {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty(POSITION)
  position!: string;
}

@ApiSchema({ name: 'AdminUserSummary' })
export class AdminUserSummarySchema implements AdminUserSummary {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ description: 'Normalised: NFC, trimmed, lower case.' })
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ format: 'date-time', description: 'When the account was registered.' })
  createdAt!: string;
}

@ApiSchema({ name: 'AdminUserListResponse' })
export class AdminUserListResponseSchema implements AdminUserListResponse {
  @ApiProperty({ type: AdminUserSummarySchema, isArray: true, description: 'Newest accounts first.' })
  items!: AdminUserSummarySchema[];

  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last one.' })
  nextCursor!: string | null;
}

@ApiSchema({ name: 'AdminUserView' })
export class AdminUserViewSchema extends AdminUserSummarySchema implements AdminUserView {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Bookings placed (held at least once), whatever became of them since.' })
  bookingsCount!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Tickets held now (valid or checked in).' })
  ticketsCount!: number;
}
