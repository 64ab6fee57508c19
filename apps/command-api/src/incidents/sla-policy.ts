import type { SlaPolicy } from '@tessera/domain';
import type { TesseraConfig } from '@tessera/platform/config/config';

/** The incident SLAs of the configuration (README, configuration), as the Incident decider takes them. */
export const slaPolicyOf = (config: TesseraConfig): SlaPolicy => ({
  P1: { acknowledgeMinutes: config.SLA_P1_ACKNOWLEDGE_MINUTES, resolveMinutes: config.SLA_P1_RESOLVE_MINUTES },
  P2: { acknowledgeMinutes: config.SLA_P2_ACKNOWLEDGE_MINUTES, resolveMinutes: config.SLA_P2_RESOLVE_MINUTES },
  P3: { acknowledgeMinutes: config.SLA_P3_ACKNOWLEDGE_MINUTES, resolveMinutes: config.SLA_P3_RESOLVE_MINUTES },
  P4: { acknowledgeMinutes: config.SLA_P4_ACKNOWLEDGE_MINUTES, resolveMinutes: config.SLA_P4_RESOLVE_MINUTES },
});

/** The injection token of the SLA policy, bound once in IncidentsModule. */
export const SLA_POLICY = Symbol('SLA_POLICY');
