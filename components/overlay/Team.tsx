// «Команда»: what colleagues recorded for this client, with their names as amoCRM says.
import type { TeamFact } from '@/lib/model/record';
import { formatDate, type OverlayEnv } from './context';

export function Team({ env, facts }: { env: OverlayEnv; facts: TeamFact[] }) {
  if (!facts.length) return null;
  return (
    <section class="rg-sec" aria-label={env.t('team')} data-section="team">
      <h3 class="rg-sec__title">{env.t('team')}</h3>
      <ul class="rg-team">
        {facts.map((f) => (
          <li key={`${f.type}${f.at}${f.title}`} data-type={f.type}>
            {f.type === 'untick' ? '✗' : '✓'} {f.title} — <b>{f.author}</b>, {formatDate(f.at, env.timeZone, env.locale)}
          </li>
        ))}
      </ul>
    </section>
  );
}
