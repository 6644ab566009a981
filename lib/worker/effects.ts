// The browser side effects of the worker, as an interface: the logic runs in Node with a fake,
// the service worker passes ./browser-effects.ts.

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
  badge(count: number): Promise<void>;
}
