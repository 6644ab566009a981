// The sidebar's open/folded preference across a single-page navigation: the re-measure that
// follows it applies the layout's default, unless the manager chose while the page was rendering.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PanelLayout } from '@/components/sidebar/layout';

const measured = vi.hoisted(() => ({ layout: { docked: true, width: 300, top: 16 } as PanelLayout }));
vi.mock('@/components/sidebar/layout', () => ({ measureLayout: () => measured.layout }));

const { createSidebarPrefs } = await import('@/components/sidebar/prefs');
const wide: PanelLayout = { docked: true, width: 300, top: 16 };
const narrow: PanelLayout = { docked: false, width: 300, top: 200 };

describe('sidebar prefs', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    measured.layout = wide;
  });

  it('a navigation to a narrow page folds the panel by default', async () => {
    const prefs = createSidebarPrefs();
    await prefs.load();
    expect(prefs.collapsed.value).toBe(false);
    const navigatedAt = performance.now();
    measured.layout = narrow;
    prefs.relayout(navigatedAt);
    expect(prefs.collapsed.value).toBe(true);
    expect(prefs.layout.value).toEqual(narrow);
  });

  it('opened by the manager while the new page rendered, it stays open and is remembered for that layout', async () => {
    const prefs = createSidebarPrefs();
    await prefs.load();
    prefs.toggle(); // folded on the wide page
    expect(prefs.collapsed.value).toBe(true);
    const navigatedAt = performance.now();
    prefs.toggle(); // opened again before the new page was measured
    measured.layout = narrow;
    prefs.relayout(navigatedAt);
    expect(prefs.collapsed.value).toBe(false);
    expect((await fakeBrowser.storage.local.get('sidebar.collapsed'))['sidebar.collapsed']).toEqual({
      wide: false,
      narrow: false,
    });
    // A later page of the same layout opens as chosen; a resize re-measure follows the remembered choice.
    const later = performance.now() + 1;
    prefs.relayout(later);
    expect(prefs.collapsed.value).toBe(false);
    prefs.relayout();
    expect(prefs.collapsed.value).toBe(false);
  });

  it('a choice made before the navigation does not count for the new layout', async () => {
    const prefs = createSidebarPrefs();
    await prefs.load();
    prefs.toggle();
    prefs.toggle(); // open on the wide page: remembered for wide only
    const navigatedAt = performance.now() + 1;
    measured.layout = narrow;
    prefs.relayout(navigatedAt);
    expect(prefs.collapsed.value).toBe(true);
  });
});
