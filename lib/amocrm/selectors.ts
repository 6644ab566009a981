// Every DOM selector the overlay relies on, each with the fixtures it must match
// (test/unit/amocrm/selectors.test.ts renders the fake's card for each and checks them).
// Class names follow the live amoCRM card (docs/sites.md); keys are labels and `CFV[id]`, never positions.

/** Fixtures are the fake's seeded deals by story letter: `card:a` = the card of story a. */
export type Fixture = `card:${'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j'}`;

const ALL: Fixture[] = ['card:a', 'card:b', 'card:c', 'card:d', 'card:e', 'card:f', 'card:g', 'card:h', 'card:i', 'card:j'];
const WITH_CALLS: Fixture[] = ['card:c', 'card:d', 'card:e', 'card:f', 'card:g', 'card:h', 'card:i', 'card:j'];

export const S = {
  /** The card root; `data-id` is the lead id. */
  cardHolder: '#card_holder',
  /** Where the overlay goes: top of the right widget column. */
  widgetColumn: '#widgets_block .card-widgets__elements',
  dealName: '.card-name__name',
  /** `data-status-id`, `data-pipeline-id`. */
  statusView: '#card_status_view_mode',
  statusLabel: '#card_status_view_mode .pipeline-select-view__status span',
  /** The pipeline's statuses in board order (`data-value` = status id). */
  statusOptions: '#card_status_view_mode .pipeline-select__item[data-value]',
  responsible: '.linked-form__field_reassign .linked-form__field__value',
  price: 'input[name="lead[PRICE]"]',
  /** One custom field row; its label and its value box. */
  fieldRow: '.linked-form__field',
  fieldLabel: '.linked-form__field__label[title]',
  fieldValue: '.linked-form__field__value',
  /** Inputs of custom fields (`CFV[{fieldId}]`). */
  fieldInput: 'input[name^="CFV["]',
  selectedOption: '.control--select--list--item-selected .control--select--list--item-inner',
  contactName: '.linked-forms__group-wrapper_contacts .js-linked-name-view',
  callNote: '.js-notes .feed-note-wrapper[data-note-type^="call_"]',
  callRecord: '.js-notes .feed-note__call-record[href]',
  noteDate: '.feed-note__date',
} as const;

export type SelectorName = keyof typeof S;

/** Fixtures where each selector must match at least one element (the bundle drops this table). */
export const SELECTOR_FIXTURES: Record<SelectorName, Fixture[]> = {
  cardHolder: ALL,
  widgetColumn: ALL,
  dealName: ALL,
  statusView: ALL,
  statusLabel: ALL,
  statusOptions: ALL,
  responsible: ALL,
  price: ALL,
  fieldRow: ALL,
  fieldLabel: ALL,
  fieldValue: ALL,
  fieldInput: ALL,
  selectedOption: ALL,
  contactName: ALL,
  callNote: WITH_CALLS,
  callRecord: WITH_CALLS,
  noteDate: ALL,
};
