// The browser side effects of the worker, as an interface: the logic runs in Node with a fake,
// the service worker passes ./browser-effects.ts.
import type { Locale } from '../i18n/locale';

/** One Chrome notification to show. */
export interface ShownNotification {
  id: string;
  title: string;
  message: string;
  buttons: string[];
  /** Breaches stay on screen until acted on. */
  requireInteraction: boolean;
}

export interface Effects {
  scheduleWake(at: number | null): Promise<void>;
  show(notification: ShownNotification): Promise<void>;
  /** The toolbar button: the overdue count and its tooltip. */
  badge(count: number, title: string): Promise<void>;
  /** Mirrors the interface language where content scripts and pages read it (lib/i18n/locale.ts). */
  language(locale: Locale): Promise<void>;
}
