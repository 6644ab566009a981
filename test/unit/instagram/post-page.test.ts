// A post page records its post through the worker, once, and nothing from a half-read page.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readPostDom } from '@/lib/instagram/dom';
import { recordPostPage, type PostPageDeps } from '@/lib/instagram/post-page';
import type { ClientView } from '@/lib/messaging/protocol';
import type { NewClientEvent } from '@/lib/model/facts';
import { createSeed, renderInstagramHtml } from '../../fakes';

const seed = createSeed(Date.parse('2026-03-12T09:30:00Z'));
const profile = seed.profiles.find((p) => p.username === 'fitzone_astana')!;
const today = profile.posts.find((p) => !p.pinned && !p.isVideo)!;
const view = { client: { id: 'smmpro.amocrm.ru:1005' } } as ClientView;

function deps(html: string, shortcode: string, username: string | null, over: Partial<PostPageDeps> = {}) {
  const recorded: NewClientEvent[] = [];
  const d: PostPageDeps = {
    read: () => readPostDom(parseHTML(html).document, shortcode, username),
    wait: async () => undefined,
    tries: 3,
    clientByInstagram: async (name) => (name === 'fitzone_astana' ? view : null),
    record: async (event) => {
      const fresh = !recorded.some((e) => e.id === event.id);
      recorded.push(event);
      return { recorded: fresh };
    },
    current: () => true,
    ...over,
  };
  return { d, recorded };
}

describe('recordPostPage', () => {
  it("/{username}/p/{code}/: the post is recorded for its client at its own time, with the endpoints' id", async () => {
    const html = renderInstagramHtml(seed, `/fitzone_astana/p/${today.shortcode}/`).html;
    const { d, recorded } = deps(html, today.shortcode, 'fitzone_astana');
    expect(await recordPostPage(d)).toEqual({
      kind: 'recorded',
      username: 'fitzone_astana',
      shortcode: today.shortcode,
      at: Math.floor(today.takenAt / 1000) * 1000,
      fresh: true,
    });
    expect(recorded).toEqual([
      {
        id: `ig:post:${today.shortcode}`,
        clientId: view.client.id,
        type: 'post',
        at: Math.floor(today.takenAt / 1000) * 1000,
        source: 'instagram',
        shortcode: today.shortcode,
      },
    ]);
    // Opened again: the worker already has it.
    expect(await recordPostPage(d)).toMatchObject({ kind: 'recorded', fresh: false });
  });

  it('/p/{code}/ of an account that is not a client records nothing', async () => {
    const other = seed.profiles.find((p) => p.username === 'smmpro.agency')!.posts[0];
    const { d, recorded } = deps(renderInstagramHtml(seed, `/p/${other.shortcode}/`).html, other.shortcode, null);
    expect(await recordPostPage(d)).toEqual({ kind: 'not-client', username: 'smmpro.agency' });
    expect(recorded).toEqual([]);
  });

  it('a page that never shows the post whole says what is missing and records nothing', async () => {
    let reads = 0;
    const { d, recorded } = deps(
      '<main><article><a href="/fitzone_astana/">fitzone_astana</a></article></main>',
      'Cabc12345',
      null,
      {
        read: () => (
          reads++,
          readPostDom(
            parseHTML('<main><article><a href="/fitzone_astana/">fitzone_astana</a></article></main>').document,
            'Cabc12345',
          )
        ),
      },
    );
    expect(await recordPostPage(d)).toEqual({ kind: 'unreadable', missing: ['time'] });
    expect(reads).toBe(3);
    expect(recorded).toEqual([]);
  });

  it('navigating away stops it before anything is recorded', async () => {
    let live = true;
    const { d, recorded } = deps('<main></main>', 'Cabc12345', null, {
      wait: async () => void (live = false),
      current: () => live,
    });
    expect(await recordPostPage(d)).toBeNull();
    expect(recorded).toEqual([]);
  });
});
