// «Просрочено» / «Сегодня» / «Завтра»: a heading with the full count, then the clients within the row budget.
import type { AgendaEntry } from '@/lib/messaging/protocol';
import { visibleGroups, type SectionId } from './agenda-model';
import { ClientBlock } from './ClientBlock';

export function Section({
  title,
  entries,
  section,
  limit,
  total,
}: {
  title: string;
  entries: AgendaEntry[];
  section: SectionId;
  limit: number;
  total?: number;
}) {
  if (entries.length === 0) return null;
  const groups = visibleGroups(entries, limit);
  return (
    <section class={`section section-${section}`} aria-labelledby={`h-${section}`} data-testid={`section-${section}`}>
      <h2 id={`h-${section}`}>
        {title} <span class="count">{total ?? entries.length}</span>
      </h2>
      <ul class="clients">
        {groups.map((g) => (
          <ClientBlock key={g.client.id} group={g} section={section} />
        ))}
      </ul>
    </section>
  );
}
