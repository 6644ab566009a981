import { describe, expect, it } from 'vitest';
import { createPrefetch } from '@/lib/amocrm/prefetch';
import type { ClientView } from '@/lib/messaging/protocol';

const HOST = 'smmpro.amocrm.ru';
const view = (leadId: number) => ({ client: { id: `${HOST}:${leadId}` } }) as unknown as ClientView;
const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(answer: (clientId: string) => Promise<ClientView | null> = async (id) => view(Number(id.split(':')[1]))) {
  const asked: string[] = [];
  const kept = new Map<number, ClientView>();
  let current: number | null = null;
  const prefetch = createPrefetch({
    host: HOST,
    send: (_type, { clientId }) => (asked.push(clientId), answer(clientId)),
    has: (id) => kept.has(id),
    current: () => current,
    keep: (id, v) => kept.set(id, v),
  });
  return { prefetch, asked, kept, open: (id: number | null) => (current = id) };
}

describe('prefetch of a pointed deal', () => {
  it('asks the worker once per deal and keeps its view for the card', async () => {
    const s = setup();
    s.prefetch(`https://${HOST}/leads/detail/1004`);
    s.prefetch(`https://${HOST}/leads/detail/1004?tab=notes`);
    await settle();
    s.prefetch(`https://${HOST}/leads/detail/1004`);
    expect(s.asked).toEqual([`${HOST}:1004`]);
    expect(s.kept.get(1004)).toEqual(view(1004));
  });

  it('ignores other links, the deal open now, and deals the page already shows', async () => {
    const s = setup();
    s.kept.set(7, view(7));
    s.open(8);
    for (const href of [
      `https://${HOST}/leads/pipeline/1/`,
      `https://${HOST}/contacts/detail/5`,
      'not a url',
      `https://${HOST}/leads/detail/7`,
      `https://${HOST}/leads/detail/8`,
    ])
      s.prefetch(href);
    await settle();
    expect(s.asked).toEqual([]);
  });

  it('an unknown deal or a failed message keeps nothing and never throws', async () => {
    const unknown = setup(async () => null);
    unknown.prefetch(`https://${HOST}/leads/detail/9`);
    const failing = setup(async () => Promise.reject(new Error('Extension context invalidated')));
    failing.prefetch(`https://${HOST}/leads/detail/9`);
    await settle();
    expect(unknown.kept.size).toBe(0);
    expect(failing.kept.size).toBe(0);
    expect(failing.asked).toEqual([`${HOST}:9`]);
  });

  it('a view the card itself got first is not replaced by the prefetched one', async () => {
    let release: (v: ClientView) => void = () => undefined;
    const s = setup(() => new Promise((r) => (release = r)));
    s.prefetch(`https://${HOST}/leads/detail/11`);
    const fromCard = { ...view(11), fresh: true } as unknown as ClientView;
    s.kept.set(11, fromCard);
    release(view(11));
    await settle();
    expect(s.kept.get(11)).toBe(fromCard);
  });
});
