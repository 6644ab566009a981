// Where the panel may sit: measured from Instagram's own controls and media, never assumed.
// Block containers are ignored (a 630 px feed column is mostly empty); only things a person
// clicks or looks at count.
const contentSelector =
  'a[href], button, [role="button"], [role="link"], [role="tab"], input, textarea, img, svg, video, time, h1, h2';

export interface PanelLayout {
  /** The panel fits beside Instagram's content without covering anything. */
  docked: boolean;
  width: number;
  /** Distance from the top of the viewport. */
  top: number;
}

export const panelMaxWidth = 300;
export const panelMinWidth = 248;
const edge = 12;

export function measureLayout(doc: Document = document): PanelLayout {
  const viewport = doc.documentElement.clientWidth || window.innerWidth;
  const main = doc.querySelector('main');
  let right = 0;
  if (main) {
    const nodes = main.querySelectorAll(contentSelector);
    for (let i = 0; i < nodes.length && i < 3000; i++) {
      const r = nodes[i].getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.right > right) right = r.right;
    }
  } else {
    // Before Instagram renders: its profile column is 935 px beside a 244 px navigation rail.
    right = 244 + (viewport - 244 + 935) / 2;
  }
  const free = viewport - right - 2 * edge;
  if (free >= panelMinWidth) return { docked: true, width: Math.min(panelMaxWidth, Math.floor(free)), top: 16 };
  // Not enough room: opened only on the manager's request, and then below the profile head, so
  // Instagram's own buttons (follow, message) stay uncovered.
  const header = main?.querySelector('header')?.getBoundingClientRect();
  const top = header && header.bottom > 0 ? Math.min(Math.round(header.bottom + 8), Math.round(window.innerHeight * 0.4)) : 16;
  return { docked: false, width: panelMaxWidth, top: Math.max(16, top) };
}
