// The engagement round of the current slot: its time and state, and a chip per account to tick.
import type { Round } from '@/lib/messaging/protocol';
import { roundAccountLabel, roundTickId } from './agenda-model';
import { roundStatusOf } from './agenda-text';
import { textEnv, tr } from './state';
import { TickBox } from './TickBox';

export function RoundRow({ round }: { round: Round }) {
  const { slot, status, tone } = roundStatusOf(round, textEnv());
  const done = round.accounts.filter((a) => a.done).length;
  return (
    <section class={`round tone-${tone}`} aria-labelledby="h-round" data-testid="round" data-slot={round.slot}>
      <div class="round-head">
        <h2 id="h-round">{tr('round')}</h2>
        <span class={`when when-${tone}`}>
          {slot} · {status}
        </span>
        <span class="count">{tr('round.progress', { done, total: round.accounts.length })}</span>
      </div>
      <ul class="accounts">
        {round.accounts.map((a) => {
          const id = roundTickId(round.slot, a.client.id);
          return (
            <li key={id}>
              <label class="chip" title={a.client.name}>
                <TickBox clientId={a.client.id} tick={{ id, item: 'engagement-round', key: round.slot }} done={a.done} />
                <span>{roundAccountLabel(a.client)}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
