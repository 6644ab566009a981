// Every DOM selector the board chips rely on, each traced to a public source in docs/board.md
// (amoCRM's own compiled pipeline templates, and widgets/userscripts that read the live board).
// test/unit/amocrm/board-selectors.test.ts checks each against the saved real markup and the fake.

export const B = {
  /** One stage column: `pipeline_status pipeline_cell pipeline_cell-{statusId}`. */
  column: '.pipeline_status.pipeline_cell',
  /** The column's head, `id="status_id_{statusId}"`, `data-id` = status id. */
  columnHead: '.pipeline_status__head[data-id]',
  /** The stage name; `title` holds it in full. */
  columnTitle: '.pipeline_status__head_title[title]',
  /** The head's «N сделок: сумма» line; the overdue summary goes after it. */
  columnInfo: '.pipeline_status__head_info',
  /** The column's card list (`js-pipeline-row`), `data-id` = status id: the drop target of drag-and-drop. */
  itemsList: '.pipeline_items__list[data-id]',
  /** One deal card, `data-id` = lead id. */
  card: '.pipeline_leads__item[data-id]',
  /** The deal name link inside a card (`href` = `/leads/detail/{id}`). */
  cardTitle: '.pipeline_leads__title-text',
  /** The list view's row of one deal (`id="list_item_{id}"`, `data-id` = lead id). */
  listRow: '.list-row[data-id]',
  /** The list row's name cell: the chip goes at its end when the list has no head row to add a column to. */
  listName: '.list-row__cell-name',
  /** The list's head row (`id="list_head"`, class `list-row-head`): Reglament's column head goes at its end. */
  listHead: '.list-row.list-row-head',
} as const;

export type BoardSelector = keyof typeof B;
