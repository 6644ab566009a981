// A content plan's version shared through amoCRM: a version-2 marker of type `plan`
// (lib/amocrm/markers.ts describes the format) carrying the plan's natural id, its state and its
// days, below one line for people («Контент-план 2 (10.12–18.12): отправлен клиенту»).
//
//   [Reglament:2:plan|{id}|{at}|{periodStart}|{planNo}|{state}|{firstDate}|{cut}|{day}|{day}…]
//
// `id` is `plan:{periodStart}:{planNo}:{at}`: one version of one plan, so the same version written
// twice (a retry) is one fact, and a later version is another fact that supersedes it
// (lib/record/plan-merge.ts). A day is `{offset}{format}{topic}`: days after `firstDate`, `p`/`c`/`r`
// (post, carousel, reels), the topic. Parts are escaped only where the marker needs it (`%`, `|`,
// `[`, `]`, whitespace: percent-encoded), so Cyrillic topics stay one character each.
//
// Bounded: the marker is at most MAX_PLAN_MARKER characters. A plan whose topics do not fit has
// its longest topics cut to one common length (the shorter ones stay whole) and says so (`cut` = 1;
// the feed line says «темы сокращены»). No public source states amoCRM's limit on a note's text
// (docs/team-record.md); 4000 characters in all keep a note a few screen lines in the feed.
import * as v from 'valibot';
import { dateOfDayNum, dayNumOfDate } from '../calendar/time';
import type { ContentPlan, PlanDay, PlanFormat, PlanNo, PlanState } from '../model/plans';
import { MAX_TOPIC, PLAN_NOS, PLAN_STATES, PlanSchema } from '../schemas/plan';

/** Longest plan marker written or read: with its line for people the note stays within 4000 characters. */
export const MAX_PLAN_MARKER = 3800;
const MARKER_VERSION = 2;
const LETTER: Record<PlanFormat, string> = { post: 'p', carousel: 'c', reels: 'r' };
const FORMAT_OF: Record<string, PlanFormat> = { p: 'post', c: 'carousel', r: 'reels' };
/** A plan covers at most two months: a day lies at most this many days after the plan's first. */
const MAX_OFFSET = 400;

const STATE_RU: Record<PlanState, string> = {
  drafting: 'черновик',
  sent: 'отправлен клиенту',
  corrections: 'правки клиента',
  agreed: 'согласован',
};

/** A plan version as a note claims it (its time and author are settled by amoCRM: lib/record/plan-merge.ts). */
export interface PlanClaim {
  /** `plan:{periodStart}:{planNo}:{at}`. */
  id: string;
  plan: ContentPlan;
  /** Some topics were cut to fit the marker. */
  cut: boolean;
}

/** The natural id of one version of a plan (the deal names the client). */
export function planVersionId(plan: Pick<ContentPlan, 'periodStart' | 'planNo' | 'updatedAt'>): string {
  return `plan:${plan.periodStart}:${plan.planNo}:${Math.round(plan.updatedAt)}`;
}

/** The outbox key of a plan's versions: a newer version queued replaces an older one still waiting. */
export function planOutboxPrefix(plan: Pick<ContentPlan, 'clientId' | 'periodStart' | 'planNo'>): string {
  return `plan|${plan.clientId}|${plan.periodStart}|${plan.planNo}|`;
}

/** Percent-encodes only what would end or split the marker; decodeURIComponent reads it back. */
const escapePart = (s: string): string => s.replace(/[%|[\]\s]/g, (c) => encodeURIComponent(c));

function dayParts(days: readonly PlanDay[], firstDay: number, cap: number): string[] {
  return days.map((d) => {
    const topic = Array.from(d.topic);
    const kept = topic.length > cap ? topic.slice(0, cap).join('') : d.topic;
    return escapePart(`${dayNumOfDate(d.date)! - firstDay}${LETTER[d.format]}${kept}`);
  });
}

/** The marker of a plan version and whether topics were cut to fit it (see the head of this file). */
export function encodePlan(plan: ContentPlan): { marker: string; cut: boolean } {
  const days = [...plan.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const firstDate = days[0]?.date ?? '';
  const firstDay = firstDate ? dayNumOfDate(firstDate)! : 0;
  const id = planVersionId(plan);
  const head = [id, String(Math.round(plan.updatedAt)), String(plan.periodStart), String(plan.planNo), plan.state, firstDate];
  const build = (cap: number, cut: boolean) =>
    `[Reglament:${MARKER_VERSION}:${['plan', ...head, cut ? '1' : '0']
      .map(escapePart)
      .concat(dayParts(days, firstDay, cap))
      .join('|')}]`;
  const whole = build(MAX_TOPIC, false);
  if (whole.length <= MAX_PLAN_MARKER) return { marker: whole, cut: false };
  // The longest common topic length that fits (binary search: the marker only grows with it).
  let lo = 0;
  let hi = MAX_TOPIC;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build(mid, true).length <= MAX_PLAN_MARKER) lo = mid;
    else hi = mid - 1;
  }
  return { marker: build(lo, true), cut: true };
}

function shortDate(date: string): string {
  const [, m, d] = date.split('-');
  return `${d}.${m}`;
}

/** One line for people (the deal's feed) and the marker below it. */
export function planNoteText(plan: ContentPlan): string {
  const { marker, cut } = encodePlan(plan);
  const dates = plan.days.map((d) => d.date).sort();
  const range = dates.length ? ` (${shortDate(dates[0]!)}–${shortDate(dates[dates.length - 1]!)})` : '';
  const filled = plan.days.filter((d) => d.topic.trim()).length;
  const line = `Контент-план ${plan.planNo}${range}: ${STATE_RU[plan.state]}, тем ${filled} из ${plan.days.length}`;
  return `${line}${cut ? ', темы сокращены' : ''}\n${marker}`;
}

const decode = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

const MARKER = new RegExp(`\\[Reglament:${MARKER_VERSION}:(plan\\|[^\\]\\s]{1,${MAX_PLAN_MARKER}})\\]`);

/**
 * The plan version a note claims, or null when the note carries no valid plan marker (a note of
 * another kind, a hand-made or hostile one: every field is checked by the plan's schema).
 */
export function planFromNote(text: string, clientId: string): PlanClaim | null {
  if (text.length > MAX_PLAN_MARKER * 4) return null;
  const m = MARKER.exec(text);
  if (!m) return null;
  const parts = m[1]!.split('|').map(decode);
  if (parts.some((p) => p === null)) return null;
  const [, id, atText, periodText, noText, state, firstDate, cutText, ...dayTexts] = parts as string[];
  const number = (s: string | undefined) => (s !== undefined && /^\d{1,15}$/.test(s) ? Number(s) : null);
  const at = number(atText);
  const periodStart = number(periodText);
  const planNo = number(noText);
  if (at === null || periodStart === null || planNo === null || (cutText !== '0' && cutText !== '1')) return null;
  if (!(PLAN_NOS as readonly number[]).includes(planNo) || !(PLAN_STATES as readonly string[]).includes(state!)) return null;
  if (id !== planVersionId({ periodStart, planNo: planNo as PlanNo, updatedAt: at })) return null;
  const firstDay = firstDate ? dayNumOfDate(firstDate) : null;
  if (dayTexts.length && firstDay === null) return null;
  const days: PlanDay[] = [];
  let last = -1;
  for (const t of dayTexts) {
    const d = /^(\d{1,3})([a-z])([\s\S]*)$/.exec(t);
    const offset = d ? Number(d[1]) : -1;
    const format = d ? FORMAT_OF[d[2]!] : undefined;
    if (!d || !format || offset <= last || offset > MAX_OFFSET) return null;
    last = offset;
    days.push({ date: dateOfDayNum(firstDay! + offset), format, topic: d[3]! });
  }
  const plan = v.safeParse(PlanSchema, { clientId, periodStart, planNo, state, days, updatedAt: at });
  if (!plan.success) return null;
  return { id: id!, plan: plan.output, cut: cutText === '1' };
}
