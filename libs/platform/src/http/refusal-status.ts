import { DomainError } from '@tessera/domain';

/**
 * A domain refusal answered with another HTTP status than its code's usual one (ERROR_STATUS).
 * One rule can be a conflict with what is stored in one use case and a fault of the request in
 * another: SHOW_IN_PAST is 409 when a draft is published, 400 when the create request itself
 * names a past date. The edge decides which; the domain only names the rule.
 */
export class RefusalWithStatus extends DomainError {
  constructor(
    refusal: DomainError,
    readonly status: number,
  ) {
    super(refusal.code, refusal.message, refusal.details);
    this.name = 'RefusalWithStatus';
  }
}
