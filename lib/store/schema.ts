// The IndexedDB schema and its migrations. Each version's step only adds; data is never
// rewritten in place, so an upgrade from any older version keeps everything.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Client, ClientEvent } from '../model/facts';
import type { ContentPlan } from '../model/plans';
import type { OutboxItem } from '../model/record';
import type { DerivedClient } from './derived';
import { timelinesFrom, type Timeline } from './timelines';

export const DB_NAME = 'reglament';
export const SCHEMA_VERSION = 5;

export interface ReglamentDB extends DBSchema {
  clients: { key: string; value: Client; indexes: { byInstagram: string } };
  events: { key: string; value: ClientEvent; indexes: { byClient: string; byClientAt: [string, number] } };
  /** One record under the key `current`: the playbook Settings, validated on write. */
  settings: { key: string; value: unknown };
  /** Small key/value records; see lib/store/meta.ts for the keys. */
  meta: { key: string; value: unknown };
  /** Content plans keyed by client, period and plan number; checked by lib/schemas/plan.ts on every write. */
  plans: { key: [string, number, number]; value: ContentPlan; indexes: { byClient: string } };
  /** Derived from `events`: one sorted snapshot per client (lib/store/timelines.ts). Not exported in backups. */
  timelines: { key: string; value: Timeline };
  /**
   * Each client's own version (absent: 0), bumped in the same transaction as every write of its
   * record or its events: what the client's derived data is keyed by.
   */
  versions: { key: string; value: number };
  /** Derived per client (its plan candidates), tagged with the version it was derived from. Not exported. */
  derived: { key: string; value: DerivedClient };
  /** Facts waiting to be written to their deal in amoCRM (lib/store/outbox.ts); keyed by the fact's stored id. */
  outbox: { key: string; value: OutboxItem };
}

export type Db = IDBPDatabase<ReglamentDB>;
type UpgradeTx = IDBPTransaction<ReglamentDB, StoreNames<ReglamentDB>[], 'versionchange'>;

/** Migration steps by the version they create. Never edit a shipped step; add a new one. */
export const migrations: Record<number, (db: Db, tx: UpgradeTx) => void> = {
  1: (db) => {
    const clients = db.createObjectStore('clients', { keyPath: 'id' });
    clients.createIndex('byInstagram', 'instagram');
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('byClient', 'clientId');
    events.createIndex('byClientAt', ['clientId', 'at']);
    db.createObjectStore('settings');
    db.createObjectStore('meta');
  },
  2: (db, tx) => {
    const plans = db.createObjectStore('plans', { keyPath: ['clientId', 'periodStart', 'planNo'] });
    plans.createIndex('byClient', 'clientId');
    void tx.objectStore('meta').put(2, 'schemaVersion');
  },
  3: (db, tx) => {
    db.createObjectStore('timelines', { keyPath: 'clientId' });
    // Built from the events already stored, inside the upgrade transaction (it stays open while
    // these requests are pending, so the open only succeeds once every timeline is written).
    const timelines = tx.objectStore('timelines');
    void tx
      .objectStore('events')
      .getAll()
      .then((all) => {
        for (const timeline of timelinesFrom(all).values()) void timelines.put(timeline);
      });
  },
  4: (db) => {
    // Both start empty: a missing version reads as 0 and a missing record is derived on the next plan.
    db.createObjectStore('versions');
    db.createObjectStore('derived', { keyPath: 'clientId' });
  },
  5: (db) => {
    // Starts empty: facts recorded before this version stay local (nothing is sent retroactively).
    db.createObjectStore('outbox', { keyPath: 'id' });
  },
};

export function upgrade(db: Db, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  for (let v = oldVersion + 1; v <= newVersion; v++) migrations[v]?.(db, tx);
  void tx.objectStore('meta').put(newVersion, 'schemaVersion');
}
