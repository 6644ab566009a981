import type { Messages } from '@/lib/i18n/translate';

export type PopupKey =
  | 'title'
  | 'overdue'
  | 'today'
  | 'tomorrow'
  | 'missed'
  | 'missed.hint'
  | 'overdueFor'
  | 'dueAt'
  | 'dueIn'
  | 'tomorrowAt'
  | 'noDeadline'
  | 'round'
  | 'round.upcoming'
  | 'round.due'
  | 'round.overdue'
  | 'round.done'
  | 'round.progress'
  | 'open'
  | 'open.deal'
  | 'open.instagram'
  | 'markDone'
  | 'allDone'
  | 'allDone.hint'
  | 'firstRun.title'
  | 'firstRun.body'
  | 'firstRun.step1'
  | 'firstRun.step2'
  | 'firstRun.step3'
  | 'firstRun.open'
  | 'dashboard'
  | 'options'
  | 'loading'
  | 'error'
  | 'retry'
  | 'service.management'
  | 'service.complex'
  | 'summary.overdue'
  | 'summary.today'
  | 'summary.clear'
  | 'tickFailed'
  | 'unsent'
  | 'unsentWhy'
  | 'unsentOff'
  | 'unsentNoTab'
  | 'sendNow'
  | 'dailyPostOf';

export const popupMessages: Messages<PopupKey> = {
  ru: {
    title: 'Сегодня',
    overdue: 'Просрочено',
    today: 'Сегодня',
    tomorrow: 'Завтра',
    missed: 'Пропущено, пока браузер был закрыт',
    'missed.hint': 'Эти сроки прошли, когда Reglament не мог напомнить.',
    overdueFor: 'просрочено на {d}',
    dueAt: 'до {time}',
    dueIn: 'осталось {d}',
    tomorrowAt: 'завтра до {time}',
    noDeadline: 'без срока',
    round: 'Комментарии и Direct',
    'round.upcoming': 'через {d}',
    'round.due': 'до {time}',
    'round.overdue': 'просрочено на {d}',
    'round.done': 'проверено',
    'round.progress': '{done} из {total}',
    open: 'Открыть',
    'open.deal': 'Открыть сделку {name} в amoCRM',
    'open.instagram': 'Открыть Instagram @{name}',
    markDone: 'Выполнено',
    allDone: 'Всё сделано',
    'allDone.hint': 'Просроченных и сегодняшних задач нет. Клиент должен быть всегда доволен!',
    'firstRun.title': 'Пока нет ни одного клиента',
    'firstRun.body': 'Reglament узнаёт клиентов из amoCRM, когда вы открываете их сделки.',
    'firstRun.step1': 'Откройте amoCRM в этом браузере и войдите.',
    'firstRun.step2': 'Откройте карточку сделки клиента — Reglament запомнит её и начнёт считать сроки.',
    'firstRun.step3': 'Сроки всех клиентов появятся здесь.',
    'firstRun.open': 'Настроить связь с amoCRM',
    dashboard: 'Панель',
    options: 'Настройки',
    loading: 'Загрузка…',
    error: 'Не удалось получить задачи: {message}',
    retry: 'Повторить',
    unsent: 'Не отправлено в amoCRM: {count}',
    unsentWhy: 'Не отправлено в amoCRM: {count} — {why}',
    unsentOff: 'Запись в amoCRM выключена в настройках: {count} ждут',
    unsentNoTab: 'Не отправлено в amoCRM: {count} — откройте amoCRM в этом браузере, отметки отправятся оттуда',
    sendNow: 'Отправить сейчас',
    'service.management': 'Ведение',
    'service.complex': 'Комплекс',
    'summary.overdue': 'просрочено: {n}',
    'summary.today': 'на сегодня: {n}',
    'summary.clear': 'всё по плану',
    tickFailed: 'Не удалось отметить: {message}',
    dailyPostOf: 'Пост за {day}',
  },
  en: {
    title: 'Today',
    overdue: 'Overdue',
    today: 'Today',
    tomorrow: 'Tomorrow',
    missed: 'Missed while the browser was closed',
    'missed.hint': 'These deadlines passed while Reglament could not remind you.',
    overdueFor: 'overdue by {d}',
    dueAt: 'by {time}',
    dueIn: '{d} left',
    tomorrowAt: 'tomorrow by {time}',
    noDeadline: 'no deadline',
    round: 'Comments and Direct',
    'round.upcoming': 'in {d}',
    'round.due': 'by {time}',
    'round.overdue': 'overdue by {d}',
    'round.done': 'checked',
    'round.progress': '{done} of {total}',
    open: 'Open',
    'open.deal': 'Open the deal {name} in amoCRM',
    'open.instagram': 'Open Instagram @{name}',
    markDone: 'Done',
    allDone: 'All done',
    'allDone.hint': 'Nothing overdue and nothing due today. The client must always be satisfied!',
    'firstRun.title': 'No clients yet',
    'firstRun.body': 'Reglament learns about clients from amoCRM when you open their deals.',
    'firstRun.step1': 'Open amoCRM in this browser and sign in.',
    'firstRun.step2': "Open a client's deal card — Reglament remembers it and starts counting deadlines.",
    'firstRun.step3': "Every client's deadlines will show up here.",
    'firstRun.open': 'Set up the amoCRM link',
    dashboard: 'Dashboard',
    options: 'Settings',
    loading: 'Loading…',
    error: 'Could not load the agenda: {message}',
    retry: 'Retry',
    unsent: 'Not sent to amoCRM: {count}',
    unsentWhy: 'Not sent to amoCRM: {count} — {why}',
    unsentOff: 'Writing to amoCRM is off in the settings: {count} waiting',
    unsentNoTab: 'Not sent to amoCRM: {count} — open amoCRM in this browser, the ticks will be sent from there',
    sendNow: 'Send now',
    'service.management': 'Management',
    'service.complex': 'Complex',
    'summary.overdue': '{n} overdue',
    'summary.today': '{n} due today',
    'summary.clear': 'all on track',
    tickFailed: 'Could not tick: {message}',
    dailyPostOf: 'Post for {day}',
  },
};
