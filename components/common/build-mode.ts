// What the test build (`npm run build:e2e` = `wxt build --mode e2e`) changes, read at build time so
// the shipped bundle carries neither branch's test half: open shadow roots (Playwright looks
// inside) and state attributes on the overlay's host. The shipped build keeps both UIs in closed
// roots and leaves no Reglament data attributes on the page's DOM, so amoCRM's and Instagram's own
// scripts learn nothing about the agency's clients.
export const isTestBuild = import.meta.env.MODE === 'e2e';

export const shadowMode: ShadowRootMode = isTestBuild ? 'open' : 'closed';

/** Sets a state attribute on a UI host in the test build only (tests wait on them). */
export function markForTests(host: HTMLElement, name: string, value: string): void {
  if (isTestBuild) host.dataset[name] = value;
}
