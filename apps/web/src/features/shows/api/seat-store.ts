import type { components } from '@/lib/api/openapi';

type Seat = components['schemas']['SeatView'];
export type SeatStatus = Seat['status'];

export interface SeatCounts {
  available: number;
  held: number;
  sold: number;
}

/**
 * The live statuses of one answer of GET /api/shows/{showId}/seats (docs/decisions/0015). The
 * query cache keeps the answer as the server gave it; the store keeps the same seats with the
 * live events applied since, and tells its subscribers which seats (indexes in the answer's
 * order) changed. So a live event costs work for the seats it changes: no copy of the section,
 * no pass over it, no re-render of the page. A refetch is a new answer, so a new store, made
 * from what the server says: the server's answer always wins over the events before it.
 */
export class SeatStore {
  /** The answer's seats in its order: each the answer's own object until its status changes, then a new one. */
  readonly seats: readonly Seat[];
  private readonly current: Seat[];
  private readonly index = new Map<string, number>();
  private counted: SeatCounts;
  private readonly listeners = new Set<(changed: readonly number[]) => void>();

  constructor(seats: readonly Seat[]) {
    this.current = seats.slice();
    this.seats = this.current;
    let held = 0;
    let sold = 0;
    this.current.forEach((seat, i) => {
      this.index.set(seat.seatId, i);
      if (seat.status === 'held') held++;
      else if (seat.status === 'sold') sold++;
    });
    this.counted = { available: this.current.length - held - sold, held, sold };
  }

  /** The index of a seat of this answer, or undefined. */
  indexOf(seatId: string): number | undefined {
    return this.index.get(seatId);
  }

  /** How many seats are available, held and sold now: a new object after each change (for `useSyncExternalStore`). */
  readonly counts = (): SeatCounts => this.counted;

  /** Calls `listener` with the indexes of the seats that changed, after each change; answers the unsubscribe. */
  readonly subscribe = (listener: (changed: readonly number[]) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Sets these seats' statuses (seats of other sections and statuses already set are ignored);
   * answers the indexes of the seats that changed, and tells the subscribers when any did.
   */
  apply(statuses: ReadonlyMap<string, SeatStatus>): readonly number[] {
    const changed: number[] = [];
    const counts = { ...this.counted };
    for (const [seatId, status] of statuses) {
      const i = this.index.get(seatId);
      if (i === undefined) continue;
      const seat = this.current[i];
      if (seat.status === status) continue;
      counts[seat.status]--;
      counts[status]++;
      this.current[i] = { ...seat, status };
      changed.push(i);
    }
    if (changed.length === 0) return changed;
    this.counted = counts;
    for (const listener of [...this.listeners]) listener(changed);
    return changed;
  }
}

const stores = new WeakMap<readonly Seat[], SeatStore>();

/**
 * The store of an answer's seats (the `seats` array of a cached answer, or any seats a map is
 * given), made the first time it is asked for and kept as long as the answer is.
 */
export const seatStore = (seats: readonly Seat[]): SeatStore => {
  let store = stores.get(seats);
  if (!store) stores.set(seats, (store = new SeatStore(seats)));
  return store;
};
