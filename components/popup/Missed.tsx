// What fell due while the browser was closed, shown once per popup session.
import type { AgendaEntry } from '@/lib/messaging/protocol';
import { formatInZone } from '@/lib/i18n/format';
import { locale } from '../common/page-locale';
import { ruleTitle } from './agenda-model';
import { settings, tr, zone } from './state';

export function Missed({ entries }: { entries: AgendaEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section class="missed" aria-labelledby="h-missed" data-testid="missed">
      <h2 id="h-missed">{tr('missed')}</h2>
      <p class="hint">{tr('missed.hint')}</p>
      <ul>
        {entries.map((e) => (
          <li key={e.obligation.id}>
            <span class="client-name">{e.client.name}</span> — {ruleTitle(e.obligation, locale.value, settings.value)}
            {e.obligation.dueAt !== null && (
              <span class="when when-bad"> · {formatInZone(e.obligation.dueAt, zone.value, locale.value, true)}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
