// ClientView: everything an overlay or sidebar needs about one client.
import type { Client, ClientEvent, Instant } from '../model/facts';
import type { ClientView } from '../messaging/protocol';
import { calendarFor } from '../calendar';
import { obligationsOf, periodOfClient, type Settings } from './engine';
import { lastAt, stageOf } from './summary';
import { warningsOf } from './warnings';
import { teamFacts } from './team-facts';

export function buildView(client: Client, events: ClientEvent[], settings: Settings, now: Instant): ClientView {
  const obligations = obligationsOf(client, events, settings, now);
  const period = periodOfClient(client, events, settings, now);
  const stage = stageOf(events);
  const cal = calendarFor(settings.calendar);
  const open = cal.isWorkingTime(now);
  return {
    client,
    stage,
    obligations,
    period,
    warnings: warningsOf(client, events, obligations, period, stage, settings),
    lastPostAt: lastAt(events, 'post'),
    lastStoryAt: lastAt(events, 'story'),
    workingHours: { open, nextOpening: open ? null : cal.nextOpening(now) },
    team: teamFacts(client, events, settings),
    now,
  };
}
