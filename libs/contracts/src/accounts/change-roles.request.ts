import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { ROLES, type Role } from './roles';

/** PUT /api/admin/users/{userId}/roles (admin only): the complete new set of roles. */
export class ChangeRolesRequest {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}
