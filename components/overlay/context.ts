// What every overlay component needs, passed down as one object.
import type { Readable } from '@/lib/amocrm/store';
import type { Locale } from '@/lib/i18n/locale';
import { dateFormat } from '@/lib/i18n/format';
import type { Translate } from '@/lib/i18n/translate';
import type { OverlayKey } from '@/lib/amocrm/strings';
import type { Session } from '@/lib/amocrm/session';
import type { OptionsSection } from '@/lib/messaging/protocol';

export interface OverlayEnv {
  session: Session;
  locale: Locale;
  t: Translate<OverlayKey>;
  now: Readable<number>;
  /** Opens the options page at a section (through the worker: a page cannot open extension pages). */
  openOptions: (section: OptionsSection) => void;
  timeZone: string;
}

export function formatDate(at: number, timeZone: string, locale: Locale, withTime = true): string {
  return dateFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(at);
}
