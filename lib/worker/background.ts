// Wires the browser's events to the worker logic. Called once per service-worker start; every
// listener is registered synchronously so Chrome can wake the worker for any of them.
import { allowSessionStorageInContentScripts, browser } from '../browser/api';
import { openOrFocus } from '../browser/tabs';
import { SAFETY_ALARM, WAKE_ALARM, browserEffects, ensureSafetyAlarm } from './browser-effects';
import { createRouter, isEnvelope } from '../messaging/router';
import type { SenderInfo } from '../messaging/sender';
import { openStore } from '../store/db';
import { browserTabPort } from './record-tabs';
import { createWorker } from './service';

/** Wakes the worker to send the amoCRM write queue (a killed worker's timers are gone; alarms are not). */
export const RECORD_ALARM = 'record-send';

export function startBackground() {
  const worker = createWorker({
    db: () => openStore(),
    now: () => Date.now(),
    effects: browserEffects(),
    agendaUrl: browser.runtime.getURL('/popup.html'),
    openPage: async (page, anchor) =>
      void (await browser.tabs.create({ url: browser.runtime.getURL(`/${page}`) + (anchor ? `#${anchor}` : '') })),
    record: {
      alarm: async (at) => {
        if (at === null) await browser.alarms.clear(RECORD_ALARM);
        else await browser.alarms.create(RECORD_ALARM, { when: at });
      },
      tabs: browserTabPort(),
    },
  });
  const self = () => ({ id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') });
  const route = createRouter(worker.handlers, self);
  const log = (what: string) => (error: unknown) => console.error(`Reglament: ${what} failed`, error);

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isEnvelope(message)) return undefined;
    const info: SenderInfo = {
      id: sender.id,
      url: sender.url,
      origin: (sender as { origin?: string }).origin,
      frameId: sender.frameId,
      tab: sender.tab && { id: sender.tab.id, url: sender.tab.url },
    };
    return route(message, info);
  });

  // An update's engine derives again by itself: cached plans and shares carry the build that made
  // them (lib/worker/build.ts). Chromium reports every launch of an unpacked extension as an
  // install, so a full derivation here would make every such start as slow as a first one.
  browser.runtime.onInstalled.addListener(() => void worker.replan().catch(log('re-plan on install')));
  browser.runtime.onStartup.addListener(() => void worker.replan().catch(log('re-plan on startup')));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WAKE_ALARM || alarm.name === SAFETY_ALARM) void worker.replan().catch(log('wake'));
    if (alarm.name === RECORD_ALARM || alarm.name === SAFETY_ALARM) void worker.record.kick().catch(log('send to amoCRM'));
  });

  const open = async (id: string) => {
    const target = await worker.targetOf(id);
    await browser.notifications.clear(id);
    if (target) await openOrFocus(target.url);
  };
  browser.notifications.onClicked.addListener((id) => void open(id).catch(log('open from notification')));
  browser.notifications.onButtonClicked.addListener((id, index) => {
    if (index === 0) void open(id).catch(log('open from notification'));
    else
      void browser.notifications
        .clear(id)
        .then(() => worker.snooze(id))
        .catch(log('snooze'));
  });

  // The Instagram sidebar keeps its per-profile cache and request back-off in session storage, so a
  // reload does not ask Instagram again; content scripts may use it only once the worker allows it.
  void allowSessionStorageInContentScripts().catch(log('session storage access'));
  void ensureSafetyAlarm().catch(log('safety alarm'));
  void worker.start().catch(log('start'));
  return worker;
}
