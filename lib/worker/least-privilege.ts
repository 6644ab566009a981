// What a content script may learn: a page script that compromised amoCRM or Instagram talks to the
// worker through our content script at worst, so the answers to content scripts carry only what
// their UI shows. Pages of the extension get everything.
//   - amoCRM: only clients of the sender's own account (its host), never another account's;
//   - Instagram: the agenda's engagement round only, client lists as the sidebar shows them
//     (id, name, Instagram account);
//   - both: settings without pay, fines and alarm preferences (`settings.view`).
import type { Agenda, AgendaEntry, ClientSummary, ClientView, Round } from '../messaging/protocol';
import type { HandlerContext, Handlers } from '../messaging/router';
import { hostOfClientId, type SenderKind } from '../messaging/sender';
import { shownSettings } from '../playbook/localize';
import type { ContentSettings, Settings } from '../playbook/settings-types';

type ContentSender = Extract<SenderKind, { kind: 'content' }>;

/** The settings a content script gets: everything its texts and readers need, no pay or fines. */
export function contentSettings(settings: Settings): ContentSettings {
  const { interface: ui, calendar, newClients, currentClients, amocrm } = settings;
  const shown = shownSettings(settings);
  return {
    interface: ui,
    calendar,
    newClients,
    currentClients,
    people: shown.people,
    amocrm,
    templates: shown.templates,
    shownAmocrm: shown.amocrm,
  };
}

/** May this content script see this client (by id)? */
export function mayRead(sender: ContentSender, clientId: string): boolean {
  return sender.site === 'instagram' || hostOfClientId(clientId) === sender.host;
}

/** A client as the Instagram sidebar's lists show it: name and account, nothing about the deal. */
export function sidebarSummary(s: ClientSummary): ClientSummary {
  return { id: s.id, name: s.name, instagram: s.instagram, service: null, payer: null, managerName: null, dealUrl: '' };
}

function roundFor(round: Round | null, sender: ContentSender): Round | null {
  if (!round) return null;
  const accounts = round.accounts
    .filter((a) => mayRead(sender, a.client.id))
    .map((a) => (sender.site === 'instagram' ? { ...a, client: sidebarSummary(a.client) } : a));
  return { ...round, accounts };
}

export function agendaFor(agenda: Agenda, sender: ContentSender): Agenda {
  // The sidebar shows the round only; the lists are the popup's.
  const keep = (list: AgendaEntry[]) => (sender.site === 'instagram' ? [] : list.filter((e) => mayRead(sender, e.client.id)));
  return {
    now: agenda.now,
    overdue: keep(agenda.overdue),
    today: keep(agenda.today),
    tomorrow: keep(agenda.tomorrow),
    round: roundFor(agenda.round, sender),
    missedWhileAway: keep(agenda.missedWhileAway),
  };
}

export function clientsFor(list: ClientSummary[], sender: ContentSender): ClientSummary[] {
  return sender.site === 'instagram' ? list.map(sidebarSummary) : list.filter((c) => mayRead(sender, c.id));
}

function viewFor(view: ClientView | null, sender: ContentSender): ClientView | null {
  return view && mayRead(sender, view.client.id) ? view : null;
}

const contentOf = (ctx: HandlerContext): ContentSender | null => (ctx.sender.kind === 'content' ? ctx.sender : null);

/** The handlers with every answer to a content script cut down to what that script may see. */
export function withLeastPrivilege(handlers: Handlers): Handlers {
  return {
    ...handlers,
    'clients.list': async (payload, ctx) => {
      const list = await handlers['clients.list'](payload, ctx);
      const sender = contentOf(ctx);
      return sender ? clientsFor(list, sender) : list;
    },
    'agenda.get': async (payload, ctx) => {
      const agenda = await handlers['agenda.get'](payload, ctx);
      const sender = contentOf(ctx);
      return sender ? agendaFor(agenda, sender) : agenda;
    },
    'client.byInstagram': async (payload, ctx) => {
      const view = await handlers['client.byInstagram'](payload, ctx);
      const sender = contentOf(ctx);
      return sender ? viewFor(view, sender) : view;
    },
    'client.view': async (payload, ctx) => {
      const view = await handlers['client.view'](payload, ctx);
      const sender = contentOf(ctx);
      return sender ? viewFor(view, sender) : view;
    },
  };
}
