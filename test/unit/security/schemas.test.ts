// The schemas at the store's boundary: bounds, own properties, forbidden keys, full plan checks,
// and a huge bad backup reported briefly.
import { describe, expect, it } from 'vitest';
import { BackupError, MAX_REPORTED, parseBackup } from '../../../lib/store/backup';
import { validateClient, validateEvent } from '../../../lib/store/validate';
import { validatePlan } from '../../../lib/dashboard/plans';
import { client } from '../worker/helpers';

const T = Date.UTC(2026, 11, 7);
const backup = (extra: Record<string, unknown>) =>
  JSON.stringify({
    format: 'reglament-backup',
    version: 1,
    clients: [],
    events: [],
    plans: [],
    settings: null,
    meta: {},
    ...extra,
  });
const refusal = (json: string): BackupError => {
  try {
    parseBackup(json);
  } catch (error) {
    if (error instanceof BackupError) return error;
    throw error;
  }
  throw new Error('accepted');
};
const plan = { clientId: 'smmpro.amocrm.ru:1', periodStart: T, planNo: 1, state: 'drafting', days: [], updatedAt: T };

describe('client and event schemas', () => {
  it('accepts a real client and event', () => {
    expect(validateClient(client(1)).ok).toBe(true);
    expect(validateEvent({ clientId: 'smmpro.amocrm.ru:1', type: 'post', at: T, source: 'instagram' }).ok).toBe(true);
  });
  it.each([
    ['a host outside amoCRM', { id: 'attacker.example:1', host: 'attacker.example' }, 'client.host'],
    ['a 1 MB name', { name: 'x'.repeat(1_000_000) }, 'client.name'],
    ['a far-future update', { updatedAt: 8.64e15 }, 'client.updatedAt'],
    ['an unknown field', { isAdmin: true }, 'client'],
  ])('refuses %s', (_label, patch, path) => {
    const r = validateClient({ ...client(1), ...patch });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.some((e) => e.path.startsWith(path))).toBe(true);
  });
  it('refuses __proto__, constructor and prototype keys, own or nested', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const raw = JSON.parse(
        `{"clientId":"smmpro.amocrm.ru:1","type":"post","at":${T},"source":"instagram","${key}":{"polluted":1}}`,
      );
      const r = validateEvent(raw);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors[0]).toEqual({ path: `event.${key}`, message: 'forbidden key' });
    }
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });
  it('bounds times to 2000–2100 and dates to real days', () => {
    const ev = (patch: Record<string, unknown>) =>
      validateEvent({ clientId: 'smmpro.amocrm.ru:1', source: 'amocrm', at: T, ...patch });
    expect(ev({ type: 'payment', at: 8.64e15 }).ok).toBe(false);
    expect(ev({ type: 'payment', at: -1 }).ok).toBe(false);
    expect(ev({ type: 'start-date', date: '9999-99-99' }).ok).toBe(false);
    expect(ev({ type: 'start-date', date: '2026-02-30' }).ok).toBe(false);
    expect(ev({ type: 'start-date', date: '2026-02-28' }).ok).toBe(true);
  });
});

describe('plans', () => {
  it('checks every field of a plan', () => {
    expect(validatePlan(plan).ok).toBe(true);
    expect(validatePlan({ ...plan, days: 'nope' }).ok).toBe(false);
    expect(validatePlan({ ...plan, days: [{ date: '2026-12-07', format: 'post', topic: 'x'.repeat(3000) }] }).ok).toBe(false);
    expect(validatePlan({ ...plan, state: 'hacked' }).ok).toBe(false);
  });
});

describe('backups', () => {
  it('refuses a plan with days: "nope" (it used to import and break plan.today)', () => {
    const e = refusal(backup({ clients: [client(1)], plans: [{ ...plan, days: 'nope' }] }));
    expect(e.message).toContain('plans[0].days');
  });
  it('checks snoozes', () => {
    expect(refusal(backup({ meta: { snoozes: { a: 'tomorrow' } } })).message).toContain('meta.snoozes.a');
    expect(() => parseBackup(backup({ meta: { snoozes: { a: T } } }))).not.toThrow();
  });
  it('refuses a __proto__ anywhere in the file and pollutes nothing', () => {
    const e = refusal(backup({}).replace('"meta":{}', '"meta":{},"settings2":{"__proto__":{"polluted":1}}'));
    expect(e.message).toContain('forbidden key');
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });
  it(`reports the first ${MAX_REPORTED} of 300,000 bad rows and their count`, () => {
    const rows = Array.from({ length: 300_000 }, () => ({ type: 'post' }));
    const e = refusal(backup({ events: rows }));
    expect(e.errors).toHaveLength(MAX_REPORTED);
    expect(e.message).toMatch(/^Invalid backup \(300000 bad entries\): events\[0\]/);
    expect(e.message.length).toBeLessThan(20_000);
    // 300,000 rows validated one by one: a generous limit on a loaded machine (no timing asserted).
  }, 120_000);
});

describe('settings', () => {
  it('refuses inherited names and prototype keys, and merge never assigns __proto__', async () => {
    const { validateSettings, mergeSettings, defaultSettings } = await import('../../../lib/playbook/settings');
    for (const key of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const raw = JSON.parse(JSON.stringify(defaultSettings));
      raw.calendar = { ...raw.calendar, ...JSON.parse(`{"${key}": {"polluted": 1}}`) };
      expect(validateSettings(raw).ok, key).toBe(false);
    }
    const merged = mergeSettings(
      defaultSettings,
      JSON.parse('{"__proto__": {"polluted": 1}, "calendar": {"__proto__": {"x": 1}}}'),
    );
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(merged.calendar)).toBe(Object.prototype);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    expect(validateSettings(defaultSettings).ok).toBe(true);
  });

  it('bounds texts and lists: a 1 MB name, 3,000 days off and 100 round times are refused', async () => {
    const { validateSettings, defaultSettings } = await import('../../../lib/playbook/settings');
    const with_ = (path: string[], value: unknown) => {
      const raw = JSON.parse(JSON.stringify(defaultSettings));
      path.slice(0, -1).reduce((o, k) => o[k], raw)[path.at(-1)!] = value;
      return validateSettings(raw);
    };
    expect(with_(['people', 'adManager'], 'x'.repeat(1_000_000))).toMatchObject({
      ok: false,
      errors: [{ path: 'people.adManager' }],
    });
    const days = Array.from({ length: 3000 }, (_, i) => `20${String(30 + Math.floor(i / 365)).padStart(2, '0')}-01-01`);
    expect(with_(['calendar', 'extraDaysOff'], days)).toMatchObject({ ok: false, errors: [{ path: 'calendar.extraDaysOff' }] });
    const slots = Array.from(
      { length: 100 },
      (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
    );
    expect(with_(['currentClients', 'engagementSlots'], slots)).toMatchObject({ ok: false });
    expect(with_(['people', 'adManager'], 'Алия')).toMatchObject({ ok: true });
  });
});
