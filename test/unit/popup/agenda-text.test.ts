// What the popup says about deadlines, the round, rule titles and the date (components/popup/agenda-text.ts).
import { describe, expect, it } from 'vitest';
import type { Obligation } from '@/lib/model/obligations';
import type { Locale } from '@/lib/i18n/locale';
import { translator } from '@/lib/i18n/translate';
import { popupMessages } from '@/components/popup/strings';
import { dateLineOf, roundStatusOf, titleOf, whenOf, type TextEnv } from '@/components/popup/agenda-text';

const zone = 'Asia/Almaty';
// 2026-11-27 10:00 in Almaty (UTC+5).
const now = Date.UTC(2026, 10, 27, 5, 0);
const min = 60_000;
const env = (locale: Locale = 'ru'): TextEnv => ({ t: translator(popupMessages, locale), locale, zone, now });

describe('when an obligation is due', () => {
  it('no deadline is muted', () => {
    expect(whenOf({ dueAt: null }, 'today', env())).toEqual({ text: 'без срока', tone: 'muted' });
  });

  it('past the deadline: how long, in red, whatever the section', () => {
    expect(whenOf({ dueAt: now - 125 * min }, 'today', env())).toEqual({ text: 'просрочено на 2 ч 5 мин', tone: 'bad' });
    expect(whenOf({ dueAt: now }, 'tomorrow', env('en'))).toEqual({ text: 'overdue by 0 min', tone: 'bad' });
  });

  it('tomorrow shows the time only', () => {
    expect(whenOf({ dueAt: now + 24 * 60 * min }, 'tomorrow', env())).toEqual({ text: 'завтра до 10:00', tone: 'muted' });
  });

  it('today: the time and what is left, amber under an hour', () => {
    expect(whenOf({ dueAt: now + 59 * min }, 'today', env())).toEqual({ text: 'до 10:59 · осталось 59 мин', tone: 'warn' });
    expect(whenOf({ dueAt: now + 60 * min }, 'today', env('en'))).toEqual({ text: 'by 11:00 · 1 h left', tone: 'ok' });
  });
});

describe('the round', () => {
  const round = (state: 'upcoming' | 'due' | 'overdue' | 'done', at: number, dueAt: number) => ({ state, at, dueAt });

  it('upcoming, due, overdue and done', () => {
    expect(roundStatusOf(round('upcoming', now + 30 * min, now + 90 * min), env())).toEqual({
      slot: '10:30',
      status: 'через 30 мин',
      tone: 'muted',
    });
    expect(roundStatusOf(round('due', now - 30 * min, now + 30 * min), env())).toEqual({
      slot: '09:30',
      status: 'до 10:30',
      tone: 'warn',
    });
    expect(roundStatusOf(round('overdue', now - 90 * min, now - 30 * min), env())).toEqual({
      slot: '08:30',
      status: 'просрочено на 30 мин',
      tone: 'bad',
    });
    expect(roundStatusOf(round('done', now - 90 * min, now - 30 * min), env('en'))).toEqual({
      slot: '08:30',
      status: 'checked',
      tone: 'ok',
    });
  });

  it('a due round past its deadline reads as overdue before the worker says so', () => {
    expect(roundStatusOf(round('due', now - 60 * min, now - 5 * min), env())).toMatchObject({
      status: 'просрочено на 5 мин',
      tone: 'bad',
    });
  });
});

describe('titles and the date line', () => {
  const post = (key: string): Obligation => ({
    id: `c|daily-post|${key}`,
    clientId: 'c',
    rule: 'daily-post',
    key,
    title: 'Пост в ленте за день',
    startAt: 0,
    dueAt: 0,
    state: 'open',
  });

  it('a daily post carries its day', () => {
    expect(titleOf(post('2026-11-25'), env(), null)).toMatch(/^Пост за 25 нояб/);
    expect(titleOf(post('2026-11-25'), env('en'), null)).toBe('Post for 25 Nov');
  });

  it('other rules keep their title', () => {
    expect(titleOf(post('daily-post'), env(), null)).toBe('Пост в ленте за день');
  });

  it('the date is the agency zone’s', () => {
    // 23:30 UTC is already the next day in Almaty.
    expect(dateLineOf({ locale: 'en', zone, now: Date.UTC(2026, 10, 27, 23, 30) })).toBe('Sat 28 November');
  });
});
