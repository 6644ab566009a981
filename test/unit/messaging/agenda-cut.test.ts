import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cutAgenda } from '../../../lib/messaging/agenda-cut';
import type { Agenda, AgendaEntry } from '../../../lib/messaging/protocol';

const entry = (id: string): AgendaEntry =>
  ({ client: { id: `c${id}`, name: id }, obligation: { id, dueAt: 0 } }) as unknown as AgendaEntry;
const agendaOf = (overdue: number, today: number, tomorrow: number): Agenda => ({
  now: 1,
  overdue: Array.from({ length: overdue }, (_, i) => entry(`o${i}`)),
  today: Array.from({ length: today }, (_, i) => entry(`d${i}`)),
  tomorrow: Array.from({ length: tomorrow }, (_, i) => entry(`t${i}`)),
  round: null,
  missedWhileAway: [entry('m')],
});

describe('cutAgenda', () => {
  it('keeps the first rows in the order they show, with the full lengths', () => {
    const cut = cutAgenda(agendaOf(2, 3, 4), 4);
    expect(cut.overdue.map((e) => e.obligation.id)).toEqual(['o0', 'o1']);
    expect(cut.today.map((e) => e.obligation.id)).toEqual(['d0', 'd1']);
    expect(cut.tomorrow).toEqual([]);
    expect(cut.totals).toEqual({ overdue: 2, today: 3, tomorrow: 4 });
    expect(cut.missedWhileAway).toHaveLength(1);
  });

  it('keeps the totals of an agenda cut before (a snapshot of a first screen)', () => {
    const once = cutAgenda(agendaOf(50, 50, 50), 60);
    const twice = cutAgenda(once, 10);
    expect(twice.totals).toEqual({ overdue: 50, today: 50, tomorrow: 50 });
    expect(twice.overdue).toHaveLength(10);
  });

  it('never keeps more rows than asked, and every row it keeps is a prefix of its list', () => {
    fc.assert(
      fc.property(fc.nat(30), fc.nat(30), fc.nat(30), fc.nat(100), (o, d, t, rows) => {
        const a = agendaOf(o, d, t);
        const cut = cutAgenda(a, rows);
        expect(cut.overdue.length + cut.today.length + cut.tomorrow.length).toBe(Math.min(rows, o + d + t));
        expect(cut.overdue).toEqual(a.overdue.slice(0, cut.overdue.length));
        expect(cut.today).toEqual(a.today.slice(0, cut.today.length));
        expect(cut.tomorrow).toEqual(a.tomorrow.slice(0, cut.tomorrow.length));
        // A later list starts only once the earlier ones are whole.
        if (cut.today.length) expect(cut.overdue).toHaveLength(o);
        if (cut.tomorrow.length) expect(cut.today).toHaveLength(d);
      }),
    );
  });
});
