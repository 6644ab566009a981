import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { createSeed, storyLead, FIELD, STATUS, ENUM } from '../../fakes/seed';
import { amoPageScript, createAmocrmFake, renderCardHtml, type AmocrmFake } from '../../fakes/amocrm/index';
import type { FakeResponse } from '../../fakes/http';

const NOW = Date.UTC(2026, 2, 12, 9, 30);
const ORIGIN = 'https://smmpro.amocrm.ru';
const AUTH = { cookie: 'session_id=abc' };

function get(fake: AmocrmFake, path: string, headers: Record<string, string> = AUTH): Promise<FakeResponse> {
  return fake.handle({ method: 'GET', url: ORIGIN + path, headers });
}

/** Parsed API JSON (what `JSON.parse` returns); shapes are asserted at runtime. */
type Json = ReturnType<typeof JSON.parse>;
const body = (r: FakeResponse): Json => JSON.parse(r.body);

describe('amoCRM fake: API', () => {
  it('GET /api/v4/leads/{id} has every documented field', async () => {
    const seed = createSeed(NOW);
    const fake = createAmocrmFake(seed);
    const d = storyLead(seed, 'd');
    const r = await get(fake, `/api/v4/leads/${d.id}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('application/hal+json');
    const lead = body(r);
    for (const k of [
      'id',
      'name',
      'price',
      'responsible_user_id',
      'status_id',
      'pipeline_id',
      'created_at',
      'updated_at',
      'closed_at',
      'loss_reason_id',
      'custom_fields_values',
    ]) {
      expect(lead).toHaveProperty(k);
    }
    expect(lead.status_id).toBe(STATUS.launched);
    expect(lead.created_at).toBe(Math.floor(d.createdAt / 1000));
    const cf = (id: number) => lead.custom_fields_values.find((f: Json) => f.field_id === id);
    expect(cf(FIELD.service)).toMatchObject({
      field_name: 'Услуга',
      field_code: null,
      field_type: 'select',
      values: [{ value: 'Ведение аккаунта', enum_id: ENUM.management }],
    });
    // Date field: Unix seconds of the local (UTC+5) midnight.
    const start = cf(FIELD.startDate).values[0].value;
    expect(new Date((start + 5 * 3600) * 1000).toISOString().slice(0, 10)).toBe(d.startDate);
    expect(cf(FIELD.instagram).values[0].value).toBe('zhanna_cakes');
  });

  it('empty credentials field is absent; with=loss_reason embeds the reason', async () => {
    const seed = createSeed(NOW);
    const fake = createAmocrmFake(seed);
    const i = body(await get(fake, `/api/v4/leads/${storyLead(seed, 'i').id}`));
    expect(i.custom_fields_values.some((f: Json) => f.field_id === FIELD.credentials)).toBe(false);
    const j = body(await get(fake, `/api/v4/leads/${storyLead(seed, 'j').id}?with=loss_reason`));
    expect(j.closed_at).toBeTypeOf('number');
    expect(j._embedded.loss_reason[0].name).toBe('Возврат средств');
  });

  it('unknown lead → 204; list paging, filters and 204 past the end', async () => {
    const seed = createSeed(NOW, { extraLeads: 300 });
    const fake = createAmocrmFake(seed);
    expect((await get(fake, '/api/v4/leads/999999')).status).toBe(204);
    const p1 = body(await get(fake, `/api/v4/leads?limit=250&filter[pipeline_id]=${seed.pipeline.id}&order[updated_at]=asc`));
    expect(p1._embedded.leads).toHaveLength(250);
    expect(p1._links.next.href).toContain('page=2');
    const p2 = body(await get(fake, new URL(p1._links.next.href).pathname + new URL(p1._links.next.href).search));
    expect(p2._embedded.leads).toHaveLength(60);
    expect(p2._links.next).toBeUndefined();
    expect((await get(fake, '/api/v4/leads?limit=250&page=3')).status).toBe(204);
    const from = Math.floor((NOW - 3600_000) / 1000);
    const recent = body(await get(fake, `/api/v4/leads?filter[updated_at][from]=${from}`));
    for (const l of recent._embedded.leads) expect(l.updated_at).toBeGreaterThanOrEqual(from);
    expect(recent._embedded.leads.some((l: Json) => l.id === storyLead(seed, 'a').id)).toBe(true);
    expect((await get(fake, `/api/v4/leads?filter[updated_at][from]=${Math.floor(NOW / 1000) + 10}`)).status).toBe(204);
  });

  it('events: filtered by lead and type, paged with _links.next, 204 when empty', async () => {
    const seed = createSeed(NOW);
    const fake = createAmocrmFake(seed);
    const ids = [1004, 1006, 1007];
    const q = `/api/v4/events?filter[entity]=lead&${ids.map((id) => `filter[entity_id][]=${id}`).join('&')}&filter[type]=lead_status_changed&limit=5`;
    const all: Json[] = [];
    let next: string | undefined = q;
    let pages = 0;
    while (next) {
      const r = await get(fake, next);
      expect(r.status).toBe(200);
      const b = body(r);
      all.push(...b._embedded.events);
      next = b._links.next ? new URL(b._links.next.href).pathname + new URL(b._links.next.href).search : undefined;
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    expect(all).toHaveLength(4 + 4 + 5);
    for (const e of all) {
      expect(ids).toContain(e.entity_id);
      expect(e.type).toBe('lead_status_changed');
      expect(e.value_before[0].lead_status).toHaveProperty('pipeline_id', seed.pipeline.id);
      expect(e.value_after[0].lead_status.id).toBeTypeOf('number');
      expect(e.created_at).toBeTypeOf('number');
      expect(e).toHaveProperty('created_by');
    }
    expect(
      (await get(fake, '/api/v4/events?filter[entity]=lead&filter[entity_id][]=424242&filter[type]=lead_status_changed')).status,
    ).toBe(204);
  });

  it('call notes with recording links; POST common note then GET it back', async () => {
    const seed = createSeed(NOW);
    const fake = createAmocrmFake(seed);
    const f = storyLead(seed, 'f');
    const calls = body(await get(fake, `/api/v4/leads/${f.id}/notes?filter[note_type][]=call_in&filter[note_type][]=call_out`));
    // The renewal call went to the contact (amoCRM files a call there unless it has one open deal).
    expect(calls._embedded.notes.length).toBe(2);
    const onContact = body(
      await get(fake, `/api/v4/contacts/${f.contact.id}/notes?filter[note_type][]=call_in&filter[note_type][]=call_out`),
    );
    expect(onContact._embedded.notes).toHaveLength(1);
    for (const n of [...calls._embedded.notes, ...onContact._embedded.notes]) {
      expect(['call_in', 'call_out']).toContain(n.note_type);
      expect(n.params).toMatchObject({
        duration: expect.any(Number),
        phone: expect.any(String),
        link: expect.stringContaining('.mp3'),
      });
    }
    expect(
      (await get(fake, `/api/v4/leads/${storyLead(seed, 'a').id}/notes?filter[note_type][]=call_in&filter[note_type][]=call_out`))
        .status,
    ).toBe(204);
    const post = await fake.handle({
      method: 'POST',
      url: `${ORIGIN}/api/v4/leads/${f.id}/notes`,
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify([{ note_type: 'common', params: { text: 'Регламент: продление согласовано' } }]),
    });
    expect(post.status).toBe(200);
    const id = body(post)._embedded.notes[0].id;
    expect(id).toBeTypeOf('number');
    const common = body(await get(fake, `/api/v4/leads/${f.id}/notes?filter[note_type][]=common`));
    expect(common._embedded.notes).toEqual([
      expect.objectContaining({ id, note_type: 'common', params: { text: 'Регламент: продление согласовано' } }),
    ]);
    const bad = await fake.handle({
      method: 'POST',
      url: `${ORIGIN}/api/v4/leads/${f.id}/notes`,
      headers: AUTH,
      body: '[{"note_type":"nope"}]',
    });
    expect(bad.status).toBe(400);
  });

  it('pipelines, users, custom fields', async () => {
    const seed = createSeed(NOW);
    const fake = createAmocrmFake(seed);
    const p = body(await get(fake, '/api/v4/leads/pipelines'))._embedded.pipelines[0];
    expect(p).toMatchObject({ id: seed.pipeline.id, name: 'Клиенты SMM', is_main: true });
    expect(p._embedded.statuses.map((s: Json) => s.id)).toContain(142);
    expect(p._embedded.statuses[0]).toMatchObject({
      type: 1,
      pipeline_id: seed.pipeline.id,
      sort: expect.any(Number),
      color: expect.any(String),
    });
    const users = body(await get(fake, '/api/v4/users'))._embedded.users;
    expect(users.map((u: Json) => [u.id, u.name])).toEqual(seed.users.map((u) => [u.id, u.name]));
    const cfs = body(await get(fake, '/api/v4/leads/custom_fields'))._embedded.custom_fields;
    expect(cfs.find((c: Json) => c.id === FIELD.payer).enums.map((e: Json) => e.value)).toEqual(['Физ. лицо', 'Юр. лицо']);
  });

  it('401 without session; Bearer accepted', async () => {
    const fake = createAmocrmFake(createSeed(NOW));
    expect((await get(fake, '/api/v4/leads/1001', {})).status).toBe(401);
    expect((await get(fake, '/api/v4/leads/1001', { Authorization: 'Bearer xyz' })).status).toBe(200);
  });

  it('faults: switchable at runtime, scoped, counted; initial faults; rate limit', async () => {
    const fake = createAmocrmFake(createSeed(NOW), { faults: [{ status: 500, pathPrefix: '/api/v4/users', times: 1 }] });
    expect((await get(fake, '/api/v4/users')).status).toBe(500);
    expect((await get(fake, '/api/v4/users')).status).toBe(200);
    fake.setFault({ status: 429, retryAfter: 7 });
    const r429 = await get(fake, '/api/v4/leads/1001');
    expect(r429.status).toBe(429);
    expect(r429.headers['retry-after']).toBe('7');
    expect((await get(fake, '/leads/detail/1001', {})).status).toBe(200); // pages are outside the default /api/ scope
    fake.setFault({ status: 403 }, { pathPrefix: '/api/v4/events' });
    expect((await get(fake, '/api/v4/events')).status).toBe(403);
    expect((await get(fake, '/api/v4/leads/1001')).status).toBe(429);
    fake.setFault(null);
    fake.setFault({ status: 401 });
    expect((await get(fake, '/api/v4/leads/1001')).status).toBe(401);
    fake.setFault({ malformed: true });
    const bad = await get(fake, '/api/v4/leads/1001');
    expect(bad.status).toBe(200);
    expect(() => JSON.parse(bad.body)).toThrow();
    fake.setFault({ delayMs: 60 });
    const t0 = Date.now();
    expect((await get(fake, '/api/v4/leads/1001')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(55);
    fake.setFault(null);
    expect(fake.requests.count('/api/v4/leads/1001')).toBe(5);
    expect(fake.requests.counts()['GET /api/v4/users']).toBe(2);
    expect(fake.requests.filter('/api/v4/leads/1001').map((e) => e.fault)).toContain('429');

    const limited = createAmocrmFake(createSeed(NOW), { rateLimit: { perSecond: 7 } });
    const statuses = await Promise.all(Array.from({ length: 9 }, () => get(limited, '/api/v4/leads/1001').then((r) => r.status)));
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(limited.requests.maxPerWindow('/api/')).toBe(9);
  });

  it('moveLead / updateLead change API answers', async () => {
    const seed = createSeed(NOW);
    const fake = createAmocrmFake(seed);
    fake.moveLead(1001, 'contacted');
    const lead = body(await get(fake, '/api/v4/leads/1001'));
    expect(lead.status_id).toBe(STATUS.contacted);
    const ev = body(
      await get(fake, '/api/v4/events?filter[entity]=lead&filter[entity_id][]=1001&filter[type]=lead_status_changed'),
    );
    expect(ev._embedded.events[0].value_after[0].lead_status.id).toBe(STATUS.contacted);
  });
});

describe('amoCRM fake: pages', () => {
  it('card markup uses the real selectors', () => {
    const seed = createSeed(NOW);
    const d = storyLead(seed, 'd');
    const { document } = parseHTML(renderCardHtml(seed, d.id));
    const status = document.querySelector('#card_status_view_mode')!;
    expect(status.getAttribute('data-pipeline-id')).toBe(String(seed.pipeline.id));
    expect(status.getAttribute('data-status-id')).toBe(String(STATUS.launched));
    expect(document.querySelector('.pipeline-select-view__status span')!.textContent).toBe('Проект запущен');
    expect(document.querySelector('textarea#person_n.card-fields__top-name-input')!.textContent).toBe(d.name);
    expect(document.querySelector('#card_holder')!.hasAttribute('data-id')).toBe(false);
    expect(document.querySelector('input[name="MAIN_ID"]')!.getAttribute('value')).toBe(String(d.id));
    expect(document.querySelector('.linked-form__field_reassign .linked-form__field__value')!.textContent).toBe(
      'Айгерим Сарсенова',
    );
    const row = [...document.querySelectorAll('.linked-form__field')].find(
      (el) => el.querySelector('.linked-form__field__label')?.getAttribute('title') === 'Дата начала обслуживания',
    )!;
    expect(row.querySelector(`.linked-form__field__value input[name="CFV[${FIELD.startDate}]"]`)!.getAttribute('value')).toMatch(
      /^\d\d\.\d\d\.\d{4}$/,
    );
    expect(document.querySelector(`input[name="CFV[${FIELD.service}]"]`)!.getAttribute('value')).toBe(String(ENUM.management));
    const notes = document.querySelectorAll('.js-card-feed .js-notes .feed-note-wrapper');
    expect(notes.length).toBeGreaterThan(3);
    expect(
      document.querySelector('.js-notes .feed-note-wrapper-call_in_out a.feed-note__call-player')!.getAttribute('href'),
    ).toContain('.mp3');
    expect(document.querySelector('#widgets_block.card-widgets > .card-widgets__elements')).not.toBeNull();
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('the header layout card (e): header name input and stage control, no classic ones', () => {
    const seed = createSeed(NOW);
    const { document } = parseHTML(renderCardHtml(seed, storyLead(seed, 'e').id));
    expect(document.querySelector('input#card-header-person_n')!.getAttribute('value')).toBe(storyLead(seed, 'e').name);
    expect(document.querySelector('#card-header_status_view_mode')).not.toBeNull();
    expect(document.querySelector('#person_n, #card_status_view_mode')).toBeNull();
  });

  it('feed dates are relative', () => {
    const seed = createSeed(NOW);
    const { document } = parseHTML(renderCardHtml(seed, storyLead(seed, 'f').id));
    const dates = [...document.querySelectorAll('.feed-note__date')].map((e) => e.textContent);
    expect(dates.some((t) => /^Вчера \d\d:\d\d$/.test(t ?? ''))).toBe(true);
    expect(dates.some((t) => /^\d{1,2} (января|февраля|марта) \d\d:\d\d$/.test(t ?? ''))).toBe(true);
  });

  it('board lists lead links; pages set the session cookie and carry a parseable SPA script', async () => {
    const seed = createSeed(NOW);
    const fake = createAmocrmFake(seed);
    const r = await get(fake, `/leads/pipeline/${seed.pipeline.id}/`, {});
    expect(r.status).toBe(200);
    expect(r.headers['set-cookie']).toContain('session_id=');
    const { document } = parseHTML(r.body);
    expect(document.querySelector('a[href="/leads/detail/1001"]')).not.toBeNull();
    expect(() => new Function(amoPageScript())).not.toThrow();
    expect((await get(fake, '/leads/detail/999999', {})).status).toBe(404);
    expect((await get(fake, '/', {})).status).toBe(200);
  });
});
