// Sender and tab checks of the worker ↔ amoCRM tab channel, with forged senders and tabs.
import { describe, expect, it } from 'vitest';
import { fromOwnWorker, pickTab, showsAccount } from '@/lib/record/tab-checks';

const SELF = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' };
const ORIGIN = 'https://smmpro.amocrm.ru';

describe('the tab’s script obeys only this extension’s worker', () => {
  it('takes the worker and the extension’s own pages', () => {
    expect(fromOwnWorker({ id: SELF.id }, SELF)).toBe(true);
    expect(fromOwnWorker({ id: SELF.id, url: `${SELF.origin}/background.js` }, SELF)).toBe(true);
    expect(fromOwnWorker({ id: SELF.id, url: `${SELF.origin}/popup.html` }, SELF)).toBe(true);
  });

  it.each([
    ['no sender', undefined],
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
    ['no id', {}],
    ['a content script in some tab (it has a tab)', { id: SELF.id, url: 'https://evil.example/', tab: { id: 3 } }],
    ['our own content script', { id: SELF.id, url: `${ORIGIN}/leads`, tab: { id: 3 } }],
    ['a URL outside the extension', { id: SELF.id, url: 'https://evil.example/' }],
    ['a look-alike extension origin', { id: SELF.id, url: `${SELF.origin}.evil.example/x` }],
  ])('refuses %s', (_, sender) => {
    expect(fromOwnWorker(sender, SELF)).toBe(false);
  });

  it('refuses everything when the extension has no id (context gone)', () => {
    expect(fromOwnWorker({ id: '' }, { id: '', origin: 'chrome-extension://' })).toBe(false);
  });
});

describe('the worker talks only to a tab of the very account', () => {
  it('knows a tab of the account from others', () => {
    expect(showsAccount({ url: `${ORIGIN}/leads/detail/1` }, ORIGIN)).toBe(true);
    expect(showsAccount({ url: 'https://other.amocrm.ru/leads' }, ORIGIN)).toBe(false);
    expect(showsAccount({ url: 'https://smmpro.amocrm.ru.evil.example/' }, ORIGIN)).toBe(false);
    expect(showsAccount({ url: 'http://smmpro.amocrm.ru/' }, ORIGIN)).toBe(false);
    expect(showsAccount({ url: 'https://smmpro.amocrm.ru:8443/' }, ORIGIN)).toBe(false);
    expect(showsAccount({}, ORIGIN)).toBe(false);
    expect(showsAccount(null, ORIGIN)).toBe(false);
    expect(showsAccount({ url: 'https://evil.example/' }, 'https://evil.example')).toBe(false);
  });

  it('picks the active tab of the account, else the most recently used, never a discarded one', () => {
    const tabs = [
      { id: 1, url: 'https://other.amocrm.ru/leads', active: true, lastAccessed: 90 },
      { id: 2, url: `${ORIGIN}/leads`, lastAccessed: 10 },
      { id: 3, url: `${ORIGIN}/todo`, lastAccessed: 50 },
      { id: 4, url: `${ORIGIN}/leads/detail/5`, lastAccessed: 99, discarded: true },
    ];
    expect(pickTab(tabs, ORIGIN)).toBe(3);
    expect(pickTab([...tabs, { id: 5, url: `${ORIGIN}/leads`, active: true, lastAccessed: 1 }], ORIGIN)).toBe(5);
    expect(pickTab(tabs.slice(0, 1), ORIGIN)).toBeNull();
    expect(pickTab([{ url: `${ORIGIN}/leads` }], ORIGIN)).toBeNull();
    expect(pickTab([], ORIGIN)).toBeNull();
  });
});
