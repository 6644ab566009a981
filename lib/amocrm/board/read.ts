// Reads the pipeline board (or the list view) into plain data: columns with their stage, cards with
// their column. Pure DOM reading (runs on linkedom in tests); nothing is written to the page here.
import { B } from './selectors';

export interface BoardColumn {
  statusId: number;
  name: string;
  /** The overdue summary goes right after this (the head's info line, else its title). */
  head: Element;
}

/**
 * Where a chip goes: `after` a card's title block, in Reglament's own `cell` at the end of a list row
 * (the list has a head row for the column), else `inside` the list row's name cell, at its end.
 */
export type ChipPlace = 'after' | 'cell' | 'inside';

export interface BoardCard {
  leadId: number;
  /** The column (status) the card sits in; null in the list view. */
  statusId: number | null;
  /** The title block, the list row, or its name cell (see `place`). */
  anchor: Element;
  place: ChipPlace;
  el: Element;
}

export interface BoardRead {
  kind: 'pipeline' | 'list';
  columns: BoardColumn[];
  cards: BoardCard[];
  /** The list view's head row, where Reglament's column head goes; null on the board or without one. */
  listHead: Element | null;
}

const positiveId = (value: string | null | undefined): number | null => {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
};

/** The column status id from the head's `data-id`, the list's `data-id` or the `pipeline_cell-{id}` class. */
function columnStatusId(column: Element): number | null {
  const fromHead = positiveId(column.querySelector(B.columnHead)?.getAttribute('data-id'));
  if (fromHead) return fromHead;
  const fromList = positiveId(column.querySelector(B.itemsList)?.getAttribute('data-id'));
  if (fromList) return fromList;
  for (const c of Array.from(column.classList)) {
    const m = /^pipeline_cell-(\d+)$/.exec(c);
    if (m) return positiveId(m[1]);
  }
  return null;
}

function cardAnchor(card: Element): Element | null {
  const title = card.querySelector(B.cardTitle);
  if (!title) return null;
  // The live card wraps the link in `.pipeline_leads__lead-title`; the chip goes after that block.
  return title.parentElement?.classList.contains('pipeline_leads__lead-title') ? title.parentElement : title;
}

/** The board as it is now; an unknown layout reads as empty (and nothing is shown). */
export function readBoard(root: ParentNode): BoardRead {
  const columns: BoardColumn[] = [];
  const cards: BoardCard[] = [];
  for (const column of Array.from(root.querySelectorAll(B.column))) {
    const statusId = columnStatusId(column);
    const title = column.querySelector(B.columnTitle);
    const head = column.querySelector(B.columnInfo) ?? title;
    if (!statusId || !title || !head) continue;
    columns.push({ statusId, name: (title.getAttribute('title') ?? title.textContent ?? '').trim(), head });
    for (const el of Array.from(column.querySelectorAll(B.card))) {
      const leadId = positiveId(el.getAttribute('data-id'));
      const anchor = cardAnchor(el);
      // jQuery UI's drag helper is a clone with the same data-id: only cards inside a list count.
      const list = el.closest(B.itemsList);
      if (!leadId || !anchor || !list) continue;
      cards.push({ leadId, statusId: positiveId(list.getAttribute('data-id')) ?? statusId, anchor, place: 'after', el });
    }
  }
  if (columns.length) return { kind: 'pipeline', columns, cards, listHead: null };
  const listHead = root.querySelector(B.listHead);
  for (const el of Array.from(root.querySelectorAll(B.listRow))) {
    const leadId = positiveId(el.getAttribute('data-id'));
    const name = el.querySelector(B.listName);
    // A row without the name cell is not a deal row of the known layout: nothing goes on it.
    if (!leadId || !name || el === listHead) continue;
    cards.push(
      listHead
        ? { leadId, statusId: null, anchor: el, place: 'cell', el }
        : { leadId, statusId: null, anchor: name, place: 'inside', el },
    );
  }
  return { kind: 'list', columns, cards, listHead };
}
