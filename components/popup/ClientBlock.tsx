// A client's card in a section: name, service, where to open, and its obligations there.
import { memo } from 'preact/compat';
import { ServiceBadge } from '../common/ServiceBadge';
import type { ClientGroup, SectionId } from './agenda-model';
import { EntryRow } from './EntryRow';
import { OpenLink } from './OpenLink';
import { tr } from './state';

interface Props {
  group: ClientGroup;
  section: SectionId;
}

function Block({ group, section }: Props) {
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

/**
 * Re-rendered only when its entries change: while a long list grows a chunk per task (./paint-marks.ts)
 * the blocks already on screen are not rendered again. The clock and the language still reach them
 * through the signals their rows read.
 */
export const ClientBlock = memo(
  Block,
  (a: Props, b: Props) =>
    a.section === b.section &&
    a.group.client === b.group.client &&
    a.group.entries.length === b.group.entries.length &&
    a.group.entries.every((e, i) => e === b.group.entries[i]),
);
