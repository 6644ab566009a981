// The sidebar session in Node: a real worker over fake-indexeddb answers its messages, Instagram's
// endpoints refuse (401), the page is a stub. Proves the session needs no browser of its own.
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../lib/instagram/api';
import type { DomProfile } from '../../../lib/instagram/dom';
import { createSidebarSession } from '../../../lib/instagram/session';
import type { Send } from '../../../lib/messaging/protocol';
import type { Handlers } from '../../../lib/messaging/router';
import { almaty, client, setupWorker } from '../worker/helpers';

const contentScript = { sender: { kind: 'content' as const, site: 'instagram' as const, host: 'www.instagram.com' } };

async function setup(page: Partial<DomProfile> = {}) {
  const start = almaty('2026-12-01T12:00:00');
  const { worker, db } = await setupWorker(start);
  await worker.handlers['client.sync']({ client: client(1, { instagram: 'coffee' }), events: [] }, contentScript);
  await worker.handlers['client.sync']({ client: client(2, { instagram: null, name: 'Цветы' }), events: [] }, contentScript);
  const sent: string[] = [];
  const send: Send = (type, payload) => {
    sent.push(type);
    const handler = worker.handlers[type] as (p: unknown, ctx: unknown) => ReturnType<Handlers[typeof type]>;
    return handler(payload, contentScript);
  };
  let href = 'https://www.instagram.com/coffee/';
  const session = createSidebarSession({
    send,
    isInvalidated: (e) => e instanceof Error && e.message === 'invalidated',
    fetch: async () => new Response('{}', { status: 401 }),
    store: async () => memoryStore(),
    csrfToken: () => null,
    readPage: () => ({ username: 'coffee', story: { live: false, pk: null }, shortcodes: ['A1'], pinned: [], ...page }),
    href: () => href,
    now: () => start,
    wait: async () => undefined,
  });
  return { session, sent, db, go: (to: string) => ((href = to), session.navigate(to)) };
}

const settled = () => new Promise((r) => setTimeout(r, 50));

describe('Instagram sidebar session', () => {
  it('shows a known client, falls back to the page when the endpoints refuse, reads the plan', async () => {
    const { session, go } = await setup();
    expect(go('https://www.instagram.com/coffee/')).toBe(true);
    expect(go('https://www.instagram.com/coffee/')).toBe(false); // same page: not a new visit
    await expect.poll(() => session.dom.value?.shortcodes).toEqual(['A1']);
    const mode = session.mode.value;
    expect(mode.kind === 'profile' && mode.state.kind === 'client' && mode.state.view.client.id).toBe('smmpro.amocrm.ru:1');
    // No plan for today: null (undefined while loading, 'unavailable' when the worker fails).
    await expect
      .poll(
        () =>
          session.mode.value.kind === 'profile' && session.mode.value.state.kind === 'client' && session.mode.value.state.plan,
      )
      .toBeNull();
    expect(session.ig.value.kind).toBe('limited'); // 401: Instagram wants a pause; the page is read meanwhile
    expect(session.blind.value).toBe(false);
  });

  it('offers the clients to link an unknown profile, and links it', async () => {
    const { session, go } = await setup({ username: 'flowers', shortcodes: [] });
    go('https://www.instagram.com/flowers/');
    await expect.poll(() => session.mode.value.kind === 'profile' && session.mode.value.state.kind).toBe('unknown');
    await expect
      .poll(() =>
        session.mode.value.kind === 'profile' && session.mode.value.state.kind === 'unknown'
          ? session.mode.value.state.clients?.length
          : 0,
      )
      .toBe(2);
    await session.link('smmpro.amocrm.ru:2');
    const mode = session.mode.value;
    expect(mode.kind === 'profile' && mode.state.kind === 'client' && mode.state.view.client.instagram).toBe('flowers');
    expect(session.blind.value).toBe(true); // no posts readable on the page either
  });

  it('records a manual post on the client on screen, and a left visit changes nothing', async () => {
    const { session, go } = await setup();
    go('https://www.instagram.com/coffee/');
    await expect.poll(() => session.dom.value).not.toBeNull();
    await session.markManual('post');
    const mode = session.mode.value;
    expect(mode.kind === 'profile' && mode.state.kind === 'client' && mode.state.view.lastPostAt).not.toBeNull();
    go('https://www.instagram.com/');
    expect(session.mode.value).toEqual({ kind: 'round', round: undefined });
    await session.markManual('story'); // not a profile any more: nothing is recorded
    await settled();
    expect(session.mode.value.kind).toBe('round');
  });
});
