// Why the amoCRM API could not be used. Every kind sends the overlay to page-data mode.
// `blocked` is a 403 after amoCRM throttled the account (too many requests), `auth` a 401/403 for
// missing rights or a lost session: the first passes with time, the second needs a person.
export type ApiErrorKind = 'auth' | 'blocked' | 'rate' | 'server' | 'garbage' | 'network' | 'not-found' | 'other';

/** What a refusing answer said beyond its status: a 429's Retry-After, a 400's problem+json body. */
export interface ApiErrorDetail {
  retryAfterMs?: number | null;
  body?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    message: string,
    readonly detail: ApiErrorDetail = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * `throttled`: amoCRM answered 429 to this client a short while ago, or the 403's body speaks of
 * limits or a block (amoCRM blocks an account's API after repeated 429s; the exact body is not
 * documented, see docs/sites.md).
 */
export function kindOfStatus(status: number, throttled = false): ApiErrorKind {
  if (status === 403 && throttled) return 'blocked';
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate';
  if (status >= 500) return 'server';
  if (status === 404 || status === 204) return 'not-found';
  return 'other';
}

const THROTTLE_WORDS = /too many|rate.?limit|limit exceeded|blocked|заблокир|лимит/i;

/** Whether a 403 answer's body reads as a throttling block rather than missing rights. */
export function saysThrottled(body: string): boolean {
  return THROTTLE_WORDS.test(body);
}

/**
 * An ApiError, also one thrown by another bundle's copy of the class: the API client ships in its
 * own content script (lib/amocrm/api-port.ts), so `instanceof` cannot tell.
 */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === 'ApiError' && typeof (error as Partial<ApiError>).kind === 'string';
}

/** The API failed in a way the page itself can stand in for. */
export function shouldFallBack(error: unknown): error is ApiError | TypeError {
  return isApiError(error) || error instanceof TypeError || error instanceof SyntaxError;
}

export function fallbackKind(error: unknown): ApiErrorKind {
  return isApiError(error) ? error.kind : error instanceof SyntaxError ? 'garbage' : 'network';
}

/** What page-data mode could not read (the overlay names them): the stage history always. */
export type PageLack = 'history' | 'contact' | 'responsible' | 'calls';

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
