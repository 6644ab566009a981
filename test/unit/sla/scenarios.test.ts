import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExpectations, parseScenario, runScenario } from '../../../lib/sla';

const dir = join(__dirname, '../../../scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('scenarios/*.json', () => {
  it('ships one scenario per rule', () => {
    const rules = [
      'first-contact',
      'concept-call',
      'first-plan',
      'launch',
      'first-post-72h',
      'daily-post',
      'stories',
      'content-plan-2',
      'content-plan-3',
      'engagement-round',
      'renewal-contact',
      'renewal-outcome',
      'lost-deadline',
    ];
    for (const r of rules) expect(files).toContain(`${r}.json`);
  });

  it.each(files)('%s meets its expect block', (file) => {
    const parsed = parseScenario(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.scenario.expect).toBeDefined();
    expect(checkExpectations(runScenario(parsed.scenario), parsed.scenario.expect!)).toEqual([]);
  });

  it('checkExpectations can fail', () => {
    const parsed = parseScenario(JSON.parse(readFileSync(join(dir, 'first-contact.json'), 'utf8')));
    if (!parsed.ok) throw new Error('parse');
    const problems = checkExpectations(runScenario(parsed.scenario), {
      obligations: [{ rule: 'first-contact', state: 'overdue' }],
      absent: ['first-contact'],
      count: { 'daily-post': 1 },
    });
    expect(problems).toHaveLength(3);
  });
});

describe('parseScenario errors name the bad field', () => {
  const ok = {
    now: '2026-12-02T12:00:00+05:00',
    client: { id: 'x', service: 'management', payer: null, events: [{ type: 'deal-created', at: '2026-12-01T19:30:00+05:00' }] },
  };
  it.each([
    [{ ...ok, now: 'tomorrow' }, 'now: not an ISO 8601 time'],
    [
      { ...ok, client: { ...ok.client, events: [...ok.client.events, {}, {}, { type: 'post', at: '2026-13-01T10:00' }] } },
      'client.events[3].at: not an ISO 8601 time',
    ],
    [
      { ...ok, client: { ...ok.client, events: [{ type: 'stage', stage: 'won', at: '2026-12-01T10:00' }] } },
      'client.events[0].stage: must be one of contacted, questionnaire, launched, notice-sent, lost',
    ],
    [
      { ...ok, client: { ...ok.client, service: 'SEO' } },
      'client.service: must be management, complex, «Ведение аккаунта», «Комплексное продвижение» or null',
    ],
    [{ ...ok, settings: { calendar: { workStart: '25:00' } } }, 'settings.calendar.workStart: must be HH:MM'],
    [
      { ...ok, client: { ...ok.client, events: [{ type: 'tick', at: '2026-12-01T10:00' }] } },
      'client.events[0].item: is missing',
    ],
    [
      { ...ok, client: { ...ok.client, events: [{ type: 'tick', item: '', at: '2026-12-01T10:00' }] } },
      'client.events[0].item: must be a non-empty checklist item id',
    ],
  ])('%#', (input, message) => {
    const r = parseScenario(input);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`)).toContain(message);
  });

  it('accepts amoCRM names and local times without offset', () => {
    const r = parseScenario({
      ...ok,
      now: '2026-12-02T12:00',
      client: { ...ok.client, service: 'Комплексное продвижение', payer: 'Юр. лицо' },
    });
    expect(r.ok && [r.scenario.now, r.scenario.client.service, r.scenario.client.payer]).toEqual([
      Date.parse('2026-12-02T07:00:00Z'),
      'complex',
      'legal',
    ]);
  });
});

describe('the runner (scripts/sla.ts) ignores the machine zone', () => {
  const run = (tz: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '../../../scripts/sla.ts'), ...args], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    });

  it('same JSON under Asia/Almaty, America/New_York and Asia/Tokyo', () => {
    const file = join(dir, 'renewal-payment.json');
    const outs = ['Asia/Almaty', 'America/New_York', 'Asia/Tokyo'].map((tz) => run(tz, file));
    for (const o of outs) expect(o.status).toBe(0);
    expect(outs[1]!.stdout).toBe(outs[0]!.stdout);
    expect(outs[2]!.stdout).toBe(outs[0]!.stdout);
    expect(JSON.parse(outs[0]!.stdout).obligations[0].startAt).toMatch(/\+05:00$/);
  }, 30_000);

  it('exits 2 with the bad field on stderr', () => {
    const r = run('UTC', join(dir, 'README.md'));
    expect(r.status).toBe(2);
  }, 30_000);
});
