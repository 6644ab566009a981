import { render } from 'preact';
import { amocrmMatches } from '@/lib/hosts';
import type { ContentScriptContext, ShadowRootContentScriptUi } from '#imports';

function leadIdOf(url: string): number | null {
  const match = /^\/leads\/detail\/(\d+)/.exec(new URL(url).pathname);
  return match ? Number(match[1]) : null;
}

export default defineContentScript({
  matches: amocrmMatches,
  cssInjectionMode: 'ui',
  async main(ctx) {
    let ui: ShadowRootContentScriptUi<void> | null = null;
    let shownLead: number | null = null;

    const sync = async (url: string) => {
      const leadId = leadIdOf(url);
      if (leadId === shownLead) return;
      ui?.remove();
      ui = null;
      shownLead = leadId;
      if (leadId === null) return;
      ui = await mountOverlay(ctx, leadId);
    };

    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void sync(newUrl.href));
    await sync(location.href);
  },
});

async function mountOverlay(ctx: ContentScriptContext, leadId: number) {
  const ui = await createShadowRootUi(ctx, {
    name: 'reglament-overlay',
    position: 'inline',
    anchor: 'body',
    onMount(container) {
      render(<section data-lead={leadId}>Reglament</section>, container);
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return ui;
}
