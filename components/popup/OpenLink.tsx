// «amoCRM ↗» / «Instagram ↗» on a client: where the first listed obligation's work happens.
import type { AgendaEntry, ClientSummary } from '@/lib/messaging/protocol';
import { openTargetOf } from './agenda-model';
import { tr } from './state';
import { TabLink } from './TabLink';

export function OpenLink({ client, entry }: { client: ClientSummary; entry: AgendaEntry | null }) {
  const target = openTargetOf(client, entry?.obligation ?? null);
  const label =
    target.kind === 'instagram' ? tr('open.instagram', { name: client.instagram ?? '' }) : tr('open.deal', { name: client.name });
  return (
    <TabLink class="open" url={target.url} title={label}>
      {target.kind === 'instagram' ? 'Instagram' : 'amoCRM'}
      <span aria-hidden="true"> ↗</span>
      <span class="sr-only">: {label}</span>
    </TabLink>
  );
}
