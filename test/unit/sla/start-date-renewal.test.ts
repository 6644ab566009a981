// Rule current-8: after a payment the start-date field becomes the payment day, so a later value of
// the field read from amoCRM is a renewal; an early change is only a correction of the start.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/playbook/settings';
import { clientPhase, periodOf } from '../../../lib/sla';
import { events, iso, kz } from './helpers';

const client = { id: 'c', service: 'management' as const, payer: 'legal' as const };
const history = [
  { type: 'deal-created' as const, at: '2026-11-02T10:00' },
  { type: 'stage' as const, stage: 'questionnaire' as const, at: '2026-11-03T10:00' },
  { type: 'post' as const, at: '2026-11-05T12:00' },
  { type: 'start-date' as const, date: '2026-11-05', at: '2026-11-05T18:00' },
];

describe('start-date field as the renewal payment', () => {
  it('opens a new period on the new start date inside the renewal window', () => {
    // E = 2026-12-05; the window opens 3 days before, on 12-02. Paid and field moved on 12-04.
    const evs = events('c', [...history, { type: 'start-date', date: '2026-12-04', at: '2026-12-04T15:00' }]);
    const period = periodOf(client, evs, defaultSettings, kz('2026-12-10T12:00'))!;
    expect(period.index).toBe(2);
    expect(iso(period.start)).toBe('2026-12-04T00:00:00+05:00');
    expect(period.day).toBe(7);
    expect(clientPhase(client, evs, defaultSettings, kz('2026-12-10T12:00'))).toBe('current');
  });

  it('treats an early change of the field as a correction, not a renewal', () => {
    const evs = events('c', [...history, { type: 'start-date', date: '2026-11-06', at: '2026-11-06T11:00' }]);
    const period = periodOf(client, evs, defaultSettings, kz('2026-11-20T12:00'))!;
    expect(period.index).toBe(1);
    expect(iso(period.start)).toBe('2026-11-05T00:00:00+05:00');
  });

  it('without a new value the client is past the end and unpaid', () => {
    const evs = events('c', history);
    const period = periodOf(client, evs, defaultSettings, kz('2026-12-10T12:00'))!;
    expect(period.index).toBe(1);
    expect(period.day).toBeGreaterThan(period.length);
  });
});

describe('first period start when Instagram shows only the latest posts', () => {
  it('takes an earlier start date filled at launch over the first post seen', () => {
    const evs = events('c', [
      { type: 'deal-created', at: '2026-10-20T10:00' },
      { type: 'stage', stage: 'questionnaire', at: '2026-10-21T10:00' },
      { type: 'start-date', date: '2026-10-23', at: '2026-10-23T18:00' },
      // Only the latest twelve posts were visible when the profile was first read.
      ...Array.from({ length: 12 }, (_, i) => ({
        type: 'post' as const,
        at: `2026-11-${String(10 + i).padStart(2, '0')}T13:00`,
      })),
    ]);
    const period = periodOf(client, evs, defaultSettings, kz('2026-11-27T10:00'))!;
    expect(iso(period.start)).toBe('2026-10-23T00:00:00+05:00');
    expect(period.day).toBeGreaterThan(period.length); // past the end: no posts owed beyond E
  });

  it('ignores a start date before the questionnaire', () => {
    const evs = events('c', [
      { type: 'deal-created', at: '2026-10-20T10:00' },
      { type: 'stage', stage: 'questionnaire', at: '2026-10-21T10:00' },
      { type: 'start-date', date: '2026-10-01', at: '2026-10-23T18:00' },
      { type: 'post', at: '2026-10-24T13:00' },
    ]);
    expect(iso(periodOf(client, evs, defaultSettings, kz('2026-11-01T10:00'))!.start)).toBe('2026-10-24T00:00:00+05:00');
  });
});
