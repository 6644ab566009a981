// A busy agency: clients in three shapes (new, questionnaire, launched with posts and Stories),
// recorded through the worker's own `client.sync`. One copy for the popup e2e (the 300-client
// list) and the popup bench (scripts/bench/popup.ts), so both measure and check the same data.
import type { Page } from '@playwright/test';
import { DAY, HOUR, MINUTE } from '../../lib/calendar/time';

export const BUSY_HOST = 'smmpro.amocrm.ru';

/** `client.sync` payloads of `count` clients «Клиент 001»…, lead ids from 10,000, around `now`. */
export function busyAgency(count: number, now: number) {
  return Array.from({ length: count }, (_, i) => {
    const leadId = 10_000 + i;
    const id = `${BUSY_HOST}:${leadId}`;
    const client = {
      id,
      host: BUSY_HOST,
      leadId,
      name: `Клиент ${String(i + 1).padStart(3, '0')}`,
      service: i % 3 === 0 ? 'complex' : 'management',
      payer: 'individual',
      managerId: 1,
      managerName: 'Айгерим',
      instagram: `client${leadId}`,
      credentialsFilled: true,
      stageName: null,
      updatedAt: now,
    };
    const kind = i % 3;
    const events =
      kind === 0
        ? [{ type: 'deal-created', at: now - (i % 50) * 7 * MINUTE }]
        : kind === 1
          ? [
              { type: 'deal-created', at: now - 3 * DAY },
              { type: 'stage', stage: 'contacted', at: now - 3 * DAY + HOUR },
              { type: 'stage', stage: 'questionnaire', at: now - (i % 40) * HOUR },
            ]
          : [
              { type: 'deal-created', at: now - 20 * DAY },
              { type: 'stage', stage: 'launched', at: now - 15 * DAY },
              { type: 'post', at: now - (i % 25) * DAY - 2 * HOUR, shortcode: `s${i}` },
              { type: 'story', at: now - (i % 4) * DAY, storyId: `st${i}` },
            ];
    return { client, events: events.map((e) => ({ clientId: id, source: 'amocrm', ...e })) };
  });
}

/** Sends the payloads from an extension page, 30 at a time; returns how many the worker accepted. */
export function syncAll(extensionPage: Page, payloads: ReturnType<typeof busyAgency>): Promise<number> {
  return extensionPage.evaluate(async (list) => {
    let good = 0;
    for (let i = 0; i < list.length; i += 30) {
      const replies = await Promise.all(
        list.slice(i, i + 30).map((p) => chrome.runtime.sendMessage({ reglament: 1, type: 'client.sync', payload: p })),
      );
      good += replies.filter((r: { ok?: boolean } | undefined) => r?.ok).length;
    }
    return good;
  }, payloads);
}
