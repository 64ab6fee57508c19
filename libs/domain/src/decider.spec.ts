import { fold } from './decider';

describe('fold', () => {
  it('applies events in order to the initial state', () => {
    const evolve = (state: string[], event: string) => [...state, event];
    expect(fold(evolve, [], ['a', 'b'])).toEqual(['a', 'b']);
  });
});
