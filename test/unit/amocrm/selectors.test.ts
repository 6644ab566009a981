// Every selector of lib/amocrm/selectors.ts against its fixtures — the fake's cards (both layouts)
// and saved copies of real amoCRM markup (test/fixtures/amocrm) — and the page-data readers.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  cardMarker,
  cardRoot,
  feedCalls,
  layoutGaps,
  pageLacks,
  parseFeedDate,
  readCardDom,
  stageOptions,
  valueOf,
} from '@/lib/amocrm/dom';
import { mapDeal } from '@/lib/amocrm/mapping';
import { S, SELECTOR_FIXTURES, type Fixture, type SelectorName } from '@/lib/amocrm/selectors';
import { defaultSettings } from '@/lib/playbook/settings';
import { renderCardHtml } from '../../fakes/amocrm/index';
import { createSeed, storyLead, type StoryKey } from '../../fakes/seed';

const NOW = Date.UTC(2026, 2, 11, 9, 0);
const TZ = 'Asia/Almaty';
const seed = createSeed(NOW);
const amo = defaultSettings.amocrm;
const docOf = (key: StoryKey) => parseHTML(renderCardHtml(seed, storyLead(seed, key).id)).document;
const real = (name: string) => readFileSync(new URL(`../../fixtures/amocrm/${name}.html`, import.meta.url), 'utf8');
const realDoc = (...names: string[]) =>
  parseHTML(`<!DOCTYPE html><html><body><div id="card_holder">${names.map(real).join('')}</div></body></html>`).document;

function fixtureDoc(fixture: Fixture) {
  if (fixture.startsWith('card:')) return docOf(fixture.slice(5) as StoryKey);
  return realDoc(fixture.slice(5));
}

describe('selectors match their fixtures', () => {
  for (const name of Object.keys(S) as SelectorName[]) {
    for (const fixture of SELECTOR_FIXTURES[name]) {
      it(`${name} on ${fixture}`, () => {
        expect(fixtureDoc(fixture).querySelectorAll(S[name]).length).toBeGreaterThan(0);
      });
    }
  }
  it('every selector lists at least one fixture', () => {
    for (const name of Object.keys(S) as SelectorName[]) expect(SELECTOR_FIXTURES[name].length).toBeGreaterThan(0);
  });
  it('the fake card has none of the markup the real card lacks', () => {
    for (const key of ['a', 'd', 'e'] as const) {
      const doc = docOf(key);
      expect(doc.querySelector('#card_holder')!.hasAttribute('data-id')).toBe(false);
      expect(doc.querySelector('.card-name__name, [data-note-type], .pipeline-select__item[data-value]')).toBeNull();
      expect(doc.querySelector('a.js-linked-name-view')).toBeNull();
    }
  });
});

describe('page-data reader on saved real markup', () => {
  it('contact form: the name is the input value; MAIN_ID names the deal; the contact rows are not the deal rows', () => {
    const doc = realDoc('header', 'contact-form');
    expect(valueOf(doc.querySelector(S.contactName))).toBe('Александр Аншаков');
    expect(cardRoot(doc, 19706781)).not.toBeNull();
    expect(cardRoot(doc, 19706782)).toBeNull();
    const d = readCardDom(doc, { host: 'x.amocrm.ru', leadId: 19706781, amo, timeZone: TZ, now: NOW })!;
    expect(d).toMatchObject({ name: 'Фитнес-клуб FitZone', statusName: 'Проект запущен', contactName: 'Александр Аншаков' });
    expect(d.fields).toEqual({});
    expect(d.knownFields).toBeNull();
    expect(layoutGaps(doc, 19706781)).toEqual(['fields']);
  });

  it('stage control: options by radio value and item text, the label names the stage', () => {
    const doc = realDoc('status-select');
    const view = doc.querySelector(S.statusView)!;
    expect(view.getAttribute('data-status-id')).toBe('58209734');
    expect(stageOptions(doc, view)).toEqual([
      { id: '58209730', name: 'Первичный контакт' },
      { id: '58209734', name: 'Переговоры' },
    ]);
    expect(view.querySelector(S.statusLabel)!.textContent).toBe('Переговоры');
  });

  it('call note: opaque id, recording link, a bare time on the separator day', () => {
    const calls = feedCalls(realDoc('call-note'), NOW, TZ);
    expect(calls).toEqual([
      { id: '01j4xk7mqz3v9', link: 'https://smmpro.amocrm.ru/private/records/rec-252.mp3', at: Date.UTC(2026, 7, 7, 9, 5) },
    ]);
  });

  it('header layout: name input and the header stage control', () => {
    const doc = realDoc('header');
    expect(valueOf(doc.querySelector(S.dealName))).toBe('Фитнес-клуб FitZone');
    expect(doc.querySelector(S.statusView)!.id).toBe('card-header_status_view_mode');
  });
});

describe('page-data reader on the fake cards', () => {
  const read = (key: StoryKey) =>
    readCardDom(docOf(key), { host: seed.host, leadId: storyLead(seed, key).id, amo, timeZone: TZ, now: NOW });

  it('reads the classic card by labels; credentials only as filled/empty', () => {
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
    expect(d.calls.every((c) => c.at !== null && c.at < NOW && !/^\d+$/.test(c.id))).toBe(true);
    expect(read('i')!.credentialsFilled).toBe(false);
    const m = mapDeal(d, amo, TZ, NOW);
    expect(m.client).toMatchObject({ service: 'management', payer: 'individual', instagram: 'zhanna_cakes' });
    expect(m.events.some((e) => e.type === 'stage')).toBe(false);
    expect(m.missingFields).toEqual([]);
  });

  it('keeps to the deal own rows: the contact Instagram field is not the deal one', () => {
    const d = read('d')!;
    expect(d.fields.instagram).toBe('zhanna_cakes');
    expect(d.knownFields).not.toContain('должность');
  });

  it('the header layout (card e) reads name, stage and service; odd fields do not disturb it', () => {
    const d = read('e')!;
    expect(d).toMatchObject({ name: storyLead(seed, 'e').name, statusName: 'Проект запущен' });
    expect(mapDeal(d, amo, TZ, NOW).client.service).toBe('complex');
  });

  it('stage options come from the deal pipeline only (the dropdown lists every pipeline)', () => {
    const doc = docOf('a');
    const view = doc.querySelector(S.statusView)!;
    const names = stageOptions(doc, view).map((o) => o.name);
    expect(names).toContain('Новый клиент');
    expect(names).not.toContain('Новый партнёр');
    expect(read('a')).toMatchObject({ statusName: 'Новый клиент', statusIsNew: true });
  });

  it('grouped call blocks: each call once, the block itself not', () => {
    const doc = docOf('c');
    expect(doc.querySelectorAll('.feed-note-wrapper-grouped-complex').length).toBeGreaterThan(0);
    const calls = read('c')!.calls;
    expect(new Set(calls.map((c) => c.link)).size).toBe(calls.length);
    expect(calls.length).toBe(2);
  });

  it('the card of another lead, or the previous deal still on the page, is not read', () => {
    const doc = docOf('d');
    expect(cardRoot(doc, 999)).toBeNull();
    const stale = cardMarker(doc);
    // MAIN_ID names this deal: it decides.
    expect(cardRoot(doc, storyLead(seed, 'd').id, stale)).not.toBeNull();
    // Without MAIN_ID (no contact), the same name element with the same name is the stale card.
    doc.querySelector('.js-linked_elements_wrapper')!.remove();
    expect(cardRoot(doc, 999)).not.toBeNull();
    expect(cardRoot(doc, 999, stale)).toBeNull();
  });

  it('says what the page lacks', () => {
    const doc = docOf('d');
    const root = cardRoot(doc, storyLead(seed, 'd').id)!;
    expect(pageLacks(doc, root)).toEqual(['history']);
    doc.querySelector('.js-linked_elements_wrapper')!.remove();
    doc.querySelector('.js-notes')!.remove();
    expect(pageLacks(doc, root)).toEqual(['history', 'contact', 'calls']);
  });

  it('feed dates', () => {
    expect(parseFeedDate('Сегодня 14:05', NOW, TZ)).toBe(Date.UTC(2026, 2, 11, 9, 5));
    expect(parseFeedDate('Вчера 10:00', NOW, TZ)).toBe(Date.UTC(2026, 2, 10, 5, 0));
    expect(parseFeedDate('12 марта 09:30', NOW, TZ)).toBe(Date.UTC(2026, 2, 12, 4, 30));
    expect(parseFeedDate('1 мая 2024 09:30', NOW, TZ)).toBe(Date.UTC(2024, 4, 1, 4, 30));
    expect(parseFeedDate('07.08.2026 14:05', NOW, TZ)).toBe(Date.UTC(2026, 7, 7, 9, 5));
    expect(parseFeedDate('14:05', NOW, TZ, '2026-08-07')).toBe(Date.UTC(2026, 7, 7, 9, 5));
    expect(parseFeedDate('14:05', NOW, TZ)).toBeNull();
    expect(parseFeedDate('когда-то', NOW, TZ)).toBeNull();
  });
});
