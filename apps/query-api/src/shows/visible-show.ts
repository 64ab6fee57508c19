import { DomainError } from '@tessera/domain';
import type { AuthenticatedUser } from '@tessera/platform/auth/auth';
import type { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { collectionName, seatingDescriptor, SHOW_DETAIL, type ShowDetailDoc } from '@tessera/read-models';

/**
 * A show as a viewer may see it. Draft shows are invisible to everyone but admins (404 as if
 * they did not exist), so a show being prepared does not leak before it is published.
 */
export const visibleShow = async (reads: ReadStore, showId: string, viewer: AuthenticatedUser | undefined): Promise<ShowDetailDoc> => {
  const doc = await reads.collection<ShowDetailDoc>(collectionName(seatingDescriptor, SHOW_DETAIL)).findOne({ _id: showId });
  if (!doc || (doc.status === 'draft' && !viewer?.roles.includes('admin'))) {
    throw new DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, { showId });
  }
  return doc;
};
