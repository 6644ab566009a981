// The deal card and the Instagram sidebar, timed in Chromium against the fakes with their APIs
// delayed (./browser.ts): from the page's DOMContentLoaded (or, after a pushState, from the
// card's DOM appearing) to the first countdown painted, beside the empty probe content script's
// start on the same loads.
//   npm run build && npx tsx scripts/bench/pages.ts
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { installFakes } from '../../test/fakes/route';
import { apiDelayMs, delayApis, launchBench } from './browser';
import { median, percentile, printTable, type BenchRow } from './table';

const STORIES = ['c', 'd', 'e', 'f', 'g', 'h', 'i'] as const;
/** Loads per figure: enough for a stable p90 (the tenth-slowest of 30 moves little between runs). */
const LOADS = 30;
const NAVIGATIONS = 30;

interface Recorder {
  /** What shows the first paint: the UI's host element and, inside its shadow root, the first figure. */
  host: string;
  inside: string;
  /** The page's subject: the host's data-lead (deal), or null (a profile). */
  lead: string | null;
  cardAt: number | null;
  shownAt: number | null;
}

declare global {
  interface Window {
    __rgBench?: Recorder;
  }
}

/** Main-world recorder (an init script, so it sees the very first paint): when the card appears, when the UI shows its figure. */
function recorder(): void {
  const h = location.hostname;
  const deal = h.endsWith('.amocrm.ru');
  if (!deal && h !== 'www.instagram.com') return;
  const lead = deal ? (/\/leads\/detail\/(\d+)/.exec(location.pathname)?.[1] ?? null) : null;
  const state: Recorder = {
    host: deal ? 'reglament-overlay' : 'reglament-sidebar',
    // The client panel's post section: present for every known client, whether or not a post is due today.
    inside: deal ? '.rg-cd' : '#rg-post',
    lead,
    cardAt: null,
    shownAt: null,
  };
  window.__rgBench = state;
  const seen = new WeakSet<ShadowRoot>();
  const look = () => {
    const s = window.__rgBench!;
    if (s.cardAt === null && s.lead !== null && document.querySelector(`#card_holder input[name="MAIN_ID"][value="${s.lead}"]`))
      s.cardAt = performance.now();
    const host = document.querySelector(s.lead === null ? s.host : `${s.host}[data-lead="${s.lead}"]`);
    const root = host?.shadowRoot;
    if (!root || s.shownAt !== null) return;
    if (root.querySelector(s.inside)) {
      s.shownAt = performance.now();
      return;
    }
    if (!seen.has(root)) {
      seen.add(root);
      new MutationObserver(look).observe(root, { childList: true, subtree: true, attributes: true });
    }
  };
  new MutationObserver(look).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-lead', 'data-state'],
  });
  look();
}

/** After a pushState: the same recorder, re-armed for the next card. */
function rearm(page: Page, lead: number): Promise<void> {
  return page.evaluate((lead) => {
    const s = window.__rgBench!;
    Object.assign(s, { lead: String(lead), cardAt: null, shownAt: null });
  }, lead);
}

async function shown(page: Page, needCard: boolean): Promise<Recorder> {
  try {
    await page.waitForFunction(
      (needCard) => window.__rgBench?.shownAt != null && (!needCard || window.__rgBench.cardAt != null),
      needCard,
      { timeout: 30_000 },
    );
  } catch (error) {
    // Say what the page showed instead: a bench that only says «timeout» cannot be acted on.
    const seen = await page
      .evaluate(() => {
        const ui = document.querySelector('reglament-overlay, reglament-sidebar') as HTMLElement | null;
        return JSON.stringify({
          url: location.href,
          recorder: window.__rgBench,
          ui: ui && { ...ui.dataset },
          text: ui?.shadowRoot?.textContent?.slice(-300),
        });
      })
      .catch(() => 'the page could not be read');
    throw new Error(`${(error as Error).message.split('\n')[0]} — ${seen}`, { cause: error });
  }
  return page.evaluate(() => window.__rgBench!);
}

interface Loads {
  ui: number[];
  probe: number[];
}

/** Full page loads: DOMContentLoaded → the UI's first figure, and → the probe's start. */
async function fullLoads(context: BrowserContext, urls: string[]): Promise<Loads> {
  const page = await context.newPage();
  const out: Loads = { ui: [], probe: [] };
  for (const url of urls) {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const r = await shown(page, false);
    await page.waitForFunction(() => document.documentElement.dataset.probeInjected !== undefined, undefined, {
      timeout: 30_000,
    });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { dcl: nav.domContentLoadedEventStart, probe: Number(document.documentElement.dataset.probeInjected) };
    });
    out.ui.push(r.shownAt! - t.dcl);
    out.probe.push(t.probe - t.dcl);
  }
  await page.close();
  return out;
}

/** Board → card by pushState: the card's DOM appearing → the overlay's first countdown. */
async function spaNavigations(context: BrowserContext, leadIds: number[], boardUrl: string): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(boardUrl);
  const times: number[] = [];
  for (let i = 0; i < NAVIGATIONS; i++) {
    const lead = leadIds[i % leadIds.length]!;
    await page.locator('.pipeline_leads__item').first().waitFor();
    // A click while the board is still painting its chips may miss the moving link: once more then.
    for (let attempt = 0; ; attempt++) {
      await rearm(page, lead);
      await page.locator(`a[href="/leads/detail/${lead}"]`).click();
      const went = await page.waitForURL(`**/leads/detail/${lead}`, { timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (went || attempt === 2) break;
    }
    const r = await shown(page, true);
    times.push(r.shownAt! - r.cardAt!);
    await page.goBack();
  }
  await page.close();
  return times;
}

const probeBeside = (probe: number[]) => `probe ${fmt(median(probe))} / ${fmt(percentile(probe, 0.9))} ms`;
const fmt = (x: number) => x.toFixed(1);

export async function runPagesBench(): Promise<BenchRow[]> {
  const { context } = await launchBench({ viewport: { width: 1920, height: 1080 } });
  try {
    const fakes = await installFakes(context);
    await delayApis(context);
    // tsx compiles with esbuild's keepNames, which wraps inner named functions in `__name(…)`: the
    // recorder, serialized into the page, gets its own stand-in (a global one slowed the board bench).
    await context.addInitScript({ content: `(() => { const __name = (fn) => fn; (${recorder.toString()})(); })();` });
    const leadIds = STORIES.map((k) => fakes.seed.storyLeads[k]);
    const origin = `https://${fakes.seed.host}`;
    const cards = leadIds.map((id) => `${origin}/leads/detail/${id}`);
    // One visit per card first: the worker learns the clients (a manager's normal day), and the
    // clients with an Instagram account become known profiles.
    await fullLoads(context, cards);
    const deal = await fullLoads(
      context,
      Array.from({ length: LOADS }, (_, i) => cards[i % cards.length]!),
    );
    const spa = await spaNavigations(context, leadIds, `${origin}/leads/pipeline/${fakes.seed.pipeline.id}/`);
    const known = fakes.seed.leads
      .filter((l) => leadIds.includes(l.id) && l.instagram)
      .map((l) => `https://www.instagram.com/${l.instagram}/`);
    const profile = known.length
      ? await fullLoads(
          context,
          Array.from({ length: LOADS }, (_, i) => known[i % known.length]!),
        )
      : null;
    const delay = `API ${apiDelayMs} ms`;
    const rows: BenchRow[] = [
      {
        name: `deal page full load: DOMContentLoaded → countdowns (${delay})`,
        runs: deal.ui,
        unit: 'ms',
        budgets: [
          { stat: 'median', max: 30 },
          { stat: 'p90', max: 60 },
        ],
        beside: probeBeside(deal.probe),
      },
      {
        name: `overlay after pushState: card DOM → countdowns (${delay})`,
        runs: spa,
        unit: 'ms',
        budgets: [{ stat: 'p90', max: 16 }],
      },
    ];
    if (profile)
      rows.push({
        name: `known Instagram profile full load: DOMContentLoaded → sidebar's client panel (${delay})`,
        runs: profile.ui,
        unit: 'ms',
        beside: probeBeside(profile.probe),
      });
    return rows;
  } finally {
    await context.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runPagesBench().then(
    (rows) => {
      if (!printTable(rows)) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(`bench:pages: ${(error as Error).message}`);
      process.exitCode = 2;
    },
  );
}
