// Every selector of lib/amocrm/selectors.ts against the fake's card HTML (parsed with linkedom),
// and the page-data reader against the seed.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cardRoot, parseFeedDate, readCardDom } from '@/lib/amocrm/dom';
import { mapDeal } from '@/lib/amocrm/mapping';
import { S, SELECTOR_FIXTURES, type Fixture, type SelectorName } from '@/lib/amocrm/selectors';
import { defaultSettings } from '@/lib/playbook/settings';
import { renderCardHtml } from '../../fakes/amocrm/index';
import { createSeed, storyLead, type StoryKey } from '../../fakes/seed';

const NOW = Date.UTC(2026, 2, 11, 9, 0);
const seed = createSeed(NOW);
const docOf = (key: StoryKey) => parseHTML(renderCardHtml(seed, storyLead(seed, key).id)).document;

describe('selectors match the fake card', () => {
  for (const name of Object.keys(S) as SelectorName[]) {
    const fixtures: Fixture[] = SELECTOR_FIXTURES[name];
    for (const fixture of fixtures) {
      it(`${name} on ${fixture}`, () => {
        const doc = docOf(fixture.slice(5) as StoryKey);
        expect(doc.querySelectorAll(S[name]).length).toBeGreaterThan(0);
      });
    }
  }
  it('every selector lists at least one fixture', () => {
    for (const name of Object.keys(S) as SelectorName[]) expect(SELECTOR_FIXTURES[name].length).toBeGreaterThan(0);
  });
});

describe('page-data reader', () => {
  const amo = defaultSettings.amocrm;
  const read = (key: StoryKey) =>
    readCardDom(docOf(key), { host: seed.host, leadId: storyLead(seed, key).id, amo, timeZone: 'Asia/Almaty', now: NOW });

  it('reads the card by labels; credentials only as filled/empty', () => {
    const d = read('d')!;
    const lead = storyLead(seed, 'd');
    expect(d).toMatchObject({
      source: 'page',
      name: lead.name,
      statusName: 'Проект запущен',
      statusIsNew: false,
      managerName: 'Айгерим Сарсенова',
      contactName: 'Жанна Оспанова',
      credentialsFilled: true,
      startDate: lead.startDate,
      price: 150000,
    });
    expect(JSON.stringify(d)).not.toContain('Torty2024');
    expect(d.calls).toHaveLength(3);
    expect(d.calls.every((c) => c.at !== null && c.at < NOW)).toBe(true);
    expect(read('i')!.credentialsFilled).toBe(false);
    const m = mapDeal(d, amo, 'Asia/Almaty', NOW);
    expect(m.client).toMatchObject({ service: 'management', payer: 'individual', instagram: 'zhanna_cakes' });
    expect(m.events.some((e) => e.type === 'stage')).toBe(false);
    expect(m.missingFields).toEqual([]);
  });

  it('a new deal and a complex client', () => {
    expect(read('a')).toMatchObject({ statusName: 'Новый клиент', statusIsNew: true });
    expect(mapDeal(read('e')!, amo, 'Asia/Almaty', NOW).client.service).toBe('complex');
  });

  it('the card of another lead is not read', () => {
    expect(cardRoot(docOf('d'), 999)).toBeNull();
  });

  it('feed dates', () => {
    const tz = 'Asia/Almaty';
    expect(parseFeedDate('Сегодня 14:05', NOW, tz)).toBe(Date.UTC(2026, 2, 11, 9, 5));
    expect(parseFeedDate('Вчера 10:00', NOW, tz)).toBe(Date.UTC(2026, 2, 10, 5, 0));
    expect(parseFeedDate('12 марта 09:30', NOW, tz)).toBe(Date.UTC(2026, 2, 12, 4, 30));
    expect(parseFeedDate('1 мая 2024 09:30', NOW, tz)).toBe(Date.UTC(2024, 4, 1, 4, 30));
    expect(parseFeedDate('когда-то', NOW, tz)).toBeNull();
  });
});
