// Why the amoCRM API could not be used. Every kind sends the overlay to page-data mode.
export type ApiErrorKind = 'auth' | 'rate' | 'server' | 'garbage' | 'network' | 'not-found' | 'other';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function kindOfStatus(status: number): ApiErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate';
  if (status >= 500) return 'server';
  if (status === 404 || status === 204) return 'not-found';
  return 'other';
}

/** The API failed in a way the page itself can stand in for. */
export function shouldFallBack(error: unknown): error is ApiError | TypeError {
  return error instanceof ApiError || error instanceof TypeError || error instanceof SyntaxError;
}

export function fallbackKind(error: unknown): ApiErrorKind {
  return error instanceof ApiError ? error.kind : error instanceof SyntaxError ? 'garbage' : 'network';
}

/** Parts of the deal card the page-data mode needs. */
export type LayoutPart = 'card' | 'name' | 'stage' | 'fields';

/** The API failed and the page no longer has the card's usual layout: nothing can be read. */
export class LayoutError extends Error {
  constructor(
    readonly missing: LayoutPart[],
    readonly reason: ApiErrorKind,
  ) {
    super(`The deal card's layout changed: ${missing.join(', ')} not found`);
    this.name = 'LayoutError';
  }
}
