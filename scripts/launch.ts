// Launches Chromium with the built extension loaded; shared by the demo and the e2e fixture.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { chromiumArgs, findChromium } from './chromium';

/** The shipped build (`npm run build`): closed shadow roots, no marks on the page's DOM. */
export const extensionDir = resolve(import.meta.dirname, '../.output/chrome-mv3');
/**
 * The test build (`npm run build:e2e`, `wxt build --mode e2e`): the same code with open shadow roots
 * and the overlay's state attributes, so Playwright can look inside the UIs.
 */
export const testExtensionDir = resolve(import.meta.dirname, '../.output/chrome-mv3-e2e');

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

export async function launchWithExtension(options: {
  headless: boolean;
  viewport?: { width: number; height: number } | null;
  /** Which build to load; the test build unless a test proves something about the shipped one. */
  build?: 'shipped' | 'test';
  /** The browser's language (navigator.language, Accept-Language); Russian unless a test needs another. */
  locale?: string;
}): Promise<LaunchedExtension> {
  const dir = options.build === 'shipped' ? extensionDir : testExtensionDir;
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No build at ${dir}: run \`npm run ${options.build === 'shipped' ? 'build' : 'build:e2e'}\` first.`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'reglament-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    locale: options.locale ?? 'ru-RU',
    timezoneId: 'Asia/Almaty',
    args: [...chromiumArgs, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}
