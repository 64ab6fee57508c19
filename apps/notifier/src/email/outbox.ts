import { Injectable } from '@nestjs/common';
import { DuplicateKeyError, ReadStore, type Filter, type ReadCollection } from '@tessera/platform/read-store/read-store.port';

/** The e-mails Tessera sends (API.md, Live feeds). */
export const EMAIL_KINDS = [
  'welcome',
  'booking-held',
  'hold-expiring',
  'booking-confirmed',
  'booking-expired',
  'refund',
  'show-cancelled',
  'ticket-sent',
  'ticket-received',
  'incident-status',
  'waitlist-offer',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** `pending`: waiting until `dueAt` (its first try, or the next one). `cancelled`: no longer worth sending. */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

/** A ticket's QR code to render as an inline image; the code is signed when the e-mail is sent, never stored. */
export interface InlineTicket {
  cid: string;
  ticketId: string;
  version: number;
  seatId: string;
}

/** An e-mail about to be written to the outbox. */
export interface EmailDraft {
  /** Deterministic (kind and what it is about): an event handed over twice drafts the same e-mail, written once. */
  id: string;
  kind: EmailKind;
  to: string;
  toName: string;
  subject: string;
  text: string;
  html: string;
  tickets: InlineTicket[];
  /** The event it tells of. */
  eventId: string;
  /** Not before (epoch ms); now for most, two minutes before the expiry for a hold warning. */
  dueAt: number;
  /** Not after (epoch ms): a hold warning not sent by the hold's end is dropped. */
  notAfter?: number;
}

export interface OutboxMessage extends EmailDraft {
  _id: string;
  status: OutboxStatus;
  /** Attempts at sending so far. */
  attempts: number;
  /** 4xx answers so far: MAIL_MAX_ATTEMPTS of them park the message. */
  refusals?: number;
  /** The last attempt found no server: the first send that goes through makes it due at once. */
  waitingForServer?: boolean;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
  [key: string]: unknown;
}

export const OUTBOX_COLLECTION = 'notifier-outbox';

/**
 * The e-mail outbox: every e-mail the notifier sent or is trying to send, in the read store (so
 * notifier instances share it). It is also the e-mail channel's retry queue: a message is due at
 * `dueAt`; whoever sends it first claims it by moving `dueAt` past a lease (a compare-and-set
 * on the document), so two instances never send one message at once, and a sender that dies
 * mid-send leaves it due again when the lease ends.
 */
@Injectable()
export class Outbox {
  readonly messages: ReadCollection<OutboxMessage>;
  private indexed?: Promise<void>;

  constructor(reads: ReadStore) {
    this.messages = reads.collection<OutboxMessage>(OUTBOX_COLLECTION);
  }

  ensureIndexes(): Promise<void> {
    this.indexed ??= Promise.all([
      this.messages.createIndex({ status: 1, dueAt: 1 }, { name: 'due' }),
      this.messages.createIndex({ createdAt: -1 }, { name: 'newest' }),
      this.messages.createIndex({ to: 1, createdAt: -1 }, { name: 'by-recipient' }),
    ]).then(() => undefined);
    return this.indexed;
  }

  /** Writes the draft unless a message with its id exists: drafting an e-mail twice sends it once. Returns whether it was new. */
  async enqueue(draft: EmailDraft, now: Date): Promise<boolean> {
    const { _id, ...fields }: OutboxMessage = { ...draft, _id: draft.id, status: 'pending', attempts: 0, createdAt: now.toISOString(), sentAt: null, lastError: null };
    try {
      // The filter's _id becomes the new document's; MongoDB refuses _id inside the update.
      const result = await this.messages.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
      return result.upsertedId !== null;
    } catch (error) {
      // Two instances upserting the same new id at once: the other one wrote it.
      if (error instanceof DuplicateKeyError) return false;
      throw error;
    }
  }

  /** Stops a message that is still waiting (a hold warning once the booking is paid or over). */
  async cancel(id: string): Promise<void> {
    await this.messages.updateOne({ _id: id, status: 'pending' }, { $set: { status: 'cancelled' } });
  }

  /** Messages due at `now`, earliest first. */
  due(now: number, limit: number): Promise<OutboxMessage[]> {
    return this.messages.find({ status: 'pending', dueAt: { $lte: now } }, { sort: { dueAt: 1 }, limit });
  }

  /** Takes `message` for one attempt until `leaseUntil`; false when another sender took it (or it changed) first. */
  async claim(message: OutboxMessage, leaseUntil: number): Promise<boolean> {
    const result = await this.messages.updateOne(
      { _id: message._id, status: 'pending', dueAt: message.dueAt, attempts: message.attempts },
      { $set: { dueAt: leaseUntil }, $inc: { attempts: 1 } },
    );
    return result.modifiedCount === 1;
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.messages.updateOne({ _id: id }, { $set: { status: 'sent', sentAt: at.toISOString(), lastError: null } });
  }

  async retryAt(id: string, dueAt: number, error: string, failure: { refusals: number; unreachable: boolean }): Promise<void> {
    await this.messages.updateOne({ _id: id, status: 'pending' }, { $set: { dueAt, lastError: error, refusals: failure.refusals, waitingForServer: failure.unreachable } });
  }

  /** Makes due now the messages that wait only because the server was unreachable. Returns how many. */
  async resumeAfterOutage(now: number): Promise<number> {
    const result = await this.messages.updateMany({ status: 'pending', waitingForServer: true, dueAt: { $gt: now } }, { $set: { dueAt: now, waitingForServer: false } });
    return result.modifiedCount;
  }

  async markFailed(id: string, error: string, refusals: number): Promise<void> {
    await this.messages.updateOne({ _id: id }, { $set: { status: 'failed', lastError: error, refusals, waitingForServer: false } });
  }

  /**
   * What `GET /api/admin/outbox` lists, newest first: sent, failed, and pending messages that are
   * due or were tried (`retrying`). Hold warnings not yet due and cancelled ones are left out.
   */
  list(query: { to?: string; limit: number }, now: number): Promise<OutboxMessage[]> {
    const filter: Filter = {
      $or: [{ status: { $in: ['sent', 'failed'] } }, { status: 'pending', $or: [{ attempts: { $gt: 0 } }, { dueAt: { $lte: now } }] }],
      ...(query.to === undefined ? {} : { to: query.to }),
    };
    return this.messages.find(filter, { sort: { createdAt: -1, _id: 1 }, limit: query.limit, readOnly: true });
  }

  count(filter: Filter): Promise<number> {
    return this.messages.countDocuments(filter);
  }
}
