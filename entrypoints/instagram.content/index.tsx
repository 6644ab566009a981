import { render } from 'preact';
import { instagramMatches } from '@/lib/hosts';

export default defineContentScript({
  matches: instagramMatches,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'reglament-sidebar',
      position: 'inline',
      anchor: 'body',
      onMount(container) {
        render(<aside>Reglament</aside>, container);
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
