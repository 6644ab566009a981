// Opening an Instagram page from inside the shadow root. Instagram's router never sees clicks
// in our shadow tree, so the sidebar does what its own links do: pushState + popstate. If the
// page did not follow, a normal navigation takes over.
import { readProfileDom } from '@/lib/instagram/dom';

export function openInstagramPath(event: MouseEvent, path: string, username: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  try {
    history.pushState({}, '', path);
    window.dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
  } catch {
    location.assign(path);
    return;
  }
  setTimeout(() => {
    if (location.pathname === path && readProfileDom(document).username !== username) location.assign(path);
  }, 2500);
}
