// Scenario files (scenarios/*.json, documented in scenarios/README.md): parsing, validation,
// running and checking the optional "expect" block. Pure: scripts/sla.ts only does the I/O.
import { createCalendar, type BusinessCalendar } from '../calendar';
import { dayNumOfDate } from '../calendar/time';
import {
  clientEventTypes,
  type ClientEvent,
  type EventSource,
  type Instant,
  type Payer,
  type Service,
  type Stage,
} from '../model/facts';
import type { RuleId } from '../model/obligations';
import { defaultSettings, mergeSettings, validateSettings, type DeepPartial, type Settings } from '../playbook/settings';
import { RULES } from '../playbook/rules';
import { computeObligations } from './compute';
import type { SlaClient } from './context';
import { obligationToJson, type ObligationJson } from './output';

export interface ScenarioError {
  path: string;
  message: string;
}

export interface ExpectedObligation {
  rule: RuleId;
  key?: string;
  id?: string;
  state?: string;
  startAt?: string;
  dueAt?: string | null;
  metAt?: string | null;
  missing?: string[];
}

export interface ScenarioExpect {
  /** Each must match one produced obligation (by rule, and key when given) on the given fields. */
  obligations?: ExpectedObligation[];
  /** Exact number of obligations per rule. */
  count?: Partial<Record<RuleId, number>>;
  /** Rules that must produce nothing. */
  absent?: RuleId[];
}

export interface Scenario {
  description?: string;
  now: Instant;
  settings: Settings;
  client: SlaClient & { name: string; managerId: number | null; managerName: string | null };
  events: ClientEvent[];
  expect?: ScenarioExpect;
}

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
const STAGES: Stage[] = ['contacted', 'questionnaire', 'launched', 'notice-sent', 'lost'];
const SOURCES: EventSource[] = ['amocrm', 'instagram', 'manager'];

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** ISO 8601 time; without an offset it is a wall time in the agency zone. */
export function parseScenarioTime(text: unknown, cal: BusinessCalendar): Instant | null {
  if (typeof text !== 'string') return null;
  const m = ISO_RE.exec(text);
  if (!m) return null;
  if (m[1] === undefined) return cal.fromLocalIso(text);
  const t = Date.parse(text);
  return Number.isNaN(t) || dayNumOfDate(text.slice(0, 10)) === null ? null : t;
}

function enumOf<T extends string>(v: unknown, direct: readonly T[], names: Record<T, string>): T | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return undefined;
  if ((direct as readonly string[]).includes(v)) return v as T;
  const hit = (Object.keys(names) as T[]).find((k) => names[k].toLowerCase() === v.toLowerCase());
  return hit ?? undefined;
}

export function parseScenario(input: unknown): ScenarioParse {
  const errors: ScenarioError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (!isObj(input)) return { ok: false, errors: [{ path: '(root)', message: 'must be a JSON object' }] };

  // Settings first: the calendar they define reads every time below.
  let settings = defaultSettings;
  if (input.settings !== undefined) {
    if (!isObj(input.settings)) err('settings', 'must be an object of setting overrides');
    else {
      const merged = mergeSettings(defaultSettings, input.settings as DeepPartial<Settings>);
      const v = validateSettings(merged);
      if (v.ok) settings = v.value;
      else for (const e of v.errors) err(`settings.${e.path}`, e.message);
    }
  }
  if (errors.length) return { ok: false, errors };
  const cal = createCalendar(settings.calendar);

  const now = parseScenarioTime(input.now, cal);
  if (now === null) err('now', 'not an ISO 8601 time');

  const c = input.client;
  const events: ClientEvent[] = [];
  let client: Scenario['client'] | null = null;
  if (!isObj(c)) err('client', 'must be an object');
  else {
    if (typeof c.id !== 'string' || c.id === '') err('client.id', 'must be a non-empty string');
    if (c.name !== undefined && typeof c.name !== 'string') err('client.name', 'must be a string');
    const service = enumOf<Service>(c.service, ['management', 'complex'], settings.amocrm.serviceValues);
    if (service === undefined)
      err('client.service', 'must be management, complex, «Ведение аккаунта», «Комплексное продвижение» or null');
    const payer = enumOf<Payer>(c.payer, ['individual', 'legal'], settings.amocrm.payerValues);
    if (payer === undefined) err('client.payer', 'must be individual, legal, «Физ. лицо», «Юр. лицо» or null');
    if (c.lossReason !== undefined && c.lossReason !== null && typeof c.lossReason !== 'string')
      err('client.lossReason', 'must be a string or null');
    if (c.credentialsFilled !== undefined && typeof c.credentialsFilled !== 'boolean')
      err('client.credentialsFilled', 'must be true or false');
    if (c.managerId !== undefined && c.managerId !== null && !Number.isInteger(c.managerId))
      err('client.managerId', 'must be an integer or null');
    if (c.managerName !== undefined && c.managerName !== null && typeof c.managerName !== 'string')
      err('client.managerName', 'must be a string or null');
    const trackedSince = c.trackedSince === undefined ? undefined : parseScenarioTime(c.trackedSince, cal);
    if (trackedSince === null) err('client.trackedSince', 'not an ISO 8601 time');
    const id = typeof c.id === 'string' ? c.id : '';
    if (!Array.isArray(c.events)) err('client.events', 'must be an array of events');
    else
      c.events.forEach((raw, i) => {
        const e = parseEvent(raw, `client.events[${i}]`, id, i, cal, err);
        if (e) events.push(e);
      });
    client = {
      id,
      name: typeof c.name === 'string' ? c.name : id,
      service: service ?? null,
      payer: payer ?? null,
      lossReason: typeof c.lossReason === 'string' ? c.lossReason : null,
      managerId: typeof c.managerId === 'number' ? c.managerId : null,
      managerName: typeof c.managerName === 'string' ? c.managerName : null,
      ...(typeof c.credentialsFilled === 'boolean' ? { credentialsFilled: c.credentialsFilled } : {}),
      ...(typeof trackedSince === 'number' ? { trackedSince } : {}),
    };
  }
  const expect = input.expect === undefined ? undefined : parseExpect(input.expect, err);
  if (input.description !== undefined && typeof input.description !== 'string') err('description', 'must be a string');
  if (errors.length || now === null || !client) return { ok: false, errors };
  return {
    ok: true,
    scenario: {
      ...(typeof input.description === 'string' ? { description: input.description } : {}),
      now,
      settings,
      client,
      events,
      ...(expect ? { expect } : {}),
    },
  };
}

function parseEvent(
  raw: unknown,
  path: string,
  clientId: string,
  index: number,
  cal: BusinessCalendar,
  err: (path: string, message: string) => void,
): ClientEvent | null {
  if (!isObj(raw)) {
    err(path, 'must be an object');
    return null;
  }
  const type = raw.type;
  if (typeof type !== 'string' || !(clientEventTypes as readonly string[]).includes(type)) {
    err(`${path}.type`, `must be one of ${clientEventTypes.join(', ')}`);
    return null;
  }
  let failed = false;
  const bad = (p: string, m: string): void => {
    failed = true;
    err(p, m);
  };
  let at: Instant | null;
  if (type === 'start-date' && raw.at === undefined) {
    // The field holds a date; when the scenario gives no time of entry, take that day's midnight.
    at = typeof raw.date === 'string' && dayNumOfDate(raw.date) !== null ? cal.atLocal(raw.date, 0) : null;
  } else {
    at = parseScenarioTime(raw.at, cal);
    if (at === null) bad(`${path}.at`, 'not an ISO 8601 time');
  }
  const source =
    raw.source === undefined
      ? type === 'post' || type === 'story'
        ? 'instagram'
        : type === 'tick' || type === 'untick'
          ? 'manager'
          : 'amocrm'
      : raw.source;
  if (!SOURCES.includes(source as EventSource)) bad(`${path}.source`, `must be one of ${SOURCES.join(', ')}`);
  const id = raw.id === undefined ? `scenario:${index}` : raw.id;
  if (typeof id !== 'string') bad(`${path}.id`, 'must be a string');
  const optStr = (k: string) => {
    if (raw[k] !== undefined && typeof raw[k] !== 'string') bad(`${path}.${k}`, 'must be a string');
  };
  const base = { id: String(id), clientId, at: at ?? 0, source: source as EventSource };
  let e: ClientEvent | null = null;
  switch (type) {
    case 'stage': {
      const stage =
        typeof raw.stage === 'string' ? ((STAGES as string[]).includes(raw.stage) ? (raw.stage as Stage) : null) : null;
      if (!stage) bad(`${path}.stage`, `must be one of ${STAGES.join(', ')}`);
      else e = { ...base, type, stage };
      break;
    }
    case 'tick':
    case 'untick':
      if (typeof raw.item !== 'string' || raw.item === '') bad(`${path}.item`, 'must be a non-empty checklist item id');
      optStr('key');
      if (type === 'tick') optStr('value');
      else if (raw.value !== undefined) bad(`${path}.value`, 'not allowed on untick');
      if (typeof raw.item === 'string') {
        const key = typeof raw.key === 'string' ? { key: raw.key } : {};
        e =
          type === 'tick'
            ? { ...base, type, item: raw.item, ...key, ...(typeof raw.value === 'string' ? { value: raw.value } : {}) }
            : { ...base, type, item: raw.item, ...key };
      }
      break;
    case 'start-date':
      if (typeof raw.date !== 'string' || dayNumOfDate(raw.date) === null) bad(`${path}.date`, 'must be a date YYYY-MM-DD');
      else e = { ...base, type, date: raw.date };
      break;
    case 'post':
      optStr('shortcode');
      e = { ...base, type, ...(typeof raw.shortcode === 'string' ? { shortcode: raw.shortcode } : {}) };
      break;
    case 'story':
      optStr('storyId');
      e = { ...base, type, ...(typeof raw.storyId === 'string' ? { storyId: raw.storyId } : {}) };
      break;
    case 'call-recording':
      optStr('link');
      e = { ...base, type, ...(typeof raw.link === 'string' ? { link: raw.link } : {}) };
      break;
    case 'deal-created':
    case 'payment':
    case 'refund':
      e = { ...base, type };
      break;
  }
  return !failed && at !== null ? e : null;
}

function parseExpect(raw: unknown, err: (path: string, message: string) => void): ScenarioExpect | undefined {
  if (!isObj(raw)) {
    err('expect', 'must be an object');
    return undefined;
  }
  const rules = Object.keys(RULES);
  const out: ScenarioExpect = {};
  if (raw.obligations !== undefined) {
    if (!Array.isArray(raw.obligations)) err('expect.obligations', 'must be an array');
    else {
      out.obligations = [];
      raw.obligations.forEach((o, i) => {
        if (!isObj(o) || typeof o.rule !== 'string' || !rules.includes(o.rule))
          err(`expect.obligations[${i}].rule`, 'must be a rule id');
        else out.obligations!.push(o as unknown as ExpectedObligation);
      });
    }
  }
  if (raw.count !== undefined) {
    if (!isObj(raw.count) || Object.entries(raw.count).some(([k, v]) => !rules.includes(k) || !Number.isInteger(v)))
      err('expect.count', 'must map rule ids to integers');
    else out.count = raw.count as ScenarioExpect['count'];
  }
  if (raw.absent !== undefined) {
    if (!Array.isArray(raw.absent) || raw.absent.some((r) => typeof r !== 'string' || !rules.includes(r)))
      err('expect.absent', 'must be a list of rule ids');
    else out.absent = raw.absent as RuleId[];
  }
  return out;
}

/** Runs a parsed scenario: obligations as JSON with times at the agency offset. */
export function runScenario(s: Scenario): ObligationJson[] {
  const cal = createCalendar(s.settings.calendar);
  return computeObligations(s.client, s.events, s.settings, s.now).map((o) => obligationToJson(o, cal));
}

/** Mismatches between the output and the expect block (empty = all good). */
export function checkExpectations(out: ObligationJson[], expect: ScenarioExpect): string[] {
  const problems: string[] = [];
  for (const [i, exp] of (expect.obligations ?? []).entries()) {
    const candidates = out.filter(
      (o) => o.rule === exp.rule && (exp.key === undefined || o.key === exp.key) && (exp.id === undefined || o.id === exp.id),
    );
    if (!candidates.length) {
      problems.push(`expect.obligations[${i}]: no ${exp.rule}${exp.key ? ` with key ${exp.key}` : ''}`);
      continue;
    }
    const o = candidates[0]!;
    for (const field of ['state', 'startAt', 'dueAt', 'metAt'] as const) {
      if (!(field in exp)) continue;
      const want = exp[field] ?? null;
      const got = o[field] ?? null;
      if (want !== got)
        problems.push(
          `expect.obligations[${i}] ${exp.rule}/${o.key}: ${field} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
        );
    }
    if (exp.missing !== undefined && JSON.stringify(o.missing ?? []) !== JSON.stringify(exp.missing)) {
      problems.push(
        `expect.obligations[${i}] ${exp.rule}/${o.key}: missing is ${JSON.stringify(o.missing ?? [])}, expected ${JSON.stringify(exp.missing)}`,
      );
    }
  }
  for (const [rule, n] of Object.entries(expect.count ?? {})) {
    const got = out.filter((o) => o.rule === rule).length;
    if (got !== n) problems.push(`expect.count.${rule}: got ${got}, expected ${n}`);
  }
  for (const rule of expect.absent ?? []) {
    if (out.some((o) => o.rule === rule)) problems.push(`expect.absent: ${rule} is present`);
  }
  return problems;
}
