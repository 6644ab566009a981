// Incremental derivation: each client's share of the plan candidates is stored with the client's
// version (lib/store/derived.ts), and a plan re-derives only the clients whose share does not
// hold any more: their record or events changed (version, record fingerprint), the settings,
// locale or format changed (basis), or its time ran out (validUntil, as for the whole plan in
// ./replan.ts). Everyone else's share is read back as stored. The result equals a full
// recomputation (test/unit/worker/incremental.test.ts checks it on random change sequences).
import { clientCandidates } from '../alarms/candidates';
import type { Client, ClientEvent } from '../model/facts';
import type { ClientCandidates } from '../model/notifications';
import type { ClientSummary } from '../model/clients';
import type { Locale } from '../i18n/locale';
import { fingerprint, type DerivedClient } from '../store/derived';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';
import { obligationsOf, type Settings } from './engine';
import { summaryOf } from './summary';
import { validUntilOf } from './validity';
import { BUILD_ID } from './build';

/** The layout of DerivedClient and the planner's per-client output; bump when either changes meaning. */
export const DERIVED_FORMAT = 1;

export interface ShareOptions {
  settings: Settings;
  locale: Locale;
  /** Candidates about an instant before now − pastHorizon are left out. */
  pastHorizon: number;
  /** Re-derive everyone (after an update of the extension, or when asked). */
  full?: boolean;
}

export interface Shares {
  /** Every client's share, in the store's client order. */
  shares: Array<{ summary: ClientSummary; share: ClientCandidates }>;
  /** Until when all of them hold. */
  validUntil: number;
  /** How many clients were derived now (the rest were read back). */
  rederived: number;
}

/** What a share depends on besides the client: one string, compared as is. */
function basisOf(options: ShareOptions): string {
  return `${DERIVED_FORMAT}|${BUILD_ID}|${options.locale}|${options.pastHorizon}|${fingerprint(JSON.stringify(options.settings))}`;
}

function derive(
  client: Client,
  clientKey: string,
  events: ClientEvent[],
  version: number,
  basis: string,
  now: number,
  options: ShareOptions,
): DerivedClient {
  const summary = summaryOf(client);
  const obligations = obligationsOf(client, events, options.settings, now);
  const share = clientCandidates(summary, obligations, {
    settings: options.settings,
    locale: options.locale,
    since: now - options.pastHorizon,
  });
  return {
    clientId: client.id,
    version,
    basis,
    client: clientKey,
    events: events.length,
    computedAt: now,
    validUntil: validUntilOf(now, options.settings, [events]),
    share,
  };
}

/** Every client's share at `now`: read back where it holds, derived (and stored) where it does not. */
export async function sharesAt(db: Db, now: number, options: ShareOptions): Promise<Shares> {
  const basis = basisOf(options);
  const read = db.transaction(['clients', 'versions', 'derived', 'events'], 'readonly');
  const versionStore = read.objectStore('versions');
  const [clients, versionKeys, versionValues, stored, totalEvents] = await Promise.all([
    read.objectStore('clients').getAll(),
    versionStore.getAllKeys(),
    versionStore.getAll(),
    read.objectStore('derived').getAll(),
    read.objectStore('events').count(),
  ]);
  await read.done;
  const versions = new Map(versionKeys.map((k, i) => [k, versionValues[i]!]));
  const byClient = new Map(stored.map((d) => [d.clientId, d]));
  const keys = clients.map((c) => fingerprint(JSON.stringify(c)));

  const result: DerivedClient[] = new Array<DerivedClient>(clients.length);
  const stale: number[] = [];
  let counted = 0;
  clients.forEach((c, i) => {
    const d = byClient.get(c.id);
    const holds =
      !options.full &&
      d !== undefined &&
      d.version === (versions.get(c.id) ?? 0) &&
      d.basis === basis &&
      d.client === keys[i] &&
      now >= d.computedAt &&
      now < d.validUntil;
    if (holds) {
      result[i] = d;
      counted += d.events;
    } else stale.push(i);
  });

  if (stale.length) {
    // Each stale client's timeline with its version, read together: a write after this read
    // leaves the record tagged with the older version.
    const tx = db.transaction(['timelines', 'versions'], 'readonly');
    const loaded = await Promise.all(
      stale.map(async (i) => {
        const id = clients[i]!.id;
        const [timeline, version] = await Promise.all([tx.objectStore('timelines').get(id), tx.objectStore('versions').get(id)]);
        return { timeline, version: version ?? 0 };
      }),
    );
    await tx.done;
    for (const { timeline } of loaded) counted += timeline?.count ?? 0;
    if (
      counted !== totalEvents ||
      loaded.some(({ timeline }) => timeline !== undefined && timeline.events.length !== timeline.count)
    ) {
      // The shares and timelines do not add up to the events store (a write bypassed the repo):
      // read every client's events from the source of truth (which heals the timelines) instead.
      return fullShares(db, now, options, basis);
    }
    stale.forEach((i, k) => {
      const { timeline, version } = loaded[k]!;
      result[i] = derive(clients[i]!, keys[i]!, timeline?.events ?? [], version, basis, now, options);
    });
    await store(
      db,
      stale.map((i) => result[i]!),
    );
  }
  return assemble(clients, result, stale.length, now, options.settings);
}

/** Every client derived from the events as they are (timelines checked and healed on the way). */
async function fullShares(db: Db, now: number, options: ShareOptions, basis: string): Promise<Shares> {
  // Versions first: a write after this read leaves the records tagged older.
  const versionsTx = db.transaction('versions', 'readonly');
  const [versionKeys, versionValues] = await Promise.all([versionsTx.store.getAllKeys(), versionsTx.store.getAll()]);
  await versionsTx.done;
  const versions = new Map(versionKeys.map((k, i) => [k, versionValues[i]!]));
  const [clients, events] = await Promise.all([repo.listClients(db), repo.eventsByClient(db)]);
  const result = clients.map((c) =>
    derive(c, fingerprint(JSON.stringify(c)), events.get(c.id) ?? [], versions.get(c.id) ?? 0, basis, now, options),
  );
  await store(db, result);
  return assemble(clients, result, clients.length, now, options.settings);
}

async function store(db: Db, records: DerivedClient[]): Promise<void> {
  const tx = db.transaction('derived', 'readwrite');
  for (const r of records) void tx.store.put(r);
  await tx.done;
}

function assemble(clients: Client[], records: DerivedClient[], rederived: number, now: number, settings: Settings): Shares {
  // With no client at all the plan still ends where an empty one would.
  let validUntil = validUntilOf(now, settings, []);
  for (const r of records) if (r.validUntil < validUntil) validUntil = r.validUntil;
  return {
    shares: clients.map((c, i) => ({ summary: summaryOf(c), share: records[i]!.share })),
    validUntil,
    rederived,
  };
}
