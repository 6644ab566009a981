// The attack suite (issue 13): what an attacker controlling a backup file, an amoCRM API answer, a
// page script on amoCRM or Instagram, or a content script on another amoCRM account can get.
// Each test asserts that nothing leaked and nothing changed. The UI tests load the SHIPPED build
// (closed shadow roots); the others use the test build like every spec.
import type { BrowserContext, CDPSession, Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { send, type Reply } from './send';
import { storyLead } from '../fakes/seed';

const HOST = 'smmpro.amocrm.ru';
const ORIGIN = `https://${HOST}`;
const TOKEN = 'long-lived-token-security-e2e';

interface Seen {
  url: string;
  authorization: string | undefined;
}

/** Every request the browser makes (pages and the worker), with its Authorization header; then on to the fakes. */
async function watchRequests(context: BrowserContext): Promise<Seen[]> {
  const seen: Seen[] = [];
  const note = async (request: Request) => {
    const headers = await request.allHeaders().catch(() => request.headers());
    seen.push({ url: request.url(), authorization: headers.authorization });
  };
  await context.route('**/*', async (route) => {
    await note(route.request());
    await route.fallback();
  });
  // The attacker's server answers like an amoCRM would, to make following it attractive.
  await context.route('https://attacker.example/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ _embedded: { pipelines: [] } }) }),
  );
  return seen;
}

/** Requests that carried the token anywhere but the bound account. */
const leaks = (seen: Seen[]) => seen.filter((s) => s.authorization?.includes(TOKEN) && new URL(s.url).origin !== ORIGIN);

const backupWith = (clients: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'reglament-backup',
    version: 1,
    schemaVersion: 1,
    exportedAt: Date.now(),
    clients,
    events: [],
    settings: null,
    plans: [],
    meta: {},
    ...extra,
  });

const clientOn = (host: string, leadId: number, name = `Клиент ${leadId}`) => ({
  id: `${host}:${leadId}`,
  host,
  leadId,
  name,
  service: 'management',
  payer: 'individual',
  managerId: 1,
  managerName: 'Анна',
  instagram: null,
  credentialsFilled: true,
  stageName: null,
  updatedAt: Date.now(),
});

async function syncDone(page: Page): Promise<string> {
  await expect
    .poll(async () => ((await send(page, 'team.sync.status', {})).data as { phase: string }).phase, { timeout: 60_000 })
    .not.toBe('running');
  return ((await send(page, 'team.sync.status', {})).data as { phase: string }).phase;
}

test.describe('token exfiltration', () => {
  test('by backup: foreign client hosts are refused, and the token goes to its own account only', async ({
    context,
    fakes,
    openExtensionPage,
  }) => {
    void fakes;
    const seen = await watchRequests(context);
    const page = await openExtensionPage('options.html');
    expect((await send(page, 'token.set', { token: TOKEN, origin: ORIGIN })).ok).toBe(true);
    // A token bound to anything but an amoCRM account is refused outright.
    expect(await send(page, 'token.set', { token: TOKEN, origin: 'https://attacker.example' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });

    // The attack: one client on attacker.example. The import is refused and changes nothing.
    const attack = await send(page, 'backup.import', { json: backupWith([clientOn('attacker.example', 1)]) });
    expect(attack).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(attack.error!.message).toContain('clients[0].host');
    expect((await send(page, 'clients.list', {})).data).toEqual([]);

    // Clients of another amoCRM account (a valid host) outnumber ours, and the subdomain is empty:
    // the old «most common host» guess would have picked other.amocrm.ru.
    const others = Array.from({ length: 5 }, (_, i) => clientOn('other.amocrm.ru', 100 + i));
    expect((await send(page, 'backup.import', { json: backupWith([...others, clientOn(HOST, 1)]) })).ok).toBe(true);
    const check = await send(page, 'amocrm.account', {});
    expect(check.data).toMatchObject({ ok: true, host: HOST, auth: 'token' });
    expect((await send(page, 'team.sync.start', {})).ok).toBe(true);
    expect(await syncDone(page)).toBe('done');

    const withToken = seen.filter((s) => s.authorization?.includes(TOKEN));
    expect(withToken.length).toBeGreaterThan(2);
    expect(leaks(seen)).toEqual([]);
    expect(seen.filter((s) => /attacker\.example|other\.amocrm\.ru/.test(s.url))).toEqual([]);
  });

  test('by `_links.next`: an absolute next link on another origin is followed on the bound account only', async ({
    context,
    fakes,
    openExtensionPage,
  }) => {
    const seen = await watchRequests(context);
    let rewritten = 0;
    // A compromised (or spoofed) answer: the first page of leads points its next link at the attacker.
    await context.route(`${ORIGIN}/api/v4/leads?**`, async (route) => {
      const request = route.request();
      if (request.url().includes('probe=1')) return route.fallback();
      const res = await fakes.amocrm.handle({ method: 'GET', url: request.url(), headers: await request.allHeaders() });
      const body = JSON.parse(String(res.body)) as { _links?: Record<string, { href: string }> };
      body._links = { ...body._links, next: { href: 'https://attacker.example/api/v4/leads?page=9&limit=250&probe=1' } };
      rewritten++;
      await route.fulfill({ status: res.status, headers: res.headers, body: JSON.stringify(body) });
    });
    const page = await openExtensionPage('options.html');
    await send(page, 'token.set', { token: TOKEN, origin: ORIGIN });
    await send(page, 'team.sync.start', { full: true });
    await syncDone(page);
    expect(rewritten).toBeGreaterThan(0);
    // The next link was followed — with its path and query, on the account's own origin.
    expect(seen.some((s) => s.url.startsWith(`${ORIGIN}/api/v4/leads?page=9`) && s.url.includes('probe=1'))).toBe(true);
    expect(seen.filter((s) => s.url.includes('attacker.example'))).toEqual([]);
    expect(leaks(seen)).toEqual([]);
  });
});

/** The content script's isolated world on `page` (reached through CDP): a real content-script sender. */
async function contentScriptOf(context: BrowserContext, page: Page) {
  const cdp: CDPSession = await context.newCDPSession(page);
  const contexts: { id: number; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated')).toBe(true);
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated')!;
  return async <D = unknown>(type: string, payload: unknown): Promise<Reply<D>> => {
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: isolated.id,
      expression: `chrome.runtime.sendMessage(${JSON.stringify({ reglament: 1, type, payload })})`,
      awaitPromise: true,
      returnByValue: true,
    });
    return result.value as Reply<D>;
  };
}

test('a content script on another amoCRM account learns nothing of ours and changes nothing', async ({
  context,
  fakes,
  openExtensionPage,
}) => {
  void fakes;
  const seen = await watchRequests(context);
  const ext = await openExtensionPage('options.html');
  await send(ext, 'token.set', { token: TOKEN, origin: ORIGIN });
  const ours = { ...clientOn(HOST, 1, 'Кофейня «Зерно»'), instagram: 'zerno_coffee' };
  expect(
    (
      await send(ext, 'client.sync', {
        client: ours,
        events: [{ clientId: ours.id, type: 'deal-created', at: Date.now() - 60_000, source: 'amocrm' }],
      })
    ).ok,
  ).toBe(true);
  const before = await send(ext, 'backup.export', {});

  const page = await context.newPage();
  await page.goto('https://other.amocrm.ru/leads/detail/1');
  const call = await contentScriptOf(context, page);

  expect((await call<unknown[]>('clients.list', {})).data).toEqual([]);
  const agenda = (await call<{ overdue: unknown[]; today: unknown[]; tomorrow: unknown[] }>('agenda.get', {})).data;
  expect(JSON.stringify(agenda)).not.toContain('Зерно');
  expect((await call('client.byInstagram', { username: 'zerno_coffee' })).data).toBeNull();
  for (const [type, payload] of [
    ['client.view', { clientId: ours.id }],
    ['plan.today', { clientId: ours.id }],
    ['event.record', { event: { clientId: ours.id, type: 'post', at: Date.now(), source: 'instagram' } }],
    ['client.sync', { client: { ...ours, name: 'Взломано' }, events: [] }],
    ['settings.get', {}],
    ['token.status', {}],
    ['token.set', { token: 'attacker-token-123', origin: 'https://other.amocrm.ru' }],
    ['amocrm.account', {}],
    ['team.sync.start', {}],
    ['backup.import', { json: backupWith([]) }],
  ] as const)
    expect(await call(type, payload), type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const view = (await call<Record<string, unknown>>('settings.view', {})).data;
  expect(view).not.toHaveProperty('motivation');
  expect(JSON.stringify(view)).not.toMatch(/baseSalary|Penalty|Fine/);

  const after = await send(ext, 'backup.export', {});
  expect(after.data.json.replace(/"exportedAt":\d+/, '')).toBe(before.data.json.replace(/"exportedAt":\d+/, ''));
  expect(leaks(seen)).toEqual([]);
});

test('prototype pollution and oversized payloads through every entry are refused and change nothing', async ({
  openExtensionPage,
  worker,
}) => {
  const page = await openExtensionPage('popup.html');
  const mine = clientOn(HOST, 1);
  expect((await send(page, 'backup.import', { json: backupWith([mine]) })).ok).toBe(true);
  const before = (await send(page, 'backup.export', {})).data.json.replace(/"exportedAt":\d+/, '');
  // `__proto__` keys are spelled `__pollution__` here and become own `__proto__` keys in the JSON parsed in the page.
  const ownProto = (json: string) => json.replace(/"__pollution__":/g, '"__proto__":');
  const polluting = { __pollution__: { polluted: 1 } };
  const event = { clientId: mine.id, type: 'tick', item: 'x', at: Date.now(), source: 'manager' };
  const settings = (await send(page, 'settings.get', {})).data as unknown as Record<string, unknown>;

  const attempts: Array<[string, unknown, RegExp]> = [
    // Pollution: own `__proto__` / `constructor` keys survive JSON and structured cloning.
    ['event.record', { event, ...polluting }, /forbidden key/],
    ['event.record', { event: { ...event, ...polluting } }, /forbidden key/],
    ['client.sync', { client: { ...mine, constructor: { prototype: { polluted: 1 } } }, events: [] }, /forbidden key/],
    ['settings.set', { settings: { ...settings, ...polluting } }, /forbidden key/],
    [
      'settings.set',
      { settings: { ...settings, calendar: { ...(settings.calendar as object), toString: 'x' } } },
      /unknown setting/,
    ],
    ['backup.import', { json: ownProto(backupWith([mine], polluting)) }, /forbidden key/],
    ['backup.import', { json: backupWith([{ ...mine, __proto__x: 1 }]) }, /unknown field/],
    // Oversized: a 1 MB name, a far-future time, an impossible date, 300,000 bad rows, 100,000 ids.
    ['client.sync', { client: { ...mine, name: 'x'.repeat(1_000_000) }, events: [] }, /name: must be at most/],
    ['event.record', { event: { ...event, at: 8.64e15 } }, /after the year 2100/],
    ['event.record', { event: { ...event, type: 'start-date', item: undefined, date: '9999-99-99' } }, /date/],
    ['board.view', { clientIds: Array.from({ length: 100_000 }, () => mine.id) }, /too many ids/],
    [
      'backup.import',
      { json: backupWith([mine], { events: Array.from({ length: 300_000 }, (_, i) => ({ id: `e${i}`, bad: true })) }) },
      /300000|300 000|300,000/,
    ],
  ];
  for (const [type, payload, why] of attempts) {
    // Built from JSON inside the page: Playwright's own argument passing would drop an own `__proto__`.
    const json = ownProto(JSON.stringify(payload));
    const r = (await page.evaluate(
      ([type, json]) => chrome.runtime.sendMessage({ reglament: 1, type, payload: JSON.parse(json) as unknown }),
      [type, json] as const,
    )) as Reply<{ ok?: boolean; errors?: unknown }>;
    // Refused at the door (`invalid`), or — settings — answered with the validation's errors.
    const refusal = r.ok
      ? r.data.ok === false
        ? JSON.stringify(r.data.errors)
        : null
      : r.error!.code === 'invalid'
        ? r.error!.message
        : null;
    expect(refusal, `${type} ${why}`).toMatch(why);
  }
  const after = (await send(page, 'backup.export', {})).data.json.replace(/"exportedAt":\d+/, '');
  expect(after).toBe(before);
  expect(await worker.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
  expect(await worker.evaluate(() => Object.getOwnPropertyNames(Object.prototype).includes('polluted'))).toBe(false);
});

/** Every text inside `tag`'s shadow tree, read through CDP (which sees closed roots): proves the UI rendered. */
async function textInsideUi(context: BrowserContext, page: Page, tag: string): Promise<string> {
  interface Node {
    nodeName: string;
    nodeType: number;
    nodeValue: string;
    children?: Node[];
    shadowRoots?: (Node & { shadowRootType?: string })[];
  }
  const cdp = await context.newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  const texts: string[] = [];
  const collect = (n: Node) => {
    if (n.nodeType === 3) texts.push(n.nodeValue);
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) collect(c);
  };
  const find = (n: Node): Node | null => {
    if (n.nodeName.toLowerCase() === tag) return n;
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
      const hit = find(c);
      if (hit) return hit;
    }
    return null;
  };
  const host = find(root);
  for (const r of host?.shadowRoots ?? []) {
    expect(r.shadowRootType).toBe('closed');
    collect(r);
  }
  return texts.join(' ');
}

/** What a page script can find: our host's root, roots captured by a patched attachShadow, the page text, data attributes. */
function pageScriptLoot(tag: string) {
  const host = document.querySelector(tag);
  const roots = (window as unknown as { __roots?: ShadowRoot[] }).__roots ?? [];
  const attributes = [...document.querySelectorAll('*')].flatMap((e) =>
    [...e.attributes]
      .map((a) => a.name)
      .filter((n) => n.startsWith('data-reglament') || (e === host && n !== 'data-floating' && n.startsWith('data-'))),
  );
  return {
    hostFound: !!host,
    shadowRoot: host?.shadowRoot ? 'open' : null,
    hostText: host?.textContent ?? '',
    captured: roots.map((r) => r.textContent ?? '').join(' '),
    pageText: document.body.innerText,
    attributes,
  };
}

const captureRoots = () => {
  // The page's own script runs first and wraps attachShadow to grab every root anybody opens.
  const w = window as unknown as { __roots: ShadowRoot[] };
  w.__roots = [];
  const original = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, { ...init, mode: 'open' });
    w.__roots.push(root);
    return root;
  };
};

test.describe('page scripts reading the UIs (shipped build)', () => {
  test.use({ build: 'shipped' });

  test('amoCRM’s scripts cannot read the overlay', async ({ context, fakes }) => {
    const lead = storyLead(fakes.seed, 'd');
    const page = await context.newPage();
    await page.addInitScript(captureRoots);
    await page.goto(`${ORIGIN}/leads/detail/${lead.id}`);
    await expect(page.locator('reglament-overlay')).toHaveCount(1);
    let inside = '';
    await expect
      .poll(async () => (inside = await textInsideUi(context, page, 'reglament-overlay')), { timeout: 30_000 })
      .toMatch(/\S{4,}/);
    // A text the overlay shows that the card itself does not.
    const cardText = await page.evaluate(() => document.body.innerText);
    const secret = inside
      .split(/\s{2,}|\n/)
      .map((t) => t.trim())
      .find((t) => t.length > 8 && !cardText.includes(t));
    expect(secret).toBeTruthy();
    const loot = await page.evaluate(pageScriptLoot, 'reglament-overlay');
    expect(loot.hostFound).toBe(true);
    expect(loot.shadowRoot).toBeNull();
    expect(loot.hostText).toBe('');
    expect(loot.captured).not.toContain(secret!);
    expect(loot.pageText).not.toContain(secret!);
    expect(loot.attributes).toEqual([]);
  });

  test('amoCRM’s scripts cannot read the board’s chips', async ({ context, fakes }) => {
    const page = await context.newPage();
    await page.addInitScript(captureRoots);
    await page.goto(`${ORIGIN}/leads/pipeline/${fakes.seed.pipeline.id}/`);
    await expect.poll(() => page.locator('reglament-chip').count(), { timeout: 30_000 }).toBeGreaterThan(2);
    const inside = await textInsideUi(context, page, 'reglament-chip');
    expect(inside).toMatch(/\d/);
    const loot = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('reglament-chip, reglament-summary, reglament-notice')];
      const roots = (window as unknown as { __roots?: ShadowRoot[] }).__roots ?? [];
      return {
        hosts: hosts.length,
        open: hosts.filter((h) => h.shadowRoot).length,
        text: hosts.map((h) => h.textContent ?? '').join(''),
        captured: roots.map((r) => r.textContent ?? '').join(''),
        attributes: hosts.flatMap((h) => [...h.attributes].map((a) => a.name)).filter((n) => n.startsWith('data-')),
      };
    });
    expect(loot.hosts).toBeGreaterThan(2);
    expect(loot).toMatchObject({ open: 0, text: '', captured: '', attributes: [] });
  });

  test('Instagram’s scripts cannot read the sidebar’s client list', async ({ context, fakes, openExtensionPage }) => {
    const lead = storyLead(fakes.seed, 'd');
    const ext = await openExtensionPage('options.html');
    const name = 'Секретный клиент агентства';
    await send(ext, 'client.sync', { client: clientOn(HOST, lead.id + 5000, name), events: [] });
    const page = await context.newPage();
    await page.addInitScript(captureRoots);
    // A profile no client is linked to: the sidebar lists the agency's clients to link by hand.
    await page.goto('https://www.instagram.com/shanyrak_mebel/');
    await expect(page.locator('reglament-sidebar')).toHaveCount(1);
    await expect.poll(() => textInsideUi(context, page, 'reglament-sidebar'), { timeout: 30_000 }).toContain(name);
    const loot = await page.evaluate(pageScriptLoot, 'reglament-sidebar');
    expect(loot.shadowRoot).toBeNull();
    expect(loot.hostText).toBe('');
    expect(loot.captured).not.toContain(name);
    expect(loot.pageText).not.toContain(name);
    expect(loot.attributes).toEqual([]);
  });
});
