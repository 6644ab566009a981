import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventFromNote, markedEventId, markerOf, noteText, type SharedEvent } from '@/lib/amocrm/markers';

const C = 'smmpro.amocrm.ru:1003';

describe('marker notes (version 2)', () => {
  it('every shared kind reads back as the same fact', () => {
    const facts: SharedEvent[] = [
      {
        id: markedEventId('tick', 'references', undefined, 1234),
        clientId: C,
        type: 'tick',
        item: 'references',
        at: 1234,
        source: 'manager',
        value: 'a|b], c',
      },
      {
        id: markedEventId('untick', 'plan-2-agreed', '2026-03-01', 99),
        clientId: C,
        type: 'untick',
        item: 'plan-2-agreed',
        key: '2026-03-01',
        at: 99,
        source: 'manager',
      },
      { id: 'ig:post:Cx1_-a', clientId: C, type: 'post', at: 5, source: 'instagram', shortcode: 'Cx1_-a' },
      {
        id: 'ig:story:3141592653589793238',
        clientId: C,
        type: 'story',
        at: 6,
        source: 'instagram',
        storyId: '3141592653589793238',
      },
      { id: `ig:post:manual:${C}:2026-03-01`, clientId: C, type: 'post', at: 7, source: 'manager' },
      {
        id: `tick:engagement-round:${C}:2026-03-01T11:00`,
        clientId: C,
        type: 'tick',
        item: 'engagement-round',
        key: '2026-03-01T11:00',
        at: 8,
        source: 'manager',
      },
    ];
    for (const fact of facts) expect(eventFromNote(noteText(fact, 'Заголовок'), C)).toEqual(fact);
  });

  it('the stored (client-scoped) id goes into the marker without its scope', () => {
    const fact: SharedEvent = { id: `${C}|ig:post:Cx1`, clientId: C, type: 'post', at: 5, source: 'instagram', shortcode: 'Cx1' };
    expect(markerOf(fact)).toBe('[Reglament:2:post|ig%3Apost%3ACx1|5|Cx1]');
    expect(eventFromNote(markerOf(fact), C)?.id).toBe('ig:post:Cx1');
  });

  it('any tick value and key survive the round trip (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9:._-]{1,30}$/),
        fc.stringMatching(/^[A-Za-z0-9:._-]{0,20}$/),
        fc.string({ maxLength: 200 }),
        fc.integer({ min: 0, max: 4e12 }),
        (item, key, value, at) => {
          const fact = {
            id: markedEventId('tick', item, key || undefined, at),
            clientId: C,
            type: 'tick' as const,
            item,
            at,
            source: 'manager' as const,
            ...(key ? { key } : {}),
            ...(value ? { value } : {}),
          };
          expect(eventFromNote(noteText(fact, 'x'), C)).toEqual(fact);
        },
      ),
    );
  });

  it('reads the ticks older builds wrote (version 1)', () => {
    expect(eventFromNote('✓ x\nЗначение: a, b\n[Reglament:tick:rg|tick|references||1234]', C)).toEqual({
      id: 'rg|tick|references||1234',
      clientId: C,
      type: 'tick',
      item: 'references',
      at: 1234,
      source: 'manager',
      value: 'a, b',
    });
    expect(eventFromNote('[Reglament:untick:rg|untick|x|k|1]', C)).toMatchObject({ type: 'untick', item: 'x', key: 'k' });
  });

  it('refuses what is not a well-formed marker', () => {
    for (const text of [
      'просто заметка',
      '[Reglament:tick:rg|untick|x||1]',
      '[Reglament:2:stage|id|1|launched]',
      '[Reglament:2:tick|id|soon|x]',
      '[Reglament:2:tick|id|1|<script>]',
      '[Reglament:2:tick|id|1|%E0%A4%A]',
      '[Reglament:2:post|id|1|../../etc]',
      '[Reglament:2:tick||1|x]',
    ])
      expect(eventFromNote(text, C), text).toBeNull();
  });
});
