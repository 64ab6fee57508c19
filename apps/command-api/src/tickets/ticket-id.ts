import { ENTITY_ID_PATTERN } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';

/** A path id that could never name a ticket answers the same 404 as a missing one, without a read. */
export const ticketIdFromPath = (ticketId: string): string => {
  if (!ENTITY_ID_PATTERN.test(ticketId)) throw new DomainError('TICKET_NOT_FOUND', 'no such ticket', {});
  return ticketId;
};
