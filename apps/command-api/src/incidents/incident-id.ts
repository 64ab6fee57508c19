import { ENTITY_ID_PATTERN } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';

/** A path id that could never name an incident answers the same 404 as a missing one, without a read. */
export const incidentIdFromPath = (incidentId: string): string => {
  if (!ENTITY_ID_PATTERN.test(incidentId)) throw new DomainError('INCIDENT_NOT_FOUND', 'no such incident', {});
  return incidentId;
};
