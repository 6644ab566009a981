// Calls of the deal and of its contacts, once each: the same call may be filed on both.
import type { AmoNote } from './schemas';

export function mergeCalls(dealNotes: AmoNote[], contactNotes: AmoNote[]): AmoNote[] {
  const seenIds = new Set<number>();
  const seenLinks = new Set<string>();
  const out: AmoNote[] = [];
  for (const n of [...dealNotes, ...contactNotes]) {
    if (seenIds.has(n.id) || (n.link && seenLinks.has(n.link))) continue;
    seenIds.add(n.id);
    if (n.link) seenLinks.add(n.link);
    out.push(n);
  }
  return out;
}
