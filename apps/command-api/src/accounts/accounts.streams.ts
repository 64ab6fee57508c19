import { accountStream, emailStream, type AccountEvent, type EmailReservationEvent, type RefreshFamilyEvent } from '@tessera/contracts';
import {
  evolveAccount,
  evolveEmailReservation,
  evolveRefreshFamily,
  initialAccount,
  initialEmailReservation,
  initialRefreshFamily,
  type Account,
  type EmailReservation,
  type RefreshFamily,
} from '@tessera/domain';
import { loadStream, type LoadedStream } from '@tessera/platform/commands/event-sourcing';
import type { StreamModel } from '@tessera/platform/commands/handle-command';
import type { EventStore } from '@tessera/platform/event-store/event-store.port';
import { hashEmail } from '@tessera/platform/security/email-hash';

/** Reads shared by the account use cases: the account stream, and the account that owns an e-mail. */

export type RegisteredAccount = Extract<Account, { status: 'registered' }>;

export const accountModel: StreamModel<Account, AccountEvent> = { initialState: initialAccount, evolve: evolveAccount };
export const emailReservationModel: StreamModel<EmailReservation, EmailReservationEvent> = {
  initialState: initialEmailReservation,
  evolve: evolveEmailReservation,
};

export const refreshFamilyModel: StreamModel<RefreshFamily, RefreshFamilyEvent> = { initialState: initialRefreshFamily, evolve: evolveRefreshFamily };

export const loadAccount = (store: EventStore, userId: string): Promise<LoadedStream<Account>> =>
  loadStream<Account, AccountEvent>(store, accountStream(userId), evolveAccount, initialAccount);

export const loadEmailReservation = (store: EventStore, email: string): Promise<LoadedStream<EmailReservation>> =>
  loadStream<EmailReservation, EmailReservationEvent>(store, emailStream(hashEmail(email)), evolveEmailReservation, initialEmailReservation);

/** The stream of the account registered under `email` (any spelling of it), or undefined. */
export const loadAccountByEmail = async (store: EventStore, email: string): Promise<LoadedStream<RegisteredAccount> | undefined> => {
  const reservation = await loadEmailReservation(store, email);
  if (reservation.state.status !== 'reserved') return undefined;
  const account = await loadAccount(store, reservation.state.userId);
  const { state } = account;
  return state.status === 'registered' ? { ...account, state } : undefined;
};

/** The account registered under `email` (any spelling of it), or undefined. */
export const findAccountByEmail = async (store: EventStore, email: string): Promise<RegisteredAccount | undefined> =>
  (await loadAccountByEmail(store, email))?.state;

/** Position of the newest event read, as the API's decimal string. */
export const lastPositionOf = (loaded: LoadedStream<unknown>): string => String(loaded.events.at(-1)?.position ?? 0);
