// The small key/value records of the `meta` store, typed.
export interface NotificationTarget {
  /** Opened when the body (or the first button) is clicked. */
  url: string;
  /** When set, the first button opens this instead (e.g. the Instagram profile). */
  altUrl?: string;
  clientId?: string;
  /** For a summary notification: the notification ids it stands for (snoozed together). */
  ids?: string[];
}

export interface AwayWindow {
  /** lastSeenAt of the previous worker life. */
  from: number;
  /** When the worker started again. */
  to: number;
  /** Set once the popup has shown it. */
  shown: boolean;
}

export interface MetaValues {
  schemaVersion: number;
  /** When alarms were last planned. */
  lastPlannedAt: number;
  /** The last moment a worker was known to be alive. */
  lastSeenAt: number;
  awayWindow: AwayWindow;
  /** Notification id → instant until which it waits. */
  snoozes: Record<string, number>;
  /** Notification id → when it was shown (so nothing fires twice). */
  notified: Record<string, number>;
  /** Notification id shown in Chrome → where its clicks lead. */
  notificationTargets: Record<string, NotificationTarget>;
  /** When the next-wake alarm was set for (for diagnostics). */
  nextWakeAt: number | null;
  /** The amoCRM long-lived token: a secret, never exported or returned. */
  amoToken: { token: string; setAt: number };
}

export type MetaKey = keyof MetaValues;
/** Meta keys that never leave the database (backup excludes them). */
export const secretMetaKeys: readonly MetaKey[] = ['amoToken'];
