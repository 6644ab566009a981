// A client's card in a section: name, service, where to open, and its obligations there.
import { ServiceBadge } from '../common/ServiceBadge';
import type { ClientGroup, SectionId } from './agenda-model';
import { EntryRow } from './EntryRow';
import { OpenLink } from './OpenLink';
import { tr } from './state';

export function ClientBlock({ group, section }: { group: ClientGroup; section: SectionId }) {
  const { client } = group;
  return (
    <li class="client" data-client={client.id}>
      <div class="client-head">
        <span class="client-name">{client.name}</span>
        {client.service && <ServiceBadge service={client.service} label={tr(`service.${client.service}`)} />}
        <OpenLink client={client} entry={group.entries[0] ?? null} />
      </div>
      <ul class="entries">
        {group.entries.map((e) => (
          <EntryRow key={e.obligation.id} entry={e} section={section} />
        ))}
      </ul>
    </li>
  );
}
