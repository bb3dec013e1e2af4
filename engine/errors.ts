/**
 * An error with a stable code, thrown for bugs in the caller's use of the engine (an event the
 * dossier cannot take, a procedure that was never validated). The server maps the code to HTTP.
 */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
