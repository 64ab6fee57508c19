import { randomUUID } from 'node:crypto';
import { Injectable, Module, OnModuleInit, type INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { incidentStream, type EventMetadata, type IncidentReported, type IncidentStatus, type IncidentStatusChanged } from '@tessera/contracts';
import { loadConfig, type TesseraConfig } from '@tessera/platform/config/config';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import type { EventFilter, EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { createHttpAdapter } from '@tessera/platform/http/fastify-edge';
import { PlatformModule } from '@tessera/platform/platform.module';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { NotificationChannels, type NotificationChannel } from '../channels/notification-channel';
import { NotifierModule } from '../notifier.module';

/** Test seams for the notifier: one log and read store shared by notifier apps, as distributed instances share theirs. */

export const TEST_TICKET_KEY = 'notifier-test-ticket-signing-key-0123456789';

/** A second channel beside e-mail: records what it is handed, and can be made to fail. */
@Injectable()
export class RecordingChannel implements NotificationChannel, OnModuleInit {
  readonly name = 'recorder';
  readonly filter: EventFilter = { streamPrefixes: ['account-', 'booking-'] };
  readonly delivered: RecordedEvent[] = [];
  /** Thrown by the next deliveries while set. */
  failWith?: Error;

  constructor(private readonly channels: NotificationChannels) {}

  onModuleInit(): void {
    this.channels.register(this);
  }

  async deliver(event: RecordedEvent): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.delivered.push(event);
  }
}

@Module({ providers: [RecordingChannel], exports: [RecordingChannel] })
export class RecordingChannelModule {}

export interface SharedStores {
  dataDir: string;
  events: EmbeddedEventStore;
  reads: EmbeddedReadStore;
  close(): Promise<void>;
}

export const openSharedStores = async (): Promise<SharedStores> => {
  const dataDir = await makeTempDir('notifier');
  const events = await EmbeddedEventStore.open({ dataDir });
  const reads = new EmbeddedReadStore();
  await reads.open();
  return {
    dataDir,
    events,
    reads,
    close: async () => {
      await events.close();
      await reads.close();
      await removeDir(dataDir);
    },
  };
};

export interface NotifierInstance {
  app: INestApplication;
  config: TesseraConfig;
  recorder: RecordingChannel;
}

/** A notifier app (the notifier module and a recording channel) on the shared stores. */
export const startNotifier = async (stores: SharedStores, env: Record<string, string> = {}): Promise<NotifierInstance> => {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: stores.dataDir,
    TICKET_SIGNING_KEY: TEST_TICKET_KEY,
    MAIL_FROM: 'Tessera Tests <box-office@tessera.test>',
    MAIL_RETRY_MS: '50',
    MAIL_POLL_MS: '20',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [PlatformModule.forRoot(config, { app: 'notifier', eventStore: stores.events, readStore: stores.reads }), NotifierModule, RecordingChannelModule],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), { logger: false });
  await app.init();
  return { app, config, recorder: app.get(RecordingChannel) };
};

const metadata = (occurredAt: Date): EventMetadata => ({
  actorId: 'system:test',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt: occurredAt.toISOString(),
  schemaVersion: 1,
});

/** Writes the events the command side would write, straight to the log. */
export class LogWriter {
  constructor(private readonly events: EventStore) {}

  async append(stream: string, type: string, data: unknown, at = new Date()): Promise<RecordedEvent> {
    const id = randomUUID();
    await this.events.append(stream, [{ id, type, data, metadata: metadata(at) }]);
    const [event] = (await this.events.readStream(stream)).filter((recorded) => recorded.id === id);
    return event;
  }

  register(userId: string, email: string, displayName: string): Promise<RecordedEvent> {
    return this.append(`account-${userId}`, 'account.registered.v1', { userId, email, displayName, passwordHash: '$argon2id$test', roles: ['user'] });
  }

  createShow(showId: string, name = 'Night Concert'): Promise<RecordedEvent> {
    return this.append(`show-${showId}`, 'show.created.v1', {
      showId,
      name,
      venue: 'Arena',
      startsAt: '2030-05-01T19:30:00.000Z',
      currency: 'EUR',
      holdMinutes: 10,
      maxSeatsPerBooking: 8,
      categories: [{ id: 'std', name: 'Standard', price: 4500 }],
      sections: [{ id: 'A', name: 'Stalls A', categoryId: 'std', rows: [{ label: '1', seats: 20 }] }],
    });
  }

  place(bookingId: string, userId: string, showId: string, seatIds: string[], expiresAt: Date, at = new Date()): Promise<RecordedEvent> {
    return this.append(
      `booking-${bookingId}`,
      'booking.placed.v1',
      { bookingId, userId, showId, seats: seatIds.map((seatId) => ({ seatId, categoryId: 'std', price: 4500 })), amount: 4500 * seatIds.length, currency: 'EUR', expiresAt: expiresAt.toISOString() },
      at,
    );
  }

  confirm(bookingId: string, showId: string, tickets: { ticketId: string; seatId: string }[]): Promise<RecordedEvent> {
    return this.append(`booking-${bookingId}`, 'booking.confirmed.v1', { bookingId, showId, paymentId: `pay-${bookingId}`, amount: 4500 * tickets.length, currency: 'EUR', tickets });
  }

  /** A report by `reporterId` (a user id, or `device:{deviceId}` for a device rule's incident). */
  reportIncident(incidentId: string, reporterId: string, title: string): Promise<RecordedEvent> {
    const device = reporterId.startsWith('device:') ? reporterId.slice('device:'.length) : undefined;
    const data: IncidentReported['data'] = {
      incidentId,
      source: device ? 'device' : 'report',
      title,
      description: 'The armrest is loose.',
      location: { seatId: 'A-1-7' },
      category: 'seat',
      urgency: 'medium',
      impact: 'medium',
      priority: 'P3',
      severity: 'medium',
      reporterId,
      ...(device ? { deviceId: device, venueId: 'arena', deviceType: 'sensor', ruleId: 'offline' } : {}),
      reportedAt: new Date().toISOString(),
      deadlines: INCIDENT_DEADLINES,
    };
    return this.append(incidentStream(incidentId), 'incident.reported.v1', data);
  }

  moveIncident(incidentId: string, reporterId: string, from: IncidentStatus, to: IncidentStatus): Promise<RecordedEvent> {
    const data: IncidentStatusChanged['data'] = { incidentId, reporterId, from, to, at: new Date().toISOString(), by: 'staff-1', deadlines: INCIDENT_DEADLINES, severity: 'medium' };
    return this.append(incidentStream(incidentId), 'incident.status_changed.v1', data);
  }
}

const INCIDENT_DEADLINES = { acknowledgeBy: '2030-05-01T20:00:00.000Z', resolveBy: '2030-05-02T19:30:00.000Z' };

/** Polls `check` until it holds (no fixed sleeps). */
export const eventually = async (check: () => Promise<boolean> | boolean, timeoutMs = 15_000, what = 'the condition'): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
