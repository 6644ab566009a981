import { describe, expect, it, vi } from 'vitest';
import { createMessenger, ExtensionContextInvalidatedError, WorkerError } from '../../../lib/messaging/client';
import { createRouter, type Handlers } from '../../../lib/messaging/router';
import { classifySender, type SenderInfo } from '../../../lib/messaging/sender';
import { optionsAnchor } from '../../../lib/messaging/protocol';
import { messageTypes, validatePayload } from '../../../lib/messaging/validate';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const popup: SenderInfo = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const optionsTab: SenderInfo = {
  id: 'ext-id',
  url: 'chrome-extension://ext-id/options.html',
  tab: { id: 3, url: 'chrome-extension://ext-id/options.html' },
};
const amo: SenderInfo = {
  id: 'ext-id',
  url: 'https://smmpro.amocrm.ru/leads/detail/1',
  origin: 'https://smmpro.amocrm.ru',
  frameId: 0,
  tab: { id: 1 },
};
const insta: SenderInfo = { id: 'ext-id', url: 'https://www.instagram.com/coffee/', frameId: 0, tab: { id: 2 } };

describe('classifySender', () => {
  it.each([
    ['popup', popup, 'page'],
    ['options tab', optionsTab, 'page'],
    ['amoCRM top frame', amo, 'content'],
    ['Instagram top frame', insta, 'content'],
  ])('accepts %s', (_l, sender, kind) => {
    const r = classifySender(sender, self);
    expect(r.ok && r.sender.kind).toBe(kind);
  });
  it.each([
    ['another extension', { ...popup, id: 'evil' }],
    ['an iframe', { ...amo, frameId: 3 }],
    ['a foreign origin', { ...amo, url: 'https://evil.example/', origin: 'https://evil.example' }],
    ['a lookalike host', { ...amo, url: 'https://smmpro.amocrm.ru.evil.com/', origin: 'https://smmpro.amocrm.ru.evil.com' }],
    ['http', { ...amo, url: 'http://smmpro.amocrm.ru/', origin: 'http://smmpro.amocrm.ru' }],
    ['origin/url mismatch', { ...amo, origin: 'https://evil.example' }],
    ['no tab and no extension url', { id: 'ext-id', url: 'https://smmpro.amocrm.ru/' }],
    ['our page framed in a foreign tab', { ...popup, tab: { id: 1, url: 'https://evil.example/' } }],
  ])('rejects %s', (_l, sender) => expect(classifySender(sender as SenderInfo, self).ok).toBe(false));
});

function handlers() {
  const calls: string[] = [];
  const h = Object.fromEntries(
    messageTypes.map((t) => [t, vi.fn(async () => (calls.push(t), { ok: t }))]),
  ) as unknown as Handlers;
  return { h, calls };
}
const env = (type: string, payload: unknown) => ({ reglament: 1, type, payload });
const c = {
  id: 'smmpro.amocrm.ru:1',
  host: 'smmpro.amocrm.ru',
  leadId: 1,
  name: 'A',
  service: null,
  payer: null,
  managerId: null,
  managerName: null,
  instagram: null,
  credentialsFilled: false,
  stageName: null,
  updatedAt: 1,
};

describe('router', () => {
  it('ignores non-envelopes and rejects unknown types', async () => {
    const { h } = handlers();
    const route = createRouter(h, () => self);
    expect(await route({ hello: 1 }, popup)).toBeUndefined();
    expect(await route(env('nope', {}), popup)).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
  });

  it('lets content scripts use only their subset', async () => {
    const { h, calls } = handlers();
    const route = createRouter(h, () => self);
    for (const type of [
      'settings.set',
      'backup.export',
      'backup.import',
      'data.delete',
      'token.set',
      'token.status',
      'client.events',
      'settings.get',
    ])
      expect(await route(env(type, {}), amo)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // the sidebar reads clients by Instagram account, never a view by id; the overlay never links accounts
    expect(await route(env('client.view', { clientId: 'smmpro.amocrm.ru:1' }), insta)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await route(env('client.linkInstagram', { clientId: 'smmpro.amocrm.ru:1', username: 'x' }), amo)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await route(env('settings.view', {}), amo)).toMatchObject({ ok: true });
    expect(await route(env('settings.set', { settings: {} }), popup)).toMatchObject({ ok: true });
    expect(calls).toEqual(['settings.view', 'settings.set']);
  });

  it('rejects malformed payloads before any handler runs', async () => {
    const { h, calls } = handlers();
    const route = createRouter(h, () => self);
    const bad = await route(
      env('client.sync', { client: c, events: [{ clientId: c.id, type: 'post', at: NaN, source: 'instagram' }] }),
      popup,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((bad as { error: { message: string } }).error.message).toContain('payload.events[0].at');
    expect(
      await route(
        env('client.sync', { client: c, events: [{ clientId: 'smmpro.amocrm.ru:2', type: 'payment', at: 1, source: 'amocrm' }] }),
        popup,
      ),
    ).toMatchObject({ ok: false });
    expect(
      await route(env('event.record', { event: { clientId: c.id, type: 'tick', at: 1, source: 'manager' } }), popup),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await route(env('data.delete', { confirm: 'yes' }), popup)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await route(env('clients.list', { extra: 1 }), popup)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    for (const limit of [0, -5, 2.5, '60', Number.NaN])
      expect(await route(env('agenda.get', { limit }), popup)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(calls).toEqual([]);
  });

  it('options.open: content scripts may ask for it; the section must be a known one', async () => {
    const { h, calls } = handlers();
    const route = createRouter(h, () => self);
    expect(await route(env('options.open', { section: 'amocrm' }), amo)).toMatchObject({ ok: true });
    expect(await route(env('options.open', {}), insta)).toMatchObject({ ok: true });
    expect(await route(env('options.open', { section: 'newClients' }), popup)).toMatchObject({ ok: true });
    for (const payload of [
      { section: 'secrets' },
      { section: 'AMOCRM' },
      { section: 1 },
      { section: null },
      { section: 'amocrm', url: 'https://evil.example/' },
    ]) {
      const r = await route(env('options.open', payload), amo);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(validatePayload('options.open', { section: 'templates' })).toEqual({ ok: true, value: { section: 'templates' } });
    expect(validatePayload('options.open', {})).toEqual({ ok: true, value: {} });
    expect(calls).toEqual(['options.open', 'options.open', 'options.open']);
    expect(optionsAnchor('currentClients')).toBe('current-clients');
  });

  it('dashboard.open: content scripts may ask for it with a client id, nothing else', async () => {
    const { h, calls } = handlers();
    const route = createRouter(h, () => self);
    expect(await route(env('dashboard.open', { clientId: 'smmpro.amocrm.ru:1004' }), insta)).toMatchObject({ ok: true });
    expect(await route(env('dashboard.open', {}), amo)).toMatchObject({ ok: true });
    for (const payload of [
      { clientId: 'javascript:alert(1)' },
      { clientId: 5 },
      { clientId: 'x:1', url: 'https://evil.example/' },
    ]) {
      expect(await route(env('dashboard.open', payload), insta)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(calls).toEqual(['dashboard.open', 'dashboard.open']);
  });

  it('keeps a content script inside its own amoCRM host', async () => {
    const { h, calls } = handlers();
    const route = createRouter(h, () => self);
    const other = { ...c, id: 'other.amocrm.ru:1', host: 'other.amocrm.ru' };
    expect(await route(env('client.sync', { client: other, events: [] }), amo)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await route(
        env('event.record', { event: { clientId: other.id, type: 'payment', at: Date.UTC(2026, 0, 1), source: 'amocrm' } }),
        amo,
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route(env('client.sync', { client: c, events: [] }), insta)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await route(
        env('event.record', { event: { clientId: c.id, type: 'payment', at: Date.UTC(2026, 0, 1), source: 'instagram' } }),
        insta,
      ),
    ).toMatchObject({ ok: false });
    expect(
      await route(
        env('event.record', { event: { clientId: c.id, type: 'post', at: Date.UTC(2026, 0, 1), source: 'instagram' } }),
        insta,
      ),
    ).toMatchObject({ ok: true });
    expect(await route(env('client.sync', { client: c, events: [] }), amo)).toMatchObject({ ok: true });
    expect(calls).toEqual(['event.record', 'client.sync']);
  });
});

describe('sendMessage client', () => {
  it('unwraps replies and throws the worker message', async () => {
    const ok = createMessenger(async () => ({ ok: true, data: [1] }));
    expect(await ok('clients.list', {})).toEqual([1]);
    const no = createMessenger(async () => ({ ok: false, error: { code: 'forbidden', message: 'nope' } }));
    await expect(no('clients.list', {})).rejects.toThrow(new WorkerError('forbidden', 'nope'));
  });
  it('turns a dead extension context into ExtensionContextInvalidatedError', async () => {
    const dead = createMessenger(async () => {
      throw new Error('Extension context invalidated.');
    });
    await expect(dead('clients.list', {})).rejects.toBeInstanceOf(ExtensionContextInvalidatedError);
  });
});

describe('message payloads (valibot schemas)', () => {
  const event = { clientId: c.id, type: 'payment', at: Date.UTC(2026, 0, 1), source: 'amocrm' };

  it('refuses prototype keys, unknown fields and class instances in every message', () => {
    for (const type of messageTypes) {
      expect(validatePayload(type, JSON.parse('{"__proto__": {"admin": true}}')), type).toMatchObject({ ok: false });
      expect(validatePayload(type, { constructor: 1 }), type).toMatchObject({ ok: false });
      expect(validatePayload(type, { surprise: 1 }), type).toMatchObject({ ok: false });
      expect(validatePayload(type, new Date()), type).toMatchObject({ ok: false });
      expect(validatePayload(type, 'payload'), type).toMatchObject({ ok: false });
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('checks what the fields mean, and normalises what it accepts', () => {
    expect(validatePayload('client.sync', { client: c, events: [{ ...event, clientId: 'smmpro.amocrm.ru:999' }] })).toMatchObject(
      {
        ok: false,
        errors: [{ path: 'payload.events' }],
      },
    );
    expect(validatePayload('client.sync', { client: c, events: [event] })).toMatchObject({ ok: true });
    expect(validatePayload('event.record', { event: { ...event, at: 8.64e15 } })).toMatchObject({ ok: false });
    expect(validatePayload('client.byInstagram', { username: '@Coffee.Almaty' })).toEqual({
      ok: true,
      value: { username: 'coffee.almaty' },
    });
    expect(validatePayload('token.set', { token: '  abcdefgh12  ', origin: 'https://smmpro.amocrm.ru' })).toEqual({
      ok: true,
      value: { token: 'abcdefgh12', origin: 'https://smmpro.amocrm.ru' },
    });
    for (const origin of ['https://attacker.example', 'https://smmpro.amocrm.ru/', 'http://smmpro.amocrm.ru'])
      expect(validatePayload('token.set', { token: 'abcdefgh12', origin }), origin).toMatchObject({ ok: false });
    expect(validatePayload('token.set', { token: 'abc def ghi', origin: 'https://smmpro.amocrm.ru' })).toMatchObject({
      ok: false,
    });
    expect(validatePayload('instagram.read', { reader: 'user-feed', text: '{}' })).toMatchObject({ ok: false });
    expect(validatePayload('instagram.read', { reader: 'eval', text: '{}' })).toMatchObject({ ok: false });
    expect(validatePayload('board.view', { clientIds: Array.from({ length: 1001 }, () => c.id) })).toMatchObject({ ok: false });
    expect(validatePayload('dashboard.month', { month: '2026-13' })).toMatchObject({ ok: false });
  });
});
