// Chromium for the page benches: the built extension (the test build when present, whose open
// shadow roots let the recorder look inside the UIs) beside an empty probe extension whose
// content script only notes when it ran, so every page load yields both figures in the same run,
// and whose empty page only notes when its script ran (the floor of any extension page's start);
// and the fake sites' APIs answering after a realistic network delay.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { chromiumArgs, findChromium } from '../chromium';
import { extensionDir } from '../launch';

/** How long the fake amoCRM and Instagram APIs take to answer: `BENCH_API_DELAY_MS`, else 300 ms (a real round trip is 100–300 ms). */
export const apiDelayMs = Number(process.env.BENCH_API_DELAY_MS ?? 300);

/** The test build (`wxt build --mode e2e`) when it was built, else the shipped one. */
function reglamentDir(): string {
  const test = resolve(extensionDir, '../chrome-mv3-e2e');
  return existsSync(test) ? test : extensionDir;
}

let probe: string | null = null;

/**
 * An extension whose content scripts, on the same pages and at the same run times as ours, only
 * note when they could first touch the page's DOM (at once, or at DOMContentLoaded for a script
 * that runs from the document's start): `data-probe-injected` for the last of them, and
 * `data-probe-<script>` per script (e.g. `data-probe-amocrm-board`).
 */
function probeDir(): string {
  if (probe) return probe;
  const dir = mkdtempSync(join(tmpdir(), 'reglament-probe-'));
  const manifest = JSON.parse(readManifest()) as {
    content_scripts?: Array<{ matches: string[]; run_at?: string; js?: string[] }>;
  };
  // WXT groups the scripts that share matches and run time into one entry: one probe per entry,
  // noting each of its scripts by name.
  const scripts = (manifest.content_scripts ?? []).map((cs, i) => {
    const names = (cs.js ?? [`script-${i}.js`]).map((js) => basename(js, '.js'));
    const file = `probe-${i}.js`;
    writeFileSync(
      join(dir, file),
      `(() => {
  const note = () => {
    const t = String(performance.now());
    document.documentElement.dataset.probeInjected = t;
    for (const name of ${JSON.stringify(names)}) document.documentElement.setAttribute('data-probe-' + name, t);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', note, { once: true });
  else note();
})();`,
    );
    return { matches: cs.matches, ...(cs.run_at ? { run_at: cs.run_at } : {}), js: [file] };
  });
  // An extension page with nothing but one line of script: `probe-start` marks when a page of an
  // extension could first run anything.
  writeFileSync(
    join(dir, 'empty.html'),
    '<!DOCTYPE html><html><head><script src="empty.js"></script></head><body></body></html>',
  );
  writeFileSync(join(dir, 'empty.js'), "performance.mark('probe-start');");
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'probe', version: '1', content_scripts: scripts }),
  );
  return (probe = dir);
}

/** The probe extension's empty page (an unpacked extension's id is the SHA-256 of its path, in letters a–p). */
export function probePageUrl(): string {
  const hash = createHash('sha256').update(probeDir()).digest('hex').slice(0, 32);
  const id = [...hash].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  return `chrome-extension://${id}/empty.html`;
}

function readManifest(): string {
  const path = join(reglamentDir(), 'manifest.json');
  if (!existsSync(path)) throw new Error(`No build at ${reglamentDir()}: run \`npm run build\` first.`);
  return readFileSync(path, 'utf8');
}

export interface BenchBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

export async function launchBench(options: { userDataDir?: string; viewport?: { width: number; height: number } } = {}) {
  const dirs = [reglamentDir(), probeDir()].join(',');
  const context = await chromium.launchPersistentContext(options.userDataDir ?? mkdtempSync(join(tmpdir(), 'reglament-bench-')), {
    executablePath: findChromium(),
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: 'ru-RU',
    timezoneId: 'Asia/Almaty',
    args: [...chromiumArgs, `--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, worker, extensionId: new URL(worker.url()).host } satisfies BenchBrowser;
}

/** Every request to the fake sites' APIs waits `ms` before the fakes answer it. */
export async function delayApis(context: BrowserContext, ms = apiDelayMs): Promise<void> {
  const wait = () => new Promise((r) => setTimeout(r, ms));
  // Registered after the fakes, so these run first and then fall back to them.
  for (const pattern of ['https://*.amocrm.ru/api/**', 'https://www.instagram.com/api/**'])
    await context.route(pattern, async (route) => {
      await wait();
      await route.fallback();
    });
}
