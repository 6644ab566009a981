// The fake amoCRM account `https://smmpro.amocrm.ru`: the SPA pages (board, deal card) and the
// REST API v4, as one pure request handler. State lives in the seed object (mutated in place).

import {
  cookies,
  FaultSwitch,
  faultName,
  header,
  html,
  json,
  noContent,
  RequestLog,
  scriptJson,
  serializeFunctions,
  sleep,
  type Fault,
  type FaultRule,
  type FaultScope,
  type FakeRequest,
  type FakeResponse,
} from '../http';
import { dateToUnix, amoDateField, amoRelativeDate, formatTenge, localDate, localDayStart, unix } from '../time';
import {
  FIELD,
  leadById,
  statusById,
  userById,
  STATUS,
  type Seed,
  type SeedEvent,
  type SeedLead,
  type SeedNote,
  type StatusKey,
} from '../seed';
import {
  amoEsc,
  amoRenderCard,
  amoRenderFeedItem,
  amoRenderField,
  amoRenderNav,
  amoRenderPage,
  amoRenderStatusControl,
  type AmoCardVM,
  type AmoFeedItemVM,
  type AmoShellVM,
} from './templates';
import {
  amoBoardBehaviour,
  amoBoardEsc,
  amoBoardMoney,
  amoBoardPlural,
  amoRenderBoard,
  amoRenderBoardCard,
  amoRenderBoardHeadInfo,
  amoListHeadCell,
  amoRenderList,
  type AmoBoardVM,
} from './board';
import { AMO_CSS } from './style';

export interface AmocrmFakeOptions {
  /** Faults active from the start (default scope: `/api/`). */
  faults?: FaultRule[];
  /** The fake's clock for new data (POSTed notes, moveLead). Default: `() => seed.now`. */
  clock?: () => number;
  /** Answer API requests beyond this many per second (sliding window, wall clock) with 429. Off by default. */
  rateLimit?: { perSecond: number; status?: 429 | 403 };
  /** Delay (ms) before the SPA renders a view after pushState, like the real router's XHR. Default 30. */
  spaRenderDelayMs?: number;
  /** Refuse API requests without a session cookie or Bearer token (401). Default true. */
  requireAuth?: boolean;
  /**
   * Who a request acts as (the `created_by` of the notes it adds): a `session_id` cookie value or a
   * Bearer token → user id. Anything else acts as `seed.currentUserId`.
   */
  sessionUsers?: Record<string, number>;
  tokenUsers?: Record<string, number>;
  /** Cards per column the board shows at first and adds per scroll (infinite scroll). Default 20. */
  boardPackSize?: number;
}

export interface AmocrmFake {
  readonly origin: string;
  readonly seed: Seed;
  handle(req: FakeRequest): Promise<FakeResponse>;
  /** Sets or clears a fault; scope defaults to `{ pathPrefix: '/api/' }`. `setFault(null)` clears all. */
  setFault(fault: Fault | null, scope?: FaultScope): void;
  /** Every request served, in order (path without query, wall-clock time, status). */
  readonly requests: RequestLog;
  /** Moves a lead to another status (by key or id), recording a `lead_status_changed` event. */
  moveLead(leadId: number, status: StatusKey | number, options?: { at?: number; by?: number }): SeedEvent;
  /** Hands a lead over to another responsible user, recording an `entity_responsible_changed` event. */
  handOver(leadId: number, toUserId: number, options?: { at?: number; by?: number }): SeedEvent;
  /** Adds a note as if POSTed; returns it. */
  addNote(leadId: number, note: Pick<SeedNote, 'noteType' | 'params'> & { at?: number; by?: number }): SeedNote;
  /** Changes lead fields (name, startDate, credentials, …) and bumps `updatedAt`. */
  updateLead(leadId: number, patch: Partial<Omit<SeedLead, 'id'>>): SeedLead;
}

const HAL = 'application/hal+json';
/** The host amoCRM names in `_links.next` (real answers carry a shard host such as shard151.amocrm.ru). */
export const SHARD_HOST = 'shard151.amocrm.ru';
/** `filter[entity_id]` of /api/v4/events takes at most this many ids (amoCRM developer docs). */
export const EVENTS_ENTITY_IDS_MAX = 10;
/** Cards per column in one pack of the board (first render, then each load on scroll). */
const BOARD_PACK_SIZE = 20;
const PROBLEM = 'application/problem+json';

function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): FakeResponse {
  return json(status, { title, type: 'https://httpstatus.es/' + status, status, detail, ...extra }, PROBLEM);
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((p) => p[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function durationText(s: number): string {
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

// --- view models ---------------------------------------------------------------------------------

export function amoShellVM(seed: Seed): AmoShellVM {
  const user = userById(seed, seed.currentUserId);
  const name = user?.name ?? 'Пользователь';
  return { accountName: seed.accountName, userName: name, userInitials: initials(name) };
}

export function amoBoardVM(seed: Seed, now = seed.now, packSize = BOARD_PACK_SIZE): AmoBoardVM {
  const columns = seed.pipeline.statuses
    .filter((s) => s.id !== STATUS.won && s.id !== STATUS.lost)
    .map((s) => {
      const leads = seed.leads
        .filter((l) => l.pipelineId === seed.pipeline.id && l.statusId === s.id)
        .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
      return {
        id: s.id,
        name: s.name,
        color: s.color,
        type: s.type,
        sum: leads.reduce((acc, l) => acc + l.price, 0),
        leads: leads.map((l) => ({
          id: l.id,
          name: l.name,
          priceText: formatTenge(l.price),
          responsible: userById(seed, l.responsibleUserId)?.name ?? '',
          dateText: amoRelativeDate(l.createdAt, now),
          contactName: l.contact.name,
          statusName: s.name,
        })),
      };
    });
  const open = seed.leads.filter((l) => l.closedAt === null);
  return {
    pipelineId: seed.pipeline.id,
    pipelineName: seed.pipeline.name,
    totalText: `${open.length} ${plural(open.length, 'сделка', 'сделки', 'сделок')}: ${formatTenge(open.reduce((a, l) => a + l.price, 0))}`,
    packSize,
    columns,
  };
}

/** The feed's `data-id`: opaque like amoCRM's (not the note's numeric id). */
function feedId(kind: string, n: number): string {
  return `01j${kind[0]}${(n * 7919).toString(36)}`;
}

/** A second pipeline of the account: the card's stage dropdown lists every pipeline's statuses. */
const OTHER_PIPELINE = {
  id: 7310002,
  name: 'Партнёрские проекты',
  statuses: [
    { id: 63100021, name: 'Новый партнёр', color: '#99ccff' },
    { id: 63100022, name: 'Связались с клиентом', color: '#ffff99' },
    { id: 142, name: 'Успешно реализовано', color: '#CCFF66' },
    { id: 143, name: 'Закрыто и не реализовано', color: '#D5D8DB' },
  ],
};

function feedFor(seed: Seed, lead: SeedLead, now: number): AmoFeedItemVM[] {
  const items: Array<AmoFeedItemVM & { at: number }> = [];
  const base = { link: '', durationText: '', phone: '', ts: 0, children: [] };
  // Handovers are not drawn in the fake feed (nothing reads them from the page).
  for (const e of seed.events.filter((x) => x.leadId === lead.id && x.type !== 'entity_responsible_changed')) {
    const author = e.createdBy ? (userById(seed, e.createdBy)?.name ?? '') : 'Робот';
    const after = statusById(seed, e.after)?.name ?? String(e.after);
    const before = e.before === null ? '' : (statusById(seed, e.before)?.name ?? String(e.before));
    items.push({
      ...base,
      at: e.createdAt,
      kind: e.type === 'lead_added' ? 'created' : 'status',
      id: e.id,
      dateText: amoRelativeDate(e.createdAt, now),
      author,
      text: e.type === 'lead_added' ? `Сделка создана: ${lead.name}` : `Новый этап: ${after} (из ${before})`,
    });
  }
  // The deal's feed shows its contact's notes too.
  for (const n of seed.notes.filter((x) => x.leadId === lead.id)) {
    const isCall = n.noteType === 'call_in' || n.noteType === 'call_out';
    items.push({
      ...base,
      at: n.createdAt,
      kind: n.noteType,
      id: feedId(n.noteType, n.id),
      dateText: amoRelativeDate(n.createdAt, now),
      author: n.noteType === 'service_message' ? (n.params.service ?? '') : (userById(seed, n.createdBy)?.name ?? ''),
      text: isCall
        ? n.params.call_status === 4 || n.params.call_status === undefined
          ? 'Разговор состоялся'
          : n.params.call_result || 'Не дозвонились'
        : (n.params.text ?? ''),
      link: isCall ? (n.params.link ?? '') : '',
      durationText: isCall ? durationText(n.params.duration ?? 0) : '',
      phone: n.params.phone ?? '',
    });
  }
  items.sort((a, b) => a.at - b.at);
  // Day separators, and consecutive calls of one day grouped into one block (as amoCRM shows them).
  const out: AmoFeedItemVM[] = [];
  let day = '';
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const d = localDate(it.at);
    if (d !== day) {
      day = d;
      out.push({
        ...base,
        kind: 'separator',
        id: '',
        dateText: d.split('-').reverse().join('.'),
        author: '',
        text: '',
        ts: unix(localDayStart(it.at)),
      });
    }
    const isCall = (x: AmoFeedItemVM & { at: number }) => x.kind === 'call_in' || x.kind === 'call_out';
    if (isCall(it)) {
      let j = i;
      while (j + 1 < items.length && isCall(items[j + 1]) && localDate(items[j + 1].at) === d) j++;
      if (j > i) {
        const children = items.slice(i, j + 1).map(({ at: _at, ...rest }) => rest);
        out.push({
          ...base,
          kind: 'call_group',
          id: feedId('group', Number.parseInt(children[0].id.slice(4), 36)),
          dateText: children[0].dateText,
          author: '',
          text: `Звонки: ${children.length}`,
          children,
        });
        i = j;
        continue;
      }
    }
    const { at: _at, ...rest } = it;
    out.push(rest);
  }
  return out;
}

/** The card's text of a field value the card shows as text (legal entity, file, linked entity). */
function oddText(raw: unknown): string {
  const v = (raw as { values?: Array<{ value?: unknown }> }).values?.[0]?.value;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return String(o.name ?? o.file_name ?? '');
  }
  return '';
}

export function amoCardVM(seed: Seed, leadId: number, now = seed.now): AmoCardVM | null {
  const lead = leadById(seed, leadId);
  if (!lead) return null;
  const status = statusById(seed, lead.statusId);
  return {
    id: lead.id,
    name: lead.name,
    layout: lead.layout,
    pipelineId: lead.pipelineId,
    pipelineName: seed.pipeline.name,
    statusId: lead.statusId,
    statusName: status?.name ?? '',
    statusColor: status?.color ?? '#ccc',
    pipelines: [
      {
        id: seed.pipeline.id,
        name: seed.pipeline.name,
        statuses: seed.pipeline.statuses.map((s) => ({ id: s.id, name: s.name, color: s.color })),
      },
      OTHER_PIPELINE,
    ],
    responsible: userById(seed, lead.responsibleUserId)?.name ?? '',
    priceText: formatTenge(lead.price),
    createdText: amoRelativeDate(lead.createdAt, now),
    fields: seed.fields.map((f) => {
      const raw = rawFieldValue(lead, f.id);
      const options = (f.enums ?? []).map((e) => ({ id: e.id, value: e.value }));
      if (f.type === 'select') {
        const en = (f.enums ?? []).find((e) => e.value === raw);
        return { id: f.id, name: f.name, type: f.type, text: en?.value ?? '', inputValue: en ? String(en.id) : '', options };
      }
      if (f.type === 'date') {
        const text = raw ? amoDateField(raw) : '';
        return { id: f.id, name: f.name, type: f.type, text, inputValue: text, options };
      }
      return { id: f.id, name: f.name, type: f.type, text: raw ?? '', inputValue: raw ?? '', options };
    }),
    oddFields: lead.oddFields.map((raw) => {
      const f = raw as { field_id: number; field_name: string; field_type: string };
      return { id: f.field_id, name: f.field_name, type: f.field_type, text: oddText(raw) };
    }),
    // The contact's own «Instagram» field (a personal account): not the deal's.
    contact: {
      id: lead.contact.id,
      name: lead.contact.name,
      phone: lead.contact.phone,
      email: lead.contact.email ?? '',
      instagram: `${lead.contact.name.split(' ')[0].toLowerCase()}.personal`,
    },
    feed: feedFor(seed, lead, now),
    boardHref: `/leads/pipeline/${lead.pipelineId}/`,
  };
}

/** Field value as stored: select → enum text, date → `YYYY-MM-DD`, text → text; null when empty. */
function rawFieldValue(lead: SeedLead, fieldId: number): string | null {
  switch (fieldId) {
    case FIELD.service:
      return lead.service === 'management' ? 'Ведение аккаунта' : 'Комплексное продвижение';
    case FIELD.payer:
      return lead.payer === 'individual' ? 'Физ. лицо' : 'Юр. лицо';
    case FIELD.startDate:
      return lead.startDate;
    case FIELD.credentials:
      return lead.credentials;
    case FIELD.instagram:
      return lead.instagram || null;
    default:
      return null;
  }
}

// --- pages ---------------------------------------------------------------------------------------

interface AmoPageData {
  shell: AmoShellVM;
  board: AmoBoardVM;
  cards: Record<string, AmoCardVM>;
  constants: Record<string, unknown>;
  renderDelayMs: number;
}

const TEMPLATE_FNS = [
  amoEsc,
  amoRenderNav,
  amoRenderField,
  amoRenderStatusControl,
  amoRenderFeedItem,
  amoRenderCard,
  amoRenderPage,
  amoBoardEsc,
  amoBoardPlural,
  amoBoardMoney,
  amoRenderBoardCard,
  amoRenderBoardHeadInfo,
  amoRenderBoard,
  amoListHeadCell,
  amoRenderList,
  amoBoardBehaviour,
];

/** The page's own script: the Backbone-router stand-in. Plain ES5-ish JS, runs in the page. */
const SPA_SCRIPT = `
(function () {
  var DATA = JSON.parse(document.getElementById('amocrm-fake-data').textContent);
  var constants = DATA.constants;
  window.APP = window.AMOCRM = {
    constant: function (key) { return constants[key]; },
    constants: constants,
    data: { current_card: null, current_entity: null },
    router: { navigate: function (url) { go(url, true); } }
  };
  function match(path) {
    var m = path.match(/^\\/leads\\/detail\\/(\\d+)\\/?$/);
    if (m) return { view: 'card', id: m[1] };
    if (/^\\/leads\\/pipeline(\\/\\d+)?\\/?$/.test(path) || /^\\/leads\\/?$/.test(path) || path === '/') return { view: 'board' };
    if (/^\\/leads\\/list\\/?$/.test(path)) return { view: 'list' };
    return null;
  }
  function render(path) {
    var r = match(path);
    var holder = document.getElementById('page_holder');
    if (!r || (r.view === 'card' && !DATA.cards[r.id])) { location.reload(); return; }
    if (r.view === 'card') {
      var card = DATA.cards[r.id];
      holder.innerHTML = amoRenderCard(card);
      document.title = card.name + ' — сделка';
      window.AMOCRM.data.current_entity = 'leads';
      window.AMOCRM.data.current_card = { id: card.id, model: { id: card.id, name: card.name, status_id: card.statusId, pipeline_id: card.pipelineId } };
      setActive('leads');
    } else if (r.view === 'list') {
      holder.innerHTML = amoRenderList(DATA.board);
      document.title = 'Сделки';
      window.AMOCRM.data.current_entity = 'leads';
      window.AMOCRM.data.current_card = null;
      setActive('leads');
    } else {
      holder.innerHTML = amoRenderBoard(DATA.board);
      amoBoardBehaviour(holder, DATA.board, DATA.cards, DATA.renderDelayMs);
      document.title = 'Сделки';
      window.AMOCRM.data.current_entity = 'leads-pipeline';
      window.AMOCRM.data.current_card = null;
      setActive('leads');
    }
  }
  function setActive(entity) {
    var items = document.querySelectorAll('.nav__menu__item');
    for (var i = 0; i < items.length; i++) {
      items[i].classList.toggle('nav__menu__item-selected', items[i].getAttribute('data-entity') === entity);
    }
  }
  var pending = 0;
  function go(url, push) {
    var u = new URL(url, location.href);
    if (u.origin !== location.origin || !match(u.pathname)) { location.assign(u.href); return; }
    if (push) history.pushState({ path: u.pathname }, '', u.pathname + u.search + u.hash);
    var token = ++pending;
    setTimeout(function () { if (token === pending) render(location.pathname); }, DATA.renderDelayMs);
  }
  document.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (!a || a.target === '_blank' || a.hasAttribute('download')) return;
    var u = new URL(a.getAttribute('href'), location.href);
    if (u.origin !== location.origin || !match(u.pathname)) return;
    e.preventDefault();
    go(u.href, true);
  });
  window.addEventListener('popstate', function () { go(location.href, false); });
  if (location.pathname === '/') history.replaceState({}, '', '/leads/pipeline/' + DATA.board.pipelineId + '/');
  var initial = match(location.pathname);
  if (initial && initial.view === 'card') window.AMOCRM.data.current_card = { id: Number(initial.id) };
  if (initial && initial.view === 'board') amoBoardBehaviour(document.getElementById('page_holder'), DATA.board, DATA.cards, DATA.renderDelayMs);
})();
`;

function pageData(seed: Seed, now: number, renderDelayMs: number, packSize: number): AmoPageData {
  const cards: Record<string, AmoCardVM> = {};
  for (const l of seed.leads) {
    const vm = amoCardVM(seed, l.id, now);
    if (vm) cards[String(l.id)] = vm;
  }
  const user = userById(seed, seed.currentUserId);
  return {
    shell: amoShellVM(seed),
    board: amoBoardVM(seed, now, packSize),
    cards,
    constants: {
      user: { id: seed.currentUserId, name: user?.name ?? '', login: user?.email ?? '' },
      account: {
        id: seed.accountId,
        subdomain: seed.subdomain,
        name: seed.accountName,
        timezone: 'Asia/Almaty',
        currency: 'KZT',
      },
      managers: Object.fromEntries(seed.users.map((u) => [String(u.id), { id: u.id, title: u.name, active: true }])),
    },
    renderDelayMs,
  };
}

function documentHtml(title: string, body: string, scripts: string): string {
  return (
    '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>' +
    amoEsc(title) +
    '</title>' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><style>' +
    AMO_CSS +
    '</style></head>' +
    '<body class="body-leads">' +
    body +
    scripts +
    '</body></html>'
  );
}

function viewHtml(
  seed: Seed,
  view: { kind: 'board' } | { kind: 'list' } | { kind: 'card'; leadId: number } | { kind: '404' },
  now: number,
  packSize = BOARD_PACK_SIZE,
): { title: string; body: string } {
  const shell = amoShellVM(seed);
  if (view.kind === 'card') {
    const vm = amoCardVM(seed, view.leadId, now);
    if (vm) return { title: `${vm.name} — сделка`, body: amoRenderPage(shell, 'leads', amoRenderCard(vm)) };
  }
  if (view.kind === 'board')
    return { title: 'Сделки', body: amoRenderPage(shell, 'leads', amoRenderBoard(amoBoardVM(seed, now, packSize))) };
  if (view.kind === 'list')
    return { title: 'Сделки', body: amoRenderPage(shell, 'leads', amoRenderList(amoBoardVM(seed, now, packSize))) };
  return {
    title: 'Страница не найдена',
    body: amoRenderPage(
      shell,
      '',
      '<div class="page-404"><h1>404</h1><p>Страница не найдена или у вас нет к ней доступа.</p><p><a href="/leads/pipeline/' +
        seed.pipeline.id +
        '/">Перейти к сделкам</a></p></div>',
    ),
  };
}

/** The deal card as the page shows it, as static HTML (no scripts): for DOM-selector unit tests. */
export function renderCardHtml(seed: Seed, leadId: number, now = seed.now): string {
  const v = viewHtml(seed, { kind: 'card', leadId }, now);
  return documentHtml(v.title, v.body, '');
}

/** The pipeline board (or the list view) as static HTML (no scripts). */
export function renderBoardHtml(seed: Seed, now = seed.now, kind: 'board' | 'list' = 'board'): string {
  const v = viewHtml(seed, { kind }, now);
  return documentHtml(v.title, v.body, '');
}

/** The page script (for tests that want to check it parses). */
export function amoPageScript(): string {
  return serializeFunctions(TEMPLATE_FNS) + SPA_SCRIPT;
}

// --- API helpers ---------------------------------------------------------------------------------

function listParam(q: URLSearchParams, name: string): string[] {
  const out: string[] = [];
  for (const [k, v] of q) {
    if (k === name || k === `${name}[]` || (k.startsWith(`${name}[`) && /^\[\d+\]$/.test(k.slice(name.length)))) {
      out.push(
        ...v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    }
  }
  return out;
}

function range(q: URLSearchParams, name: string): { from?: number; to?: number } {
  const single = q.get(name);
  if (single) return { from: Number(single), to: Number(single) };
  const from = q.get(`${name}[from]`);
  const to = q.get(`${name}[to]`);
  return { from: from ? Number(from) : undefined, to: to ? Number(to) : undefined };
}

function inRange(v: number, r: { from?: number; to?: number }): boolean {
  return (r.from === undefined || v >= r.from) && (r.to === undefined || v <= r.to);
}

function paging(q: URLSearchParams, defLimit: number, maxLimit: number): { page: number; limit: number } {
  const page = Math.max(1, Math.floor(Number(q.get('page') ?? '1')) || 1);
  const limit = Math.min(maxLimit, Math.max(1, Math.floor(Number(q.get('limit') ?? String(defLimit))) || defLimit));
  return { page, limit };
}

// --- the fake ------------------------------------------------------------------------------------

export function createAmocrmFake(seed: Seed, options: AmocrmFakeOptions = {}): AmocrmFake {
  const origin = `https://${seed.host}`;
  const clock = options.clock ?? (() => seed.now);
  const faults = new FaultSwitch('/api/', options.faults ?? []);
  const requests = new RequestLog();
  const renderDelayMs = options.spaRenderDelayMs ?? 30;
  const packSize = options.boardPackSize ?? BOARD_PACK_SIZE;
  const requireAuth = options.requireAuth ?? true;
  const apiTimes: number[] = [];
  let nextNoteId = Math.max(90_000_000, ...seed.notes.map((n) => n.id + 1));
  let nextEvent = 1;

  const href = (path: string, q?: URLSearchParams): string => origin + path + (q && [...q].length ? `?${q.toString()}` : '');
  /** amoCRM names another host of the account in `_links.next` (docs/sites.md): follow its path and query. */
  const shardHref = (path: string, q: URLSearchParams): string => `https://${SHARD_HOST}${path}?${q.toString()}`;

  function leadJson(lead: SeedLead, withs: string[]): Record<string, unknown> {
    const cfv = seed.fields
      .map((f) => {
        const raw = rawFieldValue(lead, f.id);
        if (raw === null || raw === '') return null;
        let value: { value: string | number; enum_id?: number; enum_code?: null };
        if (f.type === 'select') {
          const en = (f.enums ?? []).find((e) => e.value === raw);
          value = { value: raw, enum_id: en?.id, enum_code: null };
        } else if (f.type === 'date') value = { value: dateToUnix(raw) };
        else value = { value: raw };
        return { field_id: f.id, field_name: f.name, field_code: f.code, field_type: f.type, values: [value] };
      })
      .filter((x) => x !== null);
    cfv.push(...(lead.oddFields as typeof cfv));
    const embedded: Record<string, unknown> = { tags: [], companies: [] };
    if (withs.includes('loss_reason')) {
      const reason = seed.lossReasons.find((r) => r.id === lead.lossReasonId);
      embedded.loss_reason = reason
        ? [
            {
              id: reason.id,
              name: reason.name,
              sort: reason.sort,
              created_at: unix(seed.now) - 86400 * 400,
              updated_at: unix(seed.now) - 86400 * 400,
              _links: { self: { href: href(`/api/v4/leads/loss_reasons/${reason.id}`) } },
            },
          ]
        : [];
    }
    if (withs.includes('contacts'))
      embedded.contacts = [
        { id: lead.contact.id, is_main: true, _links: { self: { href: href(`/api/v4/contacts/${lead.contact.id}`) } } },
      ];
    return {
      id: lead.id,
      name: lead.name,
      price: lead.price,
      responsible_user_id: lead.responsibleUserId,
      group_id: 0,
      status_id: lead.statusId,
      pipeline_id: lead.pipelineId,
      loss_reason_id: lead.lossReasonId,
      created_by: lead.createdBy,
      updated_by: lead.responsibleUserId,
      created_at: unix(lead.createdAt),
      updated_at: unix(lead.updatedAt),
      closed_at: lead.closedAt === null ? null : unix(lead.closedAt),
      closest_task_at: null,
      is_deleted: false,
      custom_fields_values: cfv.length ? cfv : null,
      score: null,
      account_id: seed.accountId,
      labor_cost: null,
      _links: { self: { href: href(`/api/v4/leads/${lead.id}`) } },
      _embedded: embedded,
    };
  }

  function eventJson(e: SeedEvent): Record<string, unknown> {
    // The value shapes public integrations read: `lead_status` for status changes,
    // `responsible_user` for handovers (docs/sites.md).
    const value = (id: number) =>
      e.type === 'entity_responsible_changed'
        ? [{ responsible_user: { id } }]
        : [{ lead_status: { id, pipeline_id: e.pipelineId } }];
    return {
      id: e.id,
      type: e.type,
      entity_id: e.leadId,
      entity_type: 'lead',
      created_by: e.createdBy,
      created_at: unix(e.createdAt),
      value_after: value(e.after),
      value_before: e.before === null ? [] : value(e.before),
      account_id: seed.accountId,
      _links: { self: { href: href(`/api/v4/events/${e.id}`) } },
      _embedded: { entity: { id: e.leadId, _links: { self: { href: href(`/api/v4/leads/${e.leadId}`) } } } },
    };
  }

  function noteJson(n: SeedNote): Record<string, unknown> {
    return {
      id: n.id,
      entity_id: n.leadId,
      created_by: n.createdBy,
      updated_by: n.createdBy,
      created_at: unix(n.createdAt),
      updated_at: unix(n.updatedAt ?? n.createdAt),
      responsible_user_id: n.responsibleUserId,
      group_id: 0,
      note_type: n.noteType,
      params: n.params,
      account_id: seed.accountId,
      _links: { self: { href: href(`/api/v4/leads/${n.leadId}/notes/${n.id}`) } },
    };
  }

  function pageOf<T>(
    items: T[],
    q: URLSearchParams,
    path: string,
    key: string,
    map: (x: T) => unknown,
    defLimit: number,
    maxLimit: number,
  ): FakeResponse {
    const { page, limit } = paging(q, defLimit, maxLimit);
    const slice = items.slice((page - 1) * limit, page * limit);
    if (slice.length === 0) return noContent();
    const links: Record<string, { href: string }> = {};
    const self = new URLSearchParams(q);
    self.set('page', String(page));
    self.set('limit', String(limit));
    links.self = { href: href(path, self) };
    if (page * limit < items.length) {
      const next = new URLSearchParams(self);
      next.set('page', String(page + 1));
      links.next = { href: shardHref(path, next) };
    }
    if (page > 1) {
      const prev = new URLSearchParams(self);
      prev.set('page', String(page - 1));
      links.prev = { href: href(path, prev) };
    }
    return json(200, { _page: page, _links: links, _embedded: { [key]: slice.map(map) } }, HAL);
  }

  function storeNote(
    leadId: number,
    noteType: SeedNote['noteType'],
    params: SeedNote['params'],
    at: number,
    by: number,
  ): SeedNote {
    const lead = leadById(seed, leadId);
    const note: SeedNote = {
      id: nextNoteId++,
      leadId,
      on: 'lead',
      noteType,
      createdAt: at,
      createdBy: by,
      responsibleUserId: lead?.responsibleUserId ?? by,
      params,
    };
    seed.notes.push(note);
    return note;
  }

  function postNotes(body: string | undefined, fixedLeadId: number | null, userId: number): FakeResponse {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body ?? '');
    } catch {
      return problem(400, 'Bad Request', 'Request body is not valid JSON');
    }
    if (!Array.isArray(parsed) || parsed.length === 0) {
      return problem(400, 'Bad Request', 'Request validation failed', {
        'validation-errors': [
          { request_id: '0', errors: [{ code: 'NotSupportedChoice', path: '', detail: 'Body must be a non-empty array' }] },
        ],
      });
    }
    const errors: unknown[] = [];
    const ok: Array<{ leadId: number; noteType: SeedNote['noteType']; params: SeedNote['params']; requestId: string }> = [];
    parsed.forEach((raw: unknown, i: number) => {
      const item = (raw ?? {}) as {
        note_type?: unknown;
        params?: { text?: unknown; service?: unknown };
        entity_id?: unknown;
        request_id?: unknown;
      };
      const leadId = fixedLeadId ?? Number(item.entity_id);
      const requestId = item.request_id === undefined ? String(i) : String(item.request_id);
      if (!leadById(seed, leadId))
        errors.push({ request_id: requestId, errors: [{ code: 'NotFound', path: 'entity_id', detail: 'Entity not found' }] });
      else if (
        item.note_type !== 'common' &&
        item.note_type !== 'service_message' &&
        item.note_type !== 'call_in' &&
        item.note_type !== 'call_out'
      )
        errors.push({
          request_id: requestId,
          errors: [{ code: 'NotSupportedChoice', path: 'note_type', detail: 'The value you selected is not a valid choice.' }],
        });
      else if ((item.note_type === 'common' || item.note_type === 'service_message') && typeof item.params?.text !== 'string')
        errors.push({
          request_id: requestId,
          errors: [{ code: 'FieldMissing', path: 'params.text', detail: 'This field is missing.' }],
        });
      else if (item.note_type === 'service_message' && typeof item.params?.service !== 'string')
        errors.push({
          request_id: requestId,
          errors: [{ code: 'FieldMissing', path: 'params.service', detail: 'This field is missing.' }],
        });
      else ok.push({ leadId, noteType: item.note_type, params: (item.params ?? {}) as SeedNote['params'], requestId });
    });
    if (errors.length) return problem(400, 'Bad Request', 'Request validation failed', { 'validation-errors': errors });
    const created = ok.map((o) => ({
      note: storeNote(o.leadId, o.noteType, o.params, clock(), userId),
      requestId: o.requestId,
    }));
    return json(
      200,
      {
        _links: { self: { href: href(fixedLeadId === null ? '/api/v4/leads/notes' : `/api/v4/leads/${fixedLeadId}/notes`) } },
        _embedded: {
          notes: created.map(({ note, requestId }) => ({
            id: note.id,
            entity_id: note.leadId,
            request_id: requestId,
            _links: { self: { href: href(`/api/v4/leads/${note.leadId}/notes/${note.id}`) } },
          })),
        },
      },
      HAL,
    );
  }

  function api(method: string, path: string, q: URLSearchParams, body: string | undefined, userId: number): FakeResponse {
    const withs = (q.get('with') ?? '').split(',').map((s) => s.trim());
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/api/v4/account') {
      const a: Record<string, unknown> = {
        id: seed.accountId,
        name: seed.accountName,
        subdomain: seed.subdomain,
        created_at: unix(seed.now) - 86400 * 900,
        created_by: seed.users[0].id,
        updated_at: unix(seed.now) - 86400 * 10,
        updated_by: seed.users[0].id,
        current_user_id: seed.currentUserId,
        country: 'KZ',
        currency: 'KZT',
        customers_mode: 'disabled',
        is_unsorted_on: true,
        is_loss_reason_enabled: true,
        is_helpbot_enabled: false,
        is_technical_account: false,
        contact_name_display_order: 1,
        _links: { self: { href: href('/api/v4/account') } },
      };
      if (withs.includes('datetime_settings')) {
        a._embedded = {
          datetime_settings: {
            date_pattern: 'd.m.Y H:i',
            short_date_pattern: 'd.m.Y',
            short_time_pattern: 'H:i',
            date_format: 'd.m.Y',
            time_format: 'H:i:s',
            timezone: 'Asia/Almaty',
            timezone_offset: '+05:00',
          },
        };
      }
      return json(200, a, HAL);
    }
    if (method === 'GET' && path === '/api/v4/leads') {
      let leads = seed.leads.slice();
      const pipelines = listParam(q, 'filter[pipeline_id]').map(Number);
      if (pipelines.length) leads = leads.filter((l) => pipelines.includes(l.pipelineId));
      const ids = listParam(q, 'filter[id]').map(Number);
      if (ids.length) leads = leads.filter((l) => ids.includes(l.id));
      const resp = listParam(q, 'filter[responsible_user_id]').map(Number);
      if (resp.length) leads = leads.filter((l) => resp.includes(l.responsibleUserId));
      const statuses: Array<{ p: number; s: number }> = [];
      for (let i = 0; q.has(`filter[statuses][${i}][status_id]`); i++) {
        statuses.push({
          p: Number(q.get(`filter[statuses][${i}][pipeline_id]`)),
          s: Number(q.get(`filter[statuses][${i}][status_id]`)),
        });
      }
      if (statuses.length)
        leads = leads.filter((l) => statuses.some((x) => x.s === l.statusId && (!x.p || x.p === l.pipelineId)));
      const upd = range(q, 'filter[updated_at]');
      leads = leads.filter((l) => inRange(unix(l.updatedAt), upd));
      const crt = range(q, 'filter[created_at]');
      leads = leads.filter((l) => inRange(unix(l.createdAt), crt));
      const order = ['updated_at', 'created_at', 'id'].find((k) => q.has(`order[${k}]`));
      const dir = order && q.get(`order[${order}]`) === 'desc' ? -1 : 1;
      const keyOf = (l: SeedLead) => (order === 'updated_at' ? l.updatedAt : order === 'created_at' ? l.createdAt : l.id);
      leads.sort((a, b) => (keyOf(a) - keyOf(b)) * dir || (a.id - b.id) * dir);
      return pageOf(leads, q, path, 'leads', (l) => leadJson(l, withs), 50, 250);
    }
    if (method === 'GET' && (m = path.match(/^\/api\/v4\/leads\/(\d+)$/))) {
      const lead = leadById(seed, Number(m[1]));
      return lead ? json(200, leadJson(lead, withs), HAL) : noContent();
    }
    if (method === 'GET' && path === '/api/v4/leads/pipelines') {
      return json(
        200,
        { _total_items: 1, _links: { self: { href: href(path) } }, _embedded: { pipelines: [pipelineJson()] } },
        HAL,
      );
    }
    if (method === 'GET' && (m = path.match(/^\/api\/v4\/leads\/pipelines\/(\d+)(\/statuses)?$/))) {
      if (Number(m[1]) !== seed.pipeline.id) return noContent();
      const p = pipelineJson();
      if (m[2])
        return json(
          200,
          {
            _total_items: seed.pipeline.statuses.length,
            _links: { self: { href: href(path) } },
            _embedded: { statuses: (p._embedded as { statuses: unknown[] }).statuses },
          },
          HAL,
        );
      return json(200, p, HAL);
    }
    if (method === 'GET' && path === '/api/v4/leads/custom_fields') {
      const fields = seed.fields.map((f) => ({
        id: f.id,
        name: f.name,
        type: f.type,
        account_id: seed.accountId,
        code: f.code,
        sort: f.sort,
        is_api_only: false,
        enums: f.enums ? f.enums.map((e) => ({ id: e.id, value: e.value, sort: e.sort })) : null,
        group_id: null,
        required_statuses: [],
        is_deletable: true,
        is_predefined: false,
        entity_type: 'leads',
        tracking_callback: null,
        remind: f.type === 'date' ? 'never' : null,
        triggers: [],
        currency: null,
        hidden_statuses: [],
        chained_lists: null,
        _links: { self: { href: href(`/api/v4/leads/custom_fields/${f.id}`) } },
      }));
      const r = pageOf(fields, q, path, 'custom_fields', (x) => x, 50, 50);
      if (r.status !== 200) return r;
      const data = JSON.parse(r.body) as Record<string, unknown>;
      return json(200, { _total_items: fields.length, ...data }, HAL);
    }
    if (method === 'GET' && path === '/api/v4/leads/loss_reasons') {
      return json(
        200,
        {
          _total_items: seed.lossReasons.length,
          _page: 1,
          _links: { self: { href: href(path) } },
          _embedded: {
            loss_reasons: seed.lossReasons.map((r) => ({
              id: r.id,
              name: r.name,
              sort: r.sort,
              created_at: unix(seed.now) - 86400 * 400,
              updated_at: unix(seed.now) - 86400 * 400,
              _links: { self: { href: href(`${path}/${r.id}`) } },
            })),
          },
        },
        HAL,
      );
    }
    if (method === 'GET' && path === '/api/v4/users') {
      const users = seed.users.map((u) => ({
        id: u.id,
        name: u.name,
        email: u.email,
        lang: 'ru',
        rights: {
          leads: { view: 'A', edit: 'A', add: 'A', delete: 'D', export: 'D' },
          is_admin: u.id === seed.users[0].id,
          is_free: false,
          is_active: true,
          group_id: null,
          role_id: null,
          status_rights: [],
        },
        _links: { self: { href: href(`/api/v4/users/${u.id}`) } },
      }));
      const r = pageOf(users, q, path, 'users', (x) => x, 50, 250);
      if (r.status !== 200) return r;
      const data = JSON.parse(r.body) as Record<string, unknown>;
      return json(200, { _total_items: users.length, _page_count: 1, ...data }, HAL);
    }
    if (method === 'GET' && (m = path.match(/^\/api\/v4\/users\/(\d+)$/))) {
      const u = userById(seed, Number(m[1]));
      return u
        ? json(200, { id: u.id, name: u.name, email: u.email, lang: 'ru', _links: { self: { href: href(path) } } }, HAL)
        : noContent();
    }
    if (method === 'GET' && path === '/api/v4/events') {
      let events = seed.events.slice();
      const entity = q.get('filter[entity]') ?? listParam(q, 'filter[entity]')[0];
      if (entity) events = entity === 'lead' || entity === 'leads' ? events : [];
      const ids = listParam(q, 'filter[entity_id]').map(Number);
      if (ids.length > EVENTS_ENTITY_IDS_MAX)
        return problem(400, 'Bad Request', 'Request validation failed', {
          'validation-errors': [
            {
              request_id: '0',
              errors: [{ code: 'TooManyValues', path: 'filter.entity_id', detail: `At most ${EVENTS_ENTITY_IDS_MAX} values` }],
            },
          ],
        });
      if (ids.length) events = events.filter((e) => ids.includes(e.leadId));
      const types = listParam(q, 'filter[type]');
      if (types.length) events = events.filter((e) => types.includes(e.type));
      const crt = range(q, 'filter[created_at]');
      events = events.filter((e) => inRange(unix(e.createdAt), crt));
      const by = listParam(q, 'filter[created_by]').map(Number);
      if (by.length) events = events.filter((e) => by.includes(e.createdBy));
      const asc = q.get('order[created_at]') === 'asc' || q.get('order[id]') === 'asc';
      events.sort(
        (a, b) => (asc ? a.createdAt - b.createdAt : b.createdAt - a.createdAt) || (asc ? 1 : -1) * a.id.localeCompare(b.id),
      );
      return pageOf(events, q, path, 'events', eventJson, 100, 100);
    }
    if (method === 'GET' && (m = path.match(/^\/api\/v4\/leads\/(\d+)\/notes$/))) {
      const leadId = Number(m[1]);
      if (!leadById(seed, leadId)) return noContent();
      return notesList(
        seed.notes.filter((n) => n.leadId === leadId && n.on === 'lead'),
        q,
        path,
      );
    }
    // Every deal's notes (developers.kommo.com: notes list by the entity type).
    if (method === 'GET' && path === '/api/v4/leads/notes') {
      const ids = listParam(q, 'filter[entity_id]').map(Number);
      const onLeads = seed.notes.filter((n) => n.on === 'lead');
      return notesList(ids.length ? onLeads.filter((n) => ids.includes(n.leadId)) : onLeads, q, path);
    }
    if (method === 'GET' && (m = path.match(/^\/api\/v4\/contacts\/(\d+)\/notes$/))) {
      const contactId = Number(m[1]);
      const owner = seed.leads.find((l) => l.contact.id === contactId);
      if (!owner) return noContent();
      let notes = seed.notes.filter((n) => n.on === 'contact' && n.leadId === owner.id);
      const types = listParam(q, 'filter[note_type]');
      if (types.length) notes = notes.filter((n) => types.includes(n.noteType));
      notes.sort((a, b) => a.id - b.id);
      return pageOf(notes, q, path, 'notes', (n) => ({ ...noteJson(n), entity_id: contactId }), 50, 250);
    }
    if (method === 'GET' && (m = path.match(/^\/api\/v4\/leads\/(\d+)\/notes\/(\d+)$/))) {
      const n = seed.notes.find((x) => x.leadId === Number(m![1]) && x.id === Number(m![2]));
      return n ? json(200, noteJson(n), HAL) : noContent();
    }
    if (method === 'POST' && (m = path.match(/^\/api\/v4\/leads\/(\d+)\/notes$/))) {
      const leadId = Number(m[1]);
      if (!leadById(seed, leadId)) return problem(404, 'Not Found', 'Entity not found');
      return postNotes(body, leadId, userId);
    }
    if (method === 'POST' && path === '/api/v4/leads/notes') return postNotes(body, null, userId);
    if (path.startsWith('/api/v4/')) {
      const known = /^\/api\/v4\/(leads|account|users|events|contacts)/.test(path);
      return known
        ? problem(405, 'Method Not Allowed', `${method} is not supported here`)
        : problem(404, 'Not Found', 'Unknown method');
    }
    return problem(404, 'Not Found', 'Unknown method');
  }

  /** Filters (note type, `updated_at` range) and order (`updated_at` or `id`, asc by default) of a notes list. */
  function notesList(notes: SeedNote[], q: URLSearchParams, path: string): FakeResponse {
    const types = listParam(q, 'filter[note_type]');
    if (types.length) notes = notes.filter((n) => types.includes(n.noteType));
    const upd = range(q, 'filter[updated_at]');
    notes = notes.filter((n) => inRange(unix(n.updatedAt ?? n.createdAt), upd));
    const byUpdated = q.has('order[updated_at]');
    const desc = q.get('order[updated_at]') === 'desc' || q.get('order[id]') === 'desc';
    const key = (n: SeedNote) => (byUpdated ? (n.updatedAt ?? n.createdAt) : 0);
    notes.sort((a, b) => (desc ? -1 : 1) * (key(a) - key(b) || a.id - b.id));
    return pageOf(notes, q, path, 'notes', noteJson, 50, 250);
  }

  /** The user a request acts as: its Bearer token's, else its session's, else the seed's current user. */
  function userOf(headers: Record<string, string>): number {
    const bearer = /^Bearer\s+(\S+)/i.exec(header(headers, 'authorization') ?? '')?.[1];
    if (bearer && options.tokenUsers?.[bearer] !== undefined) return options.tokenUsers[bearer];
    const session = cookies(headers).session_id;
    if (session && options.sessionUsers?.[session] !== undefined) return options.sessionUsers[session];
    return seed.currentUserId;
  }

  function pipelineJson(): Record<string, unknown> {
    const p = seed.pipeline;
    return {
      id: p.id,
      name: p.name,
      sort: p.sort,
      is_main: p.isMain,
      is_unsorted_on: true,
      is_archive: false,
      account_id: seed.accountId,
      _links: { self: { href: href(`/api/v4/leads/pipelines/${p.id}`) } },
      _embedded: {
        statuses: p.statuses.map((s) => ({
          id: s.id,
          name: s.name,
          sort: s.sort,
          is_editable: s.id !== 142 && s.id !== 143 && s.type !== 1,
          pipeline_id: s.pipelineId,
          color: s.color,
          type: s.type,
          account_id: seed.accountId,
          descriptions: [],
          _links: { self: { href: href(`/api/v4/leads/pipelines/${p.id}/statuses/${s.id}`) } },
        })),
      },
    };
  }

  function page(path: string, hasSession: boolean): FakeResponse {
    const now = clock();
    // A logged-in browser keeps its own session (several contexts act as different users).
    const setCookie: Record<string, string> = hasSession
      ? { 'cache-control': 'no-store' }
      : { 'set-cookie': 'session_id=fake; Path=/', 'cache-control': 'no-store' };
    const scripts =
      '<script type="application/json" id="amocrm-fake-data">' +
      scriptJson(pageData(seed, now, renderDelayMs, packSize)) +
      '</script>' +
      '<script>' +
      amoPageScript() +
      '</script>';
    let m: RegExpMatchArray | null;
    if ((m = path.match(/^\/leads\/detail\/(\d+)\/?$/))) {
      const id = Number(m[1]);
      if (leadById(seed, id)) {
        const v = viewHtml(seed, { kind: 'card', leadId: id }, now);
        return html(200, documentHtml(v.title, v.body, scripts), setCookie);
      }
      const v = viewHtml(seed, { kind: '404' }, now);
      return html(404, documentHtml(v.title, v.body, scripts), setCookie);
    }
    if ((m = path.match(/^\/leads\/pipeline\/(\d+)\/?$/)) && Number(m[1]) !== seed.pipeline.id) {
      const v = viewHtml(seed, { kind: '404' }, now);
      return html(404, documentHtml(v.title, v.body, scripts), setCookie);
    }
    if (/^\/leads\/list\/?$/.test(path)) {
      const v = viewHtml(seed, { kind: 'list' }, now, packSize);
      return html(200, documentHtml(v.title, v.body, scripts), setCookie);
    }
    if (/^\/leads(\/pipeline(\/\d+)?)?\/?$/.test(path)) {
      const v = viewHtml(seed, { kind: 'board' }, now, packSize);
      return html(200, documentHtml(v.title, v.body, scripts), setCookie);
    }
    const v = viewHtml(seed, { kind: '404' }, now);
    return html(404, documentHtml(v.title, v.body, scripts), setCookie);
  }

  /** Records an event of a lead, as amoCRM does when the lead changes; `apply` changes the lead itself. */
  function leadEvent(
    leadId: number,
    type: SeedEvent['type'],
    value: (lead: SeedLead) => { before: number; after: number },
    opts: { at?: number; by?: number },
    apply: (lead: SeedLead, at: number) => void,
  ): SeedEvent {
    const lead = leadById(seed, leadId);
    if (!lead) throw new Error(`no lead ${leadId}`);
    const at = opts.at ?? clock();
    const event: SeedEvent = {
      id: `01fake${String(nextEvent++).padStart(6, '0')}${leadId.toString(32)}`,
      type,
      leadId,
      createdAt: at,
      createdBy: opts.by ?? seed.currentUserId,
      pipelineId: lead.pipelineId,
      ...value(lead),
    };
    seed.events.push(event);
    apply(lead, at);
    lead.updatedAt = Math.max(lead.updatedAt, at);
    return event;
  }

  function handOver(leadId: number, toUserId: number, opts: { at?: number; by?: number } = {}): SeedEvent {
    return leadEvent(
      leadId,
      'entity_responsible_changed',
      (lead) => ({ before: lead.responsibleUserId, after: toUserId }),
      opts,
      (lead) => (lead.responsibleUserId = toUserId),
    );
  }

  function moveLead(leadId: number, status: StatusKey | number, opts: { at?: number; by?: number } = {}): SeedEvent {
    const to = typeof status === 'number' ? status : STATUS[status];
    return leadEvent(
      leadId,
      'lead_status_changed',
      (lead) => ({ before: lead.statusId, after: to }),
      opts,
      (lead, at) => {
        lead.statusId = to;
        lead.closedAt = to === STATUS.won || to === STATUS.lost ? at : null;
      },
    );
  }

  function saveStatus(body: string | undefined): FakeResponse {
    let parsed: { id?: unknown; status_id?: unknown };
    try {
      parsed = JSON.parse(body ?? '') as { id?: unknown; status_id?: unknown };
    } catch {
      return problem(400, 'Bad Request', 'Request body is not valid JSON');
    }
    const lead = leadById(seed, Number(parsed.id));
    const status = statusById(seed, Number(parsed.status_id));
    if (!lead || !status) return problem(400, 'Bad Request', 'Unknown deal or status');
    if (lead.statusId !== status.id) moveLead(lead.id, status.id);
    return json(200, { id: lead.id, status_id: lead.statusId });
  }

  async function handle(req: FakeRequest): Promise<FakeResponse> {
    const url = new URL(req.url);
    const method = req.method.toUpperCase();
    const path = url.pathname;
    const log = (res: FakeResponse, fault?: string): FakeResponse => {
      requests.push({ method, path, search: url.search, url: req.url, time: Date.now(), status: res.status, fault });
      return res;
    };
    if (url.host !== seed.host) return log(html(404, '<!DOCTYPE html><title>404</title><h1>Аккаунт не найден</h1>'));
    const fault = faults.take(path);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.status) {
      const titles: Record<number, string> = {
        400: 'Bad Request',
        401: 'Unauthorized',
        403: 'Forbidden',
        404: 'Not Found',
        429: 'Too Many Requests',
        500: 'Internal Server Error',
        502: 'Bad Gateway',
        503: 'Service Unavailable',
      };
      const extra: Record<string, string> =
        fault.retryAfter !== undefined
          ? { 'retry-after': String(fault.retryAfter) }
          : fault.status === 429
            ? { 'retry-after': '1' }
            : {};
      const res =
        fault.body !== undefined
          ? { status: fault.status, headers: { 'content-type': PROBLEM, ...extra }, body: fault.body }
          : problem(fault.status, titles[fault.status] ?? 'Error', titles[fault.status] ?? 'Error');
      res.headers = { ...res.headers, ...extra };
      return log(res, faultName(fault));
    }
    if (fault?.malformed)
      return log({ status: 200, headers: { 'content-type': HAL }, body: '{"_embedded": {' }, faultName(fault));
    const faultTag = fault ? faultName(fault) : undefined;
    if (path.startsWith('/api/')) {
      if (options.rateLimit) {
        const t = Date.now();
        while (apiTimes.length && t - apiTimes[0] >= 1000) apiTimes.shift();
        apiTimes.push(t);
        if (apiTimes.length > options.rateLimit.perSecond) {
          const st = options.rateLimit.status ?? 429;
          const res = problem(st, st === 429 ? 'Too Many Requests' : 'Forbidden', 'Rate limit exceeded');
          res.headers['retry-after'] = '1';
          return log(res, 'rate-limit');
        }
      }
      const auth = header(req.headers, 'authorization') ?? '';
      const hasSession = !!cookies(req.headers).session_id || /^Bearer\s+\S+/i.test(auth);
      if (requireAuth && !hasSession) return log(problem(401, 'Unauthorized', 'Unauthorized'), faultTag);
      return log(api(method, path, url.searchParams, req.body, userOf(req.headers)), faultTag);
    }
    if (path.startsWith('/private/records/'))
      return log({ status: 200, headers: { 'content-type': 'audio/mpeg' }, body: '' }, faultTag);
    if (path === '/favicon.ico') return log(noContent(), faultTag);
    // The board saves a dragged card here (the fake's own endpoint: the app's is not documented).
    if (method === 'POST' && path === '/ajax/leads/status/') return log(saveStatus(req.body), faultTag);
    if (method !== 'GET') return log(problem(405, 'Method Not Allowed', method), faultTag);
    // `/` serves the board and the page script rewrites the URL (a network redirect from a
    // Playwright route is not intercepted again, so no 302 here).
    const hasSession = !!cookies(req.headers).session_id;
    if (path === '/') return log(page(`/leads/pipeline/${seed.pipeline.id}/`, hasSession), faultTag);
    return log(page(path, hasSession), faultTag);
  }

  return {
    origin,
    seed,
    handle,
    setFault: (fault, scope) => faults.set(fault, scope),
    requests,
    moveLead,
    handOver,
    addNote(leadId, note) {
      if (!leadById(seed, leadId)) throw new Error(`no lead ${leadId}`);
      return storeNote(leadId, note.noteType, note.params, note.at ?? clock(), note.by ?? seed.currentUserId);
    },
    updateLead(leadId, patch) {
      const lead = leadById(seed, leadId);
      if (!lead) throw new Error(`no lead ${leadId}`);
      Object.assign(lead, patch);
      lead.updatedAt = patch.updatedAt ?? Math.max(lead.updatedAt, clock());
      return lead;
    },
  };
}
