// What the amoCRM overlay would have synced before a manager opens Instagram: the deals, their
// stages, start dates and the Stories seen on earlier visits (shared by the Instagram specs).
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { STATUS, type Seed, type SeedLead } from '../fakes/seed';

const stageOf: Record<number, string | undefined> = {
  [STATUS.contacted]: 'contacted',
  [STATUS.questionnaire]: 'questionnaire',
  [STATUS.launched]: 'launched',
  [STATUS.noticeSent]: 'notice-sent',
  [STATUS.lost]: 'lost',
};
const HOUR = 3_600_000;

/** What the amoCRM overlay would have synced: the deals, their stages, start dates and Stories seen on earlier visits. */
export async function syncClients(
  page: Page,
  seed: Seed,
  usernames: string[],
  options: { unlinked?: string[] } = {},
): Promise<void> {
  for (const username of usernames) {
    const lead = seed.leads.find((l) => l.instagram === username) as SeedLead;
    const id = `${seed.host}:${lead.id}`;
    const client = {
      id,
      host: seed.host,
      leadId: lead.id,
      name: lead.name,
      service: lead.service,
      payer: lead.payer,
      managerId: lead.responsibleUserId,
      managerName: seed.users.find((u) => u.id === lead.responsibleUserId)?.name ?? null,
      instagram: options.unlinked?.includes(username) ? null : lead.instagram,
      credentialsFilled: !!lead.credentials,
      stageName: null,
      updatedAt: lead.updatedAt,
    };
    const events: unknown[] = [
      { id: `amo:created:${lead.id}`, clientId: id, type: 'deal-created', at: lead.createdAt, source: 'amocrm' },
    ];
    for (const e of seed.events.filter((x) => x.leadId === lead.id)) {
      const stage = stageOf[e.after];
      if (stage) events.push({ id: `amo:status:${e.id}`, clientId: id, type: 'stage', stage, at: e.createdAt, source: 'amocrm' });
    }
    if (lead.startDate)
      events.push({
        id: `amo:start:${lead.id}`,
        clientId: id,
        type: 'start-date',
        date: lead.startDate,
        at: lead.createdAt,
        source: 'amocrm',
      });
    const profile = seed.profiles.find((p) => p.username === username)!;
    for (const s of profile.stories.filter((s) => s.takenAt < seed.now - 24 * HOUR))
      events.push({ id: `ig:story:${s.pk}`, clientId: id, type: 'story', at: s.takenAt, source: 'instagram', storyId: s.pk });
    const reply = await page.evaluate(
      ([client, events]) => chrome.runtime.sendMessage({ reglament: 1, type: 'client.sync', payload: { client, events } }),
      [client, events] as const,
    );
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
  }
}
