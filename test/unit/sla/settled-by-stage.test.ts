import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/playbook/settings';
import { computeObligations } from '../../../lib/sla';
import { events, find, iso, kz } from './helpers';

const client = { id: 'c', service: 'management' as const, payer: 'individual' as const };
const upToQuestionnaire = [
  { type: 'deal-created' as const, at: '2026-12-01T10:00' },
  { type: 'stage' as const, stage: 'contacted' as const, at: '2026-12-01T10:30' },
  { type: 'stage' as const, stage: 'questionnaire' as const, at: '2026-12-01T15:00' },
];

describe('concept-call and first-plan settled by the deal reaching «Проект запущен»', () => {
  it('counts them met when the stage was reached, without ticks', () => {
    const evs = events('c', [...upToQuestionnaire, { type: 'stage', stage: 'launched', at: '2026-12-03T12:00' }]);
    const list = computeObligations(client, evs, defaultSettings, kz('2026-12-05T12:00'));
    const concept = find(list, 'concept-call');
    expect(concept.state).toBe('met-late');
    expect(iso(concept.metAt)).toBe('2026-12-03T12:00:00+05:00');
    expect(concept.missing).toBeUndefined();
    expect(concept.items?.filter((i) => !i.info).every((i) => !i.done)).toBe(true);
    expect(find(list, 'first-plan').state).toBe('met');
  });

  it('still holds the manager to them before launch', () => {
    const list = computeObligations(client, events('c', upToQuestionnaire), defaultSettings, kz('2026-12-03T12:00'));
    expect(find(list, 'concept-call').state).toBe('overdue');
    expect(find(list, 'first-plan').state).toBe('open');
  });

  it('keeps the ticks’ own time when they came first', () => {
    const evs = events('c', [
      ...upToQuestionnaire,
      ...(['concept-draft', 'references', 'concept-agreed', 'materials-requested', 'growth-started'] as const).map((item) => ({
        type: 'tick' as const,
        item,
        at: '2026-12-02T11:00',
      })),
      { type: 'stage', stage: 'launched', at: '2026-12-03T12:00' },
    ]);
    const concept = find(computeObligations(client, evs, defaultSettings, kz('2026-12-05T12:00')), 'concept-call');
    expect(concept.state).toBe('met');
    expect(iso(concept.metAt)).toBe('2026-12-02T11:00:00+05:00');
  });
});
