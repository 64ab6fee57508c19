import { LIVE_FEED_EVENT_TYPES } from '@tessera/contracts';
import { LIVE_EVENT_TYPES } from '../../apps/web/src/lib/event-types';

/** The web app restates the live stream's event types (it may not import the server's code): the two lists must agree. */
describe("the web app's live event types", () => {
  it('are the event types the live feed carries', () => {
    expect([...LIVE_EVENT_TYPES].sort()).toEqual([...LIVE_FEED_EVENT_TYPES].sort());
  });
});
