// Scenario files (scenarios/*.json, documented in scenarios/README.md): parsing, validation,
// running and checking the optional "expect" block. Pure: scripts/sla.ts only does the I/O.
import { createCalendar, type BusinessCalendar } from '../calendar';
import { dayNumOfDate } from '../calendar/time';
import type { ClientEvent, EventSource, Instant } from '../model/facts';
import type { RuleId } from '../model/obligations';
import { defaultSettings, mergeSettings, validateSettings, type DeepPartial, type Settings } from '../playbook/settings';
import { check } from '../schemas/issues';
import { plainDataIssues } from '../schemas/plain';
import { ScenarioHeadSchema, scenarioSchema } from './scenario-schema';
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
/** Errors shown at most (a broken file of thousands of events says enough in the first ones). */
const MAX_ERRORS = 50;

/** ISO 8601 time; without an offset it is a wall time in the agency zone. */
export function parseScenarioTime(text: unknown, cal: BusinessCalendar): Instant | null {
  if (typeof text !== 'string') return null;
  const m = ISO_RE.exec(text);
  if (!m) return null;
  if (m[1] === undefined) return cal.fromLocalIso(text);
  const t = Date.parse(text);
  return Number.isNaN(t) || dayNumOfDate(text.slice(0, 10)) === null ? null : t;
}

function failed(errors: ScenarioError[], prefix = ''): ScenarioParse {
  const shown = errors.slice(0, MAX_ERRORS).map((e) => ({ path: prefix ? `${prefix}.${e.path}` : e.path, message: e.message }));
  if (errors.length > MAX_ERRORS) shown.push({ path: '(root)', message: `${errors.length - MAX_ERRORS} more errors not shown` });
  return { ok: false, errors: shown };
}

/** Who did it when the file does not say: Instagram shows posts and Stories, the manager ticks, amoCRM the rest. */
function defaultSource(type: ClientEvent['type']): EventSource {
  if (type === 'post' || type === 'story') return 'instagram';
  return type === 'tick' || type === 'untick' ? 'manager' : 'amocrm';
}

export function parseScenario(input: unknown): ScenarioParse {
  // Own properties of plain data only, no prototype keys, before any field is read.
  const plain = plainDataIssues(input);
  if (plain.length) return failed(plain);
  // Settings first: the calendar they define reads every time below.
  const head = check(ScenarioHeadSchema, input);
  if (!head.ok) return failed(head.errors);
  let settings = defaultSettings;
  if (head.value.settings) {
    const r = validateSettings(mergeSettings(defaultSettings, head.value.settings as DeepPartial<Settings>));
    if (!r.ok) return failed(r.errors, 'settings');
    settings = r.value;
  }
  const cal = createCalendar(settings.calendar);
  const schema = scenarioSchema({
    time: (text) => parseScenarioTime(text, cal),
    serviceValues: settings.amocrm.serviceValues,
    payerValues: settings.amocrm.payerValues,
  });
  const r = check(schema, input);
  if (!r.ok) return failed(r.errors);
  const { description, now, client: c, expect } = r.value;
  const { events: raw, name, credentialsFilled, trackedSince, ...client } = c;
  const events = raw.map((e, index): ClientEvent => {
    const filled = { id: e.id ?? `scenario:${index}`, clientId: c.id, source: e.source ?? defaultSource(e.type) };
    return e.type === 'start-date' ? { ...e, ...filled, at: e.at ?? cal.atLocal(e.date, 0) } : { ...e, ...filled };
  });
  return {
    ok: true,
    scenario: {
      ...(description !== undefined ? { description } : {}),
      now,
      settings,
      client: {
        ...client,
        name: name ?? c.id,
        ...(credentialsFilled !== undefined ? { credentialsFilled } : {}),
        ...(trackedSince !== undefined ? { trackedSince } : {}),
      },
      events,
      ...(expect ? { expect } : {}),
    },
  };
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
