import type { DomainEvent } from '@tessera/contracts';

/**
 * A decider is the whole behaviour of one aggregate as three pure functions over plain data.
 * Time and new ids arrive inside the command; nothing here reads a clock or a random source.
 */
export interface Decider<TState, TCommand, TEvent extends DomainEvent> {
  initialState: TState;
  evolve: (state: TState, event: TEvent) => TState;
  decide: (command: TCommand, state: TState) => TEvent[];
}

export const fold = <TState, TEvent>(
  evolve: (state: TState, event: TEvent) => TState,
  initialState: TState,
  events: readonly TEvent[],
): TState => events.reduce(evolve, initialState);
