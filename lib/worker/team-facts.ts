// The client's facts recorded by colleagues (read back from amoCRM with their author), for the
// overlay's «Команда» list: who did what, latest first.
import type { Client, ClientEvent } from '../model/facts';
import type { TeamFact } from '../model/record';
import type { Settings } from '../playbook/settings-types';
import { factTitle } from '../record/titles';

/** Shown at most. */
export const TEAM_FACTS_SHOWN = 6;

export function teamFacts(client: Client, events: readonly ClientEvent[], settings: Settings): TeamFact[] {
  const out: TeamFact[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < TEAM_FACTS_SHOWN; i--) {
    const e = events[i]!;
    if (!e.author) continue;
    out.push({
      type: e.type,
      title: factTitle(e, client.service, settings),
      at: e.at,
      author: e.author.name ?? `#${e.author.id}`,
    });
  }
  return out;
}
