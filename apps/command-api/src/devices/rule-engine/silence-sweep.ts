import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { InjectConfig } from '@tessera/platform/platform.module';
import { DeviceRuleEngine } from './device-rule-engine';

/**
 * The staleness rule's timer: every DEVICE_SILENCE_SWEEP_MS the engine checks the devices not
 * heard from for longer than the staleness threshold. One sweep at a time per instance; several
 * instances may sweep together, since each decision is appended at the device stream's revision.
 */
@Injectable()
export class DeviceSilenceSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeviceSilenceSweep');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly engine: DeviceRuleEngine,
    @InjectConfig() private readonly config: Pick<TesseraConfig, 'DEVICE_SILENCE_SWEEP_MS'>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.DEVICE_SILENCE_SWEEP_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One sweep, unless one is under way (then that one). */
  sweep(): Promise<unknown> {
    this.running ??= this.engine
      .sweepSilence()
      .catch((error: unknown) => this.logger.warn(`staleness sweep failed; trying again at the next: ${String(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
