import type { Client, ClientEvent, Stage } from '../model/facts';
import type { ClientSummary } from '../model/clients';
import { dealUrl } from '../amocrm/url';
import { instagramUrl } from '../instagram/url';

export { dealUrl, instagramUrl };

export function summaryOf(client: Client): ClientSummary {
  return {
    id: client.id,
    name: client.name,
    service: client.service,
    payer: client.payer,
    instagram: client.instagram,
    managerName: client.managerName,
    dealUrl: dealUrl(client),
  };
}

/** The stage as recorded by the last `stage` event (events in time order). */
export function stageOf(events: ClientEvent[]): Stage | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.type === 'stage') return e.stage;
  }
  return null;
}

export function lastAt(events: ClientEvent[], type: ClientEvent['type']): number | null {
  let last: number | null = null;
  for (const e of events) if (e.type === type && (last === null || e.at > last)) last = e.at;
  return last;
}
