import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SAFETY_ALARM, WAKE_ALARM, browserEffects, ensureSafetyAlarm } from '../../../lib/worker/browser-effects';
import { localeStorageKey } from '../../../lib/i18n/locale';
import { tabPatternOf } from '../../../lib/browser/tabs';

describe('browser effects (fake browser)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps one next-wake alarm, re-planned idempotently, cleared when nothing is pending', async () => {
    const fx = browserEffects();
    await fx.scheduleWake(5_000_000_000_000);
    await fx.scheduleWake(5_000_000_000_000);
    expect(await fakeBrowser.alarms.getAll()).toEqual([
      expect.objectContaining({ name: WAKE_ALARM, scheduledTime: 5_000_000_000_000 }),
    ]);
    await fx.scheduleWake(null);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('creates the safety alarm once', async () => {
    await ensureSafetyAlarm();
    await ensureSafetyAlarm();
    const all = await fakeBrowser.alarms.getAll();
    expect(all.map((a) => [a.name, a.periodInMinutes])).toEqual([[SAFETY_ALARM, 30]]);
  });

  it('shows notifications with two buttons and sets a red badge', async () => {
    const fx = browserEffects();
    await fx.show({
      id: 'n1',
      title: 'T',
      message: 'M',
      buttons: ['Открыть сделку', 'Отложить 15 мин'],
      requireInteraction: true,
    });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['n1']);
    await fx.badge(3, 'Reglament: просрочено — 3');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getTitle({})).toBe('Reglament: просрочено — 3');
    await fx.badge(0, 'Reglament: what is due today');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Reglament: what is due today');
  });

  it('mirrors the interface language where pages and content scripts read it', async () => {
    const fx = browserEffects();
    await fx.language('en');
    expect(await fakeBrowser.storage.local.get(localeStorageKey)).toEqual({ [localeStorageKey]: 'en' });
    await fx.language('ru');
    expect(await fakeBrowser.storage.local.get(localeStorageKey)).toEqual({ [localeStorageKey]: 'ru' });
  });

  it('builds tab patterns from target URLs', () => {
    expect(tabPatternOf('https://smmpro.amocrm.ru/leads/detail/1')).toBe('https://smmpro.amocrm.ru/leads/detail/1*');
    expect(tabPatternOf('https://www.instagram.com/coffee/')).toBe('https://www.instagram.com/coffee*');
    expect(tabPatternOf('chrome-extension://x/options.html#amocrm')).toBe('chrome-extension://x/options.html*');
    expect(tabPatternOf('http://smmpro.amocrm.ru/leads/detail/1')).toBeNull();
    expect(tabPatternOf('not a url')).toBeNull();
  });
});
