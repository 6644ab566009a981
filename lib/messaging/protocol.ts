// The one message protocol between content scripts, extension pages and the worker.
// Each entry maps a message type to its request payload and its response data.
import type { Client, ClientEvent, Instant, NewClientEvent, Stage } from '../model/facts';
import type { Obligation } from '../model/obligations';
import type { ContentPlan, TodayPlanItem } from '../model/plans';
import type { LiveAccount } from '../options/amocrm-check';
import type { Settings } from '../playbook/settings';
import type { ContentSettings, AmoCrmSettings } from '../playbook/settings-types';
import type { ClientSummary } from '../model/clients';
import type { DashboardMonth, TeamSyncStatus } from '../dashboard/types';
import type { Permit, RecordStatus, TeamFact } from '../model/record';
import type { BoardEntry } from '../model/board';
import type { CalendarSettings } from '../calendar/types';
import type { AnswerRead, AnswerRequest } from '../model/instagram';

export type { ClientSummary } from '../model/clients';

export interface Period {
  index: number;
  start: Instant;
  end: Instant;
  /** 1-based day of the period («день 7 из 30»). */
  day: number;
  length: number;
}

export type WarningCode =
  | 'launched-without-start-date'
  | 'launched-without-credentials'
  | 'renewal-call-without-recording'
  | 'unpaid-past-deadline'
  | 'unknown-stage'
  | 'missing-field';

export interface ClientWarning {
  code: WarningCode;
  /** Russian text ready to show. */
  message: string;
}

/** The worker's answer for a board: entries of the clients it knows, the ids it does not. */
export interface BoardView {
  now: Instant;
  /** The agency's working hours at `now` (holidays and moved days included). */
  workingHours: { open: boolean; nextOpening: Instant | null };
  calendar: CalendarSettings;
  /** The mapping names (stages, fields) for deals read from the API and for dragged cards. */
  amocrm: AmoCrmSettings;
  entries: BoardEntry[];
  /** Client ids the worker has no record of. */
  unknown: string[];
}

/** Everything an overlay or sidebar needs about one client, computed by the worker. */
export interface ClientView {
  client: Client;
  stage: Stage | null;
  obligations: Obligation[];
  period: Period | null;
  warnings: ClientWarning[];
  /** Posts and stories as recorded (for «today's post», «last story»). */
  lastPostAt: Instant | null;
  lastStoryAt: Instant | null;
  /** The agency's working hours at `now`, by the business calendar (holidays and moved days included). */
  workingHours: {
    open: boolean;
    /** When working time next starts; null while it is open. */
    nextOpening: Instant | null;
  };
  /** Facts colleagues recorded for this client (read back from amoCRM), latest first. */
  team: TeamFact[];
  /** The write queue to amoCRM (set by the worker). */
  record?: RecordStatus;
  now: Instant;
}

export interface AgendaEntry {
  client: ClientSummary;
  obligation: Obligation;
  /** How long it has been overdue at `Agenda.now` (ms); set on overdue entries only. */
  overdueFor?: number;
}

export interface RoundAccount {
  client: ClientSummary;
  done: boolean;
  doneAt: Instant | null;
}

export interface Round {
  /** Local slot key `YYYY-MM-DDTHH:mm` in the agency zone. */
  slot: string;
  at: Instant;
  dueAt: Instant;
  state: 'upcoming' | 'due' | 'overdue' | 'done';
  accounts: RoundAccount[];
}

export interface Agenda {
  now: Instant;
  overdue: AgendaEntry[];
  today: AgendaEntry[];
  tomorrow: AgendaEntry[];
  /** The current (or next) engagement round across all clients. */
  round: Round | null;
  /** Obligations that became overdue while no browser was running (shown once in the popup). */
  missedWhileAway: AgendaEntry[];
  /** The write queue to amoCRM (set by the worker). */
  record?: RecordStatus;
  /** The lists' full lengths when they were cut to a first screen (`agenda.get` with a limit below their rows). */
  totals?: AgendaTotals;
}

export interface AgendaTotals {
  overdue: number;
  today: number;
  tomorrow: number;
}

export interface BackupSummary {
  clients: number;
  events: number;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: { path: string; message: string }[] };

export interface Protocol {
  /** A content script reports what it read about a deal; new facts are recorded idempotently. */
  'client.sync': { request: { client: Client; events: NewClientEvent[] }; response: { recorded: number; view: ClientView } };
  /** One fact, usually a manager's tick. */
  'event.record': { request: { event: NewClientEvent }; response: { recorded: boolean; view: ClientView } };
  'client.view': { request: { clientId: string }; response: ClientView | null };
  /** The pipeline board: one message for all visible deals (entries of known clients, ids of unknown ones). */
  'board.view': { request: { clientIds: string[] }; response: BoardView };
  /** Deals the board read in one batch from the API (unknown to the worker), recorded like client.sync. */
  'board.sync': { request: { deals: Array<{ client: Client; events: NewClientEvent[] }> }; response: BoardView };
  'client.byInstagram': { request: { username: string }; response: ClientView | null };
  /** Links an Instagram account to a client by hand (sidebar, unknown profile). */
  'client.linkInstagram': { request: { clientId: string; username: string }; response: ClientView };
  'clients.list': { request: Record<string, never>; response: ClientSummary[] };
  'client.events': { request: { clientId: string }; response: ClientEvent[] };
  /** The sidebar fetched an Instagram answer with the manager's session; the worker reads it (schemas live here, not in the content script). */
  'instagram.read': { request: AnswerRequest; response: AnswerRead };
  /** `limit`: the popup's first screen — at most this many rows across the three lists, with their totals (extension pages only). */
  'agenda.get': { request: { limit?: number }; response: Agenda };
  /** Extension pages only: the whole settings. */
  'settings.get': { request: Record<string, never>; response: Settings };
  /** Content scripts: the settings without pay and fines (lib/worker/least-privilege.ts). */
  'settings.view': { request: Record<string, never>; response: ContentSettings };
  /** Extension pages only. */
  'settings.set': { request: { settings: unknown }; response: SettingsResult };
  'backup.export': { request: Record<string, never>; response: { json: string; summary: BackupSummary } };
  'backup.import': { request: { json: string }; response: BackupSummary };
  /** The content plan's item for today (sidebar); null when the client has no plan for today. */
  'plan.today': { request: { clientId: string }; response: TodayPlanItem | null };
  /** Extension pages only (dashboard). */
  'plans.list': { request: { clientId: string }; response: ContentPlan[] };
  'plans.save': { request: { plan: ContentPlan }; response: ContentPlan };
  'data.delete': { request: { confirm: 'delete-all' }; response: { deleted: BackupSummary } };
  /** Extension pages only: the amoCRM long-lived token. It is never returned by any message. */
  /** `origin`: the amoCRM account the token was issued for; the token is sent nowhere else. */
  'token.set': { request: { token: string; origin: string }; response: TokenStatus };
  'token.clear': { request: Record<string, never>; response: TokenStatus };
  'token.status': { request: Record<string, never>; response: TokenStatus };
  /** Extension pages only (dashboard): payroll, record, weekly bars and plan calendar of a `YYYY-MM` month. */
  'dashboard.month': { request: { month: string }; response: DashboardMonth };
  /** Extension pages only: «Синхронизировать всё» from amoCRM in the worker (token or session); `full` ignores the last sync time. */
  'team.sync.start': { request: { full?: boolean }; response: TeamSyncStatus };
  'team.sync.status': { request: Record<string, never>; response: TeamSyncStatus };
  'team.sync.cancel': { request: Record<string, never>; response: TeamSyncStatus };
  /** Opens the options page (at a section) in a tab: content scripts cannot open chrome-extension:// pages themselves. */
  'options.open': { request: { section?: OptionsSection }; response: { opened: true } };
  /** Extension pages only: the live account's pipelines and fields, for checking the mapping names. */
  'amocrm.account': { request: Record<string, never>; response: AmoAccountCheck };
  /** An amoCRM tab asks for one request of its account's budget (lib/amocrm/request-budget.ts). */
  'amocrm.permit': { request: Record<string, never>; response: Permit };
  /** Content scripts cannot open extension pages themselves: the dashboard, at a client's plans. */
  'dashboard.open': { request: { clientId?: string }; response: { opened: true } };
  /** Extension pages only (dashboard): the head confirms the month's best manager. */
  'dashboard.best.confirm': {
    request: { month: string; managerId: number };
    response: { managerId: number; managerName: string; at: Instant };
  };
  /** Extension pages only: send the amoCRM write queue now (the manager asked), refused notes included. */
  'record.send': { request: Record<string, never>; response: RecordStatus };
  /** Extension pages only (the popup, after its first paint): colleagues' notes since the last read; `added` facts are new. */
  'record.pull': { request: Record<string, never>; response: { added: number } };
}

export const optionsSections = [
  'calendar',
  'newClients',
  'currentClients',
  'alarms',
  'motivation',
  'people',
  'amocrm',
  'templates',
] as const;
export type OptionsSection = (typeof optionsSections)[number];
/** The options page's element id of a section (`newClients` → `new-clients`). */
export const optionsAnchor = (section: OptionsSection) => section.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export type AmoAccountCheck =
  | { ok: true; host: string; auth: 'token' | 'session'; account: LiveAccount }
  | { ok: false; host: string | null; reason: 'no-host' | 'unauthorized' | 'unreachable'; status: number; message: string };

export interface TokenStatus {
  set: boolean;
  /** When the current token was stored. */
  setAt: Instant | null;
  /** The token's last four characters, to recognise which one is stored; never more. */
  last4: string | null;
  /** The account origin the token is bound to (`https://smmpro.amocrm.ru`). */
  origin: string | null;
}

export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = Protocol[T]['request'];
export type ResponseOf<T extends MessageType> = Protocol[T]['response'];
/** Sends one message to the worker; passed into sessions so they run in Node with a fake. */
export type Send = <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;

export interface Envelope<T extends MessageType = MessageType> {
  reglament: 1;
  type: T;
  payload: RequestOf<T>;
}

export type Reply<T extends MessageType = MessageType> =
  | { ok: true; data: ResponseOf<T> }
  | { ok: false; error: { code: 'forbidden' | 'invalid' | 'unknown-type' | 'not-found' | 'failed'; message: string } };
