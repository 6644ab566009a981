// Notifications as data: what the planner decides and the worker shows and caches.

export interface NotificationTarget {
  /** Opened when the body (or the first button) is clicked. */
  url: string;
  /** When set, the first button opens this instead (e.g. the Instagram profile). */
  altUrl?: string;
  clientId?: string;
  /** For a summary notification: the notification ids it stands for (snoozed together). */
  ids?: string[];
}

export type NotificationKind = 'warning' | 'breach' | 'post-reminder' | 'stories' | 'renewal' | 'lost' | 'round' | 'round-late';

/** A notification an obligation calls for, before the time is known: plain data (it is cached). */
export interface NotificationCandidate {
  /** Stable per occurrence, so nothing fires twice: `${obligationId}|${kind}` or `round|${slot}`. */
  id: string;
  kind: NotificationKind;
  /** The moment it is about (the deadline, the slot); it shows then, or later (quiet hours, snooze). */
  about: number;
  breach: boolean;
  clientIds: string[];
  /**
   * Rendered once, without reference to the current time: a time in the text carries its date
   * when it is not on the local day of `about`.
   */
  title: string;
  message: string;
  /** The first button's label; the second is always «Отложить 15 мин». */
  openLabel: string;
  target: NotificationTarget;
}

export interface PlannedNotification extends NotificationCandidate {
  /** When it should show (after quiet hours and snoozes). */
  at: number;
}

/** An engagement-round slot as the badge sees it (any state, all clients). */
export interface RoundMark {
  slot: string;
  at: number;
  dueAt: number;
  /** Every account of the slot is done. */
  done: boolean;
}

/** The time-independent result of planning: what to notify about, and what the badge counts. */
export interface Candidates {
  candidates: NotificationCandidate[];
  /** dueAt of every open or overdue obligation with a deadline (rounds aside), ascending. */
  overdueDueTimes: number[];
  /** Every engagement-round slot due since the planning horizon (all of them without one), in the order the agenda meets them. */
  rounds: RoundMark[];
}

/** One client's part in an engagement-round slot (the slot's notification lists all open accounts). */
export interface RoundShare {
  slot: string;
  at: number;
  dueAt: number;
  /** Open or overdue for this client. */
  pending: boolean;
}

/** One client's share of the candidates (the planner combines every client's): plain data, stored per client. */
export interface ClientCandidates {
  /** Its own notifications (rounds aside), in obligation order. */
  candidates: NotificationCandidate[];
  /** dueAt of its open or overdue obligations with a deadline (rounds aside), in obligation order. */
  overdueDueTimes: number[];
  /** Its engagement-round obligations, in obligation order. */
  rounds: RoundShare[];
}
