/**
 * Start-up failures of the embedded log that an operator must act on: `runHttpApp` and the CLI
 * turn them into one line on stderr and exit 65 (EX_DATAERR, sysexits.h), instead of a stack
 * trace. Matched by name so that a caller need not load the store to recognise them.
 */
export const EXIT_LOG_DAMAGED = 65;

const LOG_DAMAGE_ERRORS = new Set(['LogCorruptedError', 'CleanEndUnreadableError', 'PositionNotInLogError']);

export const describeStartupFailure = (error: unknown): { message: string; exitCode: number } | undefined => {
  if (error instanceof Error && LOG_DAMAGE_ERRORS.has(error.name)) return { message: error.message, exitCode: EXIT_LOG_DAMAGED };
  return undefined;
};
