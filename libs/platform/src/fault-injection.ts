/**
 * Crash points for the tests that kill a real process at a chosen moment: started with
 * `TESSERA_FAULT_INJECTION=<point>[,<point>]`, the process kills itself with SIGKILL the first
 * time it reaches a named point. Production never sets the variable. It is read straight from
 * the environment on purpose: it is a test switch, not configuration.
 */
export const FAULT_INJECTION_VARIABLE = 'TESSERA_FAULT_INJECTION';

export class CrashPoints {
  private readonly points: ReadonlySet<string>;

  constructor(environment: NodeJS.ProcessEnv = process.env) {
    this.points = new Set((environment[FAULT_INJECTION_VARIABLE] ?? '').split(',').map((point) => point.trim()).filter(Boolean));
  }

  get armed(): readonly string[] {
    return [...this.points];
  }

  /** Dies here (SIGKILL, no clean-up) when this point was named. */
  reached(point: string): void {
    if (!this.points.has(point)) return;
    process.stderr.write(`fault injection: SIGKILL at ${point}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}
