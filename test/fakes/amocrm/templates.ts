// Markup of the fake amoCRM pages, as plain string-building functions. The same functions render
// on the server (initial HTML, renderCardHtml) and in the page (they are serialized into the SPA
// script with Function#toString), so they must stay self-contained: no imports, no module
// constants, only calls to each other. View models carry pre-formatted text (dates, money).

export interface AmoFieldVM {
  id: number;
  name: string;
  type: 'select' | 'date' | 'text';
  /** Visible text ('' when empty). */
  text: string;
  /** Value of the `CFV[id]` input: enum id for selects, `DD.MM.YYYY` for dates, text otherwise. */
  inputValue: string;
  options: Array<{ id: number; value: string }>;
}

export interface AmoFeedItemVM {
  /** `call_group`: consecutive calls of one day, shown as one block holding them (`children`). */
  kind: 'call_in' | 'call_out' | 'common' | 'service_message' | 'status' | 'created' | 'separator' | 'call_group';
  /** The feed's `data-id` (opaque: not the note's numeric id). */
  id: string;
  dateText: string;
  author: string;
  text: string;
  link: string;
  durationText: string;
  phone: string;
  /** Separators: the day's start, Unix seconds. */
  ts: number;
  children: AmoFeedItemVM[];
}

export interface AmoPipelineVM {
  id: number;
  name: string;
  statuses: Array<{ id: number; name: string; color: string }>;
}

export interface AmoCardVM {
  id: number;
  name: string;
  /** amoCRM's classic card, or the header layout (`#card-header-person_n`, `#card-header_status_view_mode`). */
  layout: 'classic' | 'header';
  pipelineId: number;
  pipelineName: string;
  statusId: number;
  statusName: string;
  statusColor: string;
  /** Every pipeline of the account: the stage dropdown lists them all. */
  pipelines: AmoPipelineVM[];
  responsible: string;
  priceText: string;
  createdText: string;
  fields: AmoFieldVM[];
  /** Fields whose value is not an input (legal entity, file, linked entity): label and text. */
  oddFields: Array<{ id: number; name: string; type: string; text: string }>;
  contact: { id: number; name: string; phone: string; email: string; instagram: string } | null;
  feed: AmoFeedItemVM[];
  boardHref: string;
}

export interface AmoShellVM {
  accountName: string;
  userName: string;
  userInitials: string;
}

export function amoEsc(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function amoRenderNav(shell: AmoShellVM, active: string): string {
  const items = [
    ['dashboard', '/dashboard/', 'Рабочий стол', '▦'],
    ['leads', '/leads/pipeline/', 'Сделки', '◧'],
    ['todo', '/todo/', 'Задачи', '☑'],
    ['catalogs', '/contacts/list/', 'Списки', '☰'],
    ['mail', '/mail/inbox/', 'Почта', '✉'],
    ['stats', '/stats/', 'Аналитика', '◔'],
    ['settings', '/settings/', 'Настройки', '⚙'],
  ];
  let out =
    '<aside id="nav_menu" class="nav__menu" role="navigation">' +
    '<div class="nav__top"><div class="nav__top__userpic" title="' +
    amoEsc(shell.userName) +
    '">' +
    amoEsc(shell.userInitials) +
    '</div></div>';
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    out +=
      '<div class="nav__menu__item' +
      (it[0] === active ? ' nav__menu__item-selected' : '') +
      '" data-entity="' +
      it[0] +
      '">' +
      '<a class="nav__menu__item__link" href="' +
      it[1] +
      '"><span class="nav__menu__item__icon">' +
      it[3] +
      '</span>' +
      '<span class="nav__menu__item__title">' +
      amoEsc(it[2]) +
      '</span></a></div>';
  }
  out += '</aside>';
  return out;
}

export function amoRenderField(f: AmoFieldVM): string {
  let value: string;
  if (f.type === 'select') {
    value = '<div class="control--select linked-form__select"><ul class="custom-scroll control--select--list">';
    for (let i = 0; i < f.options.length; i++) {
      const o = f.options[i];
      value +=
        '<li data-value="' +
        o.id +
        '" data-color="" class="control--select--list--item' +
        (String(o.id) === f.inputValue ? ' control--select--list--item-selected' : '') +
        '">' +
        '<span class="control--select--list--item-inner" title="' +
        amoEsc(o.value) +
        '"> ' +
        amoEsc(o.value) +
        ' </span></li>';
    }
    value +=
      '</ul><button class="control--select--button" type="button" data-value="' +
      amoEsc(f.inputValue) +
      '"><span class="control--select--button-inner"> ' +
      amoEsc(f.text || '...') +
      ' </span></button>' +
      '<input type="hidden" class="control--select--input " name="CFV[' +
      f.id +
      ']" value="' +
      amoEsc(f.inputValue) +
      '" data-prev-value="' +
      amoEsc(f.inputValue) +
      '"></div>';
  } else if (f.type === 'date') {
    value =
      '<input type="text" class="linked-form__cf date_field js-control-date text-input" name="CFV[' +
      f.id +
      ']" value="' +
      amoEsc(f.inputValue) +
      '" placeholder="..." autocomplete="off">';
  } else {
    value =
      '<input name="CFV[' +
      f.id +
      ']" class="linked-form__cf text-input" type="text" value="' +
      amoEsc(f.inputValue) +
      '" placeholder="..." spellcheck="false" autocomplete="off">';
  }
  return (
    '<div class="linked-form__field linked-form__field-' +
    f.type +
    '" data-id="' +
    f.id +
    '">' +
    '<div class="linked-form__field__label" title="' +
    amoEsc(f.name) +
    '"><span>' +
    amoEsc(f.name) +
    '</span></div>' +
    '<div class="linked-form__field__value ">' +
    value +
    '</div></div>'
  );
}

export function amoRenderStatusControl(card: AmoCardVM, viewId: string): string {
  let dropdown = '';
  for (let p = 0; p < card.pipelines.length; p++) {
    const pipe = card.pipelines[p];
    dropdown +=
      '<div class="pipeline-select" data-id="' +
      pipe.id +
      '"><div class="pipeline-select__caption"><span class="pipeline-select__caption-text">' +
      amoEsc(pipe.name) +
      '</span></div><ul class="pipeline-select__dropdown">';
    for (let i = 0; i < pipe.statuses.length; i++) {
      const st = pipe.statuses[i];
      const ref = 'pipeline_' + pipe.id + '_' + st.id + '_' + viewId;
      dropdown +=
        '<li class="pipeline-select__dropdown__item' +
        (st.id === card.statusId && pipe.id === card.pipelineId ? ' pipeline-select__dropdown__item_selected' : '') +
        '" style="background-color: ' +
        amoEsc(st.color) +
        '"><input class="pipeline-select__dropdown__item__input" type="radio" name="lead[STATUS]" id="' +
        ref +
        '" value="' +
        st.id +
        '"><label class="pipeline-select__dropdown__item__label" for="' +
        ref +
        '"><span class="pipeline-select__item-text-wrapper"><span class="pipeline-select__item-text">' +
        amoEsc(st.name) +
        '</span></span></label></li>';
    }
    dropdown += '</ul></div>';
  }
  return (
    '<div class="pipeline-select-wrapper pipeline-select-wrapper_plain">' +
    '<div class="pipeline-select-view card-cf-lead-status-select">' +
    '<div class="pipeline-select-view__inner" id="' +
    viewId +
    '" data-pipeline-id="' +
    card.pipelineId +
    '" data-status-id="' +
    card.statusId +
    '">' +
    '<div class="pipeline-select-view__pipeline">' +
    amoEsc(card.pipelineName) +
    '</div>' +
    '<div class="pipeline-select-view__status"><span>' +
    amoEsc(card.statusName) +
    '</span></div>' +
    '<div class="pipeline-select-view__icon"></div>' +
    '<div class="pipeline-select-view__colors"><div class="pipeline-select-view__colors-block pipeline-select-view__colors-block_current" style="background:' +
    amoEsc(card.statusColor) +
    '"></div></div>' +
    '</div></div>' +
    '<div class="pipeline-select-wrapper__inner pipeline-select-wrapper__inner_plain"><div class="pipeline-select-wrapper__inner__container">' +
    dropdown +
    '</div></div></div>'
  );
}

export function amoRenderFeedItem(n: AmoFeedItemVM): string {
  if (n.kind === 'separator')
    return (
      '<div class="feed-note-wrapper feed-note-wrapper-separator" data-ts="' +
      n.ts +
      '"><div class="separator__wrapper" data-ts="' +
      n.ts +
      '"><div class="separator__inner"><div class="separator__inner-text">' +
      amoEsc(n.dateText) +
      '</div></div></div></div>'
    );
  if (n.kind === 'call_group') {
    let inner = '';
    for (let i = 0; i < n.children.length; i++) inner += amoRenderFeedItem(n.children[i]);
    return (
      '<div class="feed-note-wrapper feed-note-wrapper-call_in_out feed-note-wrapper-grouped-complex" data-id="' +
      amoEsc(n.id) +
      '"><div class="feed-note feed-note-grouped"><div class="feed-note__header"><div class="feed-note__header-inner-nowrap">' +
      '<div class="js-feed-note__date feed-note__date">' +
      amoEsc(n.dateText) +
      '</div><span class="feed-note__grouped-caption">' +
      amoEsc(n.text) +
      '</span></div></div><div class="feed-note__body-subviews js-grouped-subviews">' +
      inner +
      '</div></div></div>'
    );
  }
  const isCall = n.kind === 'call_in' || n.kind === 'call_out';
  let body: string;
  if (isCall) {
    body =
      '<div class="feed-note__call-content">' +
      (n.kind === 'call_in' ? 'Входящий звонок' : 'Исходящий звонок') +
      '&nbsp;<span class="feed-note__call-duration">' +
      amoEsc(n.durationText) +
      '</span>' +
      (n.link
        ? '<a href="' +
          amoEsc(n.link) +
          '" title="Прослушать" class="feed-note__blue-link feed-note__call-player js-call-play icon--play" data-prepare="' +
          amoEsc(n.link) +
          '"><span class="feed-note__call-play"><span class="feed-note__call-player-text">Прослушать</span></span></a>' +
          '<a href="' +
          amoEsc(n.link) +
          '" class="feed-note__blue-link" title="Скачать" download>Скачать</a>'
        : '<span class="feed-note__call-play feed-note__call-play_disabled"><span class="feed-note__call-player-text">Прослушать</span></span>' +
          '<span class="feed-note__call-download_disabled">Скачать</span>') +
      '</div><div class="feed-note__call-status"><b>' +
      amoEsc(n.text) +
      '</b></div>';
  } else if (n.kind === 'status' || n.kind === 'created' || n.kind === 'service_message') {
    body = '<div class="feed-note__header-inner-wrap">' + amoEsc(n.text) + '</div>';
  } else {
    body = '<div class="feed-note__message"><p class="feed-note__message_paragraph">' + amoEsc(n.text) + '</p></div>';
  }
  const wrapper =
    n.kind === 'status'
      ? 'feed-note-wrapper_system feed-note-wrapper-lead_status_changed'
      : n.kind === 'created'
        ? 'feed-note-wrapper_system feed-note-wrapper-lead_created'
        : n.kind === 'service_message'
          ? 'feed-note-wrapper_system feed-note-wrapper-service_message'
          : isCall
            ? 'feed-note-wrapper-call_in_out'
            : 'feed-note-wrapper-note';
  return (
    '<div class="feed-note-wrapper ' +
    wrapper +
    '" data-id="' +
    amoEsc(n.id) +
    '"><div class="feed-note' +
    (isCall ? ' feed-note-external' : '') +
    '"><div class="feed-note__header"><div class="feed-note__header-inner-nowrap">' +
    '<div class="js-feed-note__date feed-note__date">' +
    amoEsc(n.dateText) +
    '</div>' +
    '<span class="feed-note__amojo-user" title="' +
    amoEsc(n.author) +
    '">' +
    amoEsc(n.author) +
    '</span>' +
    (isCall ? '<span class="feed-note__call-phone">' + amoEsc(n.phone) + '</span>' : '') +
    '</div></div>' +
    '<div class="feed-note__body">' +
    body +
    '</div></div></div>'
  );
}

export function amoRenderCard(card: AmoCardVM): string {
  const header = card.layout === 'header';
  let fields = '';
  for (let i = 0; i < card.fields.length; i++) fields += amoRenderField(card.fields[i]);
  for (let i = 0; i < card.oddFields.length; i++) {
    const f = card.oddFields[i];
    fields +=
      '<div class="linked-form__field linked-form__field-' +
      amoEsc(f.type) +
      '" data-id="' +
      f.id +
      '"><div class="linked-form__field__label" title="' +
      amoEsc(f.name) +
      '"><span>' +
      amoEsc(f.name) +
      '</span></div><div class="linked-form__field__value"><span class="linked-form__field__value-text">' +
      amoEsc(f.text) +
      '</span></div></div>';
  }
  let contact = '';
  if (card.contact) {
    const c = card.contact;
    contact =
      '<div class="card-fields__linked-block-item card-fields__linked-block-item_companies-contacts js-linked_contacts_and_companies js-card-fields__linked-block" data-type_id="1">' +
      '<ul class="linked-forms"><li class="linked-forms__item linked-forms__item-active" data-main-item="true">' +
      '<form action="/ajax/contacts/detail/" autocomplete="off" class="linked-form " id="linked_form_' +
      c.id +
      '" method="post">' +
      '<input type="hidden" name="ID" value="' +
      c.id +
      '"><input type="hidden" name="ELEMENT_TYPE" value="1"><input type="hidden" name="MAIN_ID" value="' +
      card.id +
      '">' +
      '<div class="linked-form__field linked-form__field-name"><div class="linked-form__field__value-name"><div class="linked-form__field__link-wrapper">' +
      '<a data-href="/contacts/detail/' +
      c.id +
      '" tabindex="-1" class="linked-form__field__link linked-form__field__link_name js-linked-name-control">' +
      '<input name="" class="linked-form__cf js-linked-name-view js-form-changes-skip text-input" type="text" value="' +
      amoEsc(c.name) +
      '" placeholder="..." readonly="readonly" autocomplete="off"></a></div></div></div>' +
      '<div class="linked-form__fields">' +
      '<div class="linked-form__field linked-form__field-pei"><div class="linked-form__field__label linked-form__field__label-multiple">' +
      '<div class="control--select linked-form__select "><ul class="custom-scroll control--select--list"><li data-value="386749" class="control--select--list--item control--select--list--item-selected">' +
      '<span class="control--select--list--item-inner" title="Раб. тел."> Раб. тел. </span></li></ul>' +
      '<input type="hidden" class="control--select--input " name="CFV[801693][a1][DESCRIPTION]" value="386749"></div></div>' +
      '<div class="linked-form__field__value"><div class="js-control-phone control-phone">' +
      '<input name="" class="control-phone__formatted js-form-changes-skip linked-form__cf js-linked-pei text-input" type="text" value="' +
      amoEsc(c.phone) +
      '"><input name="CFV[801693][a1][VALUE]" type="hidden" value="' +
      amoEsc(c.phone) +
      '"></div></div></div>' +
      '<div class="linked-form__field linked-form__field-text" data-id="801697"><div class="linked-form__field__label" title="Instagram"><span>Instagram</span></div>' +
      '<div class="linked-form__field__value "><input name="CFV[801697]" class="linked-form__cf text-input" type="text" value="' +
      amoEsc(c.instagram) +
      '" placeholder="..."></div></div>' +
      '<div class="linked-form__field linked-form__field-text" data-id="801691"><div class="linked-form__field__label" title="Должность"><span>Должность</span></div>' +
      '<div class="linked-form__field__value "><input name="CFV[801691]" class="linked-form__cf text-input" type="text" value="Директор" placeholder="..."></div></div>' +
      '</div></form></li></ul></div>';
  }
  let feed = '';
  for (let i = 0; i < card.feed.length; i++) feed += amoRenderFeedItem(card.feed[i]);
  const nameBlock = header
    ? '<input type="text" id="card-header-person_n" class="card-fields__top-name-input js-control-autosized_input js-card-header-name" name="lead[NAME]" value="' +
      amoEsc(card.name) +
      '" disabled>'
    : '<div class="card-fields__top-name"><div class="card-fields__top-name-wrapper"><div class="card-fields__top-name-input-wrapper js-card-name">' +
      '<textarea disabled id="person_n" class="text-input text-input-textarea card-fields__top-name-input js-textarea-autosize" name="lead[NAME]" placeholder="Сделка #' +
      card.id +
      '">' +
      amoEsc(card.name) +
      '</textarea></div></div></div>';
  const top = header
    ? '<div class="inbox-messaging-card-header js-card-header"><button class="js-toggle-fields inbox-messaging-card-header__toggle">☰</button>' +
      '<div class="inbox-messaging-card-header__name-and-tags js-name-and-tags"><div class="card-fields__top"><div class="card-fields__top-name-block">' +
      nameBlock +
      '</div></div><div class="card-fields__tags-scoring-container"><span class="card-fields__add-tag">#ТЕГИ</span></div></div>' +
      '<div class="inbox-messaging-card-header__status linked-form__field linked-form__field_status linked-form__field_status-lead"><div class="linked-form__field__value js-cf-readonly">' +
      amoRenderStatusControl(card, 'card-header_status_view_mode') +
      '</div></div></div>'
    : '';
  const formTop = header
    ? ''
    : '<div class="card-entity-form__top"><div class="card-fields__top-name-block">' +
      nameBlock +
      '<span class="card-fields__top-id">#' +
      card.id +
      '</span></div>' +
      '<div class="linked-form__field linked-form__field_status linked-form__field_status-lead"><div class="linked-form__field__value js-cf-readonly">' +
      amoRenderStatusControl(card, 'card_status_view_mode') +
      '</div></div></div>';
  return (
    '<div id="card_holder" class="card-holder js-card-holder">' +
    top +
    '<div class="js-card-fields card-holder__fields" id="card_fields"><div class="card-holder__container custom-scroll"><div class="card-fields__fields-block">' +
    (header
      ? ''
      : '<a class="js-back-button card-fields__top-back" href="' +
        amoEsc(card.boardHref) +
        '" title="Назад к сделкам">← Сделки</a>') +
    '<form id="edit_card" class="card-entity-form" action="/ajax/leads/detail/"><div class="card-entity-form__fields">' +
    formTop +
    '<div class="card-tabs-wrapper"><div class="card-tabs" id="card_tabs"><span class="card-tabs__item card-tabs__item_selected">Основное</span><span class="card-tabs__item">Статистика</span><span class="card-tabs__item">Покупки</span><span class="card-tabs__item">Настроить</span></div></div>' +
    '<div class="linked-form__fields">' +
    '<div class="linked-form__field linked-form__field_reassign"><div class="linked-form__field__label" title="Отв-ный"><span>Отв-ный</span></div>' +
    '<div class="linked-form__field__value">' +
    amoEsc(card.responsible) +
    '</div></div>' +
    '<div class="linked-form__field linked-form__field_budget"><div class="linked-form__field__label" title="Бюджет"><span>Бюджет</span></div>' +
    '<div class="linked-form__field__value"><input type="text" class="linked-form__cf text-input" name="lead[PRICE]" value="' +
    amoEsc(card.priceText) +
    '"></div></div>' +
    fields +
    '</div></div></form></div>' +
    '<div class="card-fields__linked-block js-linked_elements_wrapper">' +
    contact +
    '</div></div></div>' +
    '<div class="js-card-column-resizer card-holder__column-resizer"></div>' +
    '<div class="js-card-feed card-holder__feed"><div class="notes-wrapper">' +
    '<div class="notes-wrapper__top"><span class="notes-wrapper__title">Создана: ' +
    amoEsc(card.createdText) +
    '</span></div>' +
    '<div class="notes-wrapper__scroller custom-scroll"><div><div class="notes-wrapper__notes js-notes">' +
    feed +
    '</div></div></div>' +
    '<div class="feed-compose"><div class="feed-compose__switcher">Примечание ▾</div>' +
    '<div class="feed-compose__message" contenteditable="true" data-placeholder="Введите текст"></div></div>' +
    '</div></div>' +
    '<div id="widgets_block" class="card-widgets js-widgets-block">' +
    '<div class="card-widgets__header">Виджеты</div>' +
    '<div class="card-widgets__elements">' +
    '<div class="card-widgets__widget card-widgets__widget-telephony" data-code="binotel"><div class="card-widgets__widget__caption">Binotel</div>' +
    '<div class="card-widgets__widget__body">Телефония подключена</div></div>' +
    '</div></div>' +
    '</div>'
  );
}

export function amoRenderPage(shell: AmoShellVM, active: string, content: string): string {
  return amoRenderNav(shell, active) + '<div id="page_holder" class="page-holder">' + content + '</div>';
}
