// Page-data mode: the deal read from the card's DOM when the API cannot be used. It lacks the
// stage history (when each stage was set) and the deal's creation time. Selectors and their
// sources: selectors.ts and docs/sites.md.
import type { AmoCrmSettings } from '../playbook/settings-types';
import { norm, type DealCall, type DealRead } from './deal';
import { dateOfField, stageOfName } from './mapping';
import type { LayoutPart, PageLack } from './errors';
import { S } from './selectors';
import { addDays, wallClock, zonedInstant } from './zone';

const MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

/**
 * amoCRM feed dates: «Сегодня 14:05», «Вчера 10:12», «12 марта 09:30», «12 марта 2024 09:30»,
 * «07.08.2026 09:30»; a bare «14:05» belongs to the day of `dayStart` (the separator above it).
 */
export function parseFeedDate(text: string, now: number, timeZone: string, dayOf: string | null = null): number | null {
  const t = text.replace(/\s+/g, ' ').trim().toLowerCase();
  const time = /(\d{1,2}):(\d{2})\s*$/.exec(t);
  if (!time) return null;
  const minute = Number(time[1]) * 60 + Number(time[2]);
  const today = wallClock(now, timeZone);
  if (t.startsWith('сегодня')) return zonedInstant(today.date, minute, timeZone);
  if (t.startsWith('вчера')) return zonedInstant(addDays(today.date, -1), minute, timeZone);
  const numeric = /^(\d{2})\.(\d{2})\.(\d{4})/.exec(t);
  if (numeric) return zonedInstant(`${numeric[3]}-${numeric[2]}-${numeric[1]}`, minute, timeZone);
  const m = /^(\d{1,2})\s+([а-яё]+)(?:\s+(\d{4}))?/.exec(t);
  if (!m) return /^\d{1,2}:\d{2}$/.test(t) && dayOf ? zonedInstant(dayOf, minute, timeZone) : null;
  const month = MONTHS.findIndex((p) => m[2].startsWith(p));
  if (month < 0) return null;
  const year = m[3] ? Number(m[3]) : today.year;
  const date = `${year}-${String(month + 1).padStart(2, '0')}-${String(Number(m[1])).padStart(2, '0')}`;
  return zonedInstant(date, minute, timeZone);
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** An input's or textarea's current value (the name and the contact are inputs: they have no text). */
export const valueOf = (el: Element | null | undefined): string => {
  if (!el) return '';
  const live = (el as HTMLInputElement).value;
  return (typeof live === 'string' ? live : (el.getAttribute('value') ?? el.textContent ?? '')).trim();
};

/** The card shown before a single-page navigation: its name element and the name it showed. */
export interface StaleCard {
  el: Element;
  value: string;
}

/**
 * The card on the page when it is the card of `leadId`. The URL is the only id the real card
 * surely has (no `data-id`); the linked forms' `MAIN_ID` names the deal when present. Without
 * it, the previous deal's card still on the page (same name element, same name) is not this one.
 */
export function cardRoot(doc: ParentNode, leadId: number, stale: StaleCard | null = null): Element | null {
  const name = doc.querySelector(S.dealName);
  const root = doc.querySelector(S.cardHolder);
  if (!root) return null;
  const mainId = valueOf(root.querySelector(S.mainId)) || root.getAttribute('data-id');
  if (mainId) return mainId === String(leadId) ? root : null;
  // Without a name the card is not told apart: layoutGaps reports the missing name.
  return name && stale && name === stale.el && valueOf(name) === stale.value ? null : root;
}

/** What identifies the card now on the page, to tell it apart after a navigation. */
export function cardMarker(doc: ParentNode): StaleCard | null {
  const el = doc.querySelector(S.dealName);
  return el ? { el, value: valueOf(el) } : null;
}

/** What page-data mode needs but the page lacks (amoCRM changed its layout): nothing is read then. */
export function layoutGaps(doc: ParentNode, leadId: number, stale: StaleCard | null = null): LayoutPart[] {
  const root = cardRoot(doc, leadId, stale);
  if (!root) return ['card'];
  const gaps: LayoutPart[] = [];
  if (!valueOf(doc.querySelector(S.dealName))) gaps.push('name');
  if (!doc.querySelector(S.statusView)) gaps.push('stage');
  if (!ownRows(root).length) gaps.push('fields');
  return gaps;
}

/** Parts page-data mode could read no value from (it still reads the rest). */
export function pageLacks(doc: ParentNode, root: Element): PageLack[] {
  const lacks: PageLack[] = ['history'];
  if (!valueOf(root.querySelector(S.contactName))) lacks.push('contact');
  if (!text(root.querySelector(S.responsible))) lacks.push('responsible');
  if (!doc.querySelector(S.notes)) lacks.push('calls');
  return lacks;
}

/** The deal's own custom field rows (`CFV[…]`): not those of the linked contact or company forms. */
function ownRows(root: Element): Element[] {
  return [...root.querySelectorAll(S.fieldRow)].filter((row) => !row.closest(S.linkedForms) && row.querySelector(S.fieldInput));
}

/** The statuses of the deal's pipeline, in board order: `{id, name}`. */
export function stageOptions(doc: ParentNode, view: Element): Array<{ id: string; name: string }> {
  const pipelineId = view.getAttribute('data-pipeline-id');
  const scope = view.closest('.linked-form__field') ?? doc;
  const out: Array<{ id: string; name: string }> = [];
  for (const item of scope.querySelectorAll(S.statusOption)) {
    const input = item.querySelector(S.statusOptionInput);
    const ref = item.querySelector(S.statusOptionLabel)?.getAttribute('for') ?? input?.getAttribute('id') ?? '';
    // `pipeline_{pipelineId}_{statusId}_…`: the dropdown lists every pipeline's statuses.
    const parts = /^pipeline_(\d+)_(\d+)/.exec(ref);
    if (parts && pipelineId && parts[1] !== pipelineId) continue;
    const id = input?.getAttribute('value') || parts?.[2] || '';
    const name = text(item.querySelector(S.statusOptionText));
    if (id && name) out.push({ id, name });
  }
  return out;
}

/** The feed's calls: single call notes (a grouped block holds calls of its own), with their recording. */
export function feedCalls(doc: ParentNode, now: number, timeZone: string): DealCall[] {
  const calls: DealCall[] = [];
  const feed = doc.querySelector(S.notes);
  if (!feed) return calls;
  for (const note of feed.querySelectorAll(S.callNote)) {
    if (note.querySelector(S.callNote)) continue;
    const link = note.querySelector(S.callRecord)?.getAttribute('href');
    const id = note.getAttribute('data-id');
    if (!link || !id) continue;
    calls.push({ id, link, at: parseFeedDate(text(note.querySelector(S.noteDate)), now, timeZone, dayOf(note, timeZone)) });
  }
  return calls;
}

/** The day of the separator above a note (`data-ts`, Unix seconds), for times without a date. */
function dayOf(note: Element, timeZone: string): string | null {
  const top = note.closest(`${S.notes} > *`) ?? note;
  for (let el = top.previousElementSibling; el; el = el.previousElementSibling) {
    if (!el.matches(S.separator)) continue;
    const ts = Number(el.getAttribute('data-ts'));
    return Number.isFinite(ts) && ts > 0 ? wallClock(ts * 1000, timeZone).date : null;
  }
  return null;
}

export function readCardDom(
  doc: ParentNode,
  input: { host: string; leadId: number; amo: AmoCrmSettings; timeZone: string; now: number; stale?: StaleCard | null },
): DealRead | null {
  const root = cardRoot(doc, input.leadId, input.stale ?? null);
  if (!root) return null;
  const { amo } = input;
  const fields: Record<string, string> = {};
  const known: string[] = [];
  let credentialsFilled = false;
  let startDate: string | null = null;
  const rows = ownRows(root);
  for (const row of rows) {
    const label = row.querySelector(S.fieldLabel)?.getAttribute('title');
    const cf = row.querySelector(S.fieldInput);
    if (!label || !cf) continue;
    const key = norm(label);
    known.push(key);
    if (key === norm(amo.fieldNames.credentials)) {
      // Only whether it is filled; the value is never kept.
      credentialsFilled = valueOf(cf) !== '';
      continue;
    }
    const value = cf.classList.contains('control--select--input')
      ? valueOf(cf)
        ? text(row.querySelector(S.selectedOption))
        : ''
      : valueOf(cf);
    if (value) fields[key] = value;
    if (key === norm(amo.fieldNames.startDate)) startDate = dateOfField(value, input.timeZone);
  }
  const view = doc.querySelector(S.statusView);
  const statusId = view?.getAttribute('data-status-id') ?? '';
  const options = view ? stageOptions(doc, view) : [];
  const statusName = text(view?.querySelector(S.statusLabel)) || options.find((o) => o.id === statusId)?.name || null;
  const position = options.findIndex((o) => o.id === statusId);
  const contactedAt = options.findIndex((o) => stageOfName(o.name, amo) === 'contacted');
  const closed = statusId === '142' || statusId === '143';
  const priceDigits = valueOf(root.querySelector(S.price)).replace(/[^\d]/g, '');
  return {
    source: 'page',
    host: input.host,
    leadId: input.leadId,
    name: valueOf(doc.querySelector(S.dealName)),
    statusName,
    statusIsNew: !closed && position >= 0 && contactedAt >= 0 && position < contactedAt,
    managerId: null,
    managerName: text(root.querySelector(S.responsible)) || null,
    contactName: valueOf(root.querySelector(S.contactName)) || null,
    price: priceDigits ? Number(priceDigits) : null,
    createdAt: null,
    updatedAt: null,
    closedAt: null,
    lossReason: null,
    fields,
    // No field rows at all: the layout changed, so which fields exist is unknown (not «all missing»).
    knownFields: rows.length ? known : null,
    credentialsFilled,
    startDate,
    statusChanges: [],
    calls: feedCalls(doc, input.now, input.timeZone),
  };
}
