// A visit of a deal card paints the best state it has at once: what this page showed last time,
// then the worker's last computed view, then the fresh read.
import { describe, expect, it } from 'vitest';
import { missingAmoApi } from '@/lib/amocrm/api-port';
import { createSession } from '@/lib/amocrm/session';
import type { ClientView, Send } from '@/lib/messaging/protocol';

const view = (label: string) => ({ label }) as unknown as ClientView;

function session(remembered: ClientView | null, workerView: Promise<ClientView | null>) {
  const sent: string[] = [];
  const send = ((type: string) => {
    sent.push(type);
    return type === 'client.view' ? workerView : new Promise(() => undefined);
  }) as Send;
  const s = createSession({
    host: 'smmpro.amocrm.ru',
    leadId: 1003,
    send,
    api: missingAmoApi(),
    // The fresh read never finishes here: only the first states are under test.
    settings: () => new Promise(() => undefined),
    cardReady: () => new Promise(() => undefined),
    doc: () => ({}) as ParentNode,
    remembered,
    onInvalidated: () => undefined,
    isInvalidated: () => false,
  });
  return { s, sent };
}

describe('deal card session: first states', () => {
  it('paints what the page remembered before any message, then the worker’s last view replaces it', async () => {
    let answer!: (v: ClientView | null) => void;
    const { s, sent } = session(view('remembered'), new Promise((r) => (answer = r)));
    expect(s.data.get().view).toEqual(view('remembered'));
    expect(s.data.get().synced).toBe(false);
    s.start();
    expect(sent).toContain('client.view');
    answer(view('worker'));
    await new Promise((r) => setTimeout(r, 0));
    expect(s.data.get().view).toEqual(view('worker'));
    expect(s.data.get().synced).toBe(false);
  });

  it('keeps the remembered view when the worker knows nothing yet', async () => {
    const { s } = session(view('remembered'), Promise.resolve(null));
    s.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(s.data.get().view).toEqual(view('remembered'));
  });

  it('without a memory it starts empty and takes the worker’s view', async () => {
    const { s } = session(null, Promise.resolve(view('worker')));
    expect(s.data.get().view).toBeNull();
    s.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(s.data.get().view).toEqual(view('worker'));
  });
});
