// The deal a manager points at or presses (on the board, a list, a search result): its last known
// view is asked of the worker before the card opens, so the card paints it at once instead of
// after a message round trip. Once per deal and page; a deal already shown is not asked again.
import type { ClientView } from '../messaging/protocol';
import { clientIdOf, leadIdOf } from './url';

export interface PrefetchDeps {
  host: string;
  send: (type: 'client.view', payload: { clientId: string }) => Promise<ClientView | null>;
  /** The page already holds this deal's view (shown on a card, or fetched before). */
  has: (leadId: number) => boolean;
  /** The deal open now. */
  current: () => number | null;
  keep: (leadId: number, view: ClientView) => void;
}

/** Returns the handler of a deal link's address; anything that is not a deal card's is ignored. */
export function createPrefetch(deps: PrefetchDeps): (href: string) => void {
  const asked = new Set<number>();
  return (href) => {
    const leadId = leadIdOf(href);
    if (leadId === null || asked.has(leadId) || deps.has(leadId) || deps.current() === leadId) return;
    asked.add(leadId);
    deps.send('client.view', { clientId: clientIdOf(deps.host, leadId) }).then(
      (view) => {
        if (view && !deps.has(leadId)) deps.keep(leadId, view);
      },
      () => undefined,
    );
  };
}
