// Rounds leave no trace outside Reglament, so they are owed only from when it first saw the client.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/playbook/settings';
import { computeObligations } from '../../../lib/sla';
import { events, kz } from './helpers';

const evs = events('c', [
  { type: 'deal-created', at: '2026-11-02T10:00' },
  { type: 'stage', stage: 'questionnaire', at: '2026-11-03T10:00' },
  { type: 'post', at: '2026-11-05T12:00' },
]);
const now = kz('2026-11-10T11:45');
const rounds = (trackedSince?: number) =>
  computeObligations({ id: 'c', service: 'management', payer: 'legal', trackedSince }, evs, defaultSettings, now).filter(
    (o) => o.rule === 'engagement-round',
  );

describe('engagement rounds and trackedSince', () => {
  it('owes every round of the period without it', () => {
    expect(rounds().filter((o) => o.state === 'overdue')).toHaveLength(10); // 11-05 … 11-09, two a day; 11-10 11:00 is still running
  });

  it('owes only the rounds still running or later once tracking started', () => {
    const list = rounds(kz('2026-11-10T11:30'));
    expect(list.map((o) => o.key)).toEqual(['2026-11-10T11:00', '2026-11-10T19:00', '2026-11-11T11:00']);
    expect(list[0].state).toBe('open');
  });
});

describe('a round ticked before tracking started', () => {
  it('still shows as met', () => {
    const ticked = [
      ...evs,
      {
        id: 'c:t',
        clientId: 'c',
        source: 'manager' as const,
        type: 'tick' as const,
        item: 'engagement-round',
        key: '2026-11-09T11:00',
        at: kz('2026-11-09T11:05'),
      },
    ];
    const list = computeObligations(
      { id: 'c', service: 'management', payer: 'legal', trackedSince: kz('2026-11-10T11:30') },
      ticked,
      defaultSettings,
      now,
    );
    const nine = list.find((o) => o.rule === 'engagement-round' && o.key === '2026-11-09T11:00');
    expect(nine?.state).toBe('met');
    expect(list.filter((o) => o.rule === 'engagement-round')).toHaveLength(4);
  });
});

describe('daily posts and Stories before tracking started', () => {
  const client = { id: 'c', service: 'management' as const, payer: 'legal' as const, trackedSince: kz('2026-11-10T09:00') };
  const list = () => computeObligations(client, evs, defaultSettings, kz('2026-11-10T11:45'));

  it('owes no post for days before tracking without a post seen, but keeps those seen', () => {
    const posts = list().filter((o) => o.rule === 'daily-post');
    expect(posts.map((o) => [o.key, o.state])).toEqual([
      ['2026-11-05', 'met'],
      ['2026-11-10', 'open'],
      ['2026-11-11', 'open'],
    ]);
  });

  it('restarts the Stories chain at tracking instead of a breach nobody could see', () => {
    const stories = list().filter((o) => o.rule === 'stories');
    expect(stories).toHaveLength(1);
    expect(stories[0].startAt).toBe(kz('2026-11-10T09:00'));
    expect(stories[0].dueAt).toBe(kz('2026-11-13T09:00'));
    expect(stories[0].state).toBe('open');
  });

  it('without trackedSince the same history is all owed', () => {
    const all = computeObligations({ ...client, trackedSince: undefined }, evs, defaultSettings, kz('2026-11-10T11:45'));
    expect(all.filter((o) => o.rule === 'daily-post' && o.state === 'overdue')).toHaveLength(4);
    expect(all.find((o) => o.rule === 'stories')!.state).toBe('overdue');
  });
});
