import { describe, expect, it } from 'vitest';
import { createAmoApi } from '@/lib/amocrm/api';
import { norm, type DealRead } from '@/lib/amocrm/deal';
import { dealFromApi, dateOfField, instagramOf, mapDeal } from '@/lib/amocrm/mapping';
import { defaultSettings } from '@/lib/playbook/settings';
import { createAmocrmFake } from '../../fakes/amocrm/index';
import { createSeed, storyLead, type StoryKey } from '../../fakes/seed';

const NOW = Date.UTC(2026, 2, 11, 9, 0);
const amo = defaultSettings.amocrm;
const TZ = 'Asia/Almaty';

async function apiDeal(key: StoryKey, patch?: (seed: ReturnType<typeof createSeed>) => void): Promise<DealRead> {
  const seed = createSeed(NOW);
  patch?.(seed);
  const fake = createAmocrmFake(seed);
  const fetch = (async (input: RequestInfo | URL) => {
    const res = await fake.handle({ method: 'GET', url: String(input), headers: { cookie: 'session_id=x' } });
    return new Response(res.status === 204 ? null : res.body, { status: res.status });
  }) as typeof globalThis.fetch;
  const api = createAmoApi({ origin: fake.origin, fetch });
  const id = storyLead(seed, key).id;
  const isSecret = (n: string) => norm(n) === norm(amo.fieldNames.credentials);
  const [lead, pipelines, statusChanges, notes] = await Promise.all([
    api.lead(id, isSecret),
    api.pipelines(),
    api.statusChanges(id),
    api.notes(id),
  ]);
  const fieldNames = seed.fields.map((f) => norm(f.name));
  return dealFromApi(
    { host: seed.host, lead, pipelines, statusChanges, notes, fieldNames, managerName: null, contactName: null },
    amo,
    TZ,
  );
}

describe('mapping a deal to facts', () => {
  it('status changes → stage events with natural ids; created, start date, recordings', async () => {
    const deal = await apiDeal('d');
    const m = mapDeal(deal, amo, TZ, NOW);
    expect(m.stage).toBe('launched');
    expect(m.client).toMatchObject({
      id: 'smmpro.amocrm.ru:1004',
      service: 'management',
      payer: 'individual',
      credentialsFilled: true,
      instagram: 'zhanna_cakes',
      stageName: 'Проект запущен',
    });
    const stages = m.events.filter((e) => e.type === 'stage');
    expect(stages.map((e) => (e.type === 'stage' ? e.stage : null))).toEqual(['contacted', 'questionnaire', 'launched']);
    expect(stages.every((e) => /^amo:status:/.test(e.id!))).toBe(true);
    expect(m.events.find((e) => e.type === 'deal-created')).toMatchObject({ id: 'amo:created:1004' });
    expect(m.events.filter((e) => e.type === 'call-recording').map((e) => e.id)).toHaveLength(3);
    expect(m.events.filter((e) => e.type === 'call-recording').every((e) => /^amo:call:[0-9a-f]+$/.test(e.id!))).toBe(true);
    const start = m.events.find((e) => e.type === 'start-date');
    expect(start && start.type === 'start-date' && start.date).toBe(storyLead(createSeed(NOW), 'd').startDate);
    // Reading twice gives the same facts (idempotent ids).
    expect(mapDeal(deal, amo, TZ, NOW).events.map((e) => e.id)).toEqual(m.events.map((e) => e.id));
  });

  it('never carries the credentials value', async () => {
    const deal = await apiDeal('d');
    const m = mapDeal(deal, amo, TZ, NOW);
    expect(JSON.stringify({ deal, m })).not.toContain('Torty2024');
    const i = mapDeal(await apiDeal('i'), amo, TZ, NOW);
    expect(i.client.credentialsFilled).toBe(false);
  });

  it('a new deal («Новый клиент») is not an unknown stage; a renamed stage is', async () => {
    const a = mapDeal(await apiDeal('a'), amo, TZ, NOW);
    expect(a.stage).toBeNull();
    expect(a.unknownStage).toBeNull();
    expect(a.client.stageName).toBeNull();
    const renamed = await apiDeal('d', (seed) => {
      seed.pipeline.statuses.find((s) => s.name === 'Проект запущен')!.name = 'В работе';
    });
    const m = mapDeal(renamed, amo, TZ, NOW);
    expect(m.stage).toBeNull();
    expect(m.unknownStage).toBe('В работе');
    expect(m.events.some((e) => e.type === 'stage' && e.stage === 'launched')).toBe(false);
  });

  it('a missing field and an unmapped value are reported', async () => {
    const deal = await apiDeal('d');
    const m = mapDeal(
      { ...deal, knownFields: deal.knownFields!.filter((f) => f !== norm('Дата начала обслуживания')) },
      amo,
      TZ,
      NOW,
    );
    expect(m.missingFields).toEqual(['Дата начала обслуживания']);
    const odd = mapDeal({ ...deal, fields: { ...deal.fields, [norm('Услуга')]: 'Таргет' } }, amo, TZ, NOW);
    expect(odd.client.service).toBeNull();
    expect(odd.unknownValues).toEqual([{ field: 'Услуга', value: 'Таргет' }]);
  });

  it('a lost deal with «Возврат» is a refund; a stage change is never a payment (the engine reads renewals from the start date)', async () => {
    const renewed = await apiDeal('g', (seed) => {
      const g = seed.leads.find((l) => l.id === 1007)!;
      seed.events.push({
        id: 'renew1',
        type: 'lead_status_changed',
        leadId: 1007,
        createdAt: NOW - 3600_000,
        createdBy: 1,
        pipelineId: g.pipelineId,
        before: 61234505,
        after: 61234504,
      });
      g.statusId = 61234504;
    });
    expect(mapDeal(renewed, amo, TZ, NOW).events.some((e) => e.type === 'payment')).toBe(false);
    const j = mapDeal(await apiDeal('j'), amo, TZ, NOW);
    expect(j.stage).toBe('lost');
    expect(j.client.lossReason).toBe('Возврат средств');
    expect(j.events.find((e) => e.type === 'refund')).toMatchObject({ id: 'amo:refund:1010' });
  });

  it('a deal created straight into a mapped stage gets its current stage as a fact; the page (no history) does not', async () => {
    const seed = createSeed(NOW);
    const d = storyLead(seed, 'd');
    const moved = await apiDeal('d', (s) => {
      s.events = s.events.filter((e) => e.leadId !== d.id);
    });
    const m = mapDeal(moved, amo, TZ, NOW);
    const stages = m.events.filter((e) => e.type === 'stage');
    expect(stages).toEqual([
      {
        id: `amo:status:${d.id}:current:launched`,
        clientId: m.client.id,
        source: 'amocrm',
        type: 'stage',
        stage: 'launched',
        at: moved.createdAt,
      },
    ]);
    expect(mapDeal({ ...moved, source: 'page' }, amo, TZ, NOW).events.some((e) => e.type === 'stage')).toBe(false);
    // With the change that led there, no synthetic event.
    const full = mapDeal(await apiDeal('d'), amo, TZ, NOW);
    expect(full.events.some((e) => e.id!.includes(':current:'))).toBe(false);
    // A deal that moved elsewhere first, whose move into the current stage is not in the history: its last update.
    const partial = await apiDeal('d', (s) => {
      const launchedId = s.pipeline.statuses.find((x) => x.name === 'Проект запущен')!.id;
      s.events = s.events.filter((e) => !(e.leadId === d.id && e.after === launchedId));
    });
    expect(mapDeal(partial, amo, TZ, NOW).events.find((e) => e.id === `amo:status:${d.id}:current:launched`)?.at).toBe(
      partial.updatedAt,
    );
  });

  it('names compare without case, extra spaces or ё/е differences', async () => {
    const deal = await apiDeal('d', (seed) => {
      seed.pipeline.statuses.find((s) => s.name === 'Проект запущен')!.name = '  проект   ЗАПУЩЕН ';
    });
    expect(mapDeal(deal, amo, TZ, NOW).stage).toBe('launched');
    expect(norm(' Получена  анкёта')).toBe(norm('получена анкета'));
  });

  it('field helpers', () => {
    expect(instagramOf('@Nike_KZ')).toBe('nike_kz');
    expect(instagramOf('https://instagram.com/nike.kz/')).toBe('nike.kz');
    expect(instagramOf('нет')).toBeNull();
    expect(dateOfField(1773169200, TZ)).toBe('2026-03-11');
    expect(dateOfField('21.11.2026', TZ)).toBe('2026-11-21');
    expect(dateOfField('', TZ)).toBeNull();
  });
});
