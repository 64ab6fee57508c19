import type { DomainEvent } from '@tessera/contracts';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { DeciderSpecification } from './decider-specification';

// A counter that refuses to go above 2 and ignores a reset of zero: enough to see every outcome.
type Incremented = DomainEvent<'incremented.v1', { by: number }>;
type Command = { type: 'Increment'; by: number } | { type: 'Crash' };
const counter: Decider<number, Command, Incremented> = {
  initialState: 0,
  evolve: (state, event) => state + event.data.by,
  decide: (command, state) => {
    if (command.type === 'Crash') throw new TypeError('bug');
    if (command.by === 0) return [];
    if (state + command.by > 2) throw new DomainError('TOO_MANY', 'at most 2', { max: 2 });
    return [{ type: 'incremented.v1', data: { by: command.by } }];
  },
};
const spec = DeciderSpecification.for(counter);
const incremented = (by: number): Incremented => ({ type: 'incremented.v1', data: { by } });

describe('DeciderSpecification', () => {
  it('folds the given events before deciding', () => {
    spec.given([incremented(1)]).when({ type: 'Increment', by: 1 }).then([incremented(1)]);
    spec.given([incremented(1), incremented(1)]).when({ type: 'Increment', by: 1 }).thenThrows('TOO_MANY', { max: 2 });
  });

  it('then fails on other events, and on a refusal', () => {
    expect(() => spec.given([]).when({ type: 'Increment', by: 1 }).then([incremented(2)])).toThrow();
    expect(() => spec.given([incremented(2)]).when({ type: 'Increment', by: 1 }).then([])).toThrow(/refused: DomainError TOO_MANY/);
  });

  it('thenNothing fails when events were decided', () => {
    spec.given([]).when({ type: 'Increment', by: 0 }).thenNothing();
    expect(() => spec.given([]).when({ type: 'Increment', by: 1 }).thenNothing()).toThrow();
  });

  it('thenThrows fails on acceptance, on another code, on other details and on a non-domain error', () => {
    const full = spec.given([incremented(2)]);
    expect(() => spec.given([]).when({ type: 'Increment', by: 1 }).thenThrows('TOO_MANY')).toThrow(/expected a DomainError TOO_MANY/);
    expect(() => full.when({ type: 'Increment', by: 1 }).thenThrows('OTHER')).toThrow();
    expect(() => full.when({ type: 'Increment', by: 1 }).thenThrows('TOO_MANY', { max: 3 })).toThrow();
    expect(() => spec.given([]).when({ type: 'Crash' }).thenThrows('TOO_MANY')).toThrow(/error TypeError: bug/);
  });

  it('lets a bug (an error that is not a refusal) escape from then', () => {
    expect(() => spec.given([]).when({ type: 'Crash' }).then([])).toThrow(TypeError);
  });
});
