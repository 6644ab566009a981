// Talking to the worker from an extension page the way the extension itself does, for e2e setup
// and assertions.
import { expect, type Page } from '@playwright/test';
import type { MessageType, ResponseOf } from '../../lib/messaging/protocol';

/** The worker's reply; `data` is typed as present because tests check `ok` (or expect a refusal) first. */
export type Reply<D = unknown> = { ok: boolean; data: D; error?: { code: string; message: string } };

/**
 * One message from `page` (an extension page) as it came back. The payload is not typed: tests
 * also send malformed ones on purpose.
 */
export function send<T extends MessageType>(page: Page, type: T, payload: unknown): Promise<Reply<ResponseOf<T>>>;
export function send(page: Page, type: string, payload: unknown): Promise<Reply>;
export function send(page: Page, type: string, payload: unknown): Promise<Reply> {
  return page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ reglament: 1, type, payload }), [
    type,
    payload,
  ] as const);
}

/** Working hours around the clock, every day, no holidays: countdowns stop depending on when the test runs. */
export async function roundTheClock(page: Page): Promise<void> {
  const s = (await send(page, 'settings.get', {})).data;
  s.calendar = { ...s.calendar, workStart: '00:00', workEnd: '23:59', workDays: [1, 2, 3, 4, 5, 6, 7], useKzHolidays: false };
  const r = await send(page, 'settings.set', { settings: s });
  expect(r.ok && r.data.ok).toBe(true);
}
