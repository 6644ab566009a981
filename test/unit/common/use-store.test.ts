// useStore re-renders on a change at once, with no animation frame or timer in between: while a
// long amoCRM page parses Chromium runs no frame, and the deal's view must reach the card then.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { store } from '@/lib/amocrm/store';
import { useStore } from '@/components/common/use-store';

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('useStore', () => {
  let root: HTMLElement;
  beforeEach(() => {
    // Frames and timers never come: only what runs within the task and its microtasks counts.
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'requestAnimationFrame'] });
    const { document } = parseHTML('<!DOCTYPE html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    root = document.getElementById('root') as unknown as HTMLElement;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows a value set after the first render without waiting for a frame', async () => {
    const view = store<string | null>(null);
    const Card = () => h('p', null, useStore(view) ?? 'loading');
    render(h(Card, null), root);
    expect(root.textContent).toBe('loading');
    view.set('countdowns');
    await flush();
    expect(root.textContent).toBe('countdowns');
  });

  it('catches a change made between the render and the subscription', async () => {
    const view = store('old');
    const Card = () => {
      const value = useStore(view);
      // The change lands while the component renders (an answer arriving mid-commit).
      if (value === 'old') view.set('new');
      return h('p', null, value);
    };
    render(h(Card, null), root);
    await flush();
    expect(root.textContent).toBe('new');
  });

  it('stops listening once unmounted', async () => {
    const view = store(1);
    const seen: number[] = [];
    const Card = () => {
      const value = useStore(view);
      seen.push(value);
      return h('p', null, String(value));
    };
    render(h(Card, null), root);
    render(null, root);
    view.set(2);
    await flush();
    expect(seen).toEqual([1]);
  });
});
