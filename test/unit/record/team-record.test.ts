// The team's one record through the fake amoCRM: two managers' workers (two databases, two
// amoCRM sessions) and a head's, sharing one account. Without a token each worker reads and writes
// through its browser's open amoCRM tab: here the tab's real serving code (lib/record/tab-serve.ts)
// with the manager's session, messages passed as structured clones like the browser does.
import { describe, expect, it } from 'vitest';
import { createAmocrmFake } from '../../fakes/amocrm/index';
import { createSeed, USER } from '../../fakes/seed';
import type { Client } from '@/lib/model/facts';
import type { ContentPlan } from '@/lib/model/plans';
import { markedEventId } from '@/lib/amocrm/markers';
import * as repo from '@/lib/store/repo';
import { listOutbox } from '@/lib/store/outbox';
import { WRITE_POLICY } from '@/lib/record/policy';
import { NO_TAB_REASON } from '@/lib/record/sender';
import { DEAL_PULL_EVERY_MS } from '@/lib/worker/record';
import { createWorker } from '@/lib/worker/service';
import { createAmoClient } from '@/lib/amocrm/client';
import { TokenBucket } from '@/lib/amocrm/rate-limit';
import { serveTabRequest } from '@/lib/record/tab-serve';
import type { TabPort } from '@/lib/record/tab-route';
import { fakeEffects, freshDb, page } from '../worker/helpers';

const NOW = Date.parse('2026-03-12T06:00:00Z');
const HOST = 'smmpro.amocrm.ru';
const LEAD = 1004;

function account() {
  const seed = createSeed(NOW);
  let clock = NOW;
  const fake = createAmocrmFake(seed, {
    clock: () => clock,
    sessionUsers: { aigerim: USER.aigerim, maria: USER.maria, head: USER.daniyar },
  });
  return { seed, fake, tick: (ms: number) => (clock += ms), at: () => clock };
}

type Account = ReturnType<typeof account>;

const SELF = { id: 'reglament-extension-id', origin: 'chrome-extension://reglament-extension-id' };

/** The browser's amoCRM tab of the account, its API script serving the worker with `fetch` (the session). */
function amocrmTab(fetch: typeof globalThis.fetch, open: { value: boolean; closeDuringNext?: boolean }): TabPort {
  const origin = `https://${HOST}`;
  const tab = { id: 7, url: `${origin}/leads/detail/${LEAD}`, active: true };
  // The unit tests drive their own clock: the bucket never makes them wait (its pace is tested elsewhere).
  const bucket = new TokenBucket({ capacity: 1000, perSecond: 1000 });
  return {
    query: async (o) => (open.value && o === origin ? [tab] : []),
    send: async (_tabId, message) => {
      if (!open.value) throw new Error('Could not establish connection. Receiving end does not exist.');
      const answer = serveTabRequest(
        structuredClone(message),
        { id: SELF.id, url: `${SELF.origin}/background.js` },
        {
          self: SELF,
          origin,
          client: () => createAmoClient({ origin, fetch, bucket }),
        },
      );
      const answered = answer && structuredClone(await answer);
      // Closed after amoCRM stored the notes, before the answer came back.
      if (open.closeDuringNext) {
        open.value = false;
        open.closeDuringNext = false;
        throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed');
      }
      return answered;
    },
    get: async () => (open.value ? tab : null),
  };
}

/** One browser: its own database and amoCRM session, the account's clock, an open amoCRM tab. */
async function browser(acc: Account, session: string, db?: Awaited<ReturnType<typeof freshDb>>) {
  const store = db ?? (await freshDb());
  const tabOpen: { value: boolean; closeDuringNext?: boolean } = { value: true };
  const requests: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
    const res = await acc.fake.handle({
      method: init?.method ?? 'GET',
      url,
      headers: { cookie: `session_id=${session}` },
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    return new Response(res.status === 204 ? null : res.body, { status: res.status, headers: res.headers });
  }) as typeof globalThis.fetch;
  const worker = createWorker({
    db: async () => store,
    now: acc.at,
    effects: fakeEffects().effects,
    agendaUrl: 'x',
    record: { fetch: refusedWithoutToken, random: () => 0, later: () => undefined, tabs: amocrmTab(fetch, tabOpen) },
    // «Синхронизировать всё» without a token goes through the tab too.
    teamSync: { fetch: refusedWithoutToken },
  });
  return { db: store, worker, requests, tabOpen };
}

/** The worker's own fetch goes without the session (a SameSite=Lax cookie stays off it): without a token it is never used. */
const refusedWithoutToken = (async () => {
  throw new Error('the worker has no token: its own fetch must not be used');
}) as typeof globalThis.fetch;

const client = (extra: Partial<Client> = {}): Client => ({
  id: `${HOST}:${LEAD}`,
  host: HOST,
  leadId: LEAD,
  name: 'Кондитерская',
  service: 'management',
  payer: 'individual',
  managerId: USER.aigerim,
  managerName: 'Айгерим Сарсенова',
  instagram: 'zhanna_cakes',
  credentialsFilled: true,
  stageName: null,
  updatedAt: NOW,
  ...extra,
});

const tick = (at: number) => ({
  id: markedEventId('tick', 'references', undefined, at),
  clientId: `${HOST}:${LEAD}`,
  type: 'tick' as const,
  item: 'references',
  at,
  source: 'manager' as const,
  value: 'a, b, c',
});

const post = (at: number) => ({
  id: 'ig:post:Cq1',
  clientId: `${HOST}:${LEAD}`,
  type: 'post' as const,
  at,
  source: 'instagram' as const,
  shortcode: 'Cq1',
});

const markerNotes = (acc: Account) => acc.seed.notes.filter((n) => n.noteType === 'service_message');

describe('the team record through amoCRM', () => {
  it('A ticks and sees a post; B opening the deal reads both, as A’s, once however often it reads', async () => {
    const acc = account();
    const a = await browser(acc, 'aigerim');
    await a.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    await a.worker.handlers['event.record']({ event: tick(acc.at()) }, page);
    await a.worker.handlers['event.record']({ event: post(acc.at() - 2 * 60 * 60_000) }, page);
    // Recorded twice: queued once.
    await a.worker.handlers['event.record']({ event: tick(acc.at()) }, page);
    expect(await listOutbox(a.db)).toHaveLength(2);
    const view = await a.worker.handlers['client.view']({ clientId: `${HOST}:${LEAD}` }, page);
    expect(view?.record).toMatchObject({ enabled: true, pending: 2 });

    await a.worker.record.kick();
    expect(a.requests.filter((r) => r === 'POST /api/v4/leads/notes')).toHaveLength(1);
    expect(await listOutbox(a.db)).toHaveLength(0);
    expect(markerNotes(acc)).toHaveLength(2);
    expect(markerNotes(acc).every((n) => n.createdBy === USER.aigerim && n.params.service === 'Reglament')).toBe(true);

    acc.tick(5 * 60_000);
    const b = await browser(acc, 'maria');
    for (let i = 0; i < 3; i++) {
      await b.worker.handlers['client.sync']({ client: client(), events: [] }, page);
      // Re-opened at once: the deal's notes were just read, no second read.
      await b.worker.handlers['client.sync']({ client: client(), events: [] }, page);
      acc.tick(DEAL_PULL_EVERY_MS);
    }
    const events = await repo.eventsOf(b.db, `${HOST}:${LEAD}`);
    expect(events.map((e) => e.type).sort()).toEqual(['post', 'tick']);
    expect(events.every((e) => e.author?.id === USER.aigerim && e.author.name === 'Айгерим Сарсенова')).toBe(true);
    // The tick keeps A's time (sent at once); the post, published two hours before A's browser
    // saw it, counts from when A's note was stored: amoCRM vouches for that moment only.
    expect(events.find((e) => e.type === 'tick')!.at).toBe(NOW);
    expect(events.find((e) => e.type === 'post')!.at).toBe(NOW);
    const bView = await b.worker.handlers['client.view']({ clientId: `${HOST}:${LEAD}` }, page);
    expect(bView!.team.map((f) => f.author)).toEqual(['Айгерим Сарсенова', 'Айгерим Сарсенова']);
    // B's own reading queued nothing: facts read back are not written again.
    expect(await listOutbox(b.db)).toHaveLength(0);
    // Incremental: the second and third reads asked from the last note's second on.
    const reads = b.requests.filter((r) => r === `GET /api/v4/leads/${LEAD}/notes`);
    expect(reads).toHaveLength(3);
    // A reading its own notes back stores nothing new.
    expect((await a.worker.handlers['client.sync']({ client: client(), events: [] }, page)).recorded).toBe(0);
  });

  it('the popup: its agenda answers from stored facts without a request; its read of the team record follows', async () => {
    const acc = account();
    const a = await browser(acc, 'aigerim');
    await a.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    await a.worker.handlers['event.record']({ event: tick(acc.at()) }, page);
    await a.worker.record.kick();
    acc.tick(5 * 60_000);
    const b = await browser(acc, 'maria');
    await b.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    // A records a post after B last read the deal.
    await a.worker.handlers['event.record']({ event: post(acc.at()) }, page);
    await a.worker.record.kick();
    acc.tick(60_000);

    const before = b.requests.length;
    const agenda = await b.worker.handlers['agenda.get']({}, page);
    expect(agenda.now).toBe(acc.at());
    expect(b.requests.length).toBe(before);
    expect((await repo.eventsOf(b.db, `${HOST}:${LEAD}`)).map((e) => e.type)).toEqual(['tick']);

    expect(await b.worker.handlers['record.pull']({}, page)).toEqual({ added: 1 });
    expect(b.requests.slice(before)).toEqual(['GET /api/v4/leads/notes']);
    expect((await repo.eventsOf(b.db, `${HOST}:${LEAD}`)).map((e) => e.type).sort()).toEqual(['post', 'tick']);
    // At most once a minute: the popup opened again at once asks nothing.
    expect(await b.worker.handlers['record.pull']({}, page)).toEqual({ added: 0 });
    expect(b.requests.length).toBe(before + 1);
  });

  it('a worker killed with queued writes sends all of them after a restart, none twice', async () => {
    const acc = account();
    const first = await browser(acc, 'aigerim');
    await first.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    for (let i = 0; i < 7; i++) await first.worker.handlers['event.record']({ event: tick(acc.at() + i) }, page);
    // Killed before sending: a new worker on the same database.
    const second = await browser(acc, 'aigerim', first.db);
    await second.worker.start();
    expect(markerNotes(acc)).toHaveLength(7);
    await second.worker.start();
    await second.worker.record.kick();
    acc.tick(WRITE_POLICY.intervalMs);
    await second.worker.record.kick();
    expect(markerNotes(acc)).toHaveLength(7);
    expect(await listOutbox(first.db)).toHaveLength(0);
  });

  it('429 and 5xx for a while: the queue waits, says why, and drains afterwards', async () => {
    const acc = account();
    const a = await browser(acc, 'aigerim');
    await a.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    for (let i = 0; i < 3; i++) await a.worker.handlers['event.record']({ event: tick(acc.at() + i) }, page);
    acc.fake.setFault({ status: 429, retryAfter: 20 }, { pathPrefix: '/api/v4/leads/notes' });
    await a.worker.record.kick();
    let status = await a.worker.record.status(a.db);
    expect(status.pending).toBe(3);
    expect(status.lastError).toMatch(/429/);
    acc.fake.setFault({ status: 503 }, { pathPrefix: '/api/v4/leads/notes' });
    for (let i = 0; i < 6; i++) {
      acc.tick(60_000);
      await a.worker.record.kick();
    }
    status = await a.worker.record.status(a.db);
    expect(status.pending).toBe(3);
    expect(status.lastError).toMatch(/503/);
    acc.fake.setFault(null);
    for (let i = 0; i < 12 && (await listOutbox(a.db)).length; i++) {
      acc.tick(60_000);
      await a.worker.record.kick();
    }
    expect(await listOutbox(a.db)).toHaveLength(0);
    expect(markerNotes(acc)).toHaveLength(3);
    expect((await a.worker.record.status(a.db)).lastError).toBeNull();
  });

  it('with writing switched off nothing is queued or sent', async () => {
    const acc = account();
    const a = await browser(acc, 'aigerim');
    await a.worker.handlers['settings.set']({ settings: { amocrm: { shareFacts: false } } }, page);
    await a.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    await a.worker.handlers['event.record']({ event: tick(acc.at()) }, page);
    await a.worker.record.kick();
    expect(await listOutbox(a.db)).toHaveLength(0);
    expect(markerNotes(acc)).toHaveLength(0);
  });

  it('a note refused by amoCRM stays visible and is not retried until asked', async () => {
    const acc = account();
    const a = await browser(acc, 'aigerim');
    const gone = client({ id: `${HOST}:999999`, leadId: 999999 });
    await a.worker.handlers['client.sync']({ client: gone, events: [] }, page);
    await a.worker.handlers['event.record']({ event: { ...tick(acc.at()), clientId: gone.id } }, page);
    await a.worker.record.kick();
    expect(await a.worker.record.status(a.db)).toMatchObject({ pending: 1, rejected: 1 });
    const posts = () => a.requests.filter((r) => r.startsWith('POST')).length;
    const before = posts();
    acc.tick(60 * 60_000);
    await a.worker.record.kick();
    expect(posts()).toBe(before);
  });

  it('the head’s team sync reads every deal’s notes once, attributed', async () => {
    const acc = account();
    const a = await browser(acc, 'aigerim');
    await a.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    await a.worker.handlers['event.record']({ event: tick(acc.at()) }, page);
    await a.worker.record.kick();
    acc.tick(60_000);
    const head = await browser(acc, 'head');
    const run = async () => {
      await head.worker.handlers['team.sync.start']({ full: false }, page);
      // However busy the machine is: an iteration cap is a timed assertion in disguise (issue 12).
      for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
        const s = await head.worker.handlers['team.sync.status']({}, page);
        if (s.phase !== 'running') return s;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('sync did not finish within a minute');
    };
    await head.worker.handlers['settings.set']({ settings: { amocrm: { subdomain: 'smmpro' } } }, page);
    expect((await run()).phase).toBe('done');
    const facts = (await repo.eventsOf(head.db, `${HOST}:${LEAD}`)).filter((e) => e.author);
    expect(facts).toHaveLength(1);
    expect(facts[0]!.author).toEqual({ id: USER.aigerim, name: 'Айгерим Сарсенова' });
    await run();
    expect((await repo.eventsOf(head.db, `${HOST}:${LEAD}`)).filter((e) => e.author)).toHaveLength(1);
    const accountReads = head.requests.filter((r) => r === 'GET /api/v4/leads/notes');
    expect(accountReads).toHaveLength(2);
  });

  it('with no token and no amoCRM tab open the queue waits and says so; a tab opened sends it', async () => {
    const acc = account();
    const a = await browser(acc, 'aigerim');
    await a.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    a.tabOpen.value = false;
    await a.worker.handlers['event.record']({ event: tick(acc.at()) }, page);
    await a.worker.record.kick();
    const status = await a.worker.record.status(a.db);
    expect(status).toMatchObject({ pending: 1, waitsForTab: true, lastError: NO_TAB_REASON });
    // Nothing was tried: no request, no back-off of the note.
    expect(a.requests.filter((r) => r.startsWith('POST'))).toEqual([]);
    expect((await listOutbox(a.db))[0]).toMatchObject({ attempts: 0 });
    a.tabOpen.value = true;
    // At this browser's next moment of the write cycle.
    acc.tick(WRITE_POLICY.intervalMs);
    await a.worker.record.kick();
    expect(markerNotes(acc)).toHaveLength(1);
    expect(await a.worker.record.status(a.db)).toMatchObject({ pending: 0, waitsForTab: false, lastError: null });
  });

  it('a tab closed mid-request is a network failure: the note is sent again, and read back as one fact', async () => {
    const acc = account();
    const a = await browser(acc, 'aigerim');
    await a.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    await a.worker.handlers['event.record']({ event: tick(acc.at()) }, page);
    a.tabOpen.closeDuringNext = true;
    await a.worker.record.kick();
    // amoCRM stored it, the answer was lost with the tab: kept in the queue, retried later.
    expect(markerNotes(acc)).toHaveLength(1);
    expect(await a.worker.record.status(a.db)).toMatchObject({ pending: 1, waitsForTab: false });
    a.tabOpen.value = true;
    for (let i = 0; i < 5 && (await listOutbox(a.db)).length; i++) {
      acc.tick(60_000);
      await a.worker.record.kick();
    }
    expect(await listOutbox(a.db)).toHaveLength(0);
    expect(markerNotes(acc)).toHaveLength(2);
    acc.tick(5 * 60_000);
    const b = await browser(acc, 'maria');
    await b.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    const ticks = (await repo.eventsOf(b.db, `${HOST}:${LEAD}`)).filter((e) => e.type === 'tick');
    expect(ticks).toHaveLength(1);
    expect(ticks[0]!.author?.id).toBe(USER.aigerim);
  });

  it('with a token bound to the account the worker writes with its own fetch, not through the tab', async () => {
    const acc = account();
    const seen: string[] = [];
    const tokenFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      const res = await acc.fake.handle({
        method: init?.method ?? 'GET',
        url: String(input),
        headers: Object.fromEntries(
          Object.entries((init?.headers as Record<string, string>) ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
        ),
        body: typeof init?.body === 'string' ? init.body : undefined,
      });
      return new Response(res.status === 204 ? null : res.body, { status: res.status, headers: res.headers });
    }) as typeof globalThis.fetch;
    const db = await freshDb();
    const tabAsked: string[] = [];
    const worker = createWorker({
      db: async () => db,
      now: acc.at,
      effects: fakeEffects().effects,
      agendaUrl: 'x',
      record: {
        fetch: tokenFetch,
        random: () => 0,
        later: () => undefined,
        tabs: { query: async () => (tabAsked.push('query'), []), send: async () => undefined, get: async () => null },
      },
    });
    await worker.handlers['token.set']({ token: 'token-aigerim', origin: `https://${HOST}` }, page);
    await worker.handlers['client.sync']({ client: client(), events: [] }, page);
    await worker.handlers['event.record']({ event: tick(acc.at()) }, page);
    await worker.record.kick();
    expect(seen).toContain('POST /api/v4/leads/notes');
    expect(tabAsked).toEqual([]);
  });
});

describe('content plans on the team record', () => {
  const PERIOD = Date.parse('2026-03-10T00:00:00+05:00');
  const CID = `${HOST}:${LEAD}`;
  const draft = (extra: Partial<ContentPlan> = {}): ContentPlan => ({
    clientId: CID,
    periodStart: PERIOD,
    planNo: 2,
    state: 'drafting',
    days: [
      { date: '2026-03-19', format: 'reels', topic: 'Рилс: как выбрать торт на свадьбу' },
      { date: '2026-03-20', format: 'carousel', topic: 'Карусель: 5 начинок | сезон весна' },
    ],
    updatedAt: NOW,
    ...extra,
  });
  const planNotes = (acc: Account) => markerNotes(acc).filter((n) => n.params.text?.includes('[Reglament:2:plan|'));
  /** On this browser's moment of the write cycle (its phase is 0: `random` is 0). */
  const onCycle = (acc: Account) =>
    acc.tick((WRITE_POLICY.intervalMs - (acc.at() % WRITE_POLICY.intervalMs)) % WRITE_POLICY.intervalMs);
  const listOf = async (b: Awaited<ReturnType<typeof browser>>) => b.worker.handlers['plans.list']({ clientId: CID }, page);

  it('A sends a plan; B opening the deal and the head’s sync hold the same state and items, whatever the order', async () => {
    const acc = account();
    const a = await browser(acc, 'aigerim');
    await a.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    await a.worker.handlers['plans.save']({ plan: draft() }, page);
    acc.tick(1000);
    // Edited again before it went: only the latest version waits.
    const sent = await a.worker.handlers['plans.save']({ plan: draft({ state: 'sent' }) }, page);
    expect(await listOutbox(a.db)).toHaveLength(1);
    // Saved again unchanged: no note for it.
    acc.tick(1000);
    await a.worker.handlers['plans.save']({ plan: sent }, page);
    expect(await listOutbox(a.db)).toHaveLength(1);
    onCycle(acc);
    await a.worker.record.kick();
    expect(planNotes(acc)).toHaveLength(1);
    expect(planNotes(acc)[0]!.params.text!.split('\n')[0]).toBe('Контент-план 2 (19.03–20.03): отправлен клиенту, тем 2 из 2');

    acc.tick(5 * 60_000);
    const b = await browser(acc, 'maria');
    await b.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    const [ofB] = await listOf(b);
    expect(ofB).toEqual({ ...sent, author: { id: USER.aigerim, name: 'Айгерим Сарсенова' } });

    // A agrees it (the editor records the agreement tick as well); B reads the later state.
    acc.tick(WRITE_POLICY.intervalMs);
    await a.worker.handlers['plans.save']({ plan: { ...sent, state: 'agreed' } }, page);
    onCycle(acc);
    await a.worker.record.kick();
    expect(planNotes(acc)).toHaveLength(2);
    acc.tick(DEAL_PULL_EVERY_MS);
    await b.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    const [agreedOfB] = await listOf(b);
    expect(agreedOfB).toMatchObject({ state: 'agreed', days: sent.days, author: { id: USER.aigerim } });

    // The head reads both versions at once: the later one holds.
    const head = await browser(acc, 'head');
    await head.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    const ofHead = await listOf(head);
    expect(ofHead).toEqual([agreedOfB]);
    // Re-read (notes in the cursor's second again): nothing changes, nothing doubles.
    acc.tick(DEAL_PULL_EVERY_MS);
    expect((await head.worker.handlers['client.sync']({ client: client(), events: [] }, page)).recorded).toBe(0);
    expect(await listOf(head)).toEqual([agreedOfB]);
    // Facts read back are not written again; B edits: its version supersedes, and A reads it.
    expect(await listOutbox(b.db)).toHaveLength(0);
    acc.tick(60_000);
    await b.worker.handlers['plans.save']({ plan: { ...agreedOfB!, state: 'corrections' } }, page);
    onCycle(acc);
    await b.worker.record.kick();
    acc.tick(DEAL_PULL_EVERY_MS);
    await a.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    expect(await listOf(a)).toEqual([
      expect.objectContaining({ state: 'corrections', days: sent.days, author: { id: USER.maria, name: expect.any(String) } }),
    ]);
  });

  it('with writing switched off a saved plan stays in this browser', async () => {
    const acc = account();
    const a = await browser(acc, 'aigerim');
    await a.worker.handlers['settings.set']({ settings: { amocrm: { shareFacts: false } } }, page);
    await a.worker.handlers['client.sync']({ client: client(), events: [] }, page);
    await a.worker.handlers['plans.save']({ plan: draft({ state: 'sent' }) }, page);
    onCycle(acc);
    await a.worker.record.kick();
    expect(await listOutbox(a.db)).toHaveLength(0);
    expect(planNotes(acc)).toHaveLength(0);
  });
});
