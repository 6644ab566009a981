// The sidebar's strings (Russian first, English second).
import type { Messages } from '@/lib/i18n/translate';

export type SidebarKey =
  | 'brand'
  | 'collapse'
  | 'expand'
  | 'panelLabel'
  | 'loading'
  | 'invalidated'
  | 'failed'
  | 'dayOf'
  | 'noPeriod'
  | 'openDeal'
  | 'postTitle'
  | 'postDone'
  | 'postNotYet'
  | 'postDue'
  | 'postOverdue'
  | 'markPost'
  | 'noPostRule'
  | 'storiesTitle'
  | 'storiesLast'
  | 'storiesNone'
  | 'storiesNext'
  | 'storiesOverdue'
  | 'storiesLive'
  | 'markStories'
  | 'planTitle'
  | 'planEmpty'
  | 'planOpen'
  | 'planUnavailable'
  | 'planFormat_post'
  | 'planFormat_carousel'
  | 'planFormat_reels'
  | 'planState_drafting'
  | 'planState_sent'
  | 'planState_corrections'
  | 'planState_agreed'
  | 'planNo'
  | 'roundsTitle'
  | 'slotUpcoming'
  | 'slotDue'
  | 'slotOverdue'
  | 'slotDone'
  | 'tickSlot'
  | 'noRounds'
  | 'limited'
  | 'limitedUntil'
  | 'igError'
  | 'checking'
  | 'domPosts'
  | 'domBlind'
  | 'unknownTitle'
  | 'unknownText'
  | 'linkPick'
  | 'linkButton'
  | 'linkNone'
  | 'linkSearch'
  | 'alreadyLinked'
  | 'roundAllTitle'
  | 'roundAt'
  | 'roundLeft'
  | 'roundAllDone'
  | 'roundNone'
  | 'roundNoInstagram'
  | 'roundOpen'
  | 'today'
  | 'yesterday'
  | 'yesterdayShort'
  | 'postPageRecorded'
  | 'postPageNotClient'
  | 'postPageUnreadable'
  | 'postPart_article'
  | 'postPart_time'
  | 'postPart_author';

export const messages: Messages<SidebarKey> = {
  ru: {
    brand: 'Регламент',
    collapse: 'Свернуть панель Регламента',
    expand: 'Открыть панель Регламента',
    panelLabel: 'Регламент: клиент и задачи',
    loading: 'Загрузка…',
    invalidated: 'Расширение обновлено — перезагрузите страницу.',
    failed: 'Не удалось получить данные: {message}',
    dayOf: 'день {day} из {length}',
    noPeriod: 'Период обслуживания не начат',
    openDeal: 'Сделка в amoCRM',
    postTitle: 'Пост сегодня',
    postDone: 'Опубликован в {time}',
    postNotYet: 'Ещё не опубликован',
    postDue: 'до {time}',
    postOverdue: 'просрочен',
    markPost: 'Пост опубликован',
    noPostRule: 'Ежедневный пост не требуется',
    storiesTitle: 'Stories',
    storiesLast: 'Последние: {when}',
    storiesNone: 'Stories ещё не было',
    storiesNext: 'Следующие до {when}',
    storiesOverdue: 'Просрочены на {duration}',
    storiesLive: 'На странице есть актуальные Stories',
    markStories: 'Stories опубликованы',
    planTitle: 'Контент-план на сегодня',
    planEmpty: 'На сегодня в плане ничего нет',
    planOpen: 'Открыть контент-план',
    planUnavailable: 'План недоступен',
    planFormat_post: 'Пост',
    planFormat_carousel: 'Карусель',
    planFormat_reels: 'Reels',
    planState_drafting: 'черновик',
    planState_sent: 'отправлен клиенту',
    planState_corrections: 'правки',
    planState_agreed: 'согласован',
    planNo: 'план {no}',
    roundsTitle: 'Комментарии и Direct',
    slotUpcoming: 'в {time}',
    slotDue: 'пора проверить',
    slotOverdue: 'просрочено',
    slotDone: 'проверено в {time}',
    tickSlot: 'Отметить проверку в {time}',
    noRounds: 'Сегодня проверок нет',
    limited: 'Instagram ограничивает запросы — отметьте вручную',
    limitedUntil: 'Повторим не раньше {time}',
    igError: 'Не удалось прочитать профиль — отметьте вручную',
    checking: 'Проверяем профиль…',
    domPosts: 'В сетке {count}',
    domBlind: 'На странице тоже не видно публикаций.',
    unknownTitle: 'Аккаунт не привязан',
    unknownText: '@{username} нет в сделках amoCRM. Выберите клиента, чтобы привязать аккаунт.',
    linkPick: 'Клиент',
    linkButton: 'Привязать @{username}',
    linkNone: 'Клиентов пока нет: откройте сделки в amoCRM.',
    linkSearch: 'Найти клиента',
    alreadyLinked: 'сейчас @{username}',
    roundAllTitle: 'Комментарии и Direct',
    roundAt: 'Раунд {time}',
    roundLeft: 'Осталось {left} из {total}',
    roundAllDone: 'Все аккаунты проверены',
    roundNone: 'Сегодня проверять нечего',
    roundNoInstagram: 'Instagram не указан',
    roundOpen: 'Открыть @{username}',
    today: 'сегодня в {time}',
    yesterday: 'вчера в {time}',
    yesterdayShort: 'вчера',
    postPageRecorded: 'Пост @{username} записан: {time}',
    postPageNotClient: '@{username} — не клиент',
    postPageUnreadable: 'Пост не прочитан, нет: {missing}',
    postPart_article: 'публикации',
    postPart_time: 'времени',
    postPart_author: 'автора',
  },
  en: {
    brand: 'Reglament',
    collapse: 'Collapse the Reglament panel',
    expand: 'Open the Reglament panel',
    panelLabel: 'Reglament: client and tasks',
    loading: 'Loading…',
    invalidated: 'The extension was updated — reload the page.',
    failed: 'Could not load: {message}',
    dayOf: 'day {day} of {length}',
    noPeriod: 'Service period not started',
    openDeal: 'Deal in amoCRM',
    postTitle: 'Today’s post',
    postDone: 'Published at {time}',
    postNotYet: 'Not published yet',
    postDue: 'by {time}',
    postOverdue: 'overdue',
    markPost: 'Post published',
    noPostRule: 'No daily post required',
    storiesTitle: 'Stories',
    storiesLast: 'Last: {when}',
    storiesNone: 'No Stories yet',
    storiesNext: 'Next by {when}',
    storiesOverdue: 'Overdue by {duration}',
    storiesLive: 'The profile has live Stories',
    markStories: 'Stories published',
    planTitle: 'Today’s content plan',
    planEmpty: 'Nothing planned for today',
    planOpen: 'Open the content plan',
    planUnavailable: 'Plan unavailable',
    planFormat_post: 'Post',
    planFormat_carousel: 'Carousel',
    planFormat_reels: 'Reels',
    planState_drafting: 'draft',
    planState_sent: 'sent to client',
    planState_corrections: 'corrections',
    planState_agreed: 'agreed',
    planNo: 'plan {no}',
    roundsTitle: 'Comments and Direct',
    slotUpcoming: 'at {time}',
    slotDue: 'check now',
    slotOverdue: 'overdue',
    slotDone: 'checked at {time}',
    tickSlot: 'Mark the {time} check',
    noRounds: 'No checks today',
    limited: 'Instagram is limiting requests — mark by hand',
    limitedUntil: 'Next try after {time}',
    igError: 'Could not read the profile — mark by hand',
    checking: 'Checking the profile…',
    domPosts: '{count} on the grid',
    domBlind: 'No posts can be seen on the page either.',
    unknownTitle: 'Account not linked',
    unknownText: '@{username} is not in any amoCRM deal. Pick a client to link it.',
    linkPick: 'Client',
    linkButton: 'Link @{username}',
    linkNone: 'No clients yet: open the deals in amoCRM.',
    linkSearch: 'Find a client',
    alreadyLinked: 'now @{username}',
    roundAllTitle: 'Comments and Direct check',
    roundAt: '{time} round',
    roundLeft: '{left} of {total} left',
    roundAllDone: 'All accounts checked',
    roundNone: 'Nothing to check today',
    roundNoInstagram: 'No Instagram set',
    roundOpen: 'Open @{username}',
    today: 'today at {time}',
    yesterday: 'yesterday at {time}',
    yesterdayShort: 'yest.',
    postPageRecorded: 'Post by @{username} recorded: {time}',
    postPageNotClient: '@{username} is not a client',
    postPageUnreadable: 'Post not read, missing: {missing}',
    postPart_article: 'post',
    postPart_time: 'time',
    postPart_author: 'author',
  },
};
