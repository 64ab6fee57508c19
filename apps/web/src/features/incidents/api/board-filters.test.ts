import { describe, expect, it } from 'vitest';
import { filtersFromParams, listQueryOf, withFilter } from './board-filters';

describe("the staff board's filters", () => {
  it('reads the filters the list route takes from the URL, and drops values it would refuse', () => {
    const params = new URLSearchParams('status=new&severity=urgent&priority=P1&category=seat&assignee=me&source=phone&tab=2');
    expect(filtersFromParams(params)).toEqual({ status: 'new', priority: 'P1', category: 'seat', assignee: 'me' });
  });

  it('changes one filter in the URL and keeps the others; an empty value removes it', () => {
    const params = new URLSearchParams('status=new&priority=P2');
    expect(withFilter(params, 'status', 'resolved').toString()).toBe('status=resolved&priority=P2');
    expect(withFilter(params, 'priority', '').toString()).toBe('status=new');
    expect(params.toString()).toBe('status=new&priority=P2');
  });

  it("asks the list route for the signed-in user's id for 'assigned to me', and none for the unassigned", () => {
    expect(listQueryOf({ status: 'new', assignee: 'me' }, 'u-1')).toEqual({ status: 'new', assigneeId: 'u-1' });
    expect(listQueryOf({ assignee: 'none' }, 'u-1')).toEqual({ assigneeId: 'none' });
    expect(listQueryOf({ severity: 'high' }, undefined)).toEqual({ severity: 'high' });
  });
});
