import { DomainError } from '@tessera/domain';
import type { FastifyReply } from 'fastify';

/**
 * A payment or cancel refused because another payment attempt is charging the booking right now
 * (`paymentInProgress` in the refusal) is worth sending again in a moment: say so with Retry-After.
 */
export const retryAfterWhilePaying = (error: unknown, res: FastifyReply): void => {
  if (error instanceof DomainError && error.details.paymentInProgress === true) res.header('Retry-After', '1');
};
