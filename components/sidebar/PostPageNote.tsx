// On a post page: whether the post was recorded for its client, or what the page lacked.
import type { Translate } from '@/lib/i18n/translate';
import type { Controller } from './controller';
import type { SidebarKey } from './strings';
import { when } from './format';

export function PostPageNote({ c, t }: { c: Controller; t: Translate<SidebarKey> }) {
  const state = c.postPage.value;
  if (!state) return null;
  const text =
    state.kind === 'recorded'
      ? t('postPageRecorded', { username: state.username, time: when(state.at, c.now.value, c.zone.value, c.locale.value, t) })
      : state.kind === 'not-client'
        ? t('postPageNotClient', { username: state.username })
        : t('postPageUnreadable', { missing: state.missing.map((m) => t(`postPart_${m}`)).join(', ') });
  return (
    <p
      class={`rg-note ${state.kind === 'unreadable' ? 'rg-note--bad' : ''}`}
      role="status"
      data-testid="post-page"
      data-state={state.kind}
    >
      {text}
    </p>
  );
}
