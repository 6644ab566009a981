// One obligation of a client: its title, when it is due, and what can be ticked or is still missing.
// A rule ticked as a whole puts its checkbox on the title; a rule with items lists them below.
import type { AgendaEntry } from '@/lib/messaging/protocol';
import { pendingFacts, tickablesOf, type SectionId } from './agenda-model';
import { titleOf, whenOf } from './agenda-text';
import { settings, textEnv } from './state';
import { isChecked } from './ticks';
import { TickBox } from './TickBox';

export function EntryRow({ entry, section }: { entry: AgendaEntry; section: SectionId }) {
  const o = entry.obligation;
  const env = textEnv();
  const w = whenOf(o, section, env);
  const title = titleOf(o, env, settings.value);
  const ticks = tickablesOf(o);
  const facts = pendingFacts(o);
  const single = ticks.length === 1 && ticks[0]!.title === null ? ticks[0]! : null;
  return (
    <li class={`entry tone-${w.tone}`} data-rule={o.rule}>
      <div class="entry-head">
        {single ? (
          <label class="check">
            <TickBox clientId={entry.client.id} tick={single} done={single.done} />
            <span class="entry-title">{title}</span>
          </label>
        ) : (
          <span class="entry-title">{title}</span>
        )}
        <span class={`when when-${w.tone}`} data-testid="when">
          {w.text}
        </span>
      </div>
      {!single && ticks.length > 0 && (
        <ul class="items">
          {ticks.map((tk) => (
            <li key={tk.id}>
              <label class="check">
                <TickBox clientId={entry.client.id} tick={tk} done={tk.done} />
                <span class={isChecked(tk.id, tk.done) ? 'done' : ''}>{tk.title}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {facts.length > 0 && (
        <ul class="facts">
          {facts.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
