/**
 * The daemon's error kinds (moby errdefs) with the message the API returns; the
 * CLI prefixes `Error response from daemon: ` and picks the exit code.
 */
export type EngineErrorKind = 'not-found' | 'conflict' | 'invalid-parameter' | 'forbidden' | 'unavailable' | 'system';

export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
