// The amoCRM API client (with its valibot schemas) ships in a content script of its own,
// `amocrm-api`, so the overlay's script stays within its size budget. Content scripts of one
// extension share one isolated world: the client script leaves its factory here (a registered
// symbol, invisible to the page) and the overlay picks it up.
import type { AmoApi, AmoApiDeps } from './api';
import { ApiError } from './errors';
import { permitBucket } from './permit-bucket';
import { TokenBucket, type Clock } from './rate-limit';
import type { Bucket, Permit } from './request-budget';

const KEY = Symbol.for('reglament.amocrm.api');

export type AmoApiFactory = (deps: AmoApiDeps) => AmoApi;

export function provideAmoApi(factory: AmoApiFactory): void {
  (globalThis as Record<symbol, unknown>)[KEY] = factory;
}

/** The tab's bucket of an account origin (one per origin for the tab's whole life). */
export type BucketOf = (origin: string, clock?: Clock) => Bucket;

/**
 * One bucket per account for every API user in the tab: the overlay, the board chips and the team
 * record's requests the worker asks this tab to make (lib/record/tab-serve.ts). With `ask` (the
 * amoCRM tabs: a runtime message to the worker) each request takes a permit of the browser's one
 * budget of that account, shared with the other tabs and the worker's own requests
 * (lib/amocrm/request-budget.ts); the tab's own token bucket stands in while the worker is silent.
 * Without `ask` (tests of one tab) a token bucket of the tab: a burst of 3 at 2 a second.
 */
export function sharedBuckets(ask?: () => Promise<Permit>): BucketOf {
  const buckets = new Map<string, Bucket>();
  return (origin, clock) => {
    let bucket = buckets.get(origin);
    if (!bucket)
      buckets.set(
        origin,
        (bucket = ask
          ? permitBucket({ ask, ...(clock ? { clock } : {}) })
          : new TokenBucket({ capacity: 3, perSecond: 2, clock })),
      );
    return bucket;
  };
}

/** The factory with the tab's shared buckets: the API users' requests share the account's limit instead of each bursting on its own. */
export function withSharedBuckets(create: AmoApiFactory, bucketOf: BucketOf = sharedBuckets()): AmoApiFactory {
  return (deps) => create({ ...deps, bucket: deps.bucket ?? bucketOf(deps.origin, deps.clock) });
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
