import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DEFAULT_DEVICE_RULES, type DeviceRegistered, type DeviceRule, type DeviceRulesSet, type DeviceType } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import type { Subscription } from '@tessera/platform/subscriptions/subscription';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';

/**
 * What every reading needs before the rules see it, in memory and kept current from the log:
 * each registered device's key hash, venue and type (to authenticate it: one map lookup, the same
 * for a known and an unknown id), and the rules in force. A handler on the platform subscription,
 * read from the start of the log on every start (registrations and rule sets only: small), with
 * `/health` red until it has caught up, so no instance refuses a registered device's key for
 * want of having read it.
 */

export interface KnownDevice {
  deviceId: string;
  venueId: string;
  deviceType: DeviceType;
  keyHash: string;
}

const EVENT_TYPES = ['device.registered.v1', 'ops.rules_set.v1'] as const;

@Injectable()
export class DeviceDirectory implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly devices = new Map<string, KnownDevice>();
  private activeRules: readonly DeviceRule[] = DEFAULT_DEVICE_RULES;
  private rulesPosition = 0;
  private readonly subscription: Subscription;
  private caughtUpSeen = false;

  constructor(subscriptions: Subscriptions) {
    this.subscription = subscriptions.create({
      name: 'device-directory',
      filter: { eventTypes: EVENT_TYPES },
      readiness: 'caught-up',
      handler: { handle: async (events) => events.forEach((event) => this.apply(event)) },
    });
    void this.subscription.caughtUp.then(() => (this.caughtUpSeen = true));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.subscription.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription.stop();
  }

  get caughtUp(): Promise<void> {
    return this.subscription.caughtUp;
  }

  /** Whether `caughtUp` has resolved: lets a per-message path skip awaiting it (a promise hop) once it has. */
  get isCaughtUp(): boolean {
    return this.caughtUpSeen;
  }

  device(deviceId: string): KnownDevice | undefined {
    return this.devices.get(deviceId);
  }

  get rules(): readonly DeviceRule[] {
    return this.activeRules;
  }

  /** What this process appended itself, known before the subscription brings it back. */
  apply(event: Pick<RecordedEvent, 'type' | 'data' | 'position'>): void {
    if (event.type === 'device.registered.v1') {
      const { deviceId, venueId, deviceType, keyHash } = event.data as DeviceRegistered['data'];
      this.devices.set(deviceId, { deviceId, venueId, deviceType, keyHash });
    } else if (event.type === 'ops.rules_set.v1' && event.position > this.rulesPosition) {
      this.activeRules = (event.data as DeviceRulesSet['data']).rules;
      this.rulesPosition = event.position;
    }
  }
}
