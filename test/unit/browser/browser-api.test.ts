// The one place where browsers differ (lib/browser/api.ts): MV2's browserAction, Firefox's refusals, tab queries that
// answer nothing usable. The real Firefox runs in the smoke (test/firefox/smoke.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserEffects } from '../../../lib/worker/browser-effects';
import { queryTabs, showNotification, toolbarButton } from '../../../lib/browser/api';
import { openAmocrmTabHost } from '../../../lib/worker/team-sync';

type Loose = Record<string, unknown>;

describe('browser-api', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('sets the badge through browserAction where there is no action (Firefox MV2)', async () => {
    const action = (fakeBrowser as unknown as Loose).action;
    const texts: string[] = [];
    const mv2 = {
      setBadgeText: async ({ text }: { text: string }) => void texts.push(text),
      setBadgeBackgroundColor: async () => undefined,
      getBadgeText: async () => texts.at(-1) ?? '',
      setTitle: async ({ title }: { title: string }) => void texts.push(title),
    };
    Object.assign(fakeBrowser, { action: undefined, browserAction: mv2 });
    try {
      expect(toolbarButton()).toBe(mv2);
      await browserEffects().badge(4, 'Reglament: 4 overdue');
      expect(texts).toEqual(['4', 'Reglament: 4 overdue']);
    } finally {
      Object.assign(fakeBrowser, { action, browserAction: undefined });
    }
  });

  it('sets no badge, and throws nothing, where neither button API exists', async () => {
    const action = (fakeBrowser as unknown as Loose).action;
    Object.assign(fakeBrowser, { action: undefined });
    try {
      expect(toolbarButton()).toBeNull();
      await expect(browserEffects().badge(2, 'Reglament')).resolves.toBeUndefined();
    } finally {
      Object.assign(fakeBrowser, { action });
    }
  });

  it('answers an empty list when a tab query answers nothing or is refused', async () => {
    // chrome.tabs.query on Firefox returns undefined (callbacks only): the account check broke on it.
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValueOnce(undefined as never);
    expect(await queryTabs('https://*.amocrm.ru/*')).toEqual([]);
    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValueOnce(new Error('Invalid url pattern'));
    expect(await queryTabs('moz-extension://x/*')).toEqual([]);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValueOnce(undefined as never);
    expect(await openAmocrmTabHost()).toBeNull();
  });

  it('finds the host of an open amoCRM tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValueOnce([
      { id: 1, url: 'https://smmpro.amocrm.ru/leads/detail/5' },
    ] as never);
    expect(await openAmocrmTabHost()).toBe('smmpro.amocrm.ru');
  });

  it('falls back to a plain notification where buttons are refused (Firefox)', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    create.mockRejectedValueOnce(new Error('Type error for parameter options: Property "buttons" is unsupported by Firefox'));
    await showNotification('n1', {
      title: 'T',
      message: 'M',
      iconUrl: '/icon/128.png',
      buttons: ['Open', 'Snooze'],
      requireInteraction: true,
    });
    expect(create).toHaveBeenCalledTimes(2);
    expect(create.mock.calls[1]).toEqual(['n1', { type: 'basic', iconUrl: '/icon/128.png', title: 'T', message: 'M' }]);
  });
});
