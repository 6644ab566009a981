// A deal card whose layout changed and a field that went missing: nothing is read from a page that
// lacks what page-data mode needs, and a missing field keeps what was known before.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { layoutGaps, readCardDom } from '@/lib/amocrm/dom';
import { ApiError, LayoutError } from '@/lib/amocrm/errors';
import { keepKnown, mapDeal } from '@/lib/amocrm/mapping';
import { readDeal } from '@/lib/amocrm/read';
import type { AmoApi } from '@/lib/amocrm/api';
import { defaultSettings } from '@/lib/playbook/settings';
import { renderCardHtml } from '../../fakes/amocrm/index';
import { createSeed, storyLead } from '../../fakes/seed';

const NOW = Date.UTC(2026, 2, 11, 9, 0);
const seed = createSeed(NOW);
const amo = defaultSettings.amocrm;
const d = storyLead(seed, 'd');
const card = (rewrite: (html: string) => string = (h) => h) => parseHTML(rewrite(renderCardHtml(seed, d.id))).document;
const input = { host: seed.host, leadId: d.id, amo, timeZone: 'Asia/Almaty', now: NOW };

describe('layout gaps', () => {
  it('the fake card as it is has none', () => {
    expect(layoutGaps(card(), d.id)).toEqual([]);
  });
  it('names what a changed layout lacks', () => {
    expect(
      layoutGaps(
        card((h) => h.replaceAll('linked-form__field', 'x-row').replaceAll('card_status_view_mode', 'x-status')),
        d.id,
      ),
    ).toEqual(['stage', 'fields']);
    expect(
      layoutGaps(
        card((h) => h.replaceAll('person_n', 'x-name')),
        d.id,
      ),
    ).toEqual(['name']);
    expect(
      layoutGaps(
        card((h) => h.replaceAll('card_holder', 'x-card').replaceAll('card_fields', 'x-fields')),
        d.id,
      ),
    ).toEqual(['card']);
    expect(layoutGaps(card(), d.id + 1)).toEqual(['card']);
  });
  it("without field rows the deal's fields are unknown, not all missing", () => {
    const deal = readCardDom(
      card((h) => h.replaceAll('linked-form__field', 'x-row')),
      input,
    )!;
    expect(deal.knownFields).toBeNull();
    expect(mapDeal(deal, amo, 'Asia/Almaty', NOW).missingFields).toEqual([]);
  });
});

describe('readDeal when the API fails', () => {
  const failing = {
    lead: () => Promise.reject(new ApiError('server', 500, 'amoCRM answered 500')),
    pipelines: () => Promise.resolve([]),
    statusChanges: () => Promise.resolve([]),
    notes: () => Promise.resolve([]),
  } as unknown as AmoApi;
  const deps = (doc: Document) => ({
    api: failing,
    host: seed.host,
    amo,
    timeZone: 'Asia/Almaty',
    now: () => NOW,
    cardReady: () => Promise.resolve(doc),
    doc: () => doc,
  });

  it('reads the page when its layout is the known one', async () => {
    const result = await readDeal(d.id, deps(card()));
    expect(result.fallback).toBe('server');
    expect(result.deal.statusName).toBe('Проект запущен');
  });
  it("refuses a page whose layout changed: a LayoutError naming the gaps and the API's reason", async () => {
    const error = await readDeal(d.id, deps(card((h) => h.replaceAll('card_status_view_mode', 'x-status')))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LayoutError);
    expect(error).toMatchObject({ missing: ['stage'], reason: 'server' });
  });
});

describe('a missing field changes nothing', () => {
  const mapped = mapDeal(readCardDom(card(), input)!, amo, 'Asia/Almaty', NOW);
  const prev = {
    ...mapped.client,
    service: 'complex' as const,
    payer: 'legal' as const,
    credentialsFilled: false,
    instagram: 'before',
  };
  it('keeps the known value of each missing field only', () => {
    const kept = keepKnown(mapped.client, prev, [amo.fieldNames.service, amo.fieldNames.credentials], amo);
    expect(kept).toMatchObject({
      service: 'complex',
      credentialsFilled: false,
      payer: mapped.client.payer,
      instagram: mapped.client.instagram,
    });
  });
  it('nothing missing or nothing known before: the read stands', () => {
    expect(keepKnown(mapped.client, prev, [], amo)).toBe(mapped.client);
    expect(keepKnown(mapped.client, null, [amo.fieldNames.service], amo)).toBe(mapped.client);
  });
});
