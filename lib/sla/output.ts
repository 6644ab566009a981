// Obligations rendered for people and scripts: instants as ISO 8601 at the agency offset.
import type { BusinessCalendar } from '../calendar';
import type { Obligation } from '../model/obligations';

export interface ObligationJson {
  id: string;
  rule: string;
  key: string;
  title: string;
  startAt: string;
  dueAt: string | null;
  state: string;
  metAt?: string;
  items?: { id: string; title: string; done: boolean; doneAt?: string; info?: boolean }[];
  missing?: string[];
}

export function obligationToJson(o: Obligation, cal: BusinessCalendar): ObligationJson {
  const out: ObligationJson = {
    id: o.id,
    rule: o.rule,
    key: o.key,
    title: o.title,
    startAt: cal.formatIso(o.startAt),
    dueAt: o.dueAt === null ? null : cal.formatIso(o.dueAt),
    state: o.state,
  };
  if (o.metAt !== undefined) out.metAt = cal.formatIso(o.metAt);
  if (o.items) {
    out.items = o.items.map((i) => ({
      id: i.id,
      title: i.title,
      done: i.done,
      ...(i.doneAt !== undefined ? { doneAt: cal.formatIso(i.doneAt) } : {}),
      ...(i.info ? { info: true } : {}),
    }));
  }
  if (o.missing && o.missing.length) out.missing = [...o.missing];
  return out;
}

function short(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '—';
}

/** Fixed-width table for `--table`. */
export function obligationsTable(list: ObligationJson[]): string {
  const rows = [['rule', 'key', 'start', 'due', 'state', 'met', 'missing']];
  for (const o of list) {
    rows.push([o.rule, o.key, short(o.startAt), short(o.dueAt), o.state, short(o.metAt), (o.missing ?? []).join('; ')]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (c === 6 ? 0 : r[c]!.length))));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 6 ? cell : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
