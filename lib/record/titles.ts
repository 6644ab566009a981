// What a shared fact is called, for the line people read in the deal's feed and the team list in
// the overlay: a ticked item's title from the playbook, a round's rule title, posts and Stories.
import type { ClientEvent, Service } from '../model/facts';
import { RULE_IDS, RULES, itemTitle, ruleTitleOf } from '../playbook/rules';
import type { Settings } from '../playbook/settings-types';

/** The title of a tick item (a checklist item, or a recurring rule's tick such as a round). */
export function tickTitle(item: string, service: Service | null, settings: Settings): string {
  for (const rule of RULE_IDS) {
    const meta = RULES[rule];
    if (meta.tick?.item === item) return ruleTitleOf(rule, settings);
    const def = meta.items.find((d) => d.id === item);
    if (def) return itemTitle(def, service ?? 'management', settings)?.title ?? item;
  }
  return item;
}

/** A short label of any shared fact (Russian; the overlay localises the kinds it knows). */
export function factTitle(event: ClientEvent, service: Service | null, settings: Settings): string {
  switch (event.type) {
    case 'tick':
    case 'untick':
      return tickTitle(event.item, service, settings);
    case 'post':
      return 'Пост в Instagram';
    case 'story':
      return 'Stories в Instagram';
    default:
      return event.type;
  }
}
