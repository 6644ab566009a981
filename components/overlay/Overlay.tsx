// The deal-card overlay: header, notices, live deadlines, the stage checklist, scripts.
import { Component, type ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { store } from '@/lib/amocrm/store';
import { useStore } from '@/components/common/use-store';
import type { Locale } from '@/lib/i18n/locale';
import { translator } from '@/lib/i18n/translate';
import { overlayMessages } from '@/lib/amocrm/strings';
import type { Session } from '@/lib/amocrm/session';
import type { OptionsSection } from '@/lib/messaging/protocol';
import type { OverlayEnv } from './context';
import { Header } from './Header';
import { Notices } from './Notices';
import { Deadlines } from './Deadlines';
import { Checklist } from './Checklist';
import { Scripts } from './Scripts';
import { Team } from './Team';
import { Unsent } from './Unsent';
import { DEFAULT_TIME_ZONE } from '@/lib/calendar/default-zone';

export interface OverlayProps {
  session: Session;
  locale: Locale;
  openOptions: (section: OptionsSection) => void;
}

/** A render error shows as a quiet error state, never as an exception in the page. */
class Guard extends Component<{ message: string; children: ComponentChildren }, { failed: string | null }> {
  override state = { failed: null as string | null };
  override componentDidCatch(error: unknown) {
    this.setState({ failed: error instanceof Error ? error.message : String(error) });
  }
  render() {
    return this.state.failed ? (
      <div class="rg-note rg-note--error" role="alert" data-notice="error">
        {this.props.message.replace('{message}', this.state.failed)}
      </div>
    ) : (
      this.props.children
    );
  }
}

function Body({ env }: { env: OverlayEnv }) {
  const data = useStore(env.session.data);
  const { t } = env;
  const stage = data.mapped ? data.mapped.stage : (data.view?.stage ?? null);
  const settings = data.settings;
  return (
    <>
      <Header env={env} data={data} />
      <Notices env={env} data={data} />
      {!data.view && !data.error && !data.layout && <div class="rg-loading">{t('loading')}</div>}
      {data.view && <Deadlines env={env} view={data.view} calendar={settings?.calendar ?? null} />}
      {settings && data.view && <Checklist env={env} stage={stage} view={data.view} settings={settings} />}
      {data.view && <Team env={env} facts={data.view.team} />}
      {settings && data.view && <Scripts env={env} stage={stage} view={data.view} deal={data.deal} settings={settings} />}
    </>
  );
}

export function Overlay({ session, locale, openOptions }: OverlayProps) {
  const now = useMemo(() => store(Date.now()), []);
  const data = useStore(session.data);
  useEffect(() => {
    const timer = setInterval(() => now.set(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const t = translator(overlayMessages, locale);
  const timeZone = data.settings?.calendar.timeZone ?? DEFAULT_TIME_ZONE;
  const env: OverlayEnv = { session, locale, t, now, openOptions, timeZone };
  return (
    <div class="rg" lang={locale}>
      <Guard message={t('error')}>
        <Body env={env} />
      </Guard>
      <Unsent env={env} status={data.view?.record} />
    </div>
  );
}
