// Opens the Reglament database (worker and extension pages only; never from a content script).
import { openDB } from 'idb';
import { DB_NAME, SCHEMA_VERSION, upgrade, type Db } from './schema';

const open = new Map<string, Promise<Db>>();

/** One connection per database name and JS context; reopened if the browser closes it. */
export function openStore(name = DB_NAME): Promise<Db> {
  let pending = open.get(name);
  if (!pending) {
    pending = openDB(name, SCHEMA_VERSION, {
      upgrade: (db, oldVersion, newVersion, tx) => upgrade(db, oldVersion, newVersion ?? SCHEMA_VERSION, tx),
      blocking: () => {
        // A newer version elsewhere wants to upgrade: let it.
        void pending?.then((db) => db.close());
        open.delete(name);
      },
      terminated: () => open.delete(name),
    });
    pending.catch(() => open.delete(name));
    open.set(name, pending);
  }
  return pending;
}

/** Closes and forgets a connection (tests, data.delete). */
export async function closeStore(name = DB_NAME): Promise<void> {
  const pending = open.get(name);
  open.delete(name);
  if (pending) (await pending).close();
}
