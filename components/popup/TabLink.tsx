// A link the popup opens in a tab of its own, focusing the tab that already shows the page.
import type { ComponentChildren } from 'preact';
import { openOrFocus } from '@/lib/browser/tabs';

export function TabLink({
  url,
  title,
  class: className,
  children,
}: {
  url: string;
  title?: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <a
      class={className}
      href={url}
      title={title}
      onClick={(e) => {
        e.preventDefault();
        void openOrFocus(url);
      }}
    >
      {children}
    </a>
  );
}
