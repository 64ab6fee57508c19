import { DomainError } from '@tessera/domain';

/**
 * The filters of GET /api/notifications/stream: `types` (comma-separated exact types or prefixes
 * ending in `*`: `booking.*,seat.held.v1`) and `showId`. Checked once per event type per client
 * (the answer is remembered), so a thousand clients cost a map lookup each per event.
 */
export interface FeedFilter {
  /** True when it lets every event through (no types, no show). */
  readonly everything: boolean;
  accepts(type: string, showId: string | undefined): boolean;
  /** The type patterns alone (what a replay may leave out of its read of the log). */
  acceptsType(type: string): boolean;
}

const TYPE_PATTERN = /^(\*|[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*(\.\*)?)$/;
const MAX_PATTERNS = 32;
const SHOW_ID = /^[A-Za-z0-9_-]{1,100}$/;

const invalid = (field: string, message: string): DomainError =>
  new DomainError('VALIDATION_FAILED', `${field} ${message}`, { errors: [{ field, message }] });

export const parseFeedFilter = (query: { types?: unknown; showId?: unknown }): FeedFilter => {
  const { types, showId } = query;
  if (types !== undefined && (typeof types !== 'string' || types.length > 1000)) throw invalid('types', 'must be a comma-separated list of event types');
  if (showId !== undefined && (typeof showId !== 'string' || !SHOW_ID.test(showId))) throw invalid('showId', 'must be a show id');
  const patterns = types === undefined || types.trim() === '' ? ['*'] : types.split(',').map((pattern) => pattern.trim());
  if (patterns.length > MAX_PATTERNS) throw invalid('types', `may name at most ${MAX_PATTERNS} patterns`);
  for (const pattern of patterns) {
    if (!TYPE_PATTERN.test(pattern)) throw invalid('types', 'must be event types such as booking.placed.v1, or prefixes such as booking.*');
  }
  const exact = new Set(patterns.filter((pattern) => !pattern.endsWith('*')));
  const prefixes = patterns.filter((pattern) => pattern.endsWith('*')).map((pattern) => pattern.slice(0, -1));
  const decided = new Map<string, boolean>();
  const acceptsType = (type: string): boolean => {
    let accepted = decided.get(type);
    if (accepted === undefined) decided.set(type, (accepted = exact.has(type) || prefixes.some((prefix) => type.startsWith(prefix))));
    return accepted;
  };
  return {
    everything: showId === undefined && prefixes.includes(''),
    acceptsType,
    accepts: showId === undefined ? (type) => acceptsType(type) : (type, eventShowId) => eventShowId === showId && acceptsType(type),
  };
};
