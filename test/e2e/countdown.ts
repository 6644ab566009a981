// What the agenda says of a deadline `minutes` after now: «осталось …» the same Almaty day, «завтра до HH:MM»
// once it falls after midnight (the suite runs at the real time of day, CI late at night included).
const ALMATY_MS = 5 * 3_600_000;
const localDay = (ms: number) => new Date(ms + ALMATY_MS).toISOString().slice(0, 10);
const localTime = (ms: number) => new Date(ms + ALMATY_MS).toISOString().slice(11, 16);

export function countdownText(dueAt: number, sameDay: RegExp, now = Date.now()): RegExp {
  return localDay(dueAt) === localDay(now) ? sameDay : new RegExp(`завтра до ${localTime(dueAt)}`);
}
