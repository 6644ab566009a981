// The scenario file schema (lib/sla/scenario-schema.ts) through parseScenario: paths of bad fields,
// prototype keys, bounds, the fields the runner fills in, and a round trip of generated scenarios.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioParse } from '../../../lib/sla';
import { MAX_SCENARIO_EVENTS } from '../../../lib/sla/scenario-schema';
import { clientEventTypes } from '../../../lib/model/facts';

const dir = join(__dirname, '../../../scenarios');
const shipped = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>] as const);

const ok = {
  now: '2026-12-02T12:00:00+05:00',
  client: {
    id: 'smmpro.amocrm.ru:1',
    service: 'management',
    payer: null,
    events: [{ type: 'deal-created', at: '2026-12-01T19:30' }],
  },
};
const withClient = (patch: Record<string, unknown>) => ({ ...ok, client: { ...ok.client, ...patch } });
const withEvents = (...events: unknown[]) => withClient({ events });
const errors = (r: ScenarioParse) => (r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`));

describe('scenario schema: bad fields are named by path', () => {
  const cases: [unknown, string][] = [
    [[], '(root): must be a JSON object'],
    [{ client: ok.client }, 'now: is missing'],
    [{ ...ok, nwo: 'typo' }, 'nwo: unknown field'],
    [{ ...ok, settings: [] }, 'settings: must be an object of setting overrides'],
    [
      { ...ok, settings: { calendar: { workDays: [] } } },
      'settings.calendar.workDays: must list distinct ISO weekdays 1 (Mon) … 7 (Sun), at least one',
    ],
    [{ ...ok, settings: { alarm: {} } }, 'settings.alarm: unknown setting'],
    [withClient({ id: '' }), 'client.id: must not be empty'],
    [withClient({ managerId: 1.5 }), 'client.managerId: must be an integer or null'],
    [withClient({ lossReason: 3 }), 'client.lossReason: must be a string or null'],
    [withClient({ credentialsFilled: 'yes' }), 'client.credentialsFilled: must be true or false'],
    [withClient({ trackedSince: 'last week' }), 'client.trackedSince: not an ISO 8601 time'],
    [withClient({ events: {} }), 'client.events: must be an array of events'],
    [withEvents(5), 'client.events[0]: must be an object'],
    [
      withEvents({ type: 'like', at: '2026-12-01T10:00' }),
      `client.events[0].type: must be one of ${clientEventTypes.join(', ')}`,
    ],
    [withEvents({ type: 'post' }), 'client.events[0].at: is missing'],
    [withEvents({ type: 'post', at: '2026-12-01 10:00' }), 'client.events[0].at: not an ISO 8601 time'],
    [withEvents({ type: 'post', at: '2026-02-30T10:00' }), 'client.events[0].at: not an ISO 8601 time'],
    [withEvents({ type: 'post', at: '1999-12-31T10:00' }), 'client.events[0].at: must not be before the year 2000'],
    [withEvents({ type: 'post', at: '2100-01-02T10:00Z' }), 'client.events[0].at: must not be after the year 2100'],
    [
      withEvents({ type: 'post', at: '2026-12-01T10:00', source: 'tiktok' }),
      'client.events[0].source: must be one of amocrm, instagram, manager',
    ],
    [withEvents({ type: 'untick', item: 'a', value: 'v', at: '2026-12-01T10:00' }), 'client.events[0].value: unknown field'],
    [withEvents({ type: 'start-date', date: '07.12.2026' }), 'client.events[0].date: must be a date YYYY-MM-DD'],
    [withEvents({ type: 'start-date', date: '9999-99-99' }), 'client.events[0].date: must be a date YYYY-MM-DD'],
    [{ ...ok, expect: { obligations: [{ rule: 'first-touch' }] } }, 'expect.obligations[0].rule: must be a rule id'],
    [
      { ...ok, expect: { obligations: [{ rule: 'launch', dueAt: 5 }] } },
      'expect.obligations[0].dueAt: must be an ISO 8601 time or null',
    ],
    [{ ...ok, expect: { count: { 'daily-posts': 1 } } }, 'expect.count.daily-posts: must be a rule id'],
    [{ ...ok, expect: { count: { 'daily-post': -1 } } }, 'expect.count.daily-post: must be an integer ≥ 0'],
    [{ ...ok, expect: { absent: ['x'] } }, 'expect.absent[0]: must be a rule id'],
    [{ ...ok, expect: [] }, 'expect: must be an object'],
  ];
  it.each(cases.map(([input, message]) => [message, input] as const))('%s', (message, input) => {
    expect(errors(parseScenario(input))).toContain(message);
  });

  it('says which amoCRM names the agency uses when the service is unknown', () => {
    const r = parseScenario({
      ...ok,
      settings: { amocrm: { serviceValues: { management: 'SMM' } } },
      client: { ...ok.client, service: 'SEO' },
    });
    expect(errors(r)).toEqual(['client.service: must be management, complex, «SMM», «Комплексное продвижение» or null']);
    const named = parseScenario({
      ...ok,
      settings: { amocrm: { serviceValues: { management: 'SMM' } } },
      client: { ...ok.client, service: 'smm' },
    });
    expect(named.ok && named.scenario.client.service).toBe('management');
  });

  it('any field of a shipped scenario given a wrong kind of value is reported at that field', () => {
    const scalarPaths = (node: unknown, at: string[] = []): string[][] =>
      node !== null && typeof node === 'object' ? Object.entries(node).flatMap(([k, v]) => scalarPaths(v, [...at, k])) : [at];
    const cases = shipped.flatMap(([file, json]) =>
      scalarPaths({ now: json.now, client: json.client }).map((path) => [file, json, path] as const),
    );
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.constantFrom<unknown>({}, [], true, 12.5, 'not it'), ([, json, path], value) => {
        const copy = structuredClone(json) as Record<string, unknown>;
        const parent = path.slice(0, -1).reduce((o, k) => o[k] as Record<string, unknown>, copy);
        const original = parent[path.at(-1)!];
        fc.pre(typeof value !== typeof original);
        parent[path.at(-1)!] = value;
        const r = parseScenario(copy);
        // `type` decides what else an event may hold, so a wrong type is reported at `type`.
        const at = path
          .map((k) => (/^\d+$/.test(k) ? `[${k}]` : `.${k}`))
          .join('')
          .slice(1);
        expect(r.ok).toBe(false);
        expect(r.ok ? [] : r.errors.map((e) => e.path)).toContain(at);
      }),
      { numRuns: 300 },
    );
  });
});

describe('scenario schema: prototype keys and bounds', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s anywhere and pollutes nothing', (key) => {
    for (const json of [
      `{"${key}":{"polluted":1},"now":"2026-12-02T12:00","client":{"id":"x","events":[]}}`,
      `{"now":"2026-12-02T12:00","client":{"id":"x","events":[{"type":"post","at":"2026-12-01T10:00","${key}":{"polluted":1}}]}}`,
      `{"now":"2026-12-02T12:00","settings":{"calendar":{"${key}":{"polluted":1}}},"client":{"id":"x","events":[]}}`,
      `{"now":"2026-12-02T12:00","client":{"id":"x","events":[]},"expect":{"count":{"${key}":1}}}`,
    ]) {
      const r = parseScenario(JSON.parse(json));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors[0]!.message).toBe('forbidden key');
      expect(!r.ok && r.errors[0]!.path.endsWith(key)).toBe(true);
    }
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });

  it(`refuses more than ${MAX_SCENARIO_EVENTS} events without walking them, and long texts`, () => {
    const post = { type: 'post', at: '2026-12-01T10:00' };
    expect(parseScenario(withClient({ events: new Array(MAX_SCENARIO_EVENTS).fill(post) })).ok).toBe(true);
    expect(errors(parseScenario(withClient({ events: new Array(MAX_SCENARIO_EVENTS + 1).fill({}) })))).toEqual([
      `client.events: must list at most ${MAX_SCENARIO_EVENTS} events`,
    ]);
    expect(errors(parseScenario({ ...ok, description: 'x'.repeat(5001) }))).toEqual([
      'description: must be at most 5000 characters',
    ]);
    expect(errors(parseScenario(withClient({ name: 'x'.repeat(1_000_000) })))).toEqual([
      'client.name: must be at most 500 characters',
    ]);
    expect(errors(parseScenario(withEvents({ ...post, item: 'x' })))).toEqual(['client.events[0].item: unknown field']);
  });

  it('shows the first 50 errors of a broken file and counts the rest', () => {
    const r = parseScenario(withClient({ events: new Array(300).fill({ type: 'post' }) }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(51);
    expect(r.errors[0]).toEqual({ path: 'client.events[0].at', message: 'is missing' });
    expect(r.errors[50]).toEqual({ path: '(root)', message: '250 more errors not shown' });
  });
});

describe('scenario schema: what the runner fills in', () => {
  it('ids, the client id, sources and a start date without a time', () => {
    const r = parseScenario(
      withEvents(
        { type: 'post', at: '2026-12-01T10:00' },
        { type: 'tick', item: 'concept-draft', at: '2026-12-01T11:00', id: 'mine' },
        { type: 'stage', stage: 'launched', at: '2026-12-01T12:00Z', source: 'manager' },
        { type: 'start-date', date: '2026-12-07' },
      ),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.scenario.events).toEqual([
      { type: 'post', id: 'scenario:0', clientId: ok.client.id, source: 'instagram', at: Date.parse('2026-12-01T05:00Z') },
      {
        type: 'tick',
        id: 'mine',
        clientId: ok.client.id,
        source: 'manager',
        item: 'concept-draft',
        at: Date.parse('2026-12-01T06:00Z'),
      },
      {
        type: 'stage',
        id: 'scenario:2',
        clientId: ok.client.id,
        source: 'manager',
        stage: 'launched',
        at: Date.parse('2026-12-01T12:00Z'),
      },
      {
        type: 'start-date',
        id: 'scenario:3',
        clientId: ok.client.id,
        source: 'amocrm',
        date: '2026-12-07',
        at: Date.parse('2026-12-06T19:00Z'),
      },
    ]);
    expect(r.scenario.client).toEqual({
      id: ok.client.id,
      name: ok.client.id,
      service: 'management',
      payer: null,
      lossReason: null,
      managerId: null,
      managerName: null,
    });
  });

  it('keeps `dueAt: null` (asserts "no deadline") apart from a dueAt left out', () => {
    const r = parseScenario({ ...ok, expect: { obligations: [{ rule: 'first-plan', dueAt: null }, { rule: 'launch' }] } });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.scenario.expect?.obligations).toEqual([{ rule: 'first-plan', dueAt: null }, { rule: 'launch' }]);
    expect('dueAt' in r.scenario.expect!.obligations![1]!).toBe(false);
  });

  it('every shipped scenario reads back the same after a JSON round trip of its parts', () => {
    for (const [file, json] of shipped) {
      const first = parseScenario(json);
      const again = parseScenario(JSON.parse(JSON.stringify(json)));
      expect(first.ok, file).toBe(true);
      expect(again).toEqual(first);
    }
  });

  it('generated events written as offset or local times read back as the same instants', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 2), max: Date.UTC(2099, 11, 30) }).map((t) => t - (t % 1000));
    const event = fc.record({
      type: fc.constantFrom('post' as const, 'story' as const, 'payment' as const, 'refund' as const, 'deal-created' as const),
      at: instant,
      local: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 20 }), (events) => {
        const written = events.map((e) => ({
          type: e.type,
          // Asia/Almaty's offset was +06:00 before March 2024 and +05:00 since: the local form is read in the zone.
          at: e.local ? localAlmaty(e.at) : new Date(e.at).toISOString(),
        }));
        const r = parseScenario(withClient({ events: written }));
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        expect(r.scenario.events.map((e) => e.at)).toEqual(events.map((e) => e.at));
      }),
      { numRuns: 100 },
    );
  });
});

/** Wall time in Asia/Almaty without an offset (`YYYY-MM-DDTHH:mm:ss`), via Intl (independent of lib/calendar). */
function localAlmaty(t: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(t));
  const p = (type: string) => parts.find((x) => x.type === type)!.value;
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}:${p('second')}`;
}
