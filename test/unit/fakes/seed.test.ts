import { describe, expect, it } from 'vitest';
import {
  createSeed,
  currentStories,
  eventsForLead,
  notesForLead,
  profileForLead,
  storyLead,
  STATUS,
  FIELD,
  type StoryKey,
} from '../../fakes/seed';
import { atLocal, DAY, HOUR, localDate, localDayStart, MINUTE } from '../../fakes/time';

// 14:30 in Almaty on a Thursday; plus an early-morning `now` to check "today" data stays in the past.
const NOW = Date.UTC(2026, 2, 12, 9, 30);
const EARLY = Date.UTC(2026, 2, 11, 19, 20); // 00:20 Almaty, 12 March

describe.each([NOW, EARLY])('seed at %i', (now) => {
  const seed = createSeed(now);
  const today = localDayStart(now);

  it('is deterministic', () => {
    expect(createSeed(now)).toEqual(seed);
  });

  it('has the account, users, pipeline and fields', () => {
    expect(seed.host).toBe('smmpro.amocrm.ru');
    expect(seed.users.map((u) => u.name)).toEqual(['Айгерим Сарсенова', 'Данияр Касымов', 'Мария Ким']);
    expect(seed.pipeline.statuses.map((s) => s.name)).toEqual([
      'Неразобранное',
      'Новый клиент',
      'Связались с клиентом',
      'Получена анкета',
      'Проект запущен',
      'Отправлено уведомление',
      'Успешно реализовано',
      'Клиент потерян',
    ]);
    expect(seed.pipeline.statuses[0].type).toBe(1);
    expect(seed.fields.map((f) => f.name)).toEqual([
      'Услуга',
      'Тип клиента',
      'Дата начала обслуживания',
      'Логин/пароль от аккаунта Instagram',
      'Instagram',
    ]);
  });

  it('places nothing in the future', () => {
    for (const e of seed.events) expect(e.createdAt).toBeLessThanOrEqual(now);
    for (const n of seed.notes) expect(n.createdAt).toBeLessThanOrEqual(now);
    for (const p of seed.profiles) for (const post of p.posts) expect(post.takenAt).toBeLessThanOrEqual(now);
    for (const p of seed.profiles) for (const s of p.stories) expect(s.takenAt).toBeLessThanOrEqual(now);
  });

  it('gives every lead an Instagram profile and a consistent event history', () => {
    for (const lead of seed.leads) {
      expect(profileForLead(seed, lead.id)?.username).toBe(lead.instagram);
      const events = eventsForLead(seed, lead.id);
      expect(events[0].type).toBe('lead_added');
      expect(events[events.length - 1].after).toBe(lead.statusId);
      for (let i = 1; i < events.length; i++) expect(events[i].before).toBe(events[i - 1].after);
    }
  });

  it('(a) paid 40 minutes ago, «Новый клиент», not called', () => {
    const a = storyLead(seed, 'a');
    expect(a.createdAt).toBe(now - 40 * MINUTE);
    expect(a.statusId).toBe(STATUS.newClient);
    expect(notesForLead(seed, a.id)).toHaveLength(0);
  });

  it('(b) paid yesterday 21:15 local, not contacted', () => {
    const b = storyLead(seed, 'b');
    expect(b.createdAt).toBe(atLocal(now, -1, 21, 15));
    expect(b.statusId).toBe(STATUS.newClient);
  });

  it('(c) questionnaire yesterday after contact', () => {
    const c = storyLead(seed, 'c');
    expect(c.statusId).toBe(STATUS.questionnaire);
    const ev = eventsForLead(seed, c.id);
    expect(localDate(ev[ev.length - 1].createdAt)).toBe(localDate(today - DAY));
    expect(ev.some((e) => e.after === STATUS.contacted)).toBe(true);
  });

  it('(d) day 7 of service, posted today, stories overdue', () => {
    const d = storyLead(seed, 'd');
    expect(d.statusId).toBe(STATUS.launched);
    expect(d.startDate).toBe(localDate(today - 6 * DAY));
    expect(d.credentials).toBeTruthy();
    const p = profileForLead(seed, d.id)!;
    expect(p.posts.some((x) => x.takenAt >= today)).toBe(true);
    const lastStory = Math.max(...p.stories.map((s) => s.takenAt));
    expect(localDate(lastStory)).toBe(localDate(today - 4 * DAY));
    expect(lastStory + 3 * DAY).toBeLessThan(now);
    expect(currentStories(seed, p)).toHaveLength(0);
  });

  it('(e) complex, mid-period, pinned old post, current story', () => {
    const e = storyLead(seed, 'e');
    expect(e.service).toBe('complex');
    expect(e.startDate).toBe(localDate(today - 14 * DAY));
    const p = profileForLead(seed, e.id)!;
    expect(p.posts.some((x) => x.pinned && x.takenAt < now - 30 * DAY)).toBe(true);
    expect(currentStories(seed, p).length).toBeGreaterThan(0);
  });

  it('(f) two days before the end, legal management client', () => {
    const f = storyLead(seed, 'f');
    expect([f.service, f.payer]).toEqual(['management', 'legal']);
    expect(f.startDate).toBe(localDate(today - 28 * DAY));
    expect(notesForLead(seed, f.id).some((n) => n.params.link && n.createdAt > today - DAY - HOUR)).toBe(true);
  });

  it('(g) five days past the end, unpaid, notice sent', () => {
    const g = storyLead(seed, 'g');
    expect(g.startDate).toBe(localDate(today - 35 * DAY));
    expect(g.statusId).toBe(STATUS.noticeSent);
  });

  it('(h) no post today, last post yesterday', () => {
    const h = storyLead(seed, 'h');
    const p = profileForLead(seed, h.id)!;
    expect(p.posts.some((x) => x.takenAt >= today)).toBe(false);
    expect(localDate(Math.max(...p.posts.map((x) => x.takenAt)))).toBe(localDate(today - DAY));
  });

  it('(i) launched with the credentials field empty; (j) lost with a refund', () => {
    expect(storyLead(seed, 'i').statusId).toBe(STATUS.launched);
    expect(storyLead(seed, 'i').credentials).toBeNull();
    expect(storyLead(seed, 'j').statusId).toBe(STATUS.lost);
    expect(storyLead(seed, 'j').lossReasonId).toBe(seed.lossReasons.find((r) => r.name.includes('Возврат'))!.id);
  });

  it('mixes payers and services', () => {
    const keys: StoryKey[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const leads = keys.map((k) => storyLead(seed, k));
    expect(new Set(leads.map((l) => l.payer)).size).toBe(2);
    expect(new Set(leads.map((l) => l.service)).size).toBe(2);
    expect(FIELD.credentials).toBe(810004);
  });
});

describe.each([NOW, EARLY])('extra leads at %i', (NOW) => {
  it('adds N deterministic leads over the three managers without changing the named ones', () => {
    const base = createSeed(NOW);
    const big = createSeed(NOW, { extraLeads: 300 });
    expect(big.leads).toHaveLength(base.leads.length + 300);
    expect(big.leads.slice(0, base.leads.length)).toEqual(base.leads);
    expect(createSeed(NOW, { extraLeads: 300 })).toEqual(big);
    const perManager = new Map<number, number>();
    for (const l of big.leads.filter((x) => x.id >= 2001))
      perManager.set(l.responsibleUserId, (perManager.get(l.responsibleUserId) ?? 0) + 1);
    expect([...perManager.values()]).toEqual([100, 100, 100]);
    expect(new Set(big.leads.map((l) => l.statusId)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(big.profiles.map((p) => p.username)).size).toBe(big.profiles.length);
    for (const e of big.events) expect(e.createdAt).toBeLessThanOrEqual(NOW);
    for (const n of big.notes) expect(n.createdAt).toBeLessThanOrEqual(NOW);
    for (const p of big.profiles) for (const x of [...p.posts, ...p.stories]) expect(x.takenAt).toBeLessThanOrEqual(NOW);
    for (const l of big.leads) {
      const ev = big.events.filter((e) => e.leadId === l.id);
      for (let i = 1; i < ev.length; i++) expect(ev[i].before).toBe(ev[i - 1].after);
      expect(ev[ev.length - 1].after).toBe(l.statusId);
    }
  });
});
