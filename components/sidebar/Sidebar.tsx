// The Instagram sidebar: a fixed panel at the right edge (or a small tab when collapsed).
import { Component, type ComponentChildren } from 'preact';
import { translator } from '@/lib/i18n/translate';
import type { Controller } from './controller';
import { messages } from './strings';
import { ClientPanel } from './ClientPanel';
import { LinkClient } from './LinkClient';
import { RoundPanel } from './RoundPanel';
import { PostPageNote } from './PostPageNote';

export function Sidebar({ c }: { c: Controller }) {
  const mode = c.mode.value;
  if (mode.kind === 'hidden') return null;
  const t = translator(messages, c.locale.value);
  const collapsed = c.collapsed.value;
  const failure = c.failure.value;
  const layout = c.layout.value;
  return (
    <div
      class={`rg ${collapsed ? 'rg--collapsed' : ''} ${layout.docked ? 'rg--docked' : 'rg--overlay'}`}
      lang={c.locale.value}
      style={{ '--rg-w': `${layout.width}px`, '--rg-top': `${layout.top}px` }}
    >
      <button
        type="button"
        class="rg-tab"
        aria-expanded={!collapsed}
        aria-controls="rg-panel"
        aria-label={collapsed ? t('expand') : t('collapse')}
        title={collapsed ? t('expand') : t('collapse')}
        onClick={c.toggle}
      >
        <span class="rg-logo" aria-hidden="true">
          R
        </span>
        <span class="rg-chevron" aria-hidden="true">
          {collapsed ? '‹' : '›'}
        </span>
      </button>
      <aside id="rg-panel" class="rg-panel" aria-label={t('panelLabel')} hidden={collapsed}>
        <header class="rg-head">
          <span class="rg-logo" aria-hidden="true">
            R
          </span>
          <span class="rg-brand">{t('brand')}</span>
        </header>
        <div class="rg-body">
          {failure === 'invalidated' ? (
            <p class="rg-note" role="status">
              {t('invalidated')}
            </p>
          ) : failure ? (
            <p class="rg-note rg-note--bad" role="alert">
              {t('failed', { message: failure })}
            </p>
          ) : null}
          {failure === 'invalidated' ? null : (
            <Guard>
              {mode.kind === 'round' ? (
                <>
                  <PostPageNote c={c} t={t} />
                  <RoundPanel c={c} t={t} round={mode.round} />
                </>
              ) : mode.state.kind === 'loading' ? (
                <p class="rg-muted" role="status">
                  {t('loading')}
                </p>
              ) : mode.state.kind === 'unknown' ? (
                <LinkClient c={c} t={t} username={mode.state.username} clients={mode.state.clients} />
              ) : (
                <ClientPanel c={c} t={t} view={mode.state.view} plan={mode.state.plan} />
              )}
            </Guard>
          )}
        </div>
      </aside>
    </div>
  );
}

/** A rendering error stays inside the panel; Instagram's page never sees it. */
class Guard extends Component<{ children: ComponentChildren }, { error: boolean }> {
  override state = { error: false };
  override componentDidCatch() {
    this.setState({ error: true });
  }
  override render() {
    return this.state.error ? <p class="rg-note rg-note--bad">⚠︎</p> : this.props.children;
  }
}
