// Feed hygiene (issue 14): how many Reglament notes a client's deal gets a day, measured on the
// demo's seeded clients. Every fact is one note: each post and each Story the sidebar sees, each
// round slot ticked (the default slots, all kept), the two content-plan agreements of a 30-day
// period. Counted over the last 14 days of every client whose Instagram was active in them (from its
// first post when the service began inside them).
import { defaultSettings } from '../../lib/playbook/defaults';
import { createSeed } from '../../test/fakes/seed';
import type { BenchRow } from './table';

const DAY = 86_400_000;
const WINDOW_DAYS = 14;
const PLAN_AGREEMENTS_PER_PERIOD = 2;

export interface NotesPerDay {
  client: string;
  posts: number;
  stories: number;
  rounds: number;
  plans: number;
  total: number;
}

export function notesPerClientDay(now = Date.now()): NotesPerDay[] {
  const seed = createSeed(now);
  const from = now - WINDOW_DAYS * DAY;
  const rounds = defaultSettings.currentClients.engagementSlots.length;
  const plans = PLAN_AGREEMENTS_PER_PERIOD / defaultSettings.currentClients.periodDays;
  return seed.profiles
    .filter((p) => p.leadId !== null)
    .flatMap((p) => {
      const posts = p.posts.filter((x) => !x.pinned && x.takenAt >= from && x.takenAt <= now);
      if (!posts.length) return [];
      // A client whose service began inside the window is counted from its first post.
      const days = Math.max(1, Math.ceil((now - Math.min(...posts.map((x) => x.takenAt))) / DAY));
      const stories = p.stories.filter((s) => s.takenAt >= now - days * DAY && s.takenAt <= now).length / days;
      const perDay = posts.length / days;
      return [{ client: p.username, posts: perDay, stories, rounds, plans, total: perDay + stories + rounds + plans }];
    });
}

export function runNotesBench(): BenchRow[] {
  const clients = notesPerClientDay();
  const mean = (f: (c: NotesPerDay) => number) => (clients.reduce((s, c) => s + f(c), 0) / clients.length).toFixed(2);
  return [
    {
      name: `team record: Reglament notes per client per day, demo's ${clients.length} active clients`,
      runs: clients.map((c) => c.total),
      unit: 'notes',
      beside: `mean: posts ${mean((c) => c.posts)}, Stories ${mean((c) => c.stories)}, rounds ${mean((c) => c.rounds)}, plans ${mean((c) => c.plans)}`,
    },
  ];
}
