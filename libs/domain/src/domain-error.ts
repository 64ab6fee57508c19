/**
 * A refusal of a command by a business rule. `code` is the stable UPPER_SNAKE code clients see;
 * the API's exception filter maps it to an HTTP status.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
