// Who was responsible for a client at an instant, from its handovers; and how handovers read by
// successive syncs add up.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeHandovers } from '@/lib/amocrm/team/handovers';
import { managerAt } from '@/lib/dashboard/manager-at';
import type { Handover } from '@/lib/model/facts';

const h = (id: string, at: number, fromId: number | null, toId: number): Handover => ({
  id,
  at,
  fromId,
  fromName: fromId === null ? null : `M${fromId}`,
  toId,
  toName: `M${toId}`,
});

describe('managerAt', () => {
  const client = { managerId: 3, managerName: 'M3', handovers: [h('a', 100, 1, 2), h('b', 200, 2, 3)] };

  it('before the first handover: the manager it was handed from; between: the one it went to; after: the present one', () => {
    expect(managerAt(client, 50)).toEqual({ id: 1, name: 'M1' });
    expect(managerAt(client, 100)).toEqual({ id: 2, name: 'M2' });
    expect(managerAt(client, 199)).toEqual({ id: 2, name: 'M2' });
    expect(managerAt(client, 200)).toEqual({ id: 3, name: 'M3' });
  });

  it('no handovers, or an unknown first manager: the present one', () => {
    expect(managerAt({ managerId: 7, managerName: 'M7' }, 0)).toEqual({ id: 7, name: 'M7' });
    expect(managerAt({ managerId: 7, managerName: 'M7', handovers: [h('a', 100, null, 7)] }, 50)).toEqual({ id: 7, name: 'M7' });
  });

  it('any instant gets a manager who was responsible for the client at some point', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: -10, max: 1010 }),
        (steps, at) => {
          const sorted = [...steps].sort((a, b) => a[0] - b[0]);
          let from = 9;
          const handovers = sorted.map(([t, to], i) => {
            const x = h(String(i), t, from, to);
            from = to;
            return x;
          });
          const present = handovers[handovers.length - 1]!.toId;
          const m = managerAt({ managerId: present, managerName: `M${present}`, handovers }, at);
          const owners = new Set([9, ...handovers.map((x) => x.toId)]);
          expect(owners.has(m.id!)).toBe(true);
          const last = handovers.filter((x) => x.at <= at).pop();
          expect(m.id).toBe(last ? last.toId : 9);
        },
      ),
    );
  });
});

describe('mergeHandovers', () => {
  const users = new Map([
    [1, 'Айгерим'],
    [2, 'Мария'],
  ]);

  it('adds what a sync read to what was kept, once each, oldest first, with the users’ names', () => {
    const kept = [h('b', 200, 2, 1)];
    const merged = mergeHandovers(
      kept,
      [
        { id: 'a', leadId: 5, at: 100, fromUserId: 1, toUserId: 2 },
        { id: 'b', leadId: 5, at: 200, fromUserId: 2, toUserId: 1 },
      ],
      users,
    );
    expect(merged.map((x) => x.id)).toEqual(['a', 'b']);
    expect(merged[0]).toEqual({ id: 'a', at: 100, fromId: 1, fromName: 'Айгерим', toId: 2, toName: 'Мария' });
  });

  it('nothing read and nothing kept is nothing', () => {
    expect(mergeHandovers(undefined, undefined, users)).toEqual([]);
  });
});
