// Paints the board: a chip after each known deal's title (in the list view, in a column of its
// own: a head cell and one cell per row, in amoCRM's list markup), an overdue count in each column
// head, a quiet notice. Each is a tiny shadow root (the page's CSS stays out, ours stays in) sharing one
// stylesheet. Readable text and an accessible name, never colour alone; chips take keyboard focus.
// Like the overlay, the roots are closed and the state stays off the page's DOM in the shipped
// build (components/common/build-mode.ts): amoCRM's scripts cannot read which deal is overdue.
import type { ChipModel } from '@/lib/amocrm/board/chip';
import type { ChipPlace } from '@/lib/amocrm/board/read';
import type { BoardPainter } from '@/lib/amocrm/board/session';
import { markForTests, shadowMode } from '../common/build-mode';
import { BOARD_CSS } from './style';

const CHIP = 'reglament-chip';
const SUMMARY = 'reglament-summary';
const NOTICE = 'reglament-notice';
const OURS = new Set([CHIP, SUMMARY, NOTICE].map((t) => t.toUpperCase()));

/** The list column's cells: amoCRM's cell classes (docs/board.md) plus our own code, `reglament`. */
const CELL_CLASS = 'list-row__cell js-list-row__cell list-row__cell-template-text list-row__cell-reglament';
const HEAD_CLASS = 'list-row__cell list-row__cell-head cell-head list-row__cell-template-text list-row__cell-reglament';
const CELL_WIDTH = '240px';
const CELL_CODE = 'list-row__cell-reglament';

const ICON = { calm: '⏱', warn: '⏳', breach: '⚠' } as const;

export function createBoardPainter(doc: Document): BoardPainter {
  let sheet: CSSStyleSheet | null = null;
  const hosts = new Set<HTMLElement>();
  /** Each host's root (closed roots are not reachable from the host) and what it last showed. */
  const painted = new WeakMap<Element, { root: ShadowRoot; key: string }>();

  function shadowHost(tag: string): { host: HTMLElement; root: ShadowRoot } {
    const host = doc.createElement(tag);
    const root = host.attachShadow({ mode: shadowMode });
    painted.set(host, { root, key: '' });
    try {
      sheet ??= new CSSStyleSheet();
      if (!sheet.cssRules.length) sheet.replaceSync(BOARD_CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      // Where adopted sheets are unavailable to content scripts, a style element does the same.
      const style = doc.createElement('style');
      style.textContent = BOARD_CSS;
      root.append(style);
    }
    // Keys typed on a chip must not reach amoCRM's board shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
    hosts.add(host);
    return { host, root };
  }

  function remove(host: Element | null | undefined): void {
    if (!host) return;
    hosts.delete(host as HTMLElement);
    host.remove();
  }

  const isCell = (node: Node) => node.nodeType === 1 && (node as Element).classList.contains(CELL_CODE);

  /** Our cell at the end of a list row (or head row), made when missing; it stays empty for deals we do not track. */
  function cellOf(row: Element, head: boolean): Element {
    const last = row.lastElementChild;
    if (last && isCell(last)) return last.firstElementChild ?? last;
    const cell = doc.createElement('div');
    cell.className = head ? HEAD_CLASS : CELL_CLASS;
    Object.assign((cell as HTMLElement).style, { width: CELL_WIDTH, minWidth: CELL_WIDTH });
    const inner = doc.createElement('div');
    inner.className = head ? 'cell-head__inner' : 'content-table__item__inner';
    cell.append(inner);
    row.append(cell);
    return inner;
  }

  const chipHost = (anchor: Element, place: ChipPlace): Element | null => {
    const el =
      place === 'after'
        ? anchor.nextElementSibling
        : place === 'inside'
          ? anchor.lastElementChild
          : cellOf(anchor, false).lastElementChild;
    return el && el.tagName === CHIP.toUpperCase() ? el : null;
  };

  function renderChip(root: ShadowRoot, model: ChipModel): void {
    const chip = doc.createElement('span');
    chip.className = `chip ${model.paused ? 'paused' : model.tone}`;
    chip.tabIndex = 0;
    chip.setAttribute('role', 'note');
    chip.setAttribute('aria-label', model.label);
    const icon = doc.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = model.paused ? '⏸' : ICON[model.tone];
    const text = doc.createElement('span');
    text.className = 'tx';
    text.textContent = model.text;
    chip.append(icon, text);
    if (model.overdue > 1) {
      const n = doc.createElement('span');
      n.className = 'n';
      n.setAttribute('aria-hidden', 'true');
      n.textContent = String(model.overdue);
      chip.append(n);
    }
    const tip = doc.createElement('span');
    tip.className = 'tip';
    tip.setAttribute('role', 'tooltip');
    tip.textContent = model.title;
    chip.append(tip);
    root.replaceChildren(...Array.from(root.querySelectorAll('style')), chip);
  }

  return {
    chip(anchor, place, model) {
      const existing = chipHost(anchor, place) as HTMLElement | null;
      if (!model) return remove(existing);
      const key = `${model.tone}|${model.paused}|${model.text}|${model.overdue}|${model.title}`;
      let state = existing ? painted.get(existing) : undefined;
      if (state?.key === key) return;
      let host = existing;
      if (!host || !state) {
        remove(host);
        host = shadowHost(CHIP).host;
        state = painted.get(host)!;
        if (place === 'inside') {
          host.className = 'in';
          anchor.append(host);
        } else if (place === 'cell') cellOf(anchor, false).append(host);
        else anchor.after(host);
      }
      state.key = key;
      markForTests(host, 'tone', model.paused ? 'paused' : model.tone);
      markForTests(host, 'overdue', String(model.overdue));
      renderChip(state.root, model);
    },
    summary(head, count, text, label) {
      const next = head.nextElementSibling;
      const existing = next && next.tagName === SUMMARY.toUpperCase() ? (next as HTMLElement) : null;
      if (count <= 0) return remove(existing);
      const key = `${count}|${text}|${label}`;
      const state = existing ? painted.get(existing) : undefined;
      if (state?.key === key) return;
      const { host, root } = existing && state ? { host: existing, root: state.root } : shadowHost(SUMMARY);
      if (!state) {
        remove(existing);
        head.after(host);
      }
      painted.get(host)!.key = key;
      markForTests(host, 'count', String(count));
      const el = doc.createElement('span');
      el.className = 'sum';
      el.setAttribute('role', 'note');
      el.setAttribute('aria-label', label);
      el.textContent = `⚠ ${text}`;
      root.replaceChildren(...Array.from(root.querySelectorAll('style')), el);
    },
    notice(text) {
      const existing = doc.querySelector(NOTICE);
      if (!text) return remove(existing);
      if (existing) return;
      const { host, root } = shadowHost(NOTICE);
      const el = doc.createElement('div');
      el.className = 'notice';
      el.setAttribute('role', 'status');
      el.textContent = text;
      root.append(el);
      doc.body.append(host);
    },
    listColumn(head, title) {
      const inner = cellOf(head, true);
      if (inner.textContent === title) return;
      const text = doc.createElement('span');
      text.className = 'cell-head__title';
      text.textContent = title;
      inner.replaceChildren(text);
    },
    owns: (node) => OURS.has(node.nodeName) || isCell(node),
    clear() {
      for (const host of [...hosts]) remove(host);
      for (const cell of Array.from(doc.querySelectorAll(`.${CELL_CODE}`))) cell.remove();
    },
  };
}
