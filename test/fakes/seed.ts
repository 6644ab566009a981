// The one seed data set behind both fakes (amoCRM and Instagram), the e2e tests and the demo.
// Every instant is relative to `now`, so the demo is always "live". Deterministic: the same `now`
// and options give the same data, and the named stories do not depend on `extraLeads`.

import { atLocal, DAY, HOUR, localDate, localDayStart, MINUTE } from './time';

export const SEED_HOST = 'smmpro.amocrm.ru';
export const SEED_SUBDOMAIN = 'smmpro';
export const SEED_ACCOUNT_ID = 30124578;
export const PIPELINE_ID = 7310001;

/** Status ids of the pipeline «Клиенты SMM». 142/143 are amoCRM's fixed won/lost ids. */
export const STATUS = {
  unsorted: 61234500,
  newClient: 61234501,
  contacted: 61234502,
  questionnaire: 61234503,
  launched: 61234504,
  noticeSent: 61234505,
  won: 142,
  lost: 143,
} as const;
export type StatusKey = keyof typeof STATUS;

/** Custom field ids (`CFV[id]` on the card, `field_id` in the API). */
export const FIELD = {
  service: 810001,
  payer: 810002,
  startDate: 810003,
  credentials: 810004,
  instagram: 810005,
} as const;

export const ENUM = {
  management: 1620001,
  complex: 1620002,
  individual: 1620011,
  legal: 1620012,
} as const;

export const USER = {
  aigerim: 5012301,
  daniyar: 5012302,
  maria: 5012303,
} as const;

export const LOSS_REASON = { refund: 9101, noBudget: 9102, competitor: 9103 } as const;

export type SeedService = 'management' | 'complex';
export type SeedPayer = 'individual' | 'legal';

export interface SeedUser {
  id: number;
  name: string;
  email: string;
}

export interface SeedStatus {
  id: number;
  name: string;
  sort: number;
  color: string;
  /** 1 = unsorted («Неразобранное»), 0 = regular (also 142/143). */
  type: 0 | 1;
  pipelineId: number;
}

export interface SeedPipeline {
  id: number;
  name: string;
  sort: number;
  isMain: boolean;
  statuses: SeedStatus[];
}

export interface SeedFieldEnum {
  id: number;
  value: string;
  sort: number;
}

export interface SeedField {
  id: number;
  name: string;
  /** `field_code`: null for fields the account created. */
  code: string | null;
  type: 'select' | 'date' | 'text';
  sort: number;
  enums: SeedFieldEnum[] | null;
}

export interface SeedLossReason {
  id: number;
  name: string;
  sort: number;
}

export interface SeedContact {
  id: number;
  name: string;
  phone: string;
  email: string | null;
}

export interface SeedLead {
  id: number;
  /** Story letter (`a`…`j`) for the named leads, `x` for generated ones. */
  story: string;
  /** One line, English: what this lead is for in tests. */
  about: string;
  name: string;
  price: number;
  responsibleUserId: number;
  createdBy: number;
  pipelineId: number;
  statusId: number;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  lossReasonId: number | null;
  service: SeedService;
  payer: SeedPayer;
  /** «Дата начала обслуживания», local `YYYY-MM-DD`, or null when empty. */
  startDate: string | null;
  /** «Логин/пароль от аккаунта Instagram», or null when empty. */
  credentials: string | null;
  /** «Instagram» field: username without `@`. */
  instagram: string;
  contact: SeedContact;
  /** The card's layout: amoCRM's classic card or the newer header layout (`#card-header-person_n`). */
  layout: 'classic' | 'header';
  /**
   * Custom field values as the API gives them that Reglament does not configure, in the shapes
   * amoCRM's PHP library models (object-valued legal_entity/file/linked_entity, valueless chained_list).
   */
  oddFields: unknown[];
}

export interface SeedEvent {
  /** amoCRM event ids are opaque strings. */
  id: string;
  type: 'lead_added' | 'lead_status_changed' | 'entity_responsible_changed';
  leadId: number;
  /** Epoch ms. */
  createdAt: number;
  /** User id; 0 = robot / digital pipeline. */
  createdBy: number;
  pipelineId: number;
  /** Status ids (`entity_responsible_changed`: user ids); null for `lead_added`. */
  before: number | null;
  after: number;
}

export interface SeedNote {
  id: number;
  leadId: number;
  /** Where amoCRM filed the note: the deal, or its contact (a call goes to the contact unless it has one open deal). */
  on: 'lead' | 'contact';
  /** `service_message`: written by an integration (Reglament's marker notes), shown as a system line. */
  noteType: 'call_in' | 'call_out' | 'common' | 'service_message';
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms of the last edit; absent = createdAt. */
  updatedAt?: number;
  createdBy: number;
  responsibleUserId: number;
  /** Call notes: duration (s), link (recording; absent when not recorded), phone, call_status. Common: text. */
  params: {
    uniq?: string;
    duration?: number;
    source?: string;
    link?: string;
    phone?: string;
    call_status?: number;
    call_result?: string;
    text?: string;
    /** service_message: the integration's name. */
    service?: string;
  };
}

export interface SeedPost {
  shortcode: string;
  /** Epoch ms. */
  takenAt: number;
  isVideo: boolean;
  caption: string;
  /** Tile colour (CSS). */
  color: string;
  likes: number;
  /** Pinned posts come first on the profile grid whatever their date (a trap for "latest post" logic). */
  pinned: boolean;
}

export interface SeedStory {
  /** Story media pk (numeric string). */
  pk: string;
  takenAt: number;
  isVideo: boolean;
}

export interface SeedProfile {
  /** Instagram user id (numeric string). */
  id: string;
  username: string;
  fullName: string;
  bio: string;
  followers: number;
  following: number;
  avatarColor: string;
  /** Newest first (pinned posts are flagged, not moved). */
  posts: SeedPost[];
  /** All stories ever published, newest first; only those younger than 24 h are "current". */
  stories: SeedStory[];
  /** Lead it belongs to, or null for accounts that are not clients. */
  leadId: number | null;
  /**
   * A business account whose business category `web_profile_info` can no longer serialise: it
   * answers HTTP 400 (the laser.provider message) and only the user feed serves its posts (2026).
   */
  business: boolean;
}

export interface Seed {
  now: number;
  host: string;
  subdomain: string;
  accountId: number;
  accountName: string;
  /** The amoCRM user the fake session belongs to (the manager at the keyboard). */
  currentUserId: number;
  users: SeedUser[];
  growthSpecialist: { name: string };
  adManager: { name: string };
  agencyEmail: string;
  pipeline: SeedPipeline;
  fields: SeedField[];
  lossReasons: SeedLossReason[];
  leads: SeedLead[];
  events: SeedEvent[];
  notes: SeedNote[];
  profiles: SeedProfile[];
  /** The Instagram account the manager is logged in as (home feed, Direct). */
  igViewer: { id: string; username: string; fullName: string };
  /** Lead id per story letter of the named leads. */
  storyLeads: Record<StoryKey, number>;
}

export type StoryKey = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j';

export interface SeedOptions {
  /** Generated leads on top of the named ones (ids from 2001), spread over the three managers. */
  extraLeads?: number;
}

// ---------------------------------------------------------------------------------------------

const USERS: SeedUser[] = [
  { id: USER.aigerim, name: 'Айгерим Сарсенова', email: 'aigerim@smmpro.agency' },
  { id: USER.daniyar, name: 'Данияр Касымов', email: 'daniyar@smmpro.agency' },
  { id: USER.maria, name: 'Мария Ким', email: 'maria@smmpro.agency' },
];

function pipeline(): SeedPipeline {
  const s = (id: number, name: string, sort: number, color: string, type: 0 | 1 = 0): SeedStatus => ({
    id,
    name,
    sort,
    color,
    type,
    pipelineId: PIPELINE_ID,
  });
  return {
    id: PIPELINE_ID,
    name: 'Клиенты SMM',
    sort: 1,
    isMain: true,
    statuses: [
      s(STATUS.unsorted, 'Неразобранное', 10, '#c1c1c1', 1),
      s(STATUS.newClient, 'Новый клиент', 20, '#99ccff'),
      s(STATUS.contacted, 'Связались с клиентом', 30, '#ffff99'),
      s(STATUS.questionnaire, 'Получена анкета', 40, '#ffcc66'),
      s(STATUS.launched, 'Проект запущен', 50, '#87f2c0'),
      s(STATUS.noticeSent, 'Отправлено уведомление', 60, '#f9deff'),
      s(STATUS.won, 'Успешно реализовано', 10000, '#CCFF66'),
      s(STATUS.lost, 'Клиент потерян', 11000, '#D5D8DB'),
    ],
  };
}

function fields(): SeedField[] {
  return [
    {
      id: FIELD.service,
      name: 'Услуга',
      code: null,
      type: 'select',
      sort: 510,
      enums: [
        { id: ENUM.management, value: 'Ведение аккаунта', sort: 500 },
        { id: ENUM.complex, value: 'Комплексное продвижение', sort: 1 },
      ],
    },
    {
      id: FIELD.payer,
      name: 'Тип клиента',
      code: null,
      type: 'select',
      sort: 511,
      enums: [
        { id: ENUM.individual, value: 'Физ. лицо', sort: 500 },
        { id: ENUM.legal, value: 'Юр. лицо', sort: 1 },
      ],
    },
    { id: FIELD.startDate, name: 'Дата начала обслуживания', code: null, type: 'date', sort: 512, enums: null },
    { id: FIELD.credentials, name: 'Логин/пароль от аккаунта Instagram', code: null, type: 'text', sort: 513, enums: null },
    { id: FIELD.instagram, name: 'Instagram', code: null, type: 'text', sort: 514, enums: null },
  ];
}

const LOSS_REASONS: SeedLossReason[] = [
  { id: LOSS_REASON.refund, name: 'Возврат средств', sort: 1 },
  { id: LOSS_REASON.noBudget, name: 'Нет бюджета', sort: 2 },
  { id: LOSS_REASON.competitor, name: 'Ушёл к конкурентам', sort: 3 },
];

/** Values of field types whose `value` is an object or missing (amoCRM PHP library ValueModels). */
export const ODD_FIELDS: unknown[] = [
  {
    field_id: 810101,
    field_name: 'Юр. лицо',
    field_code: null,
    field_type: 'legal_entity',
    values: [
      {
        value: {
          name: 'ТОО «FitZone Astana»',
          entity_type: 2,
          vat_id: '180940012345',
          tax_registration_reason_code: null,
          address: 'Астана, Мәңгілік Ел, 37',
          kpp: null,
          bank_code: null,
          external_uid: null,
        },
      },
    ],
  },
  {
    field_id: 810102,
    field_name: 'Договор',
    field_code: null,
    field_type: 'file',
    values: [
      {
        value: {
          file_uuid: 'c2f3a9e4-6b7d-4e1a-9f0c-2d5b8a7e1f34',
          version_uuid: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
          file_name: 'Договор FitZone.pdf',
          file_size: 184_233,
          is_deleted: false,
        },
      },
    ],
  },
  {
    field_id: 810103,
    field_name: 'Тариф',
    field_code: null,
    field_type: 'linked_entity',
    values: [{ value: { name: 'Комплекс Pro', entity_id: 7701, entity_type: 'catalog_elements', catalog_id: 5011 } }],
  },
  {
    field_id: 810104,
    field_name: 'Пакет',
    field_code: null,
    field_type: 'chained_list',
    values: [{ catalog_id: 5011, catalog_element_id: 7702 }],
  },
];

const PRICE: Record<SeedService, number> = { management: 150_000, complex: 280_000 };

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const TILE_COLORS = [
  '#e9c46a',
  '#f4a261',
  '#e76f51',
  '#2a9d8f',
  '#264653',
  '#8ecae6',
  '#ffb703',
  '#c77dff',
  '#90be6d',
  '#f28482',
  '#84a59d',
  '#6d597a',
];
const CAPTIONS = [
  'Новинка недели ✨',
  'Ждём вас каждый день с 10:00 до 21:00',
  'Отзыв наших клиентов 💬',
  'Акция только до конца недели!',
  'Как мы работаем: закулисье',
  'Ответы на частые вопросы',
  'Знакомьтесь с нашей командой',
  'Подборка лучших работ',
  'Розыгрыш! Условия в посте',
  'Полезный совет дня',
];

interface Call {
  dir: 'in' | 'out';
  at: number;
  duration: number;
  recorded: boolean;
  /** amoCRM call_status: 4 = conversation, 6 = not answered, 3 = unavailable. */
  status?: number;
  result?: string;
  /** Filed on the contact, not on the deal. */
  onContact?: boolean;
}

interface StoryDef {
  key: string;
  id: number;
  about: string;
  name: string;
  username: string;
  fullName: string;
  bio: string;
  manager: number;
  service: SeedService;
  payer: SeedPayer;
  contact: { name: string; phone: string; email?: string };
  /** Creation (payment) and the stage path: first entry = status at creation. */
  stages: Array<{ status: StatusKey; at: number; by?: number }>;
  startDate?: number | null;
  credentials?: string | null;
  posts: Array<{ at: number; isVideo?: boolean; pinned?: boolean }>;
  stories: number[];
  /** See `SeedProfile.business`. */
  business?: boolean;
  calls: Call[];
  lossReasonId?: number;
  layout?: 'classic' | 'header';
  oddFields?: unknown[];
}

class Builder {
  readonly leads: SeedLead[] = [];
  readonly events: SeedEvent[] = [];
  readonly notes: SeedNote[] = [];
  readonly profiles: SeedProfile[] = [];
  private noteId = 80_000_001;

  constructor(private readonly now: number) {}

  add(def: StoryDef): void {
    const r = rng(def.id * 7919 + 17);
    const first = def.stages[0];
    const statusId = STATUS[def.stages[def.stages.length - 1].status];
    let updatedAt = first.at;
    def.stages.forEach((st, i) => {
      const prev = i === 0 ? null : STATUS[def.stages[i - 1].status];
      this.events.push({
        id: eventId(def.id, i, r),
        type: i === 0 ? 'lead_added' : 'lead_status_changed',
        leadId: def.id,
        createdAt: st.at,
        createdBy: st.by ?? (i === 0 ? 0 : def.manager),
        pipelineId: PIPELINE_ID,
        before: prev,
        after: STATUS[st.status],
      });
      updatedAt = Math.max(updatedAt, st.at);
    });
    const phone = def.contact.phone;
    for (const c of def.calls) {
      const uniq = `${def.id}-${Math.floor(c.at / 1000)}`;
      this.notes.push({
        id: this.noteId++,
        leadId: def.id,
        on: c.onContact ? 'contact' : 'lead',
        noteType: c.dir === 'in' ? 'call_in' : 'call_out',
        createdAt: c.at,
        createdBy: def.manager,
        responsibleUserId: def.manager,
        params: {
          uniq,
          duration: c.duration,
          source: 'Binotel',
          ...(c.recorded ? { link: `https://${SEED_HOST}/private/records/${uniq}.mp3` } : {}),
          phone,
          call_status: c.status ?? 4,
          call_result: c.result ?? '',
        },
      });
    }
    const closed = statusId === STATUS.won || statusId === STATUS.lost;
    this.leads.push({
      id: def.id,
      story: def.key,
      about: def.about,
      name: def.name,
      price: PRICE[def.service],
      responsibleUserId: def.manager,
      createdBy: 0,
      pipelineId: PIPELINE_ID,
      statusId,
      createdAt: first.at,
      updatedAt,
      closedAt: closed ? def.stages[def.stages.length - 1].at : null,
      lossReasonId: statusId === STATUS.lost ? (def.lossReasonId ?? LOSS_REASON.noBudget) : null,
      service: def.service,
      payer: def.payer,
      startDate: def.startDate == null ? null : localDate(def.startDate),
      credentials: def.credentials ?? null,
      instagram: def.username,
      contact: { id: def.id + 500_000, name: def.contact.name, phone, email: def.contact.email ?? null },
      layout: def.layout ?? 'classic',
      oddFields: def.oddFields ?? [],
    });
    const posts: SeedPost[] = def.posts
      .map((p) => ({
        shortcode: shortcode(r),
        takenAt: p.at,
        isVideo: !!p.isVideo,
        caption: CAPTIONS[Math.floor(r() * CAPTIONS.length)],
        color: TILE_COLORS[Math.floor(r() * TILE_COLORS.length)],
        likes: 5 + Math.floor(r() * 300),
        pinned: !!p.pinned,
      }))
      .sort((x, y) => y.takenAt - x.takenAt);
    const stories: SeedStory[] = def.stories
      .slice()
      .sort((x, y) => y - x)
      .map((at) => ({
        pk: String(3_400_000_000_000_000_000n + BigInt(def.id) * 1_000_000n + BigInt(Math.floor(r() * 999_999))),
        takenAt: at,
        isVideo: r() < 0.3,
      }));
    this.profiles.push({
      id: String(48_000_000_000 + def.id * 7919),
      username: def.username,
      fullName: def.fullName,
      bio: def.bio,
      followers: 300 + Math.floor(r() * 12_000),
      following: 50 + Math.floor(r() * 700),
      avatarColor: TILE_COLORS[def.id % TILE_COLORS.length],
      posts,
      stories,
      leadId: def.id,
      business: !!def.business,
    });
  }

  /**
   * `t`, or a moment earlier today when `t` is not yet in the past (keeps "today" data valid at any
   * hour). Whole seconds, as amoCRM and Instagram give times (`now` itself has milliseconds).
   */
  past(t: number): number {
    if (t <= this.now - MINUTE) return t;
    const start = localDayStart(this.now);
    const at = Math.max(start + MINUTE, Math.min(this.now - 10 * MINUTE, start + Math.floor((this.now - start) / 2)));
    return Math.floor(at / 1000) * 1000;
  }
}

function eventId(leadId: number, i: number, r: () => number): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  let s = '01';
  for (let k = 0; k < 22; k++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s.slice(0, 20) + leadId.toString(32) + i.toString(32);
}

function shortcode(r: () => number): string {
  let s = 'C';
  for (let k = 0; k < 10; k++) s += CODE_CHARS[Math.floor(r() * CODE_CHARS.length)];
  return s;
}

/** Daily posts at ~local `h:m` (jittered) from `fromDay` to `toDay` (day offsets relative to today, inclusive). */
function daily(
  b: Builder,
  now: number,
  fromDay: number,
  toDay: number,
  h = 12,
  videoEvery = 4,
): Array<{ at: number; isVideo?: boolean }> {
  const out: Array<{ at: number; isVideo?: boolean }> = [];
  for (let d = fromDay; d <= toDay; d++) {
    const jitter = ((d * 37) % 90) - 45;
    const at = d === 0 ? b.past(atLocal(now, 0, h, 0) + jitter * MINUTE) : atLocal(now, d, h, 0) + jitter * MINUTE;
    out.push({ at, isVideo: (d - fromDay) % videoEvery === videoEvery - 1 });
  }
  return out;
}

function namedStories(b: Builder, now: number): StoryDef[] {
  const L = (d: number, h: number, m = 0) => atLocal(now, d, h, m);
  const oldPosts = (n: number, fromDay: number) =>
    Array.from({ length: n }, (_, i) => ({ at: L(fromDay - i * 9, 18, 20), isVideo: i % 3 === 2 }));
  return [
    {
      key: 'a',
      id: 1001,
      about: 'New client paid 40 minutes ago, stage «Новый клиент», not yet called (first-contact open).',
      name: 'Кофейня Coffee Almaty',
      username: 'coffee_almaty',
      fullName: 'Coffee Almaty ☕',
      bio: 'Спешелти-кофе и десерты\nул. Панфилова, 98\nЕжедневно 8:00–22:00',
      manager: USER.aigerim,
      service: 'management',
      payer: 'individual',
      contact: { name: 'Алия Нурланова', phone: '+77015550101' },
      stages: [
        { status: 'unsorted', at: now - 40 * MINUTE },
        { status: 'newClient', at: now - 38 * MINUTE, by: USER.aigerim },
      ],
      posts: oldPosts(5, -45),
      stories: [],
      calls: [],
    },
    {
      key: 'b',
      id: 1002,
      about: 'Paid yesterday at 21:15 local (after hours), stage «Новый клиент», not contacted (first-contact due today 11:00).',
      name: 'Салон красоты Beauty Lab',
      username: 'beauty_lab.kz',
      fullName: 'Beauty Lab | Салон красоты Алматы',
      bio: 'Маникюр • брови • ресницы\nЗапись в WhatsApp 👇',
      manager: USER.daniyar,
      service: 'complex',
      payer: 'legal',
      contact: { name: 'Динара Ахметова', phone: '+77027770202', email: 'info@beautylab.kz' },
      stages: [
        { status: 'unsorted', at: L(-1, 21, 15) },
        { status: 'newClient', at: L(-1, 21, 16), by: 0 },
      ],
      posts: oldPosts(8, -20),
      stories: [L(-40, 13, 0)],
      calls: [],
    },
    {
      key: 'c',
      id: 1003,
      about:
        'Questionnaire received yesterday 15:30, stage «Получена анкета»; contacted 3 days ago (concept-call, first-post-72h running).',
      name: 'Стоматология Достык',
      username: 'dostyq_dental',
      fullName: 'Стоматология «Достык»',
      bio: 'Лечение и имплантация без боли\nпр. Достык, 132',
      manager: USER.maria,
      service: 'management',
      payer: 'legal',
      contact: { name: 'Ерлан Жумабеков', phone: '+77073330303', email: 'dostyq.dental@mail.kz' },
      stages: [
        { status: 'unsorted', at: L(-3, 10, 50) },
        { status: 'newClient', at: L(-3, 10, 52) },
        { status: 'contacted', at: L(-3, 11, 40) },
        { status: 'questionnaire', at: L(-1, 15, 30), by: 0 },
      ],
      posts: oldPosts(3, -60),
      stories: [],
      calls: [
        { dir: 'out', at: L(-3, 11, 35), duration: 252, recorded: true },
        // Not answered, then the call: two calls of one day, shown as one grouped block.
        { dir: 'out', at: L(-1, 17, 0), duration: 0, recorded: false, status: 6, result: 'Не дозвонились' },
        { dir: 'out', at: L(-1, 17, 10), duration: 611, recorded: true },
      ],
    },
    {
      key: 'd',
      id: 1004,
      about:
        'Launched, day 7 of service (start 6 days ago): content-plan-2 due; daily posts incl. today; last story 4 days ago → stories overdue.',
      name: 'Торты на заказ Жанна',
      username: 'zhanna_cakes',
      fullName: 'Торты Жанны 🎂',
      bio: 'Торты и капкейки на заказ\nДоставка по Алматы',
      manager: USER.aigerim,
      service: 'management',
      payer: 'individual',
      contact: { name: 'Жанна Оспанова', phone: '+77054440404' },
      stages: [
        { status: 'unsorted', at: L(-11, 12, 5) },
        { status: 'newClient', at: L(-11, 12, 6) },
        { status: 'contacted', at: L(-11, 12, 50) },
        { status: 'questionnaire', at: L(-9, 16, 0), by: 0 },
        { status: 'launched', at: L(-6, 12, 30) },
      ],
      startDate: L(-6, 12),
      credentials: 'zhanna_cakes / Torty2024!',
      posts: daily(b, now, -6, 0, 12),
      stories: [L(-6, 14, 0), L(-4, 13, 30)],
      calls: [
        { dir: 'out', at: L(-11, 12, 45), duration: 198, recorded: true },
        { dir: 'out', at: L(-9, 17, 20), duration: 845, recorded: true },
        { dir: 'in', at: L(-2, 11, 5), duration: 126, recorded: true },
      ],
    },
    {
      key: 'e',
      id: 1005,
      about:
        '«Комплексное продвижение», launched, mid-period (start 14 days ago); posts daily incl. today; story today (current); a PINNED old post first on the grid; a BUSINESS account (web_profile_info answers 400, the user feed serves its posts).',
      name: 'Фитнес-клуб FitZone',
      username: 'fitzone_astana',
      fullName: 'FitZone — фитнес-клуб',
      bio: 'Тренажёрный зал • групповые программы\nАстана, Мәңгілік Ел, 37',
      manager: USER.daniyar,
      service: 'complex',
      payer: 'legal',
      contact: { name: 'Арман Сейтказиев', phone: '+77015050505', email: 'director@fitzone.kz' },
      stages: [
        { status: 'unsorted', at: L(-19, 11, 0) },
        { status: 'newClient', at: L(-19, 11, 2) },
        { status: 'contacted', at: L(-19, 11, 30) },
        { status: 'questionnaire', at: L(-17, 10, 15), by: 0 },
        { status: 'launched', at: L(-14, 13, 0) },
      ],
      startDate: L(-14, 12),
      credentials: 'fitzone_astana / FZ#pass77',
      layout: 'header',
      oddFields: ODD_FIELDS,
      posts: [{ at: L(-70, 12, 0), pinned: true }, ...daily(b, now, -14, 0, 10, 3)],
      stories: [L(-14, 15, 0), L(-11, 15, 0), L(-8, 15, 0), L(-5, 15, 0), L(-2, 15, 0), b.past(L(0, 9, 0))],
      business: true,
      calls: [
        { dir: 'out', at: L(-19, 11, 25), duration: 305, recorded: true },
        { dir: 'out', at: L(-17, 14, 0), duration: 922, recorded: true },
      ],
    },
    {
      key: 'f',
      id: 1006,
      about: 'Management, legal payer, start 28 days ago → 2 days before the end; renewal call recorded yesterday.',
      name: 'Турагентство Nomad Tours',
      username: 'nomad_tours.kz',
      fullName: 'Nomad Tours | Туры по Казахстану',
      bio: 'Туры выходного дня: Кольсай, Чарын, Алаколь\n+7 701 606 06 06',
      manager: USER.maria,
      service: 'management',
      payer: 'legal',
      contact: { name: 'Тимур Абдрахманов', phone: '+77016060606', email: 'booking@nomadtours.kz' },
      stages: [
        { status: 'unsorted', at: L(-33, 15, 0) },
        { status: 'newClient', at: L(-33, 15, 1) },
        { status: 'contacted', at: L(-33, 15, 40) },
        { status: 'questionnaire', at: L(-31, 12, 0), by: 0 },
        { status: 'launched', at: L(-28, 12, 30) },
      ],
      startDate: L(-28, 12),
      credentials: 'nomad_tours.kz / Nomad!2025',
      posts: daily(b, now, -28, 0, 11),
      stories: [
        L(-28, 16, 0),
        L(-25, 16, 0),
        L(-22, 16, 0),
        L(-19, 16, 0),
        L(-16, 16, 0),
        L(-13, 16, 0),
        L(-10, 16, 0),
        L(-7, 16, 0),
        L(-4, 16, 0),
        L(-1, 19, 0),
      ],
      calls: [
        { dir: 'out', at: L(-33, 15, 35), duration: 240, recorded: true },
        { dir: 'out', at: L(-31, 15, 10), duration: 1020, recorded: true },
        { dir: 'out', at: L(-1, 16, 40), duration: 365, recorded: true, onContact: true },
      ],
    },
    {
      key: 'g',
      id: 1007,
      about:
        'Start 35 days ago → ended 5 days ago, unpaid; «Отправлено уведомление» 7 days ago; posting stopped at the end (lost-deadline in 2 days).',
      name: 'Цветочная студия Аружан',
      username: 'aruzhan_flowers',
      fullName: 'Цветы Аружан 💐',
      bio: 'Авторские букеты и оформление\nДоставка 24/7',
      manager: USER.aigerim,
      service: 'management',
      payer: 'individual',
      contact: { name: 'Аружан Бекова', phone: '+77077070707' },
      stages: [
        { status: 'unsorted', at: L(-40, 13, 0) },
        { status: 'newClient', at: L(-40, 13, 2) },
        { status: 'contacted', at: L(-40, 14, 0) },
        { status: 'questionnaire', at: L(-38, 11, 0), by: 0 },
        { status: 'launched', at: L(-35, 12, 0) },
        { status: 'noticeSent', at: L(-7, 15, 20) },
      ],
      startDate: L(-35, 12),
      credentials: 'aruzhan_flowers / Flowers07',
      posts: daily(b, now, -35, -6, 13),
      stories: [
        L(-35, 17, 0),
        L(-32, 17, 0),
        L(-29, 17, 0),
        L(-26, 17, 0),
        L(-23, 17, 0),
        L(-20, 17, 0),
        L(-17, 17, 0),
        L(-14, 17, 0),
        L(-11, 17, 0),
        L(-8, 17, 0),
      ],
      calls: [
        { dir: 'out', at: L(-40, 13, 50), duration: 210, recorded: true },
        { dir: 'out', at: L(-38, 16, 0), duration: 740, recorded: true },
        { dir: 'out', at: L(-8, 12, 15), duration: 402, recorded: true },
        { dir: 'out', at: L(-2, 11, 0), duration: 0, recorded: false, status: 6, result: 'Не дозвонились' },
      ],
    },
    {
      key: 'h',
      id: 1008,
      about: 'Launched 10 days ago; last post YESTERDAY, none today (daily-post reminder).',
      name: 'Школа английского Kids English',
      username: 'kids_english_ala',
      fullName: 'Kids English Almaty',
      bio: 'Английский для детей 4–12 лет\nПробный урок бесплатно',
      manager: USER.daniyar,
      service: 'management',
      payer: 'individual',
      contact: { name: 'Сауле Мухамеджанова', phone: '+77088080808' },
      stages: [
        { status: 'unsorted', at: L(-15, 10, 20) },
        { status: 'newClient', at: L(-15, 10, 22) },
        { status: 'contacted', at: L(-15, 11, 0) },
        { status: 'questionnaire', at: L(-13, 14, 0), by: 0 },
        { status: 'launched', at: L(-10, 12, 0) },
      ],
      startDate: L(-10, 12),
      credentials: 'kids_english_ala / Kids2025',
      posts: daily(b, now, -10, -1, 12),
      stories: [L(-10, 18, 0), L(-7, 18, 0), L(-4, 18, 0), L(-2, 18, 0)],
      calls: [
        { dir: 'out', at: L(-15, 10, 55), duration: 175, recorded: true },
        { dir: 'out', at: L(-13, 16, 30), duration: 690, recorded: true },
      ],
    },
    {
      key: 'i',
      id: 1009,
      about: 'Launched yesterday, start date filled, credentials field EMPTY (launch warning).',
      name: 'Мебель Шанырак',
      username: 'shanyrak_mebel',
      fullName: 'Шанырак — мебель на заказ',
      bio: 'Кухни и шкафы-купе по вашим размерам\nШоурум: ул. Розыбакиева, 247',
      manager: USER.maria,
      service: 'management',
      payer: 'legal',
      contact: { name: 'Нурлан Искаков', phone: '+77019090909', email: 'zakaz@shanyrak.kz' },
      stages: [
        { status: 'unsorted', at: L(-5, 11, 0) },
        { status: 'newClient', at: L(-5, 11, 3) },
        { status: 'contacted', at: L(-5, 12, 0) },
        { status: 'questionnaire', at: L(-4, 10, 30), by: 0 },
        { status: 'launched', at: L(-1, 12, 10) },
      ],
      startDate: L(-1, 12),
      credentials: null,
      posts: daily(b, now, -1, 0, 12),
      stories: [L(-1, 17, 0)],
      calls: [
        { dir: 'out', at: L(-5, 11, 55), duration: 230, recorded: true },
        { dir: 'out', at: L(-4, 15, 0), duration: 830, recorded: true },
      ],
    },
    {
      key: 'j',
      id: 1010,
      about: 'Lost 2 days ago with loss reason «Возврат средств» (refund within the first 10 days).',
      name: 'Барбершоп Almaty Barber',
      username: 'almaty_barber',
      fullName: 'Almaty Barber',
      bio: 'Мужские стрижки и бритьё\nул. Жибек Жолы, 50',
      manager: USER.aigerim,
      service: 'management',
      payer: 'individual',
      contact: { name: 'Руслан Тлеубаев', phone: '+77021010101' },
      stages: [
        { status: 'unsorted', at: L(-12, 12, 0) },
        { status: 'newClient', at: L(-12, 12, 1) },
        { status: 'contacted', at: L(-12, 13, 0) },
        { status: 'questionnaire', at: L(-10, 11, 0), by: 0 },
        { status: 'launched', at: L(-7, 12, 0) },
        { status: 'lost', at: L(-2, 16, 30) },
      ],
      startDate: L(-7, 12),
      credentials: 'almaty_barber / Barber123',
      posts: daily(b, now, -7, -3, 12),
      stories: [L(-7, 18, 0), L(-4, 18, 0)],
      calls: [
        { dir: 'out', at: L(-12, 12, 55), duration: 160, recorded: true },
        { dir: 'out', at: L(-10, 14, 0), duration: 540, recorded: true },
        { dir: 'in', at: L(-2, 16, 0), duration: 288, recorded: true },
      ],
      lossReasonId: LOSS_REASON.refund,
    },
  ];
}

const EXTRA_KINDS = [
  'Кафе',
  'Студия йоги',
  'Автосервис',
  'Магазин одежды',
  'Кондитерская',
  'Клиника',
  'Детский центр',
  'Ювелирная мастерская',
  'Фотостудия',
  'Ресторан',
];
const EXTRA_NAMES = ['Алтын', 'Самал', 'Тумар', 'Арай', 'Жулдыз', 'Nur', 'Sky', 'Green', 'Bloom', 'Urban', 'Max', 'Lotus'];
const EXTRA_SLUGS = ['cafe', 'yoga', 'auto', 'style', 'sweets', 'clinic', 'kids', 'jewel', 'photo', 'resto'];
const FIRST_NAMES = ['Асель', 'Берик', 'Гульнара', 'Ержан', 'Камила', 'Марат', 'Назым', 'Олжас', 'Сабина', 'Тимур'];
const LAST_NAMES = ['Абенова', 'Бекетов', 'Жакупова', 'Исмаилов', 'Кенжебаева', 'Омаров', 'Садыкова', 'Уразов'];

function extraStory(b: Builder, now: number, i: number): StoryDef {
  const id = 2001 + i;
  const r = rng(id * 104729 + 3);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const manager = USERS[i % USERS.length].id;
  const service: SeedService = r() < 0.7 ? 'management' : 'complex';
  const payer: SeedPayer = r() < 0.55 ? 'individual' : 'legal';
  const kindIdx = Math.floor(r() * EXTRA_KINDS.length);
  const brand = pick(EXTRA_NAMES);
  const username = `${brand.toLowerCase().replace(/[^a-z]/g, '') || 'kz'}_${EXTRA_SLUGS[kindIdx]}_${id}`;
  const roll = r();
  const target: StatusKey =
    roll < 0.08
      ? 'newClient'
      : roll < 0.2
        ? 'contacted'
        : roll < 0.3
          ? 'questionnaire'
          : roll < 0.72
            ? 'launched'
            : roll < 0.82
              ? 'noticeSent'
              : roll < 0.94
                ? 'lost'
                : 'won';
  // Timeline backwards from the start day S (day offset, <= 0).
  const S =
    target === 'launched'
      ? -Math.floor(r() * 30)
      : target === 'noticeSent'
        ? -(27 + Math.floor(r() * 10))
        : -(5 + Math.floor(r() * 50));
  const launchedPath = target === 'launched' || target === 'noticeSent' || target === 'lost' || target === 'won';
  const createdDay = launchedPath ? S - 3 - Math.floor(r() * 4) : -Math.floor(r() * 6);
  const h = 10 + Math.floor(r() * 9);
  const stages: StoryDef['stages'] = [{ status: 'unsorted', at: b.past(atLocal(now, createdDay, h, Math.floor(r() * 60))) }];
  stages.push({ status: 'newClient', at: stages[0].at + 2 * MINUTE });
  const add = (status: StatusKey, at: number) => stages.push({ status, at: Math.max(at, stages[stages.length - 1].at + MINUTE) });
  if (target !== 'newClient') add('contacted', stages[0].at + 50 * MINUTE);
  if (target !== 'newClient' && target !== 'contacted')
    add('questionnaire', b.past(atLocal(now, Math.min(createdDay + 2, 0), 11, 0)));
  if (launchedPath) add('launched', atLocal(now, S, 12, 30));
  if (target === 'noticeSent') add('noticeSent', atLocal(now, S + 27, 15, 0));
  if (target === 'lost') add('lost', Math.min(now - HOUR, atLocal(now, S + 3 + Math.floor(r() * 30), 16, 0)));
  if (target === 'won') add('won', Math.min(now - HOUR, atLocal(now, S + 30, 12, 0)));
  // Keep the whole path in the past (leads created today) and strictly increasing.
  for (let k = stages.length - 1; k >= 0; k--) {
    const cap = k === stages.length - 1 ? now - 2 * MINUTE : stages[k + 1].at - MINUTE;
    stages[k].at = Math.min(stages[k].at, cap);
  }
  const lastPostDay =
    target === 'launched' ? (r() < 0.3 ? -1 : 0) : target === 'noticeSent' ? Math.min(0, S + 29) : Math.min(-1, S + 10);
  const posts = launchedPath && lastPostDay >= S ? daily(b, now, S, lastPostDay, 10 + Math.floor(r() * 8)) : [];
  const stories: number[] = [];
  if (launchedPath) {
    for (let d = S; d <= Math.min(0, lastPostDay); d += 1 + Math.floor(r() * 4)) stories.push(b.past(atLocal(now, d, 17, 0)));
  }
  const calls: Call[] = [];
  if (target !== 'newClient')
    calls.push({ dir: 'out', at: stages[2].at - 5 * MINUTE, duration: 120 + Math.floor(r() * 300), recorded: true });
  if (stages.length > 3)
    calls.push({ dir: 'out', at: stages[3].at + 90 * MINUTE, duration: 400 + Math.floor(r() * 600), recorded: r() < 0.9 });
  const contactName = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
  return {
    key: 'x',
    id,
    about: `Generated lead (${target}).`,
    name: `${EXTRA_KINDS[kindIdx]} ${brand}`,
    username,
    fullName: `${brand} ${EXTRA_KINDS[kindIdx].toLowerCase()}`,
    bio: 'Алматы • Астана\nЗаказ и запись в Direct',
    manager,
    service,
    payer,
    contact: { name: contactName, phone: `+770${String(10_000_000 + ((id * 7919) % 89_999_999)).padStart(8, '0')}` },
    stages,
    startDate: launchedPath ? atLocal(now, S, 12) : null,
    credentials: launchedPath && r() < 0.9 ? `${username} / pass${id}` : null,
    posts,
    stories,
    calls: calls.filter((c) => c.at < now),
    lossReasonId: target === 'lost' ? pick([LOSS_REASON.refund, LOSS_REASON.noBudget, LOSS_REASON.competitor]) : undefined,
  };
}

/** Builds the seed data set. `now` is epoch ms; everything else is placed relative to it. */
export function createSeed(now: number, options: SeedOptions = {}): Seed {
  const b = new Builder(now);
  const named = namedStories(b, now);
  for (const def of named) b.add(def);
  const extra = Math.max(0, Math.floor(options.extraLeads ?? 0));
  for (let i = 0; i < extra; i++) b.add(extraStory(b, now, i));
  // Not a client: the agency's own account (followed, shows up in the home feed).
  const agencyR = rng(99);
  b.profiles.push({
    id: '47000000001',
    username: 'smmpro.agency',
    fullName: 'SMM PRO — агентство',
    bio: 'Ведение Instagram для бизнеса в Казахстане',
    followers: 15400,
    following: 210,
    avatarColor: '#3c5a99',
    posts: Array.from({ length: 6 }, (_, k) => ({
      shortcode: shortcode(agencyR),
      takenAt: atLocal(now, -2 - k * 3, 10, 0),
      isVideo: k % 2 === 1,
      caption: CAPTIONS[k % CAPTIONS.length],
      color: TILE_COLORS[k % TILE_COLORS.length],
      likes: 40 + k * 7,
      pinned: false,
    })),
    stories: [],
    leadId: null,
    business: false,
  });
  b.events.sort((x, y) => x.createdAt - y.createdAt || x.leadId - y.leadId);
  b.notes.sort((x, y) => x.createdAt - y.createdAt || x.id - y.id);
  const storyLeads = Object.fromEntries(named.map((d) => [d.key, d.id])) as Record<StoryKey, number>;
  return {
    now,
    host: SEED_HOST,
    subdomain: SEED_SUBDOMAIN,
    accountId: SEED_ACCOUNT_ID,
    accountName: 'SMM PRO',
    currentUserId: USER.aigerim,
    users: USERS.map((u) => ({ ...u })),
    growthSpecialist: { name: 'Иван' },
    adManager: { name: 'Ерлан' },
    agencyEmail: 'service@smmpro.agency',
    pipeline: pipeline(),
    fields: fields(),
    lossReasons: LOSS_REASONS.map((x) => ({ ...x })),
    leads: b.leads,
    events: b.events,
    notes: b.notes,
    profiles: b.profiles,
    igViewer: { id: '47000000002', username: 'smmpro.manager', fullName: 'SMM PRO менеджер' },
    storyLeads,
  };
}

// --- typed accessors -----------------------------------------------------------------------------

export function leadById(seed: Seed, id: number): SeedLead | undefined {
  return seed.leads.find((l) => l.id === id);
}

/** The named lead of a story letter (`a` = paid 40 minutes ago, … see `SeedLead.about`). */
export function storyLead(seed: Seed, key: StoryKey): SeedLead {
  const lead = leadById(seed, seed.storyLeads[key]);
  if (!lead) throw new Error(`no lead for story ${key}`);
  return lead;
}

export function userById(seed: Seed, id: number): SeedUser | undefined {
  return seed.users.find((u) => u.id === id);
}

export function statusById(seed: Seed, id: number): SeedStatus | undefined {
  return seed.pipeline.statuses.find((s) => s.id === id);
}

export function fieldById(seed: Seed, id: number): SeedField | undefined {
  return seed.fields.find((f) => f.id === id);
}

export function profileByUsername(seed: Seed, username: string): SeedProfile | undefined {
  const u = username.toLowerCase();
  return seed.profiles.find((p) => p.username === u);
}

export function profileForLead(seed: Seed, leadId: number): SeedProfile | undefined {
  return seed.profiles.find((p) => p.leadId === leadId);
}

/** Status-change (and lead_added) events of a lead, oldest first. */
export function eventsForLead(seed: Seed, leadId: number): SeedEvent[] {
  return seed.events.filter((e) => e.leadId === leadId).sort((a, b) => a.createdAt - b.createdAt);
}

export function notesForLead(seed: Seed, leadId: number): SeedNote[] {
  return seed.notes.filter((n) => n.leadId === leadId).sort((a, b) => a.createdAt - b.createdAt);
}

/** Stories younger than 24 hours at `at` (default `seed.now`). */
export function currentStories(seed: Seed, profile: SeedProfile, at = seed.now): SeedStory[] {
  return profile.stories.filter((s) => s.takenAt <= at && at - s.takenAt < DAY);
}

/** The select enum value text of a lead's service / payer. */
export function serviceLabel(service: SeedService): string {
  return service === 'management' ? 'Ведение аккаунта' : 'Комплексное продвижение';
}

export function payerLabel(payer: SeedPayer): string {
  return payer === 'individual' ? 'Физ. лицо' : 'Юр. лицо';
}
