import type { WaitingRoomConfigured, WaitingRoomEvent } from '@tessera/contracts';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { isCreated, type ShowState } from './show';
import { epochMillisOf } from './time';

/**
 * WaitingRoom: a show's virtual queue for an on-sale, stream `queue-{showId}` (ARCHITECTURE §6,
 * as Queue-it does it). Fans take one place each; places are admitted at `admitPerMinute`, and
 * an admitted fan gets a signed token that the booking command checks (`requireAdmission`).
 *
 * The order: the early arrivals (before `opensAt`) sorted by `earlyOrderKey(seed, queueId)`, a
 * seeded shuffle an audit recomputes from the log (`queueOrderOf`), then everyone later in the
 * order they came. Admission only ever starts at `opensAt`, when the early set is closed, so an
 * admitted place never moves.
 *
 * A flash sale puts tens of thousands of places in one stream, so the places are an append-only
 * list shared between successive states (`appendPlace`): folding a join costs O(1), not a copy
 * of every place before it, and a state never sees places appended after it.
 */

export type RoomConfig = Omit<WaitingRoomConfigured['data'], 'byAdminId' | 'showId'>;

export interface QueuePlace {
  queueId: string;
  userId: string;
  early: boolean;
}

/** Shared by every state folded from one history: `items` may run past `length` (later states' places). */
interface Places {
  readonly items: QueuePlace[];
  /** userId → index in `items`. */
  readonly byUser: Map<string, number>;
  readonly length: number;
}

export interface WaitingRoomState {
  showId: string | null;
  config: RoomConfig | null;
  places: Places;
  early: number;
  /** Places admitted so far: the first `through` of the order. */
  through: number;
  /** How far the admission rate is used up (ISO 8601 UTC), null before the first admission. */
  quotaUntil: string | null;
}

export const initialState: WaitingRoomState = {
  showId: null,
  config: null,
  places: { items: [], byUser: new Map(), length: 0 },
  early: 0,
  through: 0,
  quotaUntil: null,
};

/** At most this much unused admission rate (plus one place) carries over: a room idle for an hour does not admit an hour's worth at once. */
export const ADMISSION_BURST_MS = 1000;

export type ConfigureWaitingRoom = {
  type: 'ConfigureWaitingRoom';
  /** `seed`: drawn at the edge; used only when the room is configured for the first time. */
  data: WaitingRoomConfigured['data'];
};
export type JoinQueue = { type: 'JoinQueue'; data: { showId: string; queueId: string; userId: string }; metadata: { now: string } };
export type AdmitPlaces = { type: 'AdmitPlaces'; data: { showId: string }; metadata: { now: string } };
export type WaitingRoomCommand = ConfigureWaitingRoom | JoinQueue | AdmitPlaces;

const appendPlace = (places: Places, place: QueuePlace): Places => {
  // The newest state appends in place; an older one (a fold that branched) copies what it sees first.
  const shared = places.items.length === places.length ? places : copyOf(places);
  shared.items.push(place);
  shared.byUser.set(place.userId, shared.items.length - 1);
  return { items: shared.items, byUser: shared.byUser, length: places.length + 1 };
};

const copyOf = (places: Places): Places => {
  const items = places.items.slice(0, places.length);
  return { items, byUser: new Map(items.map((place, index) => [place.userId, index])), length: places.length };
};

export const totalPlaces = (state: WaitingRoomState): number => state.places.length;
export const waitingPlaces = (state: WaitingRoomState): number => state.places.length - state.through;
export const isOpenRoom = (state: WaitingRoomState): state is WaitingRoomState & { config: RoomConfig } => state.config !== null && state.config.enabled;

/** The user's place, if they have one. */
export const placeOf = (state: WaitingRoomState, userId: string): (QueuePlace & { index: number }) | undefined => {
  const index = state.places.byUser.get(userId);
  if (index === undefined || index >= state.places.length) return undefined;
  const place = state.places.items[index];
  return place.userId === userId ? { ...place, index } : undefined;
};

/**
 * The early arrivals' shuffle: a 53-bit hash (cyrb53) of seed and queue id. Sorting by it is a
 * uniformly random order for a random seed (test: a chi-square over many seeds), and anyone with
 * the log recomputes it. Pure arithmetic: the domain draws nothing, the seed came in the event.
 */
export const earlyOrderKey = (seed: string, queueId: string): number => {
  const text = `${seed}\u0000${queueId}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};

/** Early places compare by key, ties (never seen, 2^-53) by queue id. */
export const compareEarly = (a: { key: number; queueId: string }, b: { key: number; queueId: string }): number =>
  a.key - b.key || (a.queueId < b.queueId ? -1 : a.queueId > b.queueId ? 1 : 0);

/**
 * The whole order, queue ids first to last: what an audit recomputes from the stream. A scan and
 * a sort: for audits and tests; serving a position uses an index kept as events arrive.
 */
export const queueOrderOf = (state: WaitingRoomState): string[] => {
  const seed = state.config?.seed ?? '';
  const places = state.places.items.slice(0, state.places.length);
  const early = places.filter((p) => p.early).map((p) => ({ key: earlyOrderKey(seed, p.queueId), queueId: p.queueId }));
  return [...early.sort(compareEarly).map((p) => p.queueId), ...places.filter((p) => !p.early).map((p) => p.queueId)];
};

const configure = ({ data }: ConfigureWaitingRoom, state: WaitingRoomState): WaitingRoomEvent[] => {
  const seed = state.config?.seed ?? data.seed;
  const current = state.config;
  if (
    current &&
    current.enabled === data.enabled &&
    epochMillisOf(current.opensAt) === epochMillisOf(data.opensAt, 'opensAt') &&
    current.admitPerMinute === data.admitPerMinute &&
    current.tokenMinutes === data.tokenMinutes
  ) {
    return [];
  }
  // Once admission has started the early set is closed: moving the opening would reorder nobody, but it would say something untrue.
  if (current && state.through > 0 && epochMillisOf(current.opensAt) !== epochMillisOf(data.opensAt, 'opensAt')) {
    throw new DomainError('INVALID_SHOW_STATE', 'admission has started: opensAt can no longer move', { opensAt: current.opensAt });
  }
  return [{ type: 'waiting_room.configured.v1', data: { ...data, opensAt: new Date(epochMillisOf(data.opensAt, 'opensAt')).toISOString(), seed } }];
};

const join = ({ data, metadata }: JoinQueue, state: WaitingRoomState): WaitingRoomEvent[] => {
  if (!isOpenRoom(state)) throw new DomainError('WAITING_ROOM_DISABLED', 'the show has no waiting room open', { showId: data.showId });
  if (placeOf(state, data.userId)) return []; // one place per account: a repeat keeps the first
  // Early while the opening is ahead and nobody has come late or been admitted yet (a reopened room stays in order).
  const early = epochMillisOf(metadata.now, 'now') < epochMillisOf(state.config.opensAt) && state.through === 0 && state.early === state.places.length;
  return [{ type: 'waiting_room.joined.v1', data: { showId: data.showId, queueId: data.queueId, userId: data.userId, early } }];
};

const admit = ({ data, metadata }: AdmitPlaces, state: WaitingRoomState): WaitingRoomEvent[] => {
  if (!isOpenRoom(state)) return [];
  const now = epochMillisOf(metadata.now, 'now');
  const opens = epochMillisOf(state.config.opensAt);
  const waiting = waitingPlaces(state);
  if (now < opens || waiting <= 0) return [];
  const interval = 60_000 / state.config.admitPerMinute;
  const from = Math.max(opens, state.quotaUntil === null ? opens : epochMillisOf(state.quotaUntil), now - ADMISSION_BURST_MS - interval);
  // The epsilon keeps an exact multiple (a tick right on time) from losing a place to rounding.
  const count = Math.min(waiting, Math.floor((now - from) / interval + 1e-9));
  if (count <= 0) return [];
  const quotaUntil = new Date(Math.round(from + count * interval)).toISOString();
  return [{ type: 'waiting_room.admitted.v1', data: { showId: data.showId, count, through: state.through + count, quotaUntil } }];
};

export const decide = (command: WaitingRoomCommand, state: WaitingRoomState): WaitingRoomEvent[] => {
  switch (command.type) {
    case 'ConfigureWaitingRoom':
      return configure(command, state);
    case 'JoinQueue':
      return join(command, state);
    case 'AdmitPlaces':
      return admit(command, state);
  }
};

export const evolve = (state: WaitingRoomState, event: WaitingRoomEvent): WaitingRoomState => {
  switch (event.type) {
    case 'waiting_room.configured.v1': {
      const { byAdminId: _by, showId, ...config } = event.data;
      return { ...state, showId, config };
    }
    case 'waiting_room.joined.v1': {
      const { queueId, userId, early } = event.data;
      return { ...state, places: appendPlace(state.places, { queueId, userId, early }), early: state.early + (early ? 1 : 0) };
    }
    case 'waiting_room.admitted.v1':
      return { ...state, through: event.data.through, quotaUntil: event.data.quotaUntil };
  }
};

/** When the next place may be admitted (ISO 8601 UTC), or null while none waits or the room is off. */
export const nextAdmissionAt = (state: WaitingRoomState): string | null => {
  if (!isOpenRoom(state) || waitingPlaces(state) <= 0) return null;
  const opens = epochMillisOf(state.config.opensAt);
  if (state.quotaUntil === null) return new Date(opens).toISOString();
  return new Date(Math.ceil(epochMillisOf(state.quotaUntil) + 60_000 / state.config.admitPerMinute)).toISOString();
};

/** Configuring reads the show: it must exist and not be cancelled. */
export const decideConfigureWaitingRoom = ({ show, room, command }: { show: ShowState; room: WaitingRoomState; command: ConfigureWaitingRoom }): WaitingRoomEvent[] => {
  const { showId } = command.data;
  if (!isCreated(show) || show.showId !== showId) throw new DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, { showId });
  if (show.status === 'cancelled') throw new DomainError('INVALID_SHOW_STATE', 'the show is cancelled', { status: show.status });
  return decide(command, room);
};

/** What a verified admission token says (the signature is checked at the edge). */
export interface AdmissionClaims {
  showId: string;
  userId: string;
  queueId: string;
  expiresAt: string;
}

/**
 * The booking's admission rule: while the show's room is enabled, a booking needs a token for
 * this account and show, unexpired, naming this account's place, admitted, and not spent (one of
 * the bookings placed with it is paid). Returns the place's queue id, which the booking records
 * on `admission-{showId}-{queueId}`; undefined when no room applies.
 */
export const requireAdmission = ({
  room,
  admission,
  spent,
  showId,
  userId,
  now,
}: {
  room: WaitingRoomState;
  admission: AdmissionClaims | null;
  spent: boolean;
  showId: string;
  userId: string;
  now: string;
}): string | undefined => {
  if (!isOpenRoom(room)) return undefined;
  const refuse = (why: string): never => {
    throw new DomainError('ADMISSION_REQUIRED', `the show's waiting room is open: ${why}`, { showId });
  };
  if (!admission) return refuse('send the admission token of your place (X-Admission-Token)');
  if (admission.showId !== showId || admission.userId !== userId) return refuse('the admission token is for another show or account');
  if (epochMillisOf(now, 'now') >= epochMillisOf(admission.expiresAt)) return refuse('the admission token has expired');
  const place = placeOf(room, userId);
  if (!place || place.queueId !== admission.queueId) return refuse('the admission token names no place of yours');
  if (spent) return refuse('the admission token was spent on a paid booking');
  return place.queueId;
};

export const waitingRoomDecider: Decider<WaitingRoomState, WaitingRoomCommand, WaitingRoomEvent> = { initialState, evolve, decide };
