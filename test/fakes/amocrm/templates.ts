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
  kind: 'call_in' | 'call_out' | 'common' | 'status' | 'created';
  id: string;
  dateText: string;
  author: string;
  text: string;
  link: string;
  durationText: string;
  phone: string;
}

export interface AmoCardVM {
  id: number;
  name: string;
  pipelineId: number;
  pipelineName: string;
  statusId: number;
  statusName: string;
  statusColor: string;
  statuses: Array<{ id: number; name: string; color: string }>;
  responsible: string;
  priceText: string;
  createdText: string;
  fields: AmoFieldVM[];
  contact: { id: number; name: string; phone: string; email: string } | null;
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
    value =
      '<div class="control--select linked-form__select">' +
      '<input type="hidden" class="control--select--input" name="CFV[' +
      f.id +
      ']" value="' +
      amoEsc(f.inputValue) +
      '">' +
      '<button type="button" class="control--select--button"><span class="control--select--button-inner">' +
      amoEsc(f.text || 'Выбрать') +
      '</span></button>' +
      '<ul class="custom-scroll control--select--list">';
    for (let i = 0; i < f.options.length; i++) {
      const o = f.options[i];
      value +=
        '<li data-value="' +
        o.id +
        '" class="control--select--list--item' +
        (String(o.id) === f.inputValue ? ' control--select--list--item-selected' : '') +
        '">' +
        '<span class="control--select--list--item-inner" title="' +
        amoEsc(o.value) +
        '">' +
        amoEsc(o.value) +
        '</span></li>';
    }
    value += '</ul></div>';
  } else if (f.type === 'date') {
    value =
      '<input type="text" class="linked-form__cf date_field js-control-date" name="CFV[' +
      f.id +
      ']" value="' +
      amoEsc(f.inputValue) +
      '" placeholder="..." autocomplete="off">';
  } else {
    value =
      '<input type="text" class="linked-form__cf text-input" name="CFV[' +
      f.id +
      ']" value="' +
      amoEsc(f.inputValue) +
      '" placeholder="..." autocomplete="off">';
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
    '<div class="linked-form__field__value">' +
    value +
    '</div></div>'
  );
}

export function amoRenderFeedItem(n: AmoFeedItemVM): string {
  let body: string;
  if (n.kind === 'call_in' || n.kind === 'call_out') {
    body =
      '<div class="feed-note__call">' +
      '<div class="feed-note__call-title">' +
      (n.kind === 'call_in' ? 'Входящий звонок' : 'Исходящий звонок') +
      ' <span class="feed-note__call-phone">' +
      amoEsc(n.phone) +
      '</span></div>' +
      '<div class="feed-note__call-result">' +
      amoEsc(n.text) +
      '</div>' +
      (n.link
        ? '<div class="feed-note__call-player"><span class="feed-note__call-play">▶</span>' +
          '<a class="feed-note__call-record" href="' +
          amoEsc(n.link) +
          '" target="_blank" rel="noopener">Запись разговора</a>' +
          '<span class="feed-note__call-duration">' +
          amoEsc(n.durationText) +
          '</span></div>'
        : '<div class="feed-note__call-norecord">Запись отсутствует</div>') +
      '</div>';
  } else if (n.kind === 'status' || n.kind === 'created') {
    body = '<div class="feed-note__system">' + amoEsc(n.text) + '</div>';
  } else {
    body = '<div class="feed-note__text">' + amoEsc(n.text) + '</div>';
  }
  return (
    '<div class="feed-note-wrapper feed-note-wrapper-' +
    n.kind +
    '" data-id="' +
    amoEsc(n.id) +
    '" data-note-type="' +
    n.kind +
    '">' +
    '<div class="feed-note' +
    (n.kind === 'status' || n.kind === 'created' ? ' feed-note-system' : '') +
    '">' +
    '<div class="feed-note__header"><span class="feed-note__date">' +
    amoEsc(n.dateText) +
    '</span>' +
    '<span class="feed-note__author">' +
    amoEsc(n.author) +
    '</span></div>' +
    '<div class="feed-note__body">' +
    body +
    '</div></div></div>'
  );
}

export function amoRenderCard(card: AmoCardVM): string {
  let stages = '';
  for (let i = 0; i < card.statuses.length; i++) {
    const s = card.statuses[i];
    stages +=
      '<li class="pipeline-select__item' +
      (s.id === card.statusId ? ' pipeline-select__item_selected' : '') +
      '" data-value="' +
      s.id +
      '">' +
      '<span class="pipeline-select__item-color" style="background:' +
      amoEsc(s.color) +
      '"></span>' +
      amoEsc(s.name) +
      '</li>';
  }
  let fields = '';
  for (let i = 0; i < card.fields.length; i++) fields += amoRenderField(card.fields[i]);
  let contact = '';
  if (card.contact) {
    contact =
      '<div class="linked-forms__group-wrapper linked-forms__group-wrapper_contacts">' +
      '<div class="linked-forms__item" data-id="' +
      card.contact.id +
      '">' +
      '<div class="linked-form__field linked-form__field-name"><div class="linked-form__field__label" title="Контакт"><span>Контакт</span></div>' +
      '<div class="linked-form__field__value"><a class="js-linked-name-view" href="/contacts/detail/' +
      card.contact.id +
      '">' +
      amoEsc(card.contact.name) +
      '</a></div></div>' +
      '<div class="linked-form__field linked-form__field-pei"><div class="linked-form__field__label" title="Раб. тел."><span>Раб. тел.</span></div>' +
      '<div class="linked-form__field__value"><input type="text" class="linked-form__cf js-control-phone" value="' +
      amoEsc(card.contact.phone) +
      '"></div></div>' +
      '<div class="linked-form__field linked-form__field-pei"><div class="linked-form__field__label" title="Email"><span>Email</span></div>' +
      '<div class="linked-form__field__value"><input type="text" class="linked-form__cf" value="' +
      amoEsc(card.contact.email) +
      '" placeholder="..."></div></div>' +
      '</div></div>';
  }
  let feed = '';
  for (let i = 0; i < card.feed.length; i++) feed += amoRenderFeedItem(card.feed[i]);
  return (
    '<div id="card_holder" class="card-holder js-card-holder" data-id="' +
    card.id +
    '" data-entity="leads">' +
    '<div class="card-entity-form card-holder__fields js-card-fields">' +
    '<div class="card-fields__top">' +
    '<div class="card-fields__top-back"><a class="card-fields__top-back-link js-back-button" href="' +
    amoEsc(card.boardHref) +
    '" title="Назад к сделкам">← Сделки</a>' +
    '<span class="card-fields__top-id">#' +
    card.id +
    '</span></div>' +
    '<div class="card-fields__top-name"><span class="card-name__name js-card-name" title="' +
    amoEsc(card.name) +
    '">' +
    amoEsc(card.name) +
    '</span></div>' +
    '<div class="card-fields__top-tags"><span class="card-fields__add-tag">#ТЕГИ</span></div>' +
    '<div id="card_status_view_mode" class="pipeline-select-view card-status-view" data-pipeline-id="' +
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
    '<div class="pipeline-select-view__colors" style="background:' +
    amoEsc(card.statusColor) +
    '"></div>' +
    '<ul class="pipeline-select pipeline-select_hidden">' +
    stages +
    '</ul>' +
    '</div></div>' +
    '<div class="card-tabs"><span class="card-tabs__item card-tabs__item_selected">Основное</span><span class="card-tabs__item">Статистика</span><span class="card-tabs__item">Покупки</span><span class="card-tabs__item">Настроить</span></div>' +
    '<div class="linked-forms card-fields__fields-block">' +
    '<div class="linked-form__field linked-form__field_reassign"><div class="linked-form__field__label" title="Отв-ный"><span>Отв-ный</span></div>' +
    '<div class="linked-form__field__value">' +
    amoEsc(card.responsible) +
    '</div></div>' +
    '<div class="linked-form__field linked-form__field_budget"><div class="linked-form__field__label" title="Бюджет"><span>Бюджет</span></div>' +
    '<div class="linked-form__field__value"><input type="text" class="linked-form__cf" name="lead[PRICE]" value="' +
    amoEsc(card.priceText) +
    '"></div></div>' +
    fields +
    '</div>' +
    contact +
    '</div>' +
    '<div class="card-holder__feed notes-wrapper js-card-feed">' +
    '<div class="notes-wrapper__top"><span class="notes-wrapper__title">Создана: ' +
    amoEsc(card.createdText) +
    '</span></div>' +
    '<div class="notes-wrapper__notes js-notes">' +
    feed +
    '</div>' +
    '<div class="feed-compose"><div class="feed-compose__switcher">Примечание ▾</div>' +
    '<div class="feed-compose__message" contenteditable="true" data-placeholder="Введите текст"></div></div>' +
    '</div>' +
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
