// The popup's sticky top: title, today's date in the agency zone, the counts, and the page links.
import type { Agenda } from '@/lib/messaging/protocol';
import { headerCounts } from './agenda-model';
import { dateLineOf } from './agenda-text';
import { extensionUrl } from '@/lib/browser/tabs';
import type { Totals } from './snapshot';
import { textEnv, tr } from './state';
import { TabLink } from './TabLink';

export function Header({ agenda, totals }: { agenda: Agenda | null; totals?: Totals }) {
  const date = dateLineOf(textEnv());
  const { overdue, today } = agenda ? headerCounts(agenda, totals) : { overdue: 0, today: 0 };
  return (
    <header class="top">
      <div>
        <h1>{tr('title')}</h1>
        <p class="sub">{date}</p>
        {agenda && (
          <p class="sum">
            {overdue > 0 && <span class="sum-bad">{tr('summary.overdue', { n: overdue })}</span>}
            {today > 0 && <span class="sum-today">{tr('summary.today', { n: today })}</span>}
            {overdue === 0 && today === 0 && <span class="sum-ok">{tr('summary.clear')}</span>}
          </p>
        )}
      </div>
      <nav class="top-links" aria-label="Reglament">
        <TabLink url={extensionUrl('/dashboard.html')}>{tr('dashboard')}</TabLink>
        <TabLink url={extensionUrl('/options.html')}>{tr('options')}</TabLink>
      </nav>
    </header>
  );
}
