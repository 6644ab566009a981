// The facts Reglament records: append-only events with the instant they happened.
// Everything else (obligations, alarms, payroll) is derived from these on read.

export type Stage = 'contacted' | 'questionnaire' | 'launched' | 'notice-sent' | 'lost';
export type Service = 'management' | 'complex';
export type Payer = 'individual' | 'legal';
export type EventSource = 'amocrm' | 'instagram' | 'manager';

/** Epoch milliseconds (UTC instant). */
export type Instant = number;

interface EventBase {
  /** Natural key, so the same fact reported twice is stored once (e.g. `amo:status:981`, `ig:post:Cx1`). */
  id: string;
  clientId: string;
  at: Instant;
  source: EventSource;
  /**
   * Who recorded the fact, as amoCRM says: the note's `created_by` (set only on facts read back from
   * the deal's notes; a fact this browser recorded itself has none).
   */
  author?: EventAuthor;
}

export interface EventAuthor {
  /** amoCRM user id. */
  id: number;
  name: string | null;
}

export type ClientEvent =
  | (EventBase & { type: 'deal-created' })
  | (EventBase & { type: 'stage'; stage: Stage })
  /** A checklist item ticked by the manager. `key` scopes recurring items (a round slot `2026-12-07T11:00`, a period start). */
  | (EventBase & { type: 'tick'; item: string; key?: string; value?: string })
  | (EventBase & { type: 'untick'; item: string; key?: string })
  | (EventBase & { type: 'post'; shortcode?: string })
  | (EventBase & { type: 'story'; storyId?: string })
  /** «Дата начала обслуживания» as read from the deal: a calendar date in the agency zone. */
  | (EventBase & { type: 'start-date'; date: string })
  | (EventBase & { type: 'payment' })
  | (EventBase & { type: 'refund' })
  | (EventBase & { type: 'call-recording'; link?: string });

export type ClientEventType = ClientEvent['type'];

/** Every kind of fact, for the readers of backups and scenario files. */
export const clientEventTypes: readonly ClientEventType[] = [
  'deal-created',
  'stage',
  'tick',
  'untick',
  'post',
  'story',
  'start-date',
  'payment',
  'refund',
  'call-recording',
];

/** What a client event looks like before the store gives it identity (used by producers). */
export type NewClientEvent = ClientEvent extends infer E
  ? E extends ClientEvent
    ? Omit<E, 'id'> & { id?: string }
    : never
  : never;

/** A long-lived deal has a few handovers; past this many only the latest are kept. */
export const MAX_HANDOVERS = 200;

/** One change of a deal's responsible manager. */
export interface Handover {
  /** amoCRM's event id. */
  id: string;
  at: Instant;
  /** The manager before (null when amoCRM did not say). */
  fromId: number | null;
  fromName: string | null;
  toId: number;
  toName: string | null;
}

export interface Client {
  /** `{host}:{leadId}`, e.g. `smmpro.amocrm.ru:1001`. */
  id: string;
  host: string;
  leadId: number;
  name: string;
  service: Service | null;
  payer: Payer | null;
  managerId: number | null;
  managerName: string | null;
  /**
   * The deal's changes of responsible manager as amoCRM recorded them (its
   * `entity_responsible_changed` events, read by the team sync), oldest first: an obligation is
   * counted for whoever was responsible at its date.
   */
  handovers?: Handover[];
  /** Instagram username without `@`, lower case. */
  instagram: string | null;
  /** Only whether the credentials field is filled; its value is never read into storage. */
  credentialsFilled: boolean;
  /** Stage name as amoCRM shows it (may be unmapped). */
  stageName: string | null;
  /** amoCRM loss reason text, when closed as lost. */
  lossReason?: string | null;
  updatedAt: Instant;
  /**
   * When Reglament first saw this client (set by the worker). Checks that leave no trace outside
   * Reglament — the 11:00/19:00 rounds — are owed only from then on.
   */
  trackedSince?: Instant;
}
