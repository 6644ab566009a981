// Facts read back from notes belong to the note's author at the note's server time: a forged note
// claims nothing its real author did not do at that moment.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeNote, attributedTime, CLAIM_WINDOW_MS, CLOCK_AHEAD_MS, STORED_SECOND_MS } from '@/lib/amocrm/attribution';
import { markedEventId, noteText } from '@/lib/amocrm/markers';

const HOST = 'smmpro.amocrm.ru';
const T = Date.parse('2026-03-12T06:05:00Z');
const MIN = 60_000;
const names = (id: number) => ({ 5012301: 'Айгерим Нурланова', 5012303: 'Мария Ким' })[id] ?? null;

function tickNote(claimedAt: number, createdAt: number, createdBy = 5012301) {
  const fact = {
    id: markedEventId('tick', 'engagement-round', '2026-03-12T11:00', claimedAt),
    clientId: `${HOST}:1004`,
    type: 'tick' as const,
    item: 'engagement-round',
    key: '2026-03-12T11:00',
    at: claimedAt,
    source: 'manager' as const,
  };
  return { id: 1, entityId: 1004, createdBy, createdAt, text: noteText(fact, 'Раунд') };
}

describe('attribution of facts read from notes', () => {
  it('a queued write keeps the time it was made (a few minutes before the note was stored)', () => {
    const fact = attributeNote(tickNote(T - 4 * MIN, T), HOST, names)!;
    expect(fact.at).toBe(T - 4 * MIN);
    expect(fact.author).toEqual({ id: 5012301, name: 'Айгерим Нурланова' });
    expect(fact.clientId).toBe(`${HOST}:1004`);
  });

  it('a note claiming an earlier time counts when it was stored, by whoever stored it', () => {
    // Written at 13:00 by Мария, claiming Айгерим's 11:05 round: it is Мария's, at 13:00.
    const forged = attributeNote(tickNote(T - 2 * 60 * MIN, T, 5012303), HOST, names)!;
    expect(forged.at).toBe(T);
    expect(forged.author).toEqual({ id: 5012303, name: 'Мария Ким' });
  });

  it('a write sent at once keeps its milliseconds (created_at is whole seconds)', () => {
    expect(attributeNote(tickNote(T + 640, T), HOST, names)!.at).toBe(T + 640);
    expect(attributeNote(tickNote(T + STORED_SECOND_MS, T), HOST, names)!.at).toBe(T);
  });

  it('a claim in the future (or a browser clock ahead) counts at the stored time', () => {
    expect(attributeNote(tickNote(T + 30_000, T), HOST, names)!.at).toBe(T);
    expect(attributeNote(tickNote(T + 5 * 24 * 60 * MIN, T), HOST, names)!.at).toBe(T);
  });

  it('the deal the note is on is the client, whatever the marker copied', () => {
    const note = { ...tickNote(T, T), entityId: 2002 };
    expect(attributeNote(note, HOST)!.clientId).toBe(`${HOST}:2002`);
    expect(attributeNote(note, HOST)!.author).toEqual({ id: 5012301, name: null });
  });

  it('never earlier than the window, never later than the note (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: CLAIM_WINDOW_MS, max: 4e12 }), (claimed, createdAt) => {
        const at = attributedTime(claimed, createdAt);
        expect(at).toBeLessThan(createdAt + STORED_SECOND_MS);
        expect(at).toBeGreaterThanOrEqual(createdAt - CLAIM_WINDOW_MS);
        expect(at === claimed || at === createdAt).toBe(true);
      }),
    );
    expect(CLOCK_AHEAD_MS).toBeLessThan(CLAIM_WINDOW_MS);
  });

  it('a note without a valid marker is no fact', () => {
    expect(attributeNote({ id: 1, entityId: 1, createdBy: 1, createdAt: T, text: 'Позвонить завтра' }, HOST)).toBeNull();
  });
});
