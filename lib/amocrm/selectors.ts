// Every DOM selector the overlay relies on, each with its public source (docs/sites.md names them
// in full) and the fixtures it must match (test/unit/amocrm/selectors.test.ts checks them all).
// Keys are labels, `CFV[id]` and ids from amoCRM's own templates, never positions.

/**
 * `card:a` … `card:j`: the fake's cards (story letters; `card:e` is in the header layout);
 * `real:*`: saved copies of real amoCRM markup from public code (test/fixtures/amocrm).
 */
export type Fixture =
  | `card:${'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j'}`
  | 'real:contact-form'
  | 'real:status-select'
  | 'real:call-note'
  | 'real:header';

const CLASSIC: Fixture[] = ['card:a', 'card:b', 'card:c', 'card:d', 'card:f', 'card:g', 'card:h', 'card:i', 'card:j'];
const HEADER: Fixture[] = ['card:e', 'real:header'];
const ALL_CARDS: Fixture[] = [...CLASSIC, 'card:e'];
const WITH_CALLS: Fixture[] = ['card:c', 'card:d', 'card:e', 'card:f', 'card:g', 'card:h', 'card:i', 'card:j', 'real:call-note'];

export const S = {
  /** The card root (`#card_holder` in userscripts; `#card_fields` is amoCRM's interface/cards/base). */
  cardHolder: '#card_holder, #card_fields',
  /** Hidden input of every linked form on the card: the id of the card's main entity, the deal. */
  mainId: 'input[name="MAIN_ID"]',
  /** Where the overlay goes: top of the right widget column. */
  widgetColumn: '#widgets_block .card-widgets__elements',
  /** Deal name: `#person_n` (interface/cards/name: a textarea), `#card-header-person_n` (header_name: an input). */
  dealName: '#card-header-person_n, #person_n',
  /** Stage control (interface/cards/leads/controls/status; header: `view_mode_id`): `data-status-id`, `data-pipeline-id`. */
  statusView: '#card-header_status_view_mode, #card_status_view_mode',
  statusLabel: '.pipeline-select-view__status span',
  /** The pipelines' statuses in board order: radio `value` = status id, label `for` = `pipeline_{p}_{s}_…`. */
  statusOption: '.pipeline-select__dropdown__item',
  statusOptionInput: '.pipeline-select__dropdown__item__input',
  statusOptionLabel: '.pipeline-select__dropdown__item__label',
  statusOptionText: '.pipeline-select__item-text',
  responsible: '.linked-form__field_reassign .linked-form__field__value',
  price: 'input[name="lead[PRICE]"]',
  /** One field row; its label and its value box. */
  fieldRow: '.linked-form__field',
  fieldLabel: '.linked-form__field__label[title]',
  fieldValue: '.linked-form__field__value',
  /** Inputs of custom fields (`CFV[{fieldId}]`; a contact's phone is `CFV[id][key][VALUE]`). */
  fieldInput: 'input[name^="CFV["]',
  selectedOption: '.control--select--list--item-selected .control--select--list--item-inner',
  /** The linked contacts/companies: their rows look like the deal's own and are not the deal's. */
  linkedForms: '.js-linked_elements_wrapper, .card-fields__linked-block, .linked-forms__item, form.linked-form',
  /** The contact's name: a read-only input (its `value`; it has no text). */
  contactName: 'input.js-linked-name-view',
  notes: '.js-notes',
  /** A call in the feed; a grouped block of calls carries the class too and holds the calls. */
  callNote: '.feed-note-wrapper-call_in_out',
  /** The recording (interface/notes/types/call_in_out): `href` is the call's `params.link`. */
  callRecord: 'a.feed-note__call-player[href]',
  noteDate: '.feed-note__date',
  /** Day separators of the feed (`data-ts`: Unix seconds). */
  separator: '.feed-note-wrapper-separator',
} as const;

export type SelectorName = keyof typeof S;

/** Fixtures where each selector must match at least one element (the bundle drops this table). */
export const SELECTOR_FIXTURES: Record<SelectorName, Fixture[]> = {
  cardHolder: ALL_CARDS,
  mainId: [...ALL_CARDS, 'real:contact-form'],
  widgetColumn: ALL_CARDS,
  dealName: [...ALL_CARDS, 'real:header'],
  statusView: [...ALL_CARDS, 'real:status-select', 'real:header'],
  statusLabel: [...ALL_CARDS, 'real:status-select'],
  statusOption: [...ALL_CARDS, 'real:status-select'],
  statusOptionInput: [...ALL_CARDS, 'real:status-select'],
  statusOptionLabel: [...ALL_CARDS, 'real:status-select'],
  statusOptionText: [...ALL_CARDS, 'real:status-select'],
  responsible: ALL_CARDS,
  price: ALL_CARDS,
  fieldRow: [...ALL_CARDS, 'real:contact-form'],
  fieldLabel: [...ALL_CARDS, 'real:contact-form'],
  fieldValue: [...ALL_CARDS, 'real:contact-form'],
  fieldInput: [...ALL_CARDS, 'real:contact-form'],
  selectedOption: [...ALL_CARDS, 'real:contact-form'],
  linkedForms: [...ALL_CARDS, 'real:contact-form'],
  contactName: [...ALL_CARDS, 'real:contact-form'],
  notes: ALL_CARDS,
  callNote: WITH_CALLS,
  callRecord: WITH_CALLS,
  noteDate: [...ALL_CARDS, 'real:call-note'],
  separator: ALL_CARDS,
};

export { HEADER as HEADER_FIXTURES };
