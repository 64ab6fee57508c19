import { LIVE_FEED_EVENT_TYPES } from '@tessera/contracts';
import { FEED_EVENT_TYPES } from '../../apps/web/src/features/admin/api/feed-types';

/** The web app's copy of the live feed's event types (it cannot import libs/contracts) stays the server's list. */
describe("the admin live feed's event types", () => {
  it('are the event types the live feed carries', () => {
    expect([...FEED_EVENT_TYPES].sort()).toEqual([...LIVE_FEED_EVENT_TYPES].sort());
  });
});
