// Page-data mode: the deal read from the card's DOM when the API cannot be used. It lacks the
// stage history (when each stage was set) and the deal's creation time.
import type { AmoCrmSettings } from '../playbook/settings-types';
import { norm, type DealCall, type DealRead } from './deal';
import { dateOfField, stageOfName } from './mapping';
import type { LayoutPart } from './errors';
import { S } from './selectors';
import { addDays, wallClock, zonedInstant } from './zone';

const MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

/** amoCRM feed dates: «Сегодня 14:05», «Вчера 10:12», «12 марта 09:30», «12 марта 2024 09:30». */
export function parseFeedDate(text: string, now: number, timeZone: string): number | null {
  const t = text.trim().toLowerCase();
  const time = /(\d{1,2}):(\d{2})\s*$/.exec(t);
  if (!time) return null;
  const minute = Number(time[1]) * 60 + Number(time[2]);
  const today = wallClock(now, timeZone);
  if (t.startsWith('сегодня')) return zonedInstant(today.date, minute, timeZone);
  if (t.startsWith('вчера')) return zonedInstant(addDays(today.date, -1), minute, timeZone);
  const m = /^(\d{1,2})\s+([а-яё]+)(?:\s+(\d{4}))?/.exec(t);
  if (!m) return null;
  const month = MONTHS.findIndex((p) => m[2].startsWith(p));
  if (month < 0) return null;
  const year = m[3] ? Number(m[3]) : today.year;
  const date = `${year}-${String(month + 1).padStart(2, '0')}-${String(Number(m[1])).padStart(2, '0')}`;
  return zonedInstant(date, minute, timeZone);
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const inputValue = (el: Element | null) => (el ? ((el as HTMLInputElement).value ?? el.getAttribute('value') ?? '') : '');

/** The card of `leadId` when it is on the page (the SPA may still show the previous one). */
export function cardRoot(doc: ParentNode, leadId: number): Element | null {
  const root = doc.querySelector(S.cardHolder);
  return root && root.getAttribute('data-id') === String(leadId) ? root : null;
}

/** What page-data mode needs but the page lacks (amoCRM changed its layout): nothing is read then. */
export function layoutGaps(doc: ParentNode, leadId: number): LayoutPart[] {
  const root = cardRoot(doc, leadId);
  if (!root) return ['card'];
  const gaps: LayoutPart[] = [];
  if (!root.querySelector(S.dealName)) gaps.push('name');
  if (!root.querySelector(S.statusView)) gaps.push('stage');
  if (!root.querySelector(S.fieldRow)) gaps.push('fields');
  return gaps;
}

export function readCardDom(
  doc: ParentNode,
  input: { host: string; leadId: number; amo: AmoCrmSettings; timeZone: string; now: number },
): DealRead | null {
  const root = cardRoot(doc, input.leadId);
  if (!root) return null;
  const { amo } = input;
  const fields: Record<string, string> = {};
  const known: string[] = [];
  let credentialsFilled = false;
  let startDate: string | null = null;
  for (const row of root.querySelectorAll(S.fieldRow)) {
    const label = row.querySelector(S.fieldLabel)?.getAttribute('title');
    const cf = row.querySelector(S.fieldInput);
    if (!label || !cf) continue;
    const key = norm(label);
    known.push(key);
    if (key === norm(amo.fieldNames.credentials)) {
      // Only whether it is filled; the value is never kept.
      credentialsFilled = inputValue(cf).trim() !== '';
      continue;
    }
    const value = cf.classList.contains('control--select--input')
      ? inputValue(cf)
        ? text(row.querySelector(S.selectedOption))
        : ''
      : inputValue(cf).trim();
    if (value) fields[key] = value;
    if (key === norm(amo.fieldNames.startDate)) startDate = dateOfField(value, input.timeZone);
  }
  const statusView = root.querySelector(S.statusView);
  const statusId = statusView?.getAttribute('data-status-id') ?? '';
  const statusName = text(root.querySelector(S.statusLabel)) || null;
  const options = [...root.querySelectorAll(S.statusOptions)];
  const position = options.findIndex((o) => o.getAttribute('data-value') === statusId);
  const contactedAt = options.findIndex((o) => stageOfName(text(o), amo) === 'contacted');
  const closed = statusId === '142' || statusId === '143';
  const calls: DealCall[] = [];
  for (const note of root.querySelectorAll(S.callNote)) {
    const link = note.querySelector('.feed-note__call-record[href]')?.getAttribute('href');
    const id = note.getAttribute('data-id');
    if (!link || !id || !/^\d+$/.test(id)) continue;
    calls.push({ id, link, at: parseFeedDate(text(note.querySelector(S.noteDate)), input.now, input.timeZone) });
  }
  const priceDigits = inputValue(root.querySelector(S.price)).replace(/[^\d]/g, '');
  return {
    source: 'page',
    host: input.host,
    leadId: input.leadId,
    name: text(root.querySelector(S.dealName)),
    statusName,
    statusIsNew: !closed && position >= 0 && contactedAt >= 0 && position < contactedAt,
    managerId: null,
    managerName: text(root.querySelector(S.responsible)) || null,
    contactName: text(root.querySelector(S.contactName)) || null,
    price: priceDigits ? Number(priceDigits) : null,
    createdAt: null,
    updatedAt: null,
    closedAt: null,
    lossReason: null,
    fields,
    // No field rows at all: the layout changed, so which fields exist is unknown (not «all missing»).
    knownFields: root.querySelector(S.fieldRow) ? known : null,
    credentialsFilled,
    startDate,
    statusChanges: [],
    calls,
  };
}
