// The amoCRM API client (with its valibot schemas) ships in a content script of its own,
// `amocrm-api`, so the overlay's script stays within its size budget. Content scripts of one
// extension share one isolated world: the client script leaves its factory here (a registered
// symbol, invisible to the page) and the overlay picks it up.
import type { AmoApi, AmoApiDeps } from './api';
import { ApiError } from './errors';
import { TokenBucket } from './rate-limit';

const KEY = Symbol.for('reglament.amocrm.api');

export type AmoApiFactory = (deps: AmoApiDeps) => AmoApi;

export function provideAmoApi(factory: AmoApiFactory): void {
  (globalThis as Record<symbol, unknown>)[KEY] = factory;
}

/**
 * The factory with one token bucket per account for every API user in the tab (the overlay and the
 * board chips): their requests share the account's limit instead of each bursting on its own.
 */
export function withSharedBuckets(create: AmoApiFactory): AmoApiFactory {
  const buckets = new Map<string, TokenBucket>();
  return (deps) => {
    let bucket = deps.bucket ?? buckets.get(deps.origin);
    // One token less than the default burst: the worker also reads an opened deal's team notes
    // (at most one read per DEAL_PULL_SPACING_MS), and together they stay within 6 a second.
    if (!bucket) buckets.set(deps.origin, (bucket = new TokenBucket({ capacity: 3, perSecond: 2, clock: deps.clock })));
    return create({ ...deps, bucket });
  };
}

/** The factory, or null when the client script is not there (the page then stands in for the API). */
export function findAmoApi(): AmoApiFactory | null {
  const found = (globalThis as Record<symbol, unknown>)[KEY];
  return typeof found === 'function' ? (found as AmoApiFactory) : null;
}

/** Stands in when the client script is missing: every read fails as `network`, so the page is read. */
export function missingAmoApi(): AmoApi {
  const fail = () => Promise.reject(new ApiError('network', 0, 'The amoCRM API client script is not loaded'));
  return {
    lead: fail,
    leadsByIds: fail,
    pipelines: fail,
    statusChanges: fail,
    notes: fail,
    contactCalls: fail,
    refresh: () => undefined,
  };
}

/** An API whose client is made at its first use (the client's script may not have run yet). */
export function lazyAmoApi(make: () => AmoApi): AmoApi {
  let made: AmoApi | null = null;
  const api = () => (made ??= make());
  return {
    lead: (...a) => api().lead(...a),
    leadsByIds: (...a) => api().leadsByIds(...a),
    pipelines: (...a) => api().pipelines(...a),
    statusChanges: (...a) => api().statusChanges(...a),
    notes: (...a) => api().notes(...a),
    contactCalls: (...a) => api().contactCalls(...a),
    refresh: (...a) => api().refresh(...a),
  };
}
