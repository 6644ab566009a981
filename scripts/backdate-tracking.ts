// Tests and the demo seed "earlier visits"; they must also say Reglament was there then: the engine
// owes recurring checks only from when it first saw a client (Client.trackedSince). The real backup
// export → import path moves that moment back — with what those visits saw, when given — as
// restoring an older install's data would.
import type { Page } from '@playwright/test';
import type { NewClientEvent } from '../lib/model/facts';

export async function backdateTracking(extensionPage: Page, since: number, seen: NewClientEvent[] = []): Promise<void> {
  const result = await extensionPage.evaluate(
    async ([since, seen]) => {
      const exported = await chrome.runtime.sendMessage({ reglament: 1, type: 'backup.export', payload: {} });
      if (!exported?.ok) return exported;
      const data = JSON.parse(exported.data.json) as {
        clients: { id: string; trackedSince?: number }[];
        events: { id: string }[];
      };
      for (const client of data.clients) client.trackedSince = since;
      const known = new Set(data.clients.map((c) => c.id));
      const stored = new Set(data.events.map((e) => e.id));
      for (const event of seen) {
        const id = `${event.clientId}|${event.id}`;
        if (known.has(event.clientId) && !stored.has(id)) data.events.push({ ...event, id });
      }
      return chrome.runtime.sendMessage({ reglament: 1, type: 'backup.import', payload: { json: JSON.stringify(data) } });
    },
    [since, seen] as const,
  );
  if (!result?.ok) throw new Error(`Could not move tracking back: ${JSON.stringify(result)}`);
}
