// The fake amoCRM pipeline board and list view, in the markup of amoCRM's own compiled templates
// (`interface/leads_pipeline/*`, `interface/leads/unsorted_list_item`: see docs/board.md), with the
// behaviour the chips must live with: cards loaded in packs as the board scrolls (infinite scroll),
// cards dragged to another column (mouse-driven like jQuery UI sortable: a helper clone follows the
// pointer, the card moves on drop and the page saves the new status), the list view.
// Render functions are serialized into the page (see templates.ts): self-contained, no imports
// (each calls only the others, hence an escape function of its own).

export interface AmoBoardCardVM {
  id: number;
  name: string;
  priceText: string;
  responsible: string;
  dateText: string;
  contactName: string;
  statusName: string;
}

export interface AmoBoardColumnVM {
  id: number;
  name: string;
  color: string;
  type: number;
  /** Every lead of the column, newest first; the page shows them in packs. */
  leads: AmoBoardCardVM[];
  sum: number;
}

export interface AmoBoardVM {
  pipelineId: number;
  pipelineName: string;
  totalText: string;
  /** Cards per column in one pack (the first render and each «load more»). */
  packSize: number;
  columns: AmoBoardColumnVM[];
}

export function amoBoardEsc(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function amoBoardPlural(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return n + ' сделка';
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return n + ' сделки';
  return n + ' сделок';
}

export function amoBoardMoney(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ') + ' ₸';
}

export function amoRenderBoardCard(lead: AmoBoardCardVM): string {
  return (
    '<div id="pipeline_item_' +
    lead.id +
    '" class="pipeline_leads__item pipeline_leads__item_flex js-hs-prevent js-pipeline-sortable pipeline_leads__item-sortable" data-id="' +
    lead.id +
    '"><div class="pipeline_leads__info" id="lead_' +
    lead.id +
    '"><div class="pipeline_leads__top-block"><div class="pipeline_leads__linked-entities">' +
    amoBoardEsc(lead.contactName) +
    '</div><div class="pipeline_leads__top-date">' +
    amoBoardEsc(lead.dateText) +
    '</div></div><div class="pipeline_leads__lead-title"><a class="pipeline_leads__title-text h-text-overflow js-navigate-link" title="' +
    amoBoardEsc(lead.name) +
    '" href="/leads/detail/' +
    lead.id +
    '">' +
    amoBoardEsc(lead.name) +
    '</a></div><div class="pipeline_leads__row"><div class="pipeline_leads__field h-text-overflow">' +
    amoBoardEsc(lead.priceText) +
    '</div></div><div class="pipeline_leads__middle-block"><span class="pipeline_leads__note pipeline_leads__grey h-text-overflow">' +
    amoBoardEsc(lead.responsible) +
    '</span></div></div></div>'
  );
}

export function amoRenderBoardHeadInfo(col: AmoBoardColumnVM): string {
  return (
    '<div class="block-selectable"><span class="pipeline_status__head_info__count">' +
    amoBoardPlural(col.leads.length) +
    ': </span><span class="pipeline_status__head_info__sum">' +
    amoBoardMoney(col.sum) +
    '</span></div>'
  );
}

export function amoRenderBoard(board: AmoBoardVM): string {
  let out =
    '<div id="list_page_holder" class="list__body-right pipeline">' +
    '<div class="list__top__actions pipeline__top">' +
    '<div class="list-top-nav__text-button list-top-nav__text-button_active pipeline__top-title">СДЕЛКИ</div>' +
    '<div class="pipeline__top-select"><span class="pipeline__top-name">' +
    amoBoardEsc(board.pipelineName) +
    '</span> ▾</div>' +
    '<div class="pipeline__top-views"><a class="pipeline__view pipeline__view_active" href="/leads/pipeline/' +
    board.pipelineId +
    '/">Воронка</a><a class="pipeline__view js-navigate-link" href="/leads/list/">Список</a></div>' +
    '<div class="list-top-search"><input type="text" class="list-top-search__input" placeholder="Поиск и фильтр"></div>' +
    '<div class="pipeline__top-total">' +
    amoBoardEsc(board.totalText) +
    '</div>' +
    '<div class="list-top-nav__buttons"><a class="button-input button-input_add" href="/leads/add/">+ НОВАЯ СДЕЛКА</a></div>' +
    '</div>' +
    '<div class="pipeline-scroller js-scroll-x-container js-hs-scroller"><div class="pipeline__body">' +
    '<div id="pipeline_holder" class="pipeline_wrapper pipeline_row" data-pipeline-id="' +
    board.pipelineId +
    '">';
  for (let i = 0; i < board.columns.length; i++) {
    const col = board.columns[i];
    out +=
      '<div class="pipeline_status pipeline_cell pipeline_cell-' +
      col.id +
      (col.type === 1 ? ' pipeline_cell-unsorted' : '') +
      '"><div class="pipeline_cell-head pipeline_cell-head-' +
      col.id +
      ' pipeline_cell-head-group-' +
      col.id +
      '"><div class="pipeline_status__head-wrapper"><div id="status_id_' +
      col.id +
      '" class="pipeline_status__head' +
      (col.type === 1 ? ' pipeline_status__head-unsorted' : '') +
      '" data-id="' +
      col.id +
      '"><div class="pipeline_status__head_title" title="' +
      amoBoardEsc(col.name) +
      '"><span class="block-selectable">' +
      amoBoardEsc(col.name) +
      '</span></div><div class="pipeline_status__head_info js-fixed-header-stats">' +
      amoRenderBoardHeadInfo(col) +
      '</div><span class="pipeline_status__head_line" style="background: ' +
      amoBoardEsc(col.color) +
      '; color: ' +
      amoBoardEsc(col.color) +
      ';"></span></div></div></div><div id="pipeline_items__list_' +
      col.id +
      '" class="pipeline_items__list js-pipeline-row" data-id="' +
      col.id +
      '">';
    const shown = Math.min(col.leads.length, board.packSize);
    for (let j = 0; j < shown; j++) out += amoRenderBoardCard(col.leads[j]);
    out += '</div></div>';
  }
  out +=
    '</div></div></div>' +
    '<div id="leads_pipeline_load_more" class="leads-pipeline__autoload-load-more" style="display:none">Загрузка…</div>' +
    '<div class="list__footer footer__pipeline"><div class="pipeline_manage" id="pipeline_manage">' +
    '<div id="status_id_143" class="pipeline_manage__item pipeline_manage__item_lost js-pipeline-droppable" data-status-id="143"><span class="pipeline_manage__item_text">Закрыто и не реализовано</span></div>' +
    '<div id="status_id_142" class="pipeline_manage__item pipeline_manage__item_won js-pipeline-droppable" data-status-id="142"><span class="pipeline_manage__item_text">Успешно реализовано</span></div>' +
    '</div></div></div>';
  return out;
}

export function amoListHeadCell(template: string, code: string, title: string): string {
  return (
    '<div class="list-row__cell js-hs-prevent js-resizable-cell list-row__cell-head cell-head js-cell-head list-row__cell-template-' +
    template +
    ' list-row__cell-' +
    code +
    '" data-field-template="' +
    template +
    '" data-field-code="' +
    code +
    '"><div class="cell-head__inner"><div class="cell-head__inner-content"><span class="cell-head__title">' +
    title +
    '</span></div></div></div>'
  );
}

export function amoRenderList(board: AmoBoardVM): string {
  let out =
    '<div id="list_page_holder" class="list__body-right list">' +
    '<div class="list__top__actions pipeline__top">' +
    '<div class="list-top-nav__text-button list-top-nav__text-button_active pipeline__top-title">СДЕЛКИ</div>' +
    '<div class="pipeline__top-views"><a class="pipeline__view js-navigate-link" href="/leads/pipeline/' +
    board.pipelineId +
    '/">Воронка</a><a class="pipeline__view pipeline__view_active" href="/leads/list/">Список</a></div>' +
    '<div class="list-top-search"><input type="text" class="list-top-search__input" placeholder="Поиск и фильтр"></div>' +
    '<div class="pipeline__top-total">' +
    amoBoardEsc(board.totalText) +
    '</div></div>' +
    // The head row as amoCRM's list template renders it (`#list_head`, `cell-head` cells; docs/board.md).
    '<div class="js-scroll-container list__table" id="list_table">' +
    '<div class="list_head list-row list-row-head js-list-row js-list-row-head list-row_head" id="list_head">' +
    '<div class="list-row__cell js-hs-prevent list-row__cell-head cell-head list-row__cell-template-id list-row__cell-id"><div class="cell-head__inner"></div></div>' +
    amoListHeadCell('name', 'name', 'Название') +
    amoListHeadCell('text', 'main_contact', 'Основной контакт') +
    amoListHeadCell('status', 'status', 'Этап') +
    amoListHeadCell('price', 'budget', 'Бюджет') +
    amoListHeadCell('text', 'responsible', 'Ответственный') +
    '</div>';
  for (let i = 0; i < board.columns.length; i++) {
    const col = board.columns[i];
    for (let j = 0; j < col.leads.length; j++) {
      const l = col.leads[j];
      out +=
        '<div data-id="' +
        l.id +
        '" class="list-row js-list-row js-pager-list-item__1 js-item-id-' +
        l.id +
        '" id="list_item_' +
        l.id +
        '"><div class="list-row__cell list-row__cell-id"><input type="checkbox" value="' +
        l.id +
        '"></div><div class="list-row__cell js-list-row__cell list-row__cell-template-name list-row__cell-name"><a class="list-row__name js-navigate-link" href="/leads/detail/' +
        l.id +
        '">' +
        amoBoardEsc(l.name) +
        '</a></div><div class="list-row__cell list-row__cell-main_contact">' +
        amoBoardEsc(l.contactName) +
        '</div><div class="list-row__cell list-row__cell-status">' +
        amoBoardEsc(l.statusName) +
        '</div><div class="list-row__cell list-row__cell-budget">' +
        amoBoardEsc(l.priceText) +
        '</div><div class="list-row__cell list-row__cell-responsible">' +
        amoBoardEsc(l.responsible) +
        '</div></div>';
    }
  }
  return out + '</div></div>';
}

/**
 * The board's behaviour, run in the page after each render: packs of cards appended as the board
 * scrolls near its end (after a short «request»), and mouse drag-and-drop between columns that
 * saves the new status (`POST /ajax/leads/status/`: the fake's own endpoint, not amoCRM's) and
 * updates the page data, the column heads and the card view.
 */
export function amoBoardBehaviour(
  root: HTMLElement,
  board: AmoBoardVM,
  cards: Record<string, { statusId: number; statusName: string }>,
  delayMs: number,
): void {
  const scroller = root.querySelector('.pipeline-scroller') as HTMLElement | null;
  const more = root.querySelector('#leads_pipeline_load_more') as HTMLElement | null;
  if (!scroller) return;
  const shownOf = (col: AmoBoardColumnVM) => {
    const list = root.querySelector('#pipeline_items__list_' + col.id);
    return list ? list.querySelectorAll('.pipeline_leads__item').length : 0;
  };
  let loading = false;
  const loadMore = () => {
    if (loading) return;
    const pending = board.columns.filter((c) => shownOf(c) < c.leads.length);
    if (!pending.length || scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 200) return;
    loading = true;
    if (more) more.style.display = 'block';
    setTimeout(() => {
      for (const col of pending) {
        const list = root.querySelector('#pipeline_items__list_' + col.id);
        if (!list) continue;
        const from = shownOf(col);
        let html = '';
        for (let j = from; j < Math.min(col.leads.length, from + board.packSize); j++) html += amoRenderBoardCard(col.leads[j]);
        list.insertAdjacentHTML('beforeend', html);
      }
      if (more) more.style.display = 'none';
      loading = false;
      loadMore();
    }, delayMs);
  };
  scroller.addEventListener('scroll', loadMore, { passive: true });

  let drag: {
    item: HTMLElement;
    helper: HTMLElement | null;
    placeholder: HTMLElement;
    x: number;
    y: number;
    dx: number;
    dy: number;
  } | null = null;
  const listAt = (x: number, y: number): HTMLElement | null => {
    const el = document.elementFromPoint(x, y);
    const column = el && el.closest ? el.closest('.pipeline_status') : null;
    return column ? (column.querySelector('.pipeline_items__list') as HTMLElement | null) : null;
  };
  const follow = (e: MouseEvent) => {
    if (!drag) return;
    if (!drag.helper) {
      if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) < 5) return;
      const rect = drag.item.getBoundingClientRect();
      const helper = drag.item.cloneNode(true) as HTMLElement;
      helper.removeAttribute('id');
      helper.classList.add('ui-sortable-helper');
      helper.style.cssText =
        'position:fixed;pointer-events:none;z-index:999;opacity:.7;width:' +
        rect.width +
        'px;left:' +
        rect.left +
        'px;top:' +
        rect.top +
        'px';
      document.body.appendChild(helper);
      drag.helper = helper;
      drag.dx = drag.x - rect.left;
      drag.dy = drag.y - rect.top;
      drag.item.style.opacity = '0.2';
    }
    drag.helper.style.left = e.clientX - drag.dx + 'px';
    drag.helper.style.top = e.clientY - drag.dy + 'px';
    const list = listAt(e.clientX, e.clientY);
    if (list && drag.placeholder.parentElement !== list) list.insertBefore(drag.placeholder, list.firstChild);
  };
  const drop = (e: MouseEvent) => {
    if (!drag) return;
    const d = drag;
    drag = null;
    document.removeEventListener('mousemove', follow, true);
    document.removeEventListener('mouseup', drop, true);
    if (!d.helper) return;
    d.helper.remove();
    d.item.style.opacity = '';
    const target = listAt(e.clientX, e.clientY) || (d.placeholder.parentElement as HTMLElement | null);
    const source = d.item.parentElement as HTMLElement;
    d.placeholder.remove();
    if (!target || target === source) return;
    const id = Number(d.item.getAttribute('data-id'));
    const from = board.columns.filter((c) => String(c.id) === source.getAttribute('data-id'))[0];
    const to = board.columns.filter((c) => String(c.id) === target.getAttribute('data-id'))[0];
    if (!from || !to) return;
    target.insertBefore(d.item, target.firstChild);
    const lead = from.leads.filter((l) => l.id === id)[0];
    from.leads = from.leads.filter((l) => l.id !== id);
    if (lead) {
      lead.statusName = to.name;
      to.leads.unshift(lead);
      const price = Number(lead.priceText.replace(/\D/g, '')) || 0;
      from.sum -= price;
      to.sum += price;
    }
    const card = cards[String(id)];
    if (card) {
      card.statusId = to.id;
      card.statusName = to.name;
    }
    for (const c of [from, to]) {
      const info = root.querySelector('#status_id_' + c.id + ' .pipeline_status__head_info');
      if (info) info.innerHTML = amoRenderBoardHeadInfo(c);
    }
    void fetch('/ajax/leads/status/', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: id, status_id: to.id }),
    });
  };
  root.addEventListener('mousedown', (e: MouseEvent) => {
    const target = e.target as HTMLElement;
    const item =
      target && target.closest ? (target.closest('.pipeline_items__list .js-pipeline-sortable') as HTMLElement | null) : null;
    if (!item || e.button !== 0) return;
    e.preventDefault();
    const placeholder = document.createElement('div');
    placeholder.className = 'pipeline-item-placeholder pipeline_leads__item_placeholder';
    drag = { item, helper: null, placeholder, x: e.clientX, y: e.clientY, dx: 0, dy: 0 };
    document.addEventListener('mousemove', follow, true);
    document.addEventListener('mouseup', drop, true);
  });
  // A click on the title opens the card unless the mouse moved (a drag).
  root.addEventListener(
    'click',
    (e: MouseEvent) => {
      const t = e.target as HTMLElement;
      const a = t && t.closest ? t.closest('.pipeline_items__list a') : null;
      if (a && a.closest('.pipeline_leads__item') && (a.closest('.pipeline_leads__item') as HTMLElement).style.opacity)
        e.preventDefault();
    },
    true,
  );
}
