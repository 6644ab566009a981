// Errors that cross the message boundary.
import type { Reply } from './protocol';

export type ErrorCode = Extract<Reply, { ok: false }>['error']['code'];

/** Thrown by handlers to answer with a specific code; anything else becomes `failed`. */
export class HandlerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}

/** The worker answered with an error (its message and code are kept). */
export class WorkerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerError';
  }
}

/**
 * The extension was reloaded or updated under a running content script: it can no longer talk
 * to the worker. UI code should catch this quietly (stop polling, maybe ask to reload the page).
 */
export class ExtensionContextInvalidatedError extends Error {
  constructor(message = 'Extension context invalidated: reload the page to reconnect Reglament') {
    super(message);
    this.name = 'ExtensionContextInvalidatedError';
  }
}

export function isContextInvalidated(error: unknown): boolean {
  if (error instanceof ExtensionContextInvalidatedError) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /Extension context invalidated|context invalidated|Extension was reloaded/i.test(message);
}
