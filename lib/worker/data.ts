// The handlers that touch the whole store: settings, backup export and import, deleting all.
import { contentSettings } from './least-privilege';
import { HandlerError } from '../messaging/errors';
import type { Handlers } from '../messaging/router';
import { BackupError, exportBackup, importBackup } from '../store/backup';
import * as repo from '../store/repo';
import type { Db } from '../store/schema';

export interface DataDeps {
  db: () => Promise<Db>;
  now: () => number;
  /** Settings or data changed: re-plan soon. */
  changed: () => void;
  /** Everything was deleted: re-plan now (clears the badge and the wake). */
  emptied: () => Promise<unknown>;
}

export function createDataHandlers(
  deps: DataDeps,
): Pick<Handlers, 'settings.get' | 'settings.view' | 'settings.set' | 'backup.export' | 'backup.import' | 'data.delete'> {
  return {
    'settings.get': async () => repo.getSettings(await deps.db()),
    'settings.view': async () => contentSettings(await repo.getSettings(await deps.db())),
    'settings.set': async ({ settings }) => {
      const result = await repo.setSettings(await deps.db(), settings);
      if (result.ok) deps.changed();
      return result;
    },
    'backup.export': async () => {
      const db = await deps.db();
      const file = await exportBackup(db, deps.now());
      return { json: JSON.stringify(file), summary: { clients: file.clients.length, events: file.events.length } };
    },
    'backup.import': async ({ json }) => {
      try {
        const summary = await importBackup(await deps.db(), json);
        deps.changed();
        return summary;
      } catch (error) {
        if (error instanceof BackupError) throw new HandlerError('invalid', error.message);
        throw error;
      }
    },
    'data.delete': async () => {
      const deleted = await repo.deleteAll(await deps.db());
      // The data is gone whatever the re-plan does next: the answer says so, a failed re-plan is logged.
      await deps.emptied().catch((error: unknown) => console.error('Reglament: re-plan after delete failed', error));
      return { deleted };
    },
  };
}
