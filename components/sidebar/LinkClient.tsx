// An Instagram account no deal names: link it by hand to one of the clients.
import { useState } from 'preact/hooks';
import type { Translate } from '@/lib/i18n/translate';
import type { ClientSummary } from '@/lib/messaging/protocol';
import type { Controller } from './controller';
import type { SidebarKey } from './strings';

interface Props {
  c: Controller;
  t: Translate<SidebarKey>;
  username: string;
  clients: ClientSummary[] | null;
}

export function LinkClient({ c, t, username, clients }: Props) {
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState('');
  const q = query.trim().toLowerCase();
  // Clients without an account first: they are the likely match.
  const list = (clients ?? [])
    .filter((x) => !q || x.name.toLowerCase().includes(q) || (x.instagram ?? '').includes(q))
    .sort((a, b) => Number(!!a.instagram) - Number(!!b.instagram) || a.name.localeCompare(b.name, 'ru'));
  return (
    <div class="rg-link-client">
      <h2 class="rg-name">{t('unknownTitle')}</h2>
      <p class="rg-muted">{t('unknownText', { username })}</p>
      {clients === null ? (
        <p class="rg-muted" role="status">
          {t('loading')}
        </p>
      ) : clients.length === 0 ? (
        <p class="rg-note">{t('linkNone')}</p>
      ) : (
        <form
          class="rg-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (picked) void c.link(picked);
          }}
        >
          <input
            class="rg-input"
            type="search"
            aria-label={t('linkSearch')}
            placeholder={t('linkSearch')}
            value={query}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
          <ul class="rg-options" role="listbox" aria-label={t('linkPick')}>
            {list.map((x) => (
              <li
                key={x.id}
                role="option"
                tabIndex={0}
                aria-selected={picked === x.id}
                class={`rg-option ${picked === x.id ? 'rg-option--on' : ''}`}
                data-client-id={x.id}
                onClick={() => setPicked(x.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    setPicked(x.id);
                  }
                }}
              >
                <span class="rg-option-name">{x.name}</span>
                {x.instagram ? <span class="rg-muted rg-small">{t('alreadyLinked', { username: x.instagram })}</span> : null}
              </li>
            ))}
          </ul>
          <button type="submit" class="rg-btn rg-btn--primary rg-btn--wide" disabled={!picked || c.busy.value === 'link'}>
            {t('linkButton', { username })}
          </button>
        </form>
      )}
    </div>
  );
}
