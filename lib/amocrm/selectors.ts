// Every DOM selector the overlay relies on, each with the fixtures it must match
// (test/unit/amocrm/selectors.test.ts renders the fake's card for each and checks them).
// Class names follow the live amoCRM card (docs/sites.md); keys are labels and `CFV[id]`, never positions.

/** Fixtures are the fake's seeded deals by story letter: `card:a` = the card of story a. */
export type Fixture = `card:${'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j'}`;

export interface SelectorSpec {
  css: string;
  /** Fixtures where at least one element must match. */
  matches: Fixture[];
}

const ALL: Fixture[] = ['card:a', 'card:b', 'card:c', 'card:d', 'card:e', 'card:f', 'card:g', 'card:h', 'card:i', 'card:j'];
const WITH_CALLS: Fixture[] = ['card:c', 'card:d', 'card:e', 'card:f', 'card:g', 'card:h', 'card:i', 'card:j'];

export const S = {
  /** The card root; `data-id` is the lead id. */
  cardHolder: { css: '#card_holder', matches: ALL },
  /** Where the overlay goes: top of the right widget column. */
  widgetColumn: { css: '#widgets_block .card-widgets__elements', matches: ALL },
  dealName: { css: '.card-name__name', matches: ALL },
  /** `data-status-id`, `data-pipeline-id`. */
  statusView: { css: '#card_status_view_mode', matches: ALL },
  statusLabel: { css: '#card_status_view_mode .pipeline-select-view__status span', matches: ALL },
  /** The pipeline's statuses in board order (`data-value` = status id). */
  statusOptions: { css: '#card_status_view_mode .pipeline-select__item[data-value]', matches: ALL },
  responsible: { css: '.linked-form__field_reassign .linked-form__field__value', matches: ALL },
  price: { css: 'input[name="lead[PRICE]"]', matches: ALL },
  /** One custom field row; its label and its value box. */
  fieldRow: { css: '.linked-form__field', matches: ALL },
  fieldLabel: { css: '.linked-form__field__label[title]', matches: ALL },
  fieldValue: { css: '.linked-form__field__value', matches: ALL },
  /** Inputs of custom fields (`CFV[{fieldId}]`). */
  fieldInput: { css: 'input[name^="CFV["]', matches: ALL },
  selectedOption: { css: '.control--select--list--item-selected .control--select--list--item-inner', matches: ALL },
  contactName: { css: '.linked-forms__group-wrapper_contacts .js-linked-name-view', matches: ALL },
  callNote: { css: '.js-notes .feed-note-wrapper[data-note-type^="call_"]', matches: WITH_CALLS },
  callRecord: { css: '.js-notes .feed-note__call-record[href]', matches: WITH_CALLS },
  noteDate: { css: '.feed-note__date', matches: ALL },
  commonNoteText: { css: '.js-notes .feed-note-wrapper[data-note-type="common"] .feed-note__text', matches: [] },
} satisfies Record<string, SelectorSpec>;

export type SelectorName = keyof typeof S;
