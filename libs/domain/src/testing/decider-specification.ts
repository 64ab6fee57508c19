import type { DomainEvent } from '@tessera/contracts';
import { fold, type Decider } from '../decider';
import { DomainError } from '../domain-error';

/**
 * Given / when / then for deciders, after emmett's DeciderSpecification:
 *
 *   DeciderSpecification.for(seatDecider)
 *     .given([seatHeld('b1', { until: '10:10' })])
 *     .when(holdSeat('b2', { now: '10:11' }))
 *     .then([seatHeld('b2')]);
 *
 * `given` events are folded through `evolve` from `initialState`; `when` runs `decide` on the
 * result. For use inside jest tests only (it asserts with `expect`).
 */

export interface DeciderThen<TEvent> {
  /** The command decides exactly these events, in this order. */
  then(expected: TEvent[]): void;
  /** The command is accepted and decides no events (an idempotent repeat, a no-op). */
  thenNothing(): void;
  /** The command is refused with a DomainError of this code (and, if given, these details). */
  thenThrows(code: string, details?: Record<string, unknown>): void;
}

export interface DeciderWhen<TCommand, TEvent> {
  when(command: TCommand): DeciderThen<TEvent>;
}

export interface DeciderGiven<TCommand, TEvent> {
  given(events: TEvent[]): DeciderWhen<TCommand, TEvent>;
}

const decisionOf = <TState, TCommand, TEvent extends DomainEvent>(
  decider: Decider<TState, TCommand, TEvent>,
  given: TEvent[],
  command: TCommand,
): { events: TEvent[] } | { error: unknown } => {
  const state = fold(decider.evolve, decider.initialState, given);
  try {
    return { events: decider.decide(command, state) };
  } catch (error) {
    return { error };
  }
};

const describeOutcome = (outcome: { events: unknown[] } | { error: unknown }): string =>
  'events' in outcome
    ? `events ${JSON.stringify(outcome.events)}`
    : outcome.error instanceof DomainError
      ? `DomainError ${outcome.error.code}: ${outcome.error.message}`
      : `error ${String(outcome.error)}`;

export const DeciderSpecification = {
  for: <TState, TCommand, TEvent extends DomainEvent>(
    decider: Decider<TState, TCommand, TEvent>,
  ): DeciderGiven<TCommand, TEvent> => ({
    given: (events) => ({
      when: (command) => {
        const outcome = () => decisionOf(decider, events, command);
        const eventsOrFail = (): TEvent[] => {
          const result = outcome();
          if ('error' in result) {
            if (result.error instanceof DomainError) {
              throw new Error(`expected events, but the command was refused: ${describeOutcome(result)}`);
            }
            throw result.error;
          }
          return result.events;
        };
        return {
          then: (expected) => {
            expect(eventsOrFail()).toEqual(expected);
          },
          thenNothing: () => {
            expect(eventsOrFail()).toEqual([]);
          },
          thenThrows: (code, details) => {
            const result = outcome();
            if (!('error' in result) || !(result.error instanceof DomainError)) {
              throw new Error(`expected a DomainError ${code}, but got ${describeOutcome(result)}`);
            }
            expect(result.error.code).toBe(code);
            if (details) expect(result.error.details).toMatchObject(details);
          },
        };
      },
    }),
  }),
};
